import type { Cited } from '../../engine/types';

/** One `Service snap.microk8s.daemon-X is running` / `FAIL:  Service ... is not running` line. */
export interface Microk8sService {
  /** `daemon-kubelite`, `daemon-proxy`, `daemon-flanneld`... (without `snap.microk8s.`). */
  name: string;
  running: boolean;
  line: number;
  text: string;
}

/** What `microk8s inspect` printed: its service checks and its warnings. */
export interface Microk8sInspectFacts {
  services: Microk8sService[];
  /**
   * `WARNING:  IPtables FORWARD policy is DROP. Consider enabling traffic forwarding with: ...`:
   * inspect greps `iptables -L` for a FORWARD line with DROP, i.e. the chain's policy. It does
   * not look at the accept rules after it.
   */
  forwardDrop: Cited | null;
  /**
   * The services are those of MicroK8s 1.21 and later (`daemon-kubelite` runs every Kubernetes
   * component, Calico is the default CNI and accepts pod traffic in FORWARD itself): true; the
   * older layout (`daemon-proxy`, `daemon-kubelet`, `daemon-flanneld` apart): false; null when
   * no service line tells.
   */
  kubelite: boolean | null;
}
