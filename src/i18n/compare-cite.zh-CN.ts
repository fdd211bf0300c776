/** 结论中关于正常节点的说明，以及向导的对比界面。 */
export default {
  compareCite: {
    differs: '与正常节点不同：{{what}} 在本节点为 {{here}}，在正常节点为 {{there}}。',
    same: '正常节点上相同（{{what}}：{{value}}）：两个节点共有的设置无法解释为何只有本节点出问题。',
  },
  compareUi: {
    title: '与正常节点的对比',
    good: '正常节点',
    goodNamed: '正常节点（{{name}}）',
    here: '本节点',
    what: '项目',
    explains: '这一差异可以解释的原因',
    noise: '已略去 {{n}} 处计数器、名称和地址的差异：任意两个节点在这些方面都会不同。',
    coverage: {
      good: '{{kind}}：只粘贴了本节点的输出，未对比。',
      bad: '{{kind}}：只粘贴了正常节点的输出，未对比。',
    },
    addTitle: '与正常节点对比',
    addIntro:
      '粘贴一个正常节点上相同命令的输出：不同之处就是证据，而两个节点共有的设置不可能是只有本节点出问题的原因。',
    collect: '在正常节点上收集',
    collectIntro:
      '以 root 身份在一个正常的节点上运行。它只读取信息，每段输出前都有 `==> COMMAND <==` 标题。',
    name: '正常节点的名称或地址（可选）',
    paste: '它的输出（收集脚本的输出，或依次粘贴相同命令的输出）',
    compare: '对比',
    remove: '移除正常节点',
    read: '从{{name}}读取到：',
    source: '{{step}}（正常节点）',
    stepTitle: '正常节点上相同命令的输出（可选）',
    stepHint: '在一个正常的节点上运行同一条命令，把输出粘贴到这里：诊断时会对比两个节点。',
    stepLabel: '正常节点的输出',
    keep: '保留，用于对比',
    forget: '丢弃',
  },
};
