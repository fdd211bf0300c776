import type { Cited } from '../../engine/types';

export type UpstreamErrorKind =
  | 'timeout-connect'
  | 'timeout-read'
  | 'refused'
  | 'reset'
  | 'unreachable'
  | 'no-live-upstreams'
  | 'premature-close'
  | 'header-too-big'
  /**
   * nginx could not complete its TLS handshake with the upstream (`SSL_do_handshake() failed ...
   * while SSL handshaking to upstream`): the pod accepted the TCP connection, then the two sides
   * disagreed on TLS (plain-HTTP port, protocol version, certificate). Not a refusal.
   */
  | 'tls-upstream'
  | 'no-endpoints'
  /**
   * A connect() to 127.0.0.1:8181 failed: the address the controller writes into an upstream
   * that has no endpoints (ingress-nginx before its Lua balancer, NGINX Inc's controller today).
   * Nothing listens there, so it is refused: the Service had no endpoint, no pod refused.
   */
  | 'placeholder-upstream'
  /** A proxy could not connect and does not say why (Envoy `UF` without a failure reason). */
  | 'connect-failed'
  | 'dns'
  | 'other';

/** An nginx error-log line or a controller (klog) warning/error, classified. */
export interface IngressErrorEvent {
  kind: UpstreamErrorKind;
  /** `envoy` and `traefik`: the same events as other ingress proxies log them (`proxy-log`). */
  source: 'nginx' | 'controller' | 'envoy' | 'traefik';
  /** nginx `error`, `warn`, `crit`...; klog `W`, `E`, `F`. */
  level: string;
  message: string;
  /** `192.168.215.1:80` from `upstream: "http://192.168.215.1:80/"`. */
  upstream: string | null;
  /**
   * The protocol nginx spoke to the upstream, from the scheme of its `upstream:` URL (`http`,
   * `https`, `uwsgi`, `fastcgi`, `grpc`...); absent when the line names none.
   */
  protocol?: string;
  /** `ns/name` of `Service "ns/name" does not have any active Endpoint`. */
  service: string | null;
  client: string | null;
  host: string | null;
  request: string | null;
  line: number;
  text: string;
}

/** An access-log line (ingress-nginx `log-format-upstream`, or nginx `combined`). */
export interface IngressAccessLine {
  status: number;
  request: string;
  /** `[ns-svc-port]`, `upstream-default-backend` when no Ingress rule matched the host. */
  upstreamName: string | null;
  /** One address per attempt: `10.0.0.1:80, 10.0.0.1:80` → two. */
  upstreams: string[];
  upstreamStatuses: string[];
  /** Seconds per attempt; null for `-`. */
  upstreamTimes: (number | null)[];
  requestTime: number | null;
  line: number;
  text: string;
}

/** `kubectl logs` of an ingress-nginx controller: nginx error and access lines, controller klog. */
export interface IngressNginxLogFacts {
  /** Classified events, in paste order (at most 500 kept; `errorCounts` counts all). */
  errors: IngressErrorEvent[];
  errorCounts: Partial<Record<UpstreamErrorKind, number>>;
  access: {
    total: number;
    /** Lines by status code: `{ "504": 1, "308": 1 }`. */
    statuses: Record<string, number>;
    /** 5xx lines (at most 500 kept), each with its upstream attempts and times. */
    serverErrors: IngressAccessLine[];
    /** Lines served by `upstream-default-backend` (no Ingress rule for the host). */
    defaultBackend: number;
  };
  /** `Release: v1.1.1` of the controller's banner. */
  version: Cited | null;
}
