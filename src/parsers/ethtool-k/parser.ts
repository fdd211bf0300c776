import type { Cited } from '../../engine/types';
import { accept, defineParser, msg, reject } from '../define';
import { ProblemList, cite } from '../node-shared/util';
import type { EthtoolFacts, EthtoolFeature } from './facts';

const K = 'parse.ethtool-k';
/** `\ttx-checksum-ip-generic: on [fixed]`, `tx-checksumming: on ##### 当前为 on` (a note after it). */
const FEATURE = /^\s*([a-z][a-z0-9_-]*): (on|off)(?: \[(fixed|requested (?:on|off))\])?(?:\s|$)/;
const HEADER = /^\s*Features for (\S+):\s*$/;
/** `ethtool --show-priv-flags`: `Private flags for eth0:` then `legacy-rx: off`, no offload feature. */
const PRIV_FLAGS = /^\s*Private flags for \S+:\s*$/;
const CHANGES = /^\s*Actual changes:\s*$/;
/** `Cannot get device udp-fragmentation-offload settings: Operation not supported`, `Could not change any device features`. */
const TOOL_MESSAGE =
  /^\s*(?:Cannot |Could not |no offload settings changed|netlink error|ethtool: )/i;
const COMMAND = /\bethtool\s+(-[kK]|--show-features|--show-offload|--features|--offload)\s+(\S+)/;

/** `ethtool -k IFACE` and the `Actual changes:` of `ethtool -K` → features with on/off, [fixed], [requested]. */
export const ethtoolK = defineParser<'ethtool-k', EthtoolFacts>({
  kind: 'ethtool-k',
  detect(head, ctx) {
    if (head.some((l) => PRIV_FLAGS.test(l.text))) return false;
    let features = 0;
    for (const l of head) {
      if (l.text.length > 500) continue;
      if (HEADER.test(l.text) || CHANGES.test(l.text)) return true;
      if (FEATURE.test(l.text)) features += 1;
    }
    // `ethtool -k IFACE | grep generic` may leave a single feature line: the command names it.
    const content = head.filter((l) => l.text.trim() !== '');
    if (COMMAND.test(ctx.command ?? '') && features >= 1 && features === content.length)
      return true;
    return features >= 2 && features * 2 >= head.length;
  },
  parse(lines, ctx) {
    const problems = new ProblemList(K);
    const features: Record<string, EthtoolFeature> = {};
    const changes: Record<string, EthtoolFeature> = {};
    const cmd = COMMAND.exec(ctx.command ?? '');
    let iface: Cited | null = cmd ? { value: cmd[2]!, line: 0, text: ctx.command! } : null;
    let target = cmd?.[1] === '-K' || cmd?.[1] === '--features' || cmd?.[1] === '--offload';
    for (const l of lines) {
      const t = l.text;
      if (t.trim() === '') continue;
      if (t.length > 500) {
        problems.add(l.n, 'badLine');
        continue;
      }
      const f = FEATURE.exec(t);
      if (f) {
        const req = f[3]?.startsWith('requested') ? (f[3].slice(10) as 'on' | 'off') : null;
        (target ? changes : features)[f[1]!] = {
          value: f[2] as 'on' | 'off',
          fixed: f[3] === 'fixed',
          requested: req,
          line: l.n,
          text: t,
        };
        continue;
      }
      const h = HEADER.exec(t);
      if (h) {
        iface = cite(h[1]!, l);
        target = false;
        continue;
      }
      if (CHANGES.test(t)) {
        target = true;
        continue;
      }
      problems.add(l.n, TOOL_MESSAGE.test(t) ? 'toolMessage' : 'badLine', {
        text: t.trim().slice(0, 200),
      });
    }
    const n = Object.keys(features).length;
    const c = Object.keys(changes).length;
    if (n === 0 && c === 0) return reject(msg(`${K}.noFeatures`));
    return accept(
      { interface: iface, features, changes },
      problems.done(),
      summary(iface, features, changes),
    );
  },
});

function summary(
  iface: Cited | null,
  features: Record<string, EthtoolFeature>,
  changes: Record<string, EthtoolFeature>,
) {
  const name = iface?.value ?? '?';
  const n = Object.keys(features).length;
  if (n === 0)
    return msg(`${K}.summaryChanges`, {
      iface: name,
      n: Object.keys(changes).length,
      changes: brief(changes),
    });
  const generic = features['tx-checksum-ip-generic'];
  return generic
    ? msg(`${K}.summaryChecksum`, { iface: name, n, value: generic.value })
    : msg(`${K}.summary`, { iface: name, n });
}

function brief(changes: Record<string, EthtoolFeature>): string {
  return Object.entries(changes)
    .slice(0, 4)
    .map(([k, v]) => `${k} ${v.value}`)
    .join(', ');
}
