import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePaste } from '../../parsers/registry';
import { factsOf } from '../../testing/facts';
import { runPrograms } from '../engine';
import { parsePacket } from '../packet';
import type { Packet, WalkNode } from '../types';
import { compileNft } from '.';
import { tMsg } from '../../i18n/translate';
import type { Msg } from '../msg';

/** A walk message as the English reader sees it. */
const en = (m: Msg | null | undefined) => (m ? tMsg('en', m) : null);

/** firewalld's and Docker's own nft tables, walked end to end with the engine. */
const text = (path: string) =>
  readFileSync(new URL(`../../parsers/nft/fixtures/${path}`, import.meta.url), 'utf8');
const programOf = (path: string) =>
  compileNft(factsOf(parsePaste(text(path), path)[0], 'nft'), path);

function packetOf(s: string, over: Partial<Packet> = {}): Packet {
  const p = parsePacket(s, { inIface: 'eth0' });
  if (!p) throw new Error(s);
  return { ...p, ...over };
}

describe('firewalld on RHEL 8 (inet firewalld, zones, iptables-nft libvirt tables)', () => {
  const firewalld = programOf('nft--insights2022-rhel8-firewalld-libvirt.txt');
  const node: WalkNode = { addresses: ['10.0.2.15'] };

  it('rejects a closed port in the public zone with icmpx admin-prohibited', () => {
    const r = runPrograms(
      [firewalld],
      packetOf('tcp 203.0.113.9:40000 -> 10.0.2.15:8080', { inIface: 'enp0s3' }),
      node,
    );
    expect(r.verdict).toBe('reject');
    expect(r.branches[0]!.rejectWith).toBe('icmpx type admin-prohibited');
    expect(r.branches[0]!.decidedBy).toMatchObject({
      table: 'inet firewalld',
      chain: 'filter_INPUT',
      rule: 'reject with icmpx type admin-prohibited',
    });
    // The zone dispatch sent it to the public zone.
    expect(r.hops.map((h) => h.action)).toContain('goto filter_IN_public');
  });

  it("accepts the public zone's open port (tcp dport 9090 ct state new,untracked accept)", () => {
    const r = runPrograms(
      [firewalld],
      packetOf('tcp 203.0.113.9:40000 -> 10.0.2.15:9090', { inIface: 'enp0s3' }),
      node,
    );
    expect(r.verdict).toBe('accept');
    expect(r.hops).toContainEqual(
      expect.objectContaining({
        table: 'inet firewalld',
        chain: 'filter_IN_public_allow',
        rule: 'tcp dport 9090 ct state new,untracked accept',
        action: 'ACCEPT',
      }),
    );
  });

  it('accepts ssh on an interface without a zone of its own (the default zone, public)', () => {
    const r = runPrograms(
      [firewalld],
      packetOf('tcp 203.0.113.9:40000 -> 10.0.2.15:22', { inIface: 'ens9' }),
      node,
    );
    expect(r.verdict).toBe('accept');
  });

  it('accepts an established reply at once', () => {
    const r = runPrograms(
      [firewalld],
      packetOf('tcp 203.0.113.9:443 -> 10.0.2.15:40000', {
        inIface: 'enp0s3',
        ctstate: 'ESTABLISHED',
      }),
      node,
    );
    expect(r.verdict).toBe('accept');
  });

  it('answers unknown when the incoming interface is not given (the zone depends on it)', () => {
    const r = runPrograms(
      [firewalld],
      packetOf('tcp 203.0.113.9:40000 -> 10.0.2.15:8080', { inIface: null }),
      node,
    );
    expect(r.verdict).toBe('unknown');
    expect(en(r.branches[0]!.unknown)).toMatch(/incoming interface/);
  });
});

describe("Docker's nftables backend (table ip docker-bridges)", () => {
  const docker = programOf('nft--moby-docker-nftables-backend-portmap.txt');
  const node: WalkNode = { addresses: ['10.0.0.5', '192.0.2.1', '172.17.0.1'] };

  it('sends a published port to the container (DNAT in nat-prerouting-and-output, accepted in filter-forward-in)', () => {
    const r = runPrograms(
      [docker],
      packetOf('tcp 203.0.113.9:40000 -> 10.0.0.5:8080', { outIface: 'bridge1' }),
      node,
    );
    expect(r.verdict).toBe('dnat');
    expect(r.endpoints).toEqual([{ address: '192.0.2.2', port: 80, probability: 1 }]);
    const actions = r.hops.map((h) => `${h.chain}: ${h.action}`);
    expect(actions).toContain('nat-prerouting-and-output: DNAT 192.0.2.2:80');
    expect(actions).toContain('filter-FORWARD: jump filter-forward-in__bridge1');
    expect(actions).toContain('filter-forward-in__bridge1: ACCEPT');
  });

  it('drops direct access to a container address from outside its bridge (raw-PREROUTING)', () => {
    const r = runPrograms(
      [docker],
      packetOf('tcp 203.0.113.9:40000 -> 192.0.2.2:81', { outIface: 'bridge1' }),
      node,
    );
    expect(r.verdict).toBe('drop');
    expect(r.branches[0]!.decidedBy).toMatchObject({
      chain: 'raw-PREROUTING',
      rule: 'ip daddr 192.0.2.2 iifname != "bridge1" counter drop comment "DROP DIRECT ACCESS"',
    });
  });

  it('drops an unpublished port between bridges (UNPUBLISHED PORT DROP)', () => {
    const r = runPrograms(
      [docker],
      packetOf('tcp 172.17.0.2:40000 -> 192.0.2.2:81', { inIface: 'bridge1', outIface: 'docker0' }),
      node,
    );
    expect(r.verdict).toBe('drop');
    expect(r.branches[0]!.decidedBy?.rule).toBe('counter drop comment "UNPUBLISHED PORT DROP"');
  });

  it('masquerades a container going out (nat-postrouting-out__docker0)', () => {
    const r = runPrograms(
      [docker],
      packetOf('tcp 172.17.0.2:40000 -> 1.1.1.1:443', { inIface: 'docker0', outIface: 'eth0' }),
      node,
    );
    expect(r.verdict).toBe('forward');
    expect(r.branches[0]!.masquerade).toBe(true);
  });

  it('answers unknown in filter-FORWARD when the outgoing interface is not known', () => {
    const r = runPrograms([docker], packetOf('tcp 203.0.113.9:40000 -> 10.0.0.5:8080'), node);
    expect(r.verdict).toBe('unknown');
    expect(en(r.branches[0]!.unknown)).toMatch(/outgoing interface/);
  });
});
