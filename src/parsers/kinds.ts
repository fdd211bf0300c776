/**
 * Every output kind a parser exists for. Kept apart from the registry so the page can list
 * kinds without pulling the parsers into its first script (they run in the worker).
 */
export const KINDS = [
  'iptables-save',
  'iptables-L',
  'kube-proxy-log',
  'netstat-s',
  'sysctl',
] as const;
export type Kind = (typeof KINDS)[number];
