/** Kubernetes 与 ingress 侧解析器消息（`parse.<kind>.*` 及其近似误贴）的简体中文文本，键与 parsers-k8s.en.ts 相同。 */
export default {
  parse: {
    'ingress-nginx-log': {
      notALogLine: '这一行不是 ingress-nginx 日志行（nginx 错误日志、访问日志或控制器日志）。',
      noLines:
        '没有找到 ingress-nginx 日志行。请粘贴 `kubectl -n ingress-nginx logs <控制器 pod>` 的输出。',
      mostlyNotLog:
        '只有 {{log}} 行是 ingress-nginx 日志，另有 {{other}} 行是其他内容。请单独粘贴控制器日志。',
      summary: 'ingress-nginx 日志：没有上游错误；{{access}} 条访问日志，其中 {{fiveXX}} 条 5xx',
      summaryErrors:
        'ingress-nginx 日志：{{errors}} 个错误（{{counts}}）；{{access}} 条访问日志，其中 {{fiveXX}} 条 5xx',
      moreProblems: '……另有 {{n}} 行无法识别。',
    },
    'cni-log': {
      notALogLine: '这一行不是 CNI 组件（flannel、calico-node、cilium）的日志行。',
      noLines:
        '没有找到 CNI 组件的日志行。请粘贴 `kubectl -n kube-system logs <calico-node / kube-flannel / cilium pod>` 的输出。',
      mostlyNotLog:
        '只有 {{log}} 行是 CNI 组件日志，另有 {{other}} 行是其他内容。请单独粘贴该组件的日志。',
      summary: '{{cni}} 日志，共 {{n}} 行，没有警告或错误',
      summaryErrors: '{{cni}} 日志，共 {{n}} 行：{{counts}}',
      moreProblems: '……另有 {{n}} 行无法识别。',
    },
    'kubectl-get': {
      notARow: '这一行与上方表格的列对不上。',
      kubectlError: 'kubectl 返回了错误：{{error}}',
      noHeader: '表格没有表头行（用 grep 过滤过？）；列名按命令推断为：{{columns}}。',
      trailing: '表格在这一行之前已经结束；从这里开始的内容没有读取。',
      noRows:
        '没有找到表格行。请连同表头一起粘贴 `kubectl get pods -o wide`（或 svc、ep、nodes）的输出。',
      mostlyNotTable:
        '只有 {{rows}} 行是 kubectl 表格行，另有 {{other}} 行是其他内容。请单独粘贴 `kubectl get` 的输出。',
      summary: 'kubectl get：{{kinds}} 共 {{rows}} 行',
      summaryNone: 'kubectl get：没有找到资源',
      moreProblems: '……另有 {{n}} 行无法识别。',
    },
    'k8s-object': {
      tooLarge:
        '粘贴内容超过 {{max}} MB。请只粘贴一个对象（`kubectl get 类型 名称 -o yaml`），或用 `-l` 过滤。',
      flattened:
        'YAML 的缩进丢失了（第 {{line}} 行：`{{key}}:` 下面没有任何嵌套内容），博客和聊天工具常会这样。请按终端里显示的原样粘贴 `kubectl get 类型 名称 -o yaml`（或 `-o json`）。',
      aliasBomb:
        '第 {{line}} 行：YAML 使用了超过 {{max}} 个别名（`*name`）。kubectl 从不输出别名；这看起来是别名炸弹，未读取。',
      tooDeep: '第 {{line}} 行：文档嵌套超过 {{max}} 层，未读取。',
      yamlTab: '第 {{line}} 行：YAML 不能用制表符缩进。',
      yamlIndent: '第 {{line}} 行：缩进与上面的行对不上。',
      yamlNotKey: '第 {{line}} 行：这里应当是 `key: value` 形式的行。',
      yamlSyntax: '第 {{line}} 行：无法按 YAML 读取。',
      jsonSyntax: '第 {{line}} 行：不是有效的 JSON。',
      trailing: '对象在这一行之前已经结束；从这里开始的内容没有读取。',
      noObjects:
        '没有找到 Kubernetes 对象（带 `apiVersion` 和 `kind`）。请粘贴 `kubectl get 类型 名称 -o yaml` 的输出。',
      summary: '{{n}} 个对象：{{objects}}',
    },
    'kubectl-describe': {
      badLine: '这一行无法识别。',
      badEvent: 'Events 表中的这一行无法识别。',
      nothing:
        '没有找到 `kubectl describe` 的内容（没有 Name、容器或事件）。请粘贴完整的 `kubectl describe pod 名称` 输出。',
      summary:
        'kubectl describe {{object}} {{name}}：{{events}} 个事件，其中 {{warnings}} 个警告；最多重启 {{restarts}} 次',
      moreProblems: '……另有 {{n}} 行无法识别。',
    },
    'nginx-tls': {
      notASetting: '这一行既不是 nginx 指令，也不是 ConfigMap 配置项。',
      noTls:
        '没有找到 TLS 配置（ssl_protocols、ssl_ciphers、http2、use-http2），也没有浏览器报错。请粘贴 ingress-nginx ConfigMap 的 data 或 server 配置块。',
      mostlyNotConfig:
        '只有 {{config}} 行是 nginx 或 ConfigMap 配置，另有 {{other}} 行是其他内容。请单独粘贴这些配置。',
      summary:
        'TLS 配置：协议 {{protocols}}；{{ciphers}} 个加密套件；HTTP/2 {{http2}}；浏览器报错 {{browser}}',
      moreProblems: '……另有 {{n}} 行无法识别。',
    },
    'curl-v': {
      nothing: '没有找到 curl 的输出。请连同命令行一起粘贴完整的 `curl -v URL` 输出。',
      summary: 'curl {{target}}：{{outcome}}；HTTP 状态码 {{status}}；{{error}}',
    },
    nearMiss: {
      'k8s-fragment':
        '这只是 Kubernetes 对象的几个字段（从 `-o yaml` 中 grep 出来的？），缺少对象的类型和名称。请粘贴不带 grep 的完整 `kubectl get 类型 名称 -o yaml`。',
      'kubectl-jsonpath':
        '这是 `kubectl get -o jsonpath` 的输出，只有模板选出的字段。请改为粘贴 `kubectl get 类型 名称 -o yaml`（完整对象）。',
      'kubectl-name':
        '这是对象名称列表（`-o name`）。请改为粘贴 `kubectl get 类型 -o wide` 或 `kubectl get 类型 名称 -o yaml`。',
      'kubectl-apply':
        '这是 kubectl 修改对象后打印的结果，与网络无关。请改为粘贴该对象的 `kubectl get 类型 名称 -o yaml`。',
      'kubectl-logs':
        '这是向导不读取的组件的日志。请改为粘贴 kube-proxy、ingress-nginx 控制器或 CNI 组件（calico-node、kube-flannel、cilium）的日志。',
    },
  },
};
