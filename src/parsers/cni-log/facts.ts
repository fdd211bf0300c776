export type CniErrorKind =
  'br-netfilter-missing' | 'bird-not-ready' | 'ipam' | 'no-interface' | 'api-unreachable' | 'other';

/** A warning or error of the CNI agent, classified. */
export interface CniEvent {
  kind: CniErrorKind;
  /** As the log wrote it: klog `W`/`E`/`F`, calico `WARNING`/`ERROR`, cilium `warning`/`error`. */
  level: string;
  message: string;
  line: number;
  text: string;
}

/** Logs of flannel, calico-node, the cilium agent, weave-net or kube-router (`kubectl logs` of their pods). */
export interface CniLogFacts {
  cni: 'flannel' | 'calico' | 'cilium' | 'weave' | 'kube-router' | null;
  /** Warnings and errors in paste order (at most 500 kept; `counts` counts all). */
  events: CniEvent[];
  counts: Partial<Record<CniErrorKind, number>>;
}
