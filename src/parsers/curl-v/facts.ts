import type { Cited } from '../../engine/types';

export type CurlOutcome =
  | 'http'
  | 'connected'
  | 'refused'
  | 'timeout'
  | 'unreachable'
  | 'connect-failed'
  | 'dns'
  | 'reset'
  | 'empty-reply'
  | 'tls-error'
  | 'other-error';

export interface CurlStatus {
  version: string;
  status: number;
  reason: string;
  line: number;
  text: string;
}

/** `curl -v` / `curl -vk` transcripts, and plain `curl` answers when the command line is shown. */
export interface CurlFacts {
  /** The URL on the command line (line 0: the section's command), else the host curl said it was trying. */
  target: Cited | null;
  /** `* Trying 10.0.0.1:443...`, one per address tried. */
  attempts: Cited[];
  /** `* Connected to host (10.0.0.1) port 443`. */
  connected: Cited | null;
  /** `* connect to 10.0.0.1 port 443 failed: Connection refused`, `* Connection timed out after ...`. */
  connectError: Cited | null;
  /** `* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384`: version and cipher. */
  tls: Cited<{ version: string; cipher: string }> | null;
  /** `* ALPN: server accepted h2` → `h2`; `none` when the server agreed to no protocol. */
  alpn: Cited | null;
  /** `-L`: `* Issue another request to this URL: 'https://www.example.com/'`, one per redirect followed. */
  redirects: Cited[];
  /** Every status line (`< HTTP/2 502`, or `HTTP/1.1 404 Not Found` of `curl -I`), in order. */
  statuses: CurlStatus[];
  /** `curl: (28) Connection timed out after 5001 milliseconds`. */
  error: Cited<{ code: number; message: string }> | null;
  /** The first line of the response body, and how many lines it has up to a blank line. */
  body: Cited | null;
  bodyLines: number;
  /** What happened, from the most telling line. */
  outcome: CurlOutcome | null;
}
