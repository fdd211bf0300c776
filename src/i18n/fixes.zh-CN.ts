export default {
  fix: {
    tw: {
      removeOld:
        '同时删除 /etc/sysctl.conf 和 /etc/sysctl.d/*.conf 中所有 net.ipv4.tcp_tw_recycle = 1 的行',
      runTwice: '运行两次；计数器必须不再增长',
      never: '在会被 NAT 后客户端访问的主机上，永远不要再设回 1',
    },
    forward: {
      docker:
        'Docker 启动时会把 FORWARD 设为 DROP：请保留 kube-proxy 的 KUBE-FORWARD 和 CNI 的放行规则',
      counter: '默认策略的计数器必须不再增长',
    },
    kubeProxy: {
      why: '在问题再次发生前，找出它停止同步的原因：',
      noRollback: '无需回滚：重启 kube-proxy 只会重新生成它自己的规则',
    },
    etp: {
      where: '该服务的就绪 Pod 运行在哪些节点上？本节点需要一个：',
      either:
        '要么在负载均衡转发到的每个节点上运行一个就绪 Pod（DaemonSet、拓扑分布），要么让所有节点都转发：',
      orPool: '或者通过健康检查端口，把没有本地 Pod 的节点摘出负载均衡：',
      empty: '必须没有任何输出',
    },
    clash: { who: '谁占用了该端口？重启那个进程，然后重启 kube-proxy' },
  },
};
