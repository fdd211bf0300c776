import type { Line } from '../../engine/types';
import { accept, defineParser, msg, reject } from '../define';
import { ProblemList, cite } from '../node-shared/util';
import type { FirewallFacts, FirewallZone } from './facts';

const K = 'parse.firewall-cmd';
/** `public (active)`, `trusted (default, active)`, `FedoraWorkstation (default, active)`, `block`. */
const ZONE = /^([A-Za-z0-9_.-]+)(?: \(([a-z, ]+)\))?\s*$/;
const FIELD = /^\s+([a-z][a-z -]*?):(?:\s(.*))?$/;
const KNOWN = new Set([
  'target',
  'icmp-block-inversion',
  'interfaces',
  'sources',
  'services',
  'ports',
  'protocols',
  'forward',
  'masquerade',
  'forward-ports',
  'source-ports',
  'icmp-blocks',
  'rich rules',
  'ingress-priority',
  'egress-priority',
]);

/** `firewall-cmd --list-all[-zones]` → zones with target, interfaces, services, ports, rich rules. */
export const firewallCmd = defineParser<'firewall-cmd', FirewallFacts>({
  kind: 'firewall-cmd',
  detect(head) {
    let fields = 0;
    for (const l of head) {
      const f = l.text.length < 2000 ? FIELD.exec(l.text) : null;
      if (f && KNOWN.has(f[1]!)) fields += 1;
    }
    return fields >= 3 && head.some((l) => /^\s+target:/.test(l.text));
  },
  parse(lines) {
    const problems = new ProblemList(K);
    const zones: FirewallZone[] = [];
    let zone: FirewallZone | null = null;
    let inRich = false;
    let inForward = false;
    for (const l of lines) {
      const t = l.text;
      if (t.trim() === '') continue;
      if (t.length > 2000) {
        problems.add(l.n, 'badLine');
        continue;
      }
      const z = ZONE.exec(t);
      if (z) {
        zone = newZone(z, l);
        zones.push(zone);
        inRich = false;
        inForward = false;
        continue;
      }
      const f = FIELD.exec(t);
      if (f && zone && KNOWN.has(f[1]!)) {
        set(zone, f[1]!, (f[2] ?? '').trim(), l);
        inRich = f[1] === 'rich rules';
        inForward = f[1] === 'forward-ports';
        continue;
      }
      // `forward-ports:` lists one forward per line, the later ones indented under the first.
      if (zone && inForward && /^\s+port=\S+:proto=/.test(t)) {
        zone.forwardPorts.push(cite(t.trim(), l));
        continue;
      }
      if (zone && inRich && /^\s+rule\b/.test(t)) {
        zone.richRules.push(cite(t.trim(), l));
        continue;
      }
      problems.add(l.n, 'badLine');
    }
    if (zones.length === 0) return reject(msg(`${K}.noZones`));
    const main = zones.find((z) => z.active) ?? zones[0]!;
    return accept(
      { zones },
      problems.done(),
      msg(`${K}.summary`, {
        n: zones.length,
        zone: main.name.value,
        target: main.target ?? '?',
        ports: main.ports.map((p) => `${p.port}/${p.proto}`).join(' ') || '-',
      }),
    );
  },
});

function newZone(z: RegExpExecArray, l: Line): FirewallZone {
  const tags = (z[2] ?? '').split(/,\s*/);
  return {
    name: cite(z[1]!, l),
    active: tags.includes('active'),
    isDefault: tags.includes('default'),
    target: null,
    interfaces: [],
    sources: [],
    services: [],
    ports: [],
    masquerade: null,
    richRules: [],
    forwardPorts: [],
    fields: {},
  };
}

function set(zone: FirewallZone, key: string, value: string, l: Line): void {
  zone.fields[key] = cite(value, l);
  const words = value ? value.split(/\s+/) : [];
  if (key === 'target') zone.target = value || null;
  else if (key === 'interfaces') zone.interfaces = words;
  else if (key === 'sources') zone.sources = words;
  else if (key === 'services') zone.services = words;
  else if (key === 'masquerade') zone.masquerade = value === 'yes';
  else if (key === 'ports')
    zone.ports = words.map((w) => {
      const [port = w, proto = ''] = w.split('/');
      return { port, proto, line: l.n };
    });
  else if (key === 'rich rules' && value) zone.richRules.push(cite(value, l));
  else if (key === 'forward-ports' && value) zone.forwardPorts.push(cite(value, l));
}
