import type { Msg } from '../engine/types';
import { NO_ENDPOINTS, PRESENT, type Difference, type Shared } from './types';

const L = 'compare.label';

/** How a key reads in a report: its words through i18n, its names and numbers as they are. */
const LABELS: [RegExp, (m: RegExpExecArray) => Msg][] = [
  [/^module (\S+)$/, (m) => ({ key: `${L}.module`, params: { name: m[1]! } })],
  [/^mtu (\S+)$/, (m) => ({ key: `${L}.mtu`, params: { device: m[1]! } })],
  [
    /^offload (\S+) (\S+)$/,
    (m) => ({ key: `${L}.offload`, params: { device: m[1]!, feature: m[2]! } }),
  ],
  [/^route (\S+)$/, (m) => ({ key: `${L}.route`, params: { prefix: m[1]! } })],
  [/^Service (\S+)$/, (m) => ({ key: `${L}.service`, params: { service: m[1]! } })],
  [/^NodePort (\S+)$/, (m) => ({ key: `${L}.nodePort`, params: { port: m[1]! } })],
  [/^(\S+) policy drops$/, (m) => ({ key: `${L}.policyDrops`, params: { hook: m[1]! } })],
  [/^(\S+) policy(.*)$/, (m) => ({ key: `${L}.policy`, params: { hook: m[1]!, where: m[2]! } })],
  [/^kube-proxy mode$/, () => ({ key: `${L}.kubeProxyMode` })],
  [/^kube-proxy version$/, () => ({ key: `${L}.kubeProxyVersion` })],
  [/^conntrack fill$/, () => ({ key: `${L}.conntrackFill` })],
  [/^conntrack entries$/, () => ({ key: `${L}.conntrackEntries` })],
  [/^conntrack -S (\S+)$/, (m) => ({ key: `${L}.conntrackCounter`, params: { counter: m[1]! } })],
  [/^kernel$/, () => ({ key: `${L}.kernel` })],
  [/^machine$/, () => ({ key: `${L}.machine` })],
  [/^pod (\S+) restarts$/, (m) => ({ key: `${L}.podRestarts`, params: { role: m[1]! } })],
  [/^pod (\S+)$/, (m) => ({ key: `${L}.pod`, params: { role: m[1]! } })],
];

/** The key as a message; a sysctl key is its own name in every language. */
export function labelOf(d: Pick<Difference | Shared, 'kind' | 'key'>): Msg | string {
  if (d.kind === 'sysctl') return d.key;
  for (const [re, msg] of LABELS) {
    const m = re.exec(d.key);
    if (m) return msg(m);
  }
  return d.key;
}

/** The values that are words (the rest are numbers, names and settings, shown as they are). */
const VALUE_WORDS: Record<string, string> = {
  loaded: 'compare.value.loaded',
  [PRESENT]: 'compare.value.present',
  [NO_ENDPOINTS]: 'compare.value.noEndpoints',
  missing: 'compare.value.missing',
};

export function valueOf(v: string | null): Msg | string {
  if (v === null) return { key: 'compare.value.absent' };
  const key = VALUE_WORDS[v];
  return key ? { key } : v;
}
