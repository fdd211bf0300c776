import type { Shape } from './shape';
import type en from './compare.en';

/** 正常节点与故障节点的对比：`triage diff` 及其报告。 */
export default {
  compare: {
    title: '与正常节点的差异',
    goodNode: '正常节点',
    badNode: '故障节点',
    explainedBy: '对应原因：{{cause}}',
    noDifference: '在两个节点都粘贴了的内容中，两者没有差异。',
    nothingCompared:
      '没有可对比的内容：两个节点的粘贴中没有同一种可识别的输出。请为两个节点粘贴相同命令的输出。',
    noiseLeftOut: '已略去 {{n}} 项噪声差异（计数器、名称、地址）；`--all` 可显示。',
    noise: '噪声',
    others: '其他差异',
    coverageTitle: '未能对比',
    coverage: {
      good: '{{kind}}：未粘贴正常节点的输出',
      bad: '{{kind}}：未粘贴故障节点的输出',
    },
    supports: '与正常节点不同',
    against: '与正常节点相同（两个节点共有的设置无法解释为何只有一个节点出故障）',
    kind: {
      sysctl: 'sysctl',
      modules: '内核模块',
      'kube-proxy': 'kube-proxy',
      services: 'Service 与 NodePort',
      policies: '防火墙默认策略',
      mtu: 'MTU',
      offload: '网卡卸载',
      routes: 'Pod 网络路由',
      conntrack: 'conntrack',
      kernel: '内核',
      pods: 'CNI 与 kube-proxy 的 Pod',
    },
    label: {
      module: '模块 {{name}}',
      mtu: '{{device}} 的 MTU',
      offload: '{{device}} 的 {{feature}}',
      route: '到 {{prefix}} 的路由',
      service: 'Service {{service}}',
      nodePort: 'NodePort {{port}}',
      policy: '{{hook}} 默认策略{{where}}',
      policyDrops: '{{hook}} 默认策略丢弃的包数',
      kubeProxyMode: 'kube-proxy 模式',
      kubeProxyVersion: 'kube-proxy 版本',
      conntrackFill: 'conntrack 表使用率',
      conntrackEntries: 'conntrack 条目数',
      conntrackCounter: 'conntrack -S {{counter}}',
      kernel: '内核版本',
      machine: '机器架构',
      pod: '{{role}} Pod',
      podRestarts: '{{role}} Pod 重启次数',
    },
    value: {
      absent: '无',
      loaded: '已加载',
      present: '存在',
      noEndpoints: '没有端点',
      missing: '没有此键',
    },
  },
} satisfies Shape<typeof en>;
