import type { Cited } from '../../engine/types';

export interface ServicePort {
  name: string | null;
  protocol: string | null;
  port: number | null;
  /** A number or a named port, as written. */
  targetPort: string | null;
  nodePort: number | null;
  line: number;
  text: string;
}

export interface ServiceFacts {
  type: Cited | null;
  clusterIP: Cited | null;
  ports: ServicePort[];
  externalTrafficPolicy: Cited | null;
  internalTrafficPolicy: Cited | null;
  healthCheckNodePort: Cited<number> | null;
  /** Label selector; empty when the Service has none (endpoints are then managed by hand). */
  selector: Record<string, Cited>;
}

export interface EndpointAddress {
  ip: string;
  nodeName: string | null;
  /** `Pod/name` of the targetRef, when present. */
  target: string | null;
  line: number;
  text: string;
}

export interface EndpointPort {
  name: string | null;
  port: number | null;
  protocol: string | null;
  line: number;
  text: string;
}

/** Endpoints (all subsets together) or an EndpointSlice, in one shape. */
export interface EndpointsFacts {
  ready: EndpointAddress[];
  notReady: EndpointAddress[];
  ports: EndpointPort[];
  /** EndpointSlice only: the Service it belongs to (`kubernetes.io/service-name`). */
  serviceName: string | null;
}

export interface ProbeFacts {
  kind: 'http-get' | 'tcp-socket' | 'exec' | 'grpc' | 'other';
  /** `http://:10254/healthz`, `tcp :8080`, `exec cat /tmp/healthy`. */
  target: string;
  port: string | null;
  path: string | null;
  timeoutSeconds: number | null;
  periodSeconds: number | null;
  failureThreshold: number | null;
  line: number;
  text: string;
}

export interface ContainerFacts {
  name: string;
  image: string | null;
  ports: {
    containerPort: number | null;
    hostPort: number | null;
    protocol: string | null;
    name: string | null;
    line: number;
    text: string;
  }[];
  liveness: ProbeFacts | null;
  readiness: ProbeFacts | null;
  /** From the Pod's status, when the object is a Pod with a status. */
  ready: boolean | null;
  restartCount: Cited<number> | null;
  line: number;
  text: string;
}

/** The pod spec of a Pod, or of a DaemonSet / Deployment / StatefulSet / ReplicaSet template. */
export interface PodSpecFacts {
  hostNetwork: Cited<boolean> | null;
  dnsPolicy: Cited | null;
  nodeName: Cited | null;
  containers: ContainerFacts[];
  /** Labels of the pods (a Pod's own labels or the template's). */
  labels: Record<string, Cited>;
}

export interface PodStatusFacts {
  phase: Cited | null;
  podIP: Cited | null;
  hostIP: Cited | null;
  /** The `Ready` condition's status (`True` / `False`). */
  ready: Cited | null;
}

/**
 * TLS settings of an ingress gateway's own object: an Istio Gateway server's `tls`, an Envoy
 * Gateway ClientTrafficPolicy's `tls`, a Traefik TLSOption, a ContourConfiguration's `envoy.tls`.
 */
export interface TlsPolicyFacts {
  product: 'istio' | 'envoy-gateway' | 'traefik' | 'contour';
  /** The suites in order, as written (`ECDHE-RSA-AES128-GCM-SHA256`, `TLS_RSA_WITH_AES_128_CBC_SHA`). */
  ciphers: Cited<string[]> | null;
  /** As written: `TLSV1_2`, `1.2`, `VersionTLS12`. */
  minVersion: Cited | null;
  maxVersion: Cited | null;
  /**
   * The server picks the first suite of its list it shares with the client (OpenSSL/BoringSSL);
   * false where the list is a set and the library orders it (Go's crypto/tls, Traefik).
   */
  serverOrder: boolean;
  line: number;
  text: string;
}

/**
 * An Event (`kubectl get events -o yaml|json`): core/v1 (`involvedObject`, `message`, `count`,
 * `source`) or events.k8s.io/v1 (`regarding`, `note`, `series.count`, `reportingController`).
 */
export interface EventFacts {
  type: string | null;
  reason: string | null;
  /** Cited at its own line (a JSON one-liner: the object's line). */
  message: Cited | null;
  /** `count`, `series.count` or `deprecatedCount`; 1 when none is given. */
  count: number;
  /** The object it is about: `Pod`, its name and namespace. */
  object: { kind: string | null; name: string | null; namespace: string | null };
  /** `source.component` / `reportingController` / `reportingComponent` (`kubelet`). */
  from: string | null;
}

export interface K8sObject {
  kind: string;
  apiVersion: string | null;
  name: string | null;
  namespace: string | null;
  /** The line of `kind:` (or the object's first line). */
  line: number;
  text: string;
  labels: Record<string, Cited>;
  service?: ServiceFacts;
  endpoints?: EndpointsFacts;
  pod?: PodSpecFacts;
  podStatus?: PodStatusFacts;
  /** ConfigMap `data`, each value with the line of its key. */
  data?: Record<string, Cited>;
  /**
   * Spec fields pasted without their object (`grep dnsPolicy`): kind and name come from the
   * command when it names them, and fields the paste does not show may well be set.
   */
  fragment?: true;
  /** TLS settings of a gateway's object (one per Istio Gateway server that has `tls`). */
  tls?: TlsPolicyFacts[];
  event?: EventFacts;
}

/** `kubectl get ... -o yaml|json` (or a manifest): every object, with the fields the rules read. */
export interface K8sObjectFacts {
  format: 'yaml' | 'json';
  objects: K8sObject[];
}
