import type { Cited } from '../../engine/types';

/** A probe as `kubectl describe` prints it: `http-get http://:10254/healthz delay=10s timeout=1s ...`. */
export interface DescribeProbe {
  kind: 'http-get' | 'tcp-socket' | 'exec' | 'grpc' | 'other';
  /** `http://:10254/healthz`, `:8080` (tcp-socket), the command (exec). */
  target: string;
  port: number | null;
  timeoutSeconds: number | null;
  periodSeconds: number | null;
  failureThreshold: number | null;
  line: number;
  text: string;
}

export interface DescribeContainer {
  name: string;
  /** `80/TCP, 443/TCP` split; empty for `<none>`. */
  ports: string[];
  hostPorts: string[];
  state: Cited | null;
  /** `Last State: Terminated` with its `Reason:` (`Error`, `OOMKilled`, `Completed`). */
  lastState: Cited | null;
  lastReason: Cited | null;
  ready: Cited<boolean> | null;
  restartCount: Cited<number> | null;
  liveness: DescribeProbe | null;
  readiness: DescribeProbe | null;
  /** True for `Init Containers:`. */
  init: boolean;
  line: number;
  text: string;
}

export interface DescribeEvent {
  type: string;
  reason: string;
  /** `3m`, `<unknown>`; for the old format the LastSeen column. */
  age: string;
  /** `(x5 over 10m)` → 5; the old format's Count column; 1 otherwise. */
  count: number;
  from: string;
  /** The message; a message kubectl wrapped onto following lines is joined with newlines. */
  message: string;
  /** `Liveness probe failed: Get "http://10.0.0.1:10254/healthz": ...` read apart. */
  probe: {
    kind: 'liveness' | 'readiness' | 'startup';
    target: string | null;
    port: number | null;
  } | null;
  line: number;
  text: string;
}

/** `kubectl describe pod|svc|node|...` (or only its Events table). */
export interface KubectlDescribeFacts {
  /** `Pod`, `Service`, ... when the fields or the command tell; null otherwise. */
  object: string | null;
  name: Cited | null;
  namespace: Cited | null;
  /** `Node: node1/10.0.0.1` → `node1`. */
  node: Cited | null;
  status: Cited | null;
  /** Every top-level `Key: value` (`IP`, `Type`, `Endpoints`, `External Traffic Policy`, ...), in order. */
  fields: Record<string, Cited[]>;
  containers: DescribeContainer[];
  events: DescribeEvent[];
  /** `Events:  <none>`. */
  eventsNone: boolean;
  /** An Ingress's rule backends: `web:80 (10.1.2.3:8080,...)`, `(<none>)`, `(<error: ...>)`. */
  backends: Cited<{ service: string; port: string; endpoints: string }>[];
}
