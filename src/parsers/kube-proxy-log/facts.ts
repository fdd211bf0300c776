import type { Cited } from '../../engine/types';

export interface KlogEntry {
  /** I, W, E or F (klog severity). */
  level: 'I' | 'W' | 'E' | 'F';
  /** Source file and line, e.g. `server_others.go:304`. */
  origin: string;
  message: string;
  line: number;
  text: string;
}

/** kube-proxy's klog output (`kubectl logs kube-proxy-...`, /var/log/kube-proxy.log). */
export interface KubeProxyLogFacts {
  entries: KlogEntry[];
  /** Which proxier it ended up using (`Using ipvs Proxier`), the last one logged. */
  proxier: Cited<'iptables' | 'ipvs' | 'nftables' | 'userspace' | 'kernelspace'> | null;
  /** `Version: v1.17.4` */
  version: Cited | null;
}
