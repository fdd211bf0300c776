import type { Cited } from '../../engine/types';

/** `sysctl -a`, `sysctl KEY...`, `sysctl -p`, `cat /proc/sys/...` (with the path echoed). */
export interface SysctlFacts {
  /** Keys in dotted form (`net.ipv4.tcp_tw_recycle`; `/proc/sys/net/ipv4/x` and `net/ipv4/x` normalised). */
  values: Record<string, Cited>;
  /** Keys the tool said do not exist (`cannot stat /proc/sys/...`, `unknown key`). Dotted form. */
  missing: Record<string, Cited>;
  /**
   * A configuration file (`/etc/sysctl.conf`, `sysctl.d/*.conf`: comments, or the file named by the
   * command): the values it sets at boot, not necessarily the running ones.
   */
  file: boolean;
  /**
   * Values read in a container (`kubectl exec POD -- sysctl ...`, a `crictl exec -it ID sh`
   * opened in the paste): that container's network namespace (its own `ip_forward`, `tcp_*`),
   * not the node's. Keyed like `values`; such a value is not in `values`.
   */
  container?: Record<string, Cited>;
  /**
   * kubeadm's preflight, read here with its FileContent checks (the same paste): the IPVS kernel
   * modules it found neither loaded nor built in (`[WARNING RequiredIPVSKernelModulesAvailable]`).
   */
  preflightModules?: Cited<string[]>;
}
