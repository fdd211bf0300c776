import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePaste } from '../../parsers/registry';
import { factsOf } from '../../testing/facts';
import { runPrograms } from '../engine';
import { parsePacket } from '../packet';
import type { Packet, WalkNode } from '../types';
import { compileNft } from '.';

/** Docker's nftables backend in three more network setups (fixtures/SOURCES.md). */
const programOf = (name: string) => {
  const raw = readFileSync(
    new URL(`./fixtures/nft--moby-docker-nftables-${name}.txt`, import.meta.url),
    'utf8',
  );
  return compileNft(factsOf(parsePaste(raw, name)[0], 'nft'), name);
};
const node: WalkNode = { addresses: ['10.0.0.5', '192.0.2.1', '172.17.0.1'] };
function packetOf(s: string, over: Partial<Packet> = {}): Packet {
  const p = parsePacket(s, { inIface: 'eth0' });
  if (!p) throw new Error(s);
  return { ...p, ...over };
}

describe('moby nftables: routed mode, loopback publish, ICC disabled', () => {
  it('routed: the container is reached at its own address, no DNAT, no masquerade', () => {
    const routed = programOf('usernet-portmap-routed');
    const r = runPrograms(
      [routed],
      packetOf('tcp 203.0.113.9:40000 -> 192.0.2.2:80', { outIface: 'bridge1' }),
      node,
    );
    expect(r.verdict).toBe('forward');
    expect(r.branches[0]!.masquerade).toBe(false);
    expect(r.hops).toContainEqual(
      expect.objectContaining({
        chain: 'filter-forward-in__bridge1',
        rule: 'ip daddr 192.0.2.2 tcp dport 80 counter accept',
        action: 'ACCEPT',
      }),
    );
    const ping = runPrograms(
      [routed],
      packetOf('icmp 203.0.113.9 -> 192.0.2.2', { outIface: 'bridge1' }),
      node,
    );
    expect(ping.verdict).toBe('forward');
    expect(ping.hops.map((h) => h.rule)).toContain(
      'ip protocol icmp counter accept comment "ICMP"',
    );
    const closed = runPrograms(
      [routed],
      packetOf('tcp 203.0.113.9:40000 -> 192.0.2.2:81', { outIface: 'bridge1' }),
      node,
    );
    expect(closed.verdict).toBe('drop');
    expect(closed.branches[0]!.decidedBy?.rule).toBe(
      'counter drop comment "UNPUBLISHED PORT DROP"',
    );
  });

  it('loopback publish: a remote packet to 127.0.0.1:8080 is dropped in raw-PREROUTING', () => {
    const lo = programOf('usernet-portmap-lo');
    const r = runPrograms([lo], packetOf('tcp 203.0.113.9:40000 -> 127.0.0.1:8080'), node);
    expect(r.verdict).toBe('drop');
    expect(r.branches[0]!.decidedBy).toMatchObject({
      chain: 'raw-PREROUTING',
      rule: 'iifname != "lo" ip daddr 127.0.0.1 tcp dport 8080 counter drop comment "DROP REMOTE LOOPBACK"',
    });
  });

  it('loopback publish: the node itself is not translated in nat-OUTPUT (127.0.0.0/8 is excluded)', () => {
    const lo = programOf('usernet-portmap-lo');
    const r = runPrograms(
      [lo],
      packetOf('tcp 127.0.0.1:40000 -> 127.0.0.1:8080', { local: true, inIface: null }),
      node,
    );
    expect(r.endpoints).toEqual([]);
    expect(r.verdict).toBe('accept');
  });

  it('ICC disabled: a container reaching another on its own bridge is dropped', () => {
    const noicc = programOf('usernet-portmap-noicc');
    const r = runPrograms(
      [noicc],
      packetOf('tcp 192.0.2.3:40000 -> 192.0.2.2:80', { inIface: 'bridge1', outIface: 'bridge1' }),
      node,
    );
    expect(r.verdict).toBe('drop');
    expect(r.branches[0]!.decidedBy?.rule).toBe('iifname "bridge1" counter drop comment "ICC"');
    const published = runPrograms(
      [noicc],
      packetOf('tcp 203.0.113.9:40000 -> 10.0.0.5:8080', { outIface: 'bridge1' }),
      node,
    );
    expect(published.verdict).toBe('dnat');
    expect(published.endpoints).toEqual([{ address: '192.0.2.2', port: 80, probability: 1 }]);
  });
});
