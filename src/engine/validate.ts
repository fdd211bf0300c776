import type { Validation } from './tree';

/** Answers that go into shell commands are checked here, so they are safe to fill in. */
/**
 * The value as the wizard keeps it: `80:31610/TCP`, as `kubectl get svc` prints a NodePort (and
 * as the step's help shows it), is the NodePort 31610.
 */
export function normalize(kind: Validation, value: string): string {
  const v = value.trim();
  if (kind !== 'nodeport') return v;
  return /^\d{1,5}:(\d{1,5})(?:\/(?:TCP|UDP|SCTP))?$/i.exec(v)?.[1] ?? v;
}

export function isValid(kind: Validation, value: string): boolean {
  const v = normalize(kind, value);
  switch (kind) {
    case 'nodeport':
      return /^\d{1,5}$/.test(v) && +v >= 1 && +v <= 65535;
    case 'port':
      return /^\d{1,5}$/.test(v) && +v >= 1 && +v <= 65535;
    case 'ipv4':
      return /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/.test(v);
    case 'host':
      return /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/.test(v);
    case 'name':
      return /^[a-z0-9](?:[-a-z0-9.]{0,251}[a-z0-9])?$/.test(v);
  }
}

/** The default NodePort range; a port outside it is allowed (custom ranges) but flagged. */
export function inDefaultNodePortRange(value: string): boolean {
  const n = Number(value);
  return n >= 30000 && n <= 32767;
}
