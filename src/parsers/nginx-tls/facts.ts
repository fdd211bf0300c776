import type { Cited } from '../../engine/types';

export type BrowserTlsError =
  'ERR_SPDY_INADEQUATE_TRANSPORT_SECURITY' | 'ERR_HTTP2_INADEQUATE_TRANSPORT_SECURITY';

/**
 * TLS settings of an ingress: nginx.conf / server-block directives or ingress-nginx ConfigMap
 * data lines, and the browser's HTTP/2 refusal when it was pasted.
 */
export interface NginxTlsFacts {
  /** What the paste mostly is. */
  source: 'nginx' | 'configmap' | 'browser' | 'server-log';
  /** `ssl_protocols` / `ssl-protocols`, in order. */
  protocols: Cited<string[]> | null;
  /** `ssl_ciphers` / `ssl-ciphers` split on `:`, order kept (`!aNULL` entries included). */
  ciphers: Cited<string[]> | null;
  /** `use-http2`, `http2 on|off`, or `listen ... ssl [http2]`. */
  http2: Cited<boolean> | null;
  preferServerCiphers: Cited<boolean> | null;
  browserError: Cited<BrowserTlsError> | null;
  /**
   * A Go server's (Traefik, ...) refusal to start HTTP/2 with its cipher list: `http2:
   * TLSConfig.CipherSuites index N contains an HTTP/2-approved cipher suite (0xc02f), but it
   * comes after unapproved cipher suites` (`order`), or `... is missing an HTTP/2-required
   * AES_128_GCM_SHA256 cipher` (`missing`).
   */
  goHttp2Error: Cited<{ kind: 'order' | 'missing'; detail: string }> | null;
  /** A directive was cut at the screen edge (nano's `$`): its last entry is left out, the list is partial. */
  cut?: true;
  /** Every other ConfigMap key or directive read (`upstream-keepalive-timeout`, `proxy-buffer-size`...). */
  settings: Record<string, Cited>;
}
