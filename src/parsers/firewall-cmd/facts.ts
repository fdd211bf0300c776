import type { Cited } from '../../engine/types';

export interface FirewallPort {
  /** `30000-32767`, `6443`. */
  port: string;
  proto: string;
  line: number;
}

export interface FirewallZone {
  name: Cited;
  active: boolean;
  isDefault: boolean;
  target: string | null;
  interfaces: string[];
  sources: string[];
  services: string[];
  ports: FirewallPort[];
  masquerade: boolean | null;
  /** `rich rules:` lines under the zone. */
  richRules: Cited[];
  /** `forward-ports:` entries (`port=80:proto=tcp:toport=8080:toaddr=`), one per line. */
  forwardPorts: Cited[];
  /** Every `key: value` of the zone as printed. */
  fields: Record<string, Cited>;
}

/** `firewall-cmd --list-all` (also `--zone=X --list-all`, `--list-all-zones`). */
export interface FirewallFacts {
  zones: FirewallZone[];
}
