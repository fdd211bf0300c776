import type { Cited } from '../../engine/types';
import type { K8sResource } from '../k8s-common/text';

export type { K8sResource };

export interface KubectlRow {
  /** Cells by column header as printed (`NAME`, `READY`, `NOMINATED NODE`, `PORT(S)`, ...). */
  cells: Record<string, string>;
  /** The row's kind: the table's, or from a `pod/name` prefix (`kubectl get all`). */
  resource: K8sResource | null;
  /** READY `0/1` (containers of a pod, replicas of a deployment or daemonset). */
  ready: { ready: number; total: number } | null;
  /** RESTARTS as a number: `649` → 649, `4 (2d ago)` → 4. */
  restarts: number | null;
  /** ENDPOINTS of `kubectl get ep` split on commas; `<none>` → []. Null for other tables. */
  endpoints: string[] | null;
  /** The `+ 3 more...` kubectl adds when it shortens ENDPOINTS. */
  moreEndpoints: number;
  line: number;
  text: string;
}

export interface KubectlTable {
  resource: K8sResource | null;
  columns: string[];
  /** The header line, or null when the paste had none and the columns come from the command. */
  header: Cited | null;
  rows: KubectlRow[];
}

/** `kubectl get pods|svc|ep|endpointslices|nodes|ds|deploy|rs|all [-A] [-o wide] [--show-labels]`. */
export interface KubectlGetFacts {
  tables: KubectlTable[];
  /** `No resources found in default namespace.` */
  noResources: Cited | null;
}
