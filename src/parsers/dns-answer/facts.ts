import type { Cited } from '../../engine/types';

export interface DnsRecord {
  name: string;
  /** `A`, `AAAA`, `CNAME`, ... (nslookup prints A/AAAA as `Address`, CNAME as `canonical name`). */
  type: string;
  value: string;
  ttl: number | null;
  line: number;
  text: string;
  /** The poster masked the address (`Address: XXX.XXX.XXX.XXX`): the name answered, the value is not one. */
  masked?: boolean;
}

/** `nslookup NAME [SERVER]` (bind and busybox), `dig NAME` and `host NAME [SERVER]`. */
export interface DnsAnswerFacts {
  tool: 'nslookup' | 'dig' | 'host';
  /** The server that answered (`Server:` / `;; SERVER:`), or was asked and did not answer. */
  server: Cited | null;
  /** The name asked: dig's QUESTION SECTION, or the echoed command. */
  query: string | null;
  status: 'answer' | 'nxdomain' | 'timeout' | 'servfail' | 'refused' | 'no-answer';
  answers: DnsRecord[];
  /** `;; connection timed out; ...`, `** server can't find ...`. */
  errors: Cited[];
  /** `Non-authoritative answer:` (false), dig's `aa` flag (true); null when not shown. */
  authoritative: boolean | null;
  /**
   * `;; reply from unexpected source: 10.42.0.3#53, expected 10.43.0.10#53` (bind's nslookup and
   * dig): the answer came from another address than the one asked, so the tool dropped it.
   */
  unexpected: UnexpectedReply[];
}

export interface UnexpectedReply {
  /** The address the reply came from. */
  from: string;
  /** The address the query was sent to. */
  expected: string;
  line: number;
  text: string;
}
