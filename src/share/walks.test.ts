import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePaste } from '../parsers/registry';
import { walk } from '../walk';
import { parsePacket } from '../walk/packet';
import { walkInputsOf } from '../walk/sections';
import { buildPayload, shareableState } from './build';
import { decodeShare, encodeShare } from './codec';
import { validatePayload } from './schema';

// kube-proxy's own expected ruleset (see src/walk/fixtures/oracle/SOURCES.md).
const DUMP = readFileSync(
  new URL('../walk/fixtures/oracle/kube-proxy-iptables.txt', import.meta.url),
  'utf8',
);
const state = {
  tree: 'nodeport-one-node',
  answers: { port: '31610', node: 'k8s-node03' },
  pastes: { 'nat-rules': DUMP },
  walks: {
    'nat-rules': {
      packet: 'tcp 192.168.1.20:40000 -> 192.168.1.10:3001',
      addresses: '192.168.1.10',
    },
  },
};

/** The walk a receiver runs: the link's packet through the link's rules. */
function walkOf(
  pastes: Record<string, string | null>,
  spec: { packet: string; addresses?: string },
) {
  const { inputs } = walkInputsOf(parsePaste(pastes['nat-rules']!, 'nat-rules'));
  const addresses = (spec.addresses ?? '').split(',').filter(Boolean);
  return walk(inputs, parsePacket(spec.packet)!, { addresses });
}

describe('a walked packet in a share link', () => {
  it('travels with the link and comes back the same', async () => {
    const { payload } = buildPayload('nodeport-one-node', 'nat-rules', state, 'en', {
      omitRaw: false,
      redact: false,
    });
    expect(payload.walks).toEqual(state.walks);
    expect(await decodeShare(await encodeShare(payload))).toEqual({ ok: true, payload });
  });

  // Stand-ins keep each address's identity, not its place in a prefix: a rule on 10.0.0.0/8
  // may match differently on them, so the receiving page says so beside the walk.
  it('redacted, gets the stand-ins the rest of the link got', () => {
    const { payload } = buildPayload('nodeport-one-node', 'nat-rules', state, 'en', {
      omitRaw: false,
      redact: true,
    });
    const w = payload.walks!['nat-rules']!;
    expect(w.packet).not.toContain('192.168.1.20');
    expect(w.addresses).not.toContain('192.168.1.10');
    const dst = parsePacket(w.packet)!.dst;
    expect(w.addresses).toBe(dst); // 192.168.1.10 both times: one stand-in
    const mine = walkOf(state.pastes, state.walks['nat-rules']);
    expect(mine.verdict).toBe('drop'); // externalTrafficPolicy Local, no local endpoint
    expect(mine.hops.length).toBeGreaterThan(3);
    // The receiver walks the stand-ins through the redacted rules: the NodePort still matches.
    expect(walkOf(payload.pastes, w).hops[0]?.line).toBe(mine.hops[0]?.line);
  });

  it('is refused when it is not a packet, names a question, or carries a strange interface', () => {
    const base = shareableState('nodeport-one-node', state);
    const link = (walks: unknown) => ({ ...base, node: 'nat-rules', lang: 'en', walks });
    expect(validatePayload(link(state.walks)).ok).toBe(true);
    for (const walks of [
      { 'nat-rules': { packet: 'rm -rf /' } },
      { port: { packet: 'tcp 1.2.3.4:1 -> 5.6.7.8:80' } },
      { 'nat-rules': { packet: 'tcp 1.2.3.4:1 -> 5.6.7.8:80', iface: 'eth0; reboot' } },
      { 'nat-rules': { packet: 'tcp 1.2.3.4:1 -> 5.6.7.8:80', addresses: 'node-1' } },
      { 'nat-rules': { packet: 'tcp 1.2.3.4:1 -> 5.6.7.8:80', local: 'yes' } },
      JSON.parse('{"__proto__": {"packet": "tcp 1.2.3.4:1 -> 5.6.7.8:80"}}') as unknown,
    ])
      expect(validatePayload(link(walks)).ok, JSON.stringify(walks)).toBe(false);
  });
});
