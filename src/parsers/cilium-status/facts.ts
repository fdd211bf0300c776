import type { Cited } from '../../engine/types';

/** Something that is not working, as the status names it. */
export interface CiliumStatusIssue {
  /** The field (`Kubernetes`), the controller (`cilium-health-ep`) or the pod (`cilium/cilium-w467l`). */
  what: string;
  message: string;
}

export interface CiliumWorkload {
  kind: 'DaemonSet' | 'Deployment';
  name: string;
  desired: number;
  ready: number | null;
  available: number | null;
  unavailable: number | null;
}

/**
 * `cilium-dbg status` / `cilium status` run in the agent pod (`format: 'agent'`, also
 * `--verbose`), or the status of the whole installation the cilium CLI prints with its
 * ASCII-art logo (`format: 'cli'`).
 */
export interface CiliumStatusFacts {
  format: 'agent' | 'cli';
  /** Agent: every `Name:   value` line (`KVStore`, `Hubble`, ...). CLI: the rows beside the logo and `Cluster Pods`. */
  fields: Record<string, Cited>;
  /** `Ok   Disabled`, `Disabled` (1.17+), `Ok   etcd: 1/1 connected: ...`, `Failure   Err: ...`. */
  kvstore: Cited | null;
  /** `Ok   1.28 (v1.28.4) [linux/amd64]`. */
  kubernetes: Cited<{ ok: boolean; version: string | null }> | null;
  /**
   * `True   [eth0 172.18.0.2 (Direct Routing)]`. `mode`: True/False (1.14+), Strict/Probe/Partial/
   * Disabled (before). `devices`: the interfaces in the brackets (1.7 listed features there instead).
   */
  kubeProxyReplacement: Cited<{
    mode: string;
    devices: string[];
    directRouting: string | null;
  }> | null;
  hostFirewall: Cited | null;
  /** `Cilium:   Ok   1.15.1 (v1.15.1-a368c8f0)`; older agents print `Ok   OK`, no version. */
  cilium: Cited<{ ok: boolean; version: string | null }> | null;
  /** `Controller Status:   21/22 healthy`. */
  controllers: Cited<{ healthy: number; total: number }> | null;
  /** `Cluster health:   2/4 reachable   (2024-07-17T12:45:45Z)`. */
  clusterHealth: Cited<{ reachable: number; total: number }> | null;
  /** Rows of the cluster health table where the node or its health endpoint is not reachable. */
  unreachableNodes: Cited<{ name: string; ip: string; node: string; endpoints: string }>[];
  masquerading: Cited | null;
  /** `Routing: Network: Tunnel [vxlan]   Host: BPF` (1.16+), or only `Host Routing: Legacy` before. */
  routing: Cited<{
    network: 'tunnel' | 'native' | null;
    protocol: string | null;
    host: string | null;
  }> | null;
  ipam: Cited | null;
  /** Failing controllers, fields reporting `Failure`/`Warning`, and the CLI's `Errors:` rows. */
  failures: Cited<CiliumStatusIssue>[];
  /** The CLI's `Warnings:` rows. */
  warnings: Cited<CiliumStatusIssue>[];
  /** CLI: `DaemonSet   cilium   Desired: 3, Ready: 2/3, Available: 2/3`. */
  workloads: Cited<CiliumWorkload>[];
  /** CLI: `Containers:   cilium   Running: 3` and the rows under it. */
  containers: Cited<{ name: string; states: Record<string, number> }>[];
  /** CLI: `Cluster Pods:   6/6 managed by Cilium`. */
  clusterPods: Cited<{ managed: number; total: number }> | null;
}
