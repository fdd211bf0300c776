import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePaste } from '../../parsers/registry';
import { factsOf } from '../../testing/facts';
import type { Action, Choice, MatchResult, PacketState, Program, Rule } from '../program';
import { compileNft } from '.';
import { tMsg } from '../../i18n/translate';
import type { Msg } from '../msg';

/** A walk message as the English reader sees it. */
const en = (m: Msg | null | undefined) => (m ? tMsg('en', m) : null);

/**
 * Each statement kind as it appears in a real listing: the rule compiled from the paste, its
 * matches asked about packets, its actions looked at.
 */
const text = (path: string) =>
  readFileSync(new URL(`../../parsers/nft/fixtures/${path}`, import.meta.url), 'utf8');
const programOf = (raw: string, name = 'paste') =>
  compileNft(factsOf(parsePaste(raw, name)[0], 'nft'), name);

const KUBE = programOf(text('netns/kube-proxy-list.txt'));
const FIREWALLD = programOf(text('nft--insights2022-rhel8-firewalld-libvirt.txt'));
const DOCKER = programOf(text('nft--moby-docker-nftables-backend-portmap.txt'));
const ARCH = programOf(text('netns/arch-default-list.txt'));
const CALICO = programOf(text('nft--k8sstudy-calico-iptables-nft.txt'));
const YTDL = programOf(text('nft--ytdl-k3s-iptables-nft-flannel-kuberouter.txt'));

/** The compiled rule whose line in the paste reads `line` (trimmed, exact or a prefix). */
function ruleOf(program: Program, line: string): Rule {
  for (const chain of program.chains.values())
    for (const r of chain.rules) if (r.cite.rule === line || r.cite.rule.startsWith(line)) return r;
  throw new Error(`no rule ${line}`);
}

function packet(over: Partial<PacketState> = {}): PacketState {
  return {
    proto: 'tcp',
    src: '10.0.1.5',
    sport: 40000,
    dst: '172.30.0.44',
    dport: 80,
    iif: 'eth0',
    oif: null,
    mark: 0,
    ctmark: 0,
    ctstate: 'NEW',
    local: false,
    nodeAddresses: ['192.168.0.2'],
    ...over,
  };
}

/** The rule's matches in order, as the engine reads them: the first that does not hold decides. */
function matches(rule: Rule, p: PacketState): MatchResult {
  let probability = 1;
  for (const m of rule.matches) {
    const r = m.test(p);
    if (r === false) return false;
    if (r === true) continue;
    if ('unknown' in r) return r;
    probability *= r.probability;
  }
  return probability === 1 ? true : { probability };
}

function choices(action: Action | undefined, p: PacketState): Choice[] | { unknown: Msg } {
  if (!action || action.kind !== 'choose') throw new Error('not a choice');
  return action.choose(p);
}
const isUnknown = (r: unknown) => typeof r === 'object' && r !== null && 'unknown' in r;

describe('addresses, protocols and ports', () => {
  it('ip saddr/daddr with an address, a prefix and !=', () => {
    const r = ruleOf(KUBE, 'ip daddr 172.30.0.44 ip saddr != 10.0.0.0/8 jump mark-for-masquerade');
    expect(matches(r, packet({ src: '192.168.0.50' }))).toBe(true);
    expect(matches(r, packet({ src: '10.9.9.9' }))).toBe(false);
    expect(matches(r, packet({ dst: '172.30.0.45', src: '192.168.0.50' }))).toBe(false);
    expect(r.actions).toEqual([{ kind: 'jump', chain: 'mark-for-masquerade' }]);
  });

  it('ip daddr @set reads the named set of the same table', () => {
    const r = ruleOf(KUBE, 'ip daddr @cluster-ips reject');
    expect(matches(r, packet({ dst: '172.30.0.46' }))).toBe(true);
    expect(matches(r, packet({ dst: '172.30.0.99' }))).toBe(false);
    // An ip table's address match never holds for an IPv6 packet.
    expect(matches(r, packet({ src: 'fd00::1', dst: 'fd00::2' }))).toBe(false);
  });

  it('ip6 daddr with an anonymous set of prefixes (firewalld)', () => {
    const r = ruleOf(FIREWALLD, 'ip6 daddr { ::/96, ::ffff:0.0.0.0/96, 2002::/24');
    expect(matches(r, packet({ src: 'fd00::1', dst: '2002:a00::1' }))).toBe(true);
    expect(matches(r, packet({ src: 'fd00::1', dst: 'fd00::2' }))).toBe(false);
    expect(matches(r, packet())).toBe(false);
    expect(r.actions).toEqual([{ kind: 'reject', with: 'icmpv6 type addr-unreachable' }]);
  });

  it('meta l4proto { icmp, ipv6-icmp } in both IP versions', () => {
    const r = ruleOf(ARCH, 'meta l4proto { icmp, ipv6-icmp } accept');
    expect(matches(r, packet({ proto: 'icmp', sport: null, dport: null }))).toBe(true);
    expect(
      matches(
        r,
        packet({ proto: 'icmp', src: 'fd00::1', dst: 'fd00::2', sport: null, dport: null }),
      ),
    ).toBe(true);
    expect(matches(r, packet({ proto: 'udp' }))).toBe(false);
  });

  it('tcp dport by service name, and a tcp port of a udp packet does not match', () => {
    const r = ruleOf(FIREWALLD, 'tcp dport ssh ct state new,untracked accept');
    expect(matches(r, packet({ dport: 22 }))).toBe(true);
    expect(matches(r, packet({ dport: 23 }))).toBe(false);
    expect(matches(r, packet({ proto: 'udp', dport: 22 }))).toBe(false);
    expect(matches(r, packet({ dport: 22, ctstate: 'ESTABLISHED' }))).toBe(false);
  });

  it('ip protocol and a port range (firewalld/libvirt masquerade to a port range)', () => {
    const r = ruleOf(
      FIREWALLD,
      'meta l4proto tcp ip saddr 192.168.122.0/24 ip daddr != 192.168.122.0/24',
    );
    expect(matches(r, packet({ src: '192.168.122.10', dst: '1.1.1.1' }))).toBe(true);
    expect(matches(r, packet({ src: '192.168.122.10', dst: '192.168.122.11' }))).toBe(false);
    expect(r.actions).toEqual([{ kind: 'masquerade' }]);
  });
});

describe('interfaces', () => {
  it('iifname decides firewalld zones; a locally generated packet has no incoming interface', () => {
    const r = ruleOf(FIREWALLD, 'iifname "virbr0" jump filter_IN_libvirt');
    expect(matches(r, packet({ iif: 'virbr0' }))).toBe(true);
    expect(matches(r, packet({ iif: 'eth0' }))).toBe(false);
    expect(isUnknown(matches(r, packet({ iif: null })))).toBe(true);
    expect(matches(r, packet({ iif: null, local: true }))).toBe(false);
  });

  it('iif "lo" (Arch)', () => {
    const r = ruleOf(ARCH, 'iif "lo" accept');
    expect(matches(r, packet({ iif: 'lo' }))).toBe(true);
    expect(matches(r, packet({ iif: 'eth0' }))).toBe(false);
  });

  it('oifname != with an unknown outgoing interface answers unknown (Docker)', () => {
    const r = ruleOf(DOCKER, 'oifname != "docker0" ip saddr 172.17.0.0/16 counter masquerade');
    expect(matches(r, packet({ src: '172.17.0.2', oif: 'eth0' }))).toBe(true);
    expect(matches(r, packet({ src: '172.17.0.2', oif: 'docker0' }))).toBe(false);
    expect(isUnknown(matches(r, packet({ src: '172.17.0.2', oif: null })))).toBe(true);
    expect(r.actions.map((a) => a.kind)).toEqual(['continue', 'masquerade']);
  });

  it('oifname without a given interface: lo for the node to itself, none for a packet delivered to it', () => {
    const r = ruleOf(FIREWALLD, 'oifname "lo" accept');
    expect(matches(r, packet({ local: true, iif: null, dst: '192.168.0.2' }))).toBe(true);
    expect(matches(r, packet({ dst: '192.168.0.2' }))).toBe(false);
    expect(isUnknown(matches(r, packet({ local: true, iif: null, dst: '8.8.8.8' })))).toBe(true);
    // Back in through lo, the node's own packet has an incoming interface after all.
    const lo = ruleOf(ARCH, 'iif "lo" accept');
    expect(matches(lo, packet({ local: true, iif: 'lo' }))).toBe(true);
  });

  it('an interface name map (oifname vmap @filter-forward-in-jumps)', () => {
    const r = ruleOf(DOCKER, 'oifname vmap @filter-forward-in-jumps');
    expect(choices(r.actions[0], packet({ oif: 'bridge1' }))).toEqual([
      { probability: 1, action: { kind: 'jump', chain: 'filter-forward-in__bridge1' } },
    ]);
    expect(choices(r.actions[0], packet({ oif: 'eth0' }))).toEqual([]);
    expect(isUnknown(choices(r.actions[0], packet({ oif: null })))).toBe(true);
  });

  it('a trailing * in an interface name is a prefix', () => {
    const p = programOf('table inet t {\n\tchain c {\n\t\tiifname "cali*" accept\n\t}\n}\n');
    const r = ruleOf(p, 'iifname "cali*" accept');
    expect(matches(r, packet({ iif: 'cali12345' }))).toBe(true);
    expect(matches(r, packet({ iif: 'eth0' }))).toBe(false);
  });
});

describe('marks, conntrack and routing', () => {
  it("meta mark & 0x00004000 == 0x00000000 (kube-proxy's masquerading)", () => {
    const r = ruleOf(KUBE, 'meta mark & 0x00004000 == 0x00000000 return');
    expect(matches(r, packet({ mark: 0 }))).toBe(true);
    expect(matches(r, packet({ mark: 0x4000 }))).toBe(false);
    expect(matches(r, packet({ mark: 0x4001 }))).toBe(false);
  });

  it('meta mark set meta mark | … and ^ … change the packet mark', () => {
    const or = ruleOf(KUBE, 'meta mark set meta mark | 0x00004000').actions[0]!;
    const xor = ruleOf(KUBE, 'meta mark set meta mark ^ 0x00004000').actions[0]!;
    if (or.kind !== 'mark' || xor.kind !== 'mark') throw new Error('not marks');
    expect(or.target).toBe('packet');
    expect(or.set(0x1)).toBe(0x4001);
    expect(xor.set(0x4001)).toBe(0x1);
  });

  it("knftables' own spelling: mark set mark or 0x4000, mark and 0x4000 == 0; ct mark set", () => {
    const p = programOf(
      'table ip t {\n\tchain c {\n\t\tmark set mark or 0x4000\n\t\tmark and 0x4000 == 0 return\n\t\tct mark set 0x10\n\t\tmeta mark set ct mark\n\t}\n}\n',
    );
    const set = ruleOf(p, 'mark set mark or 0x4000').actions[0]!;
    expect(set.kind === 'mark' && set.set(0x1)).toBe(0x4001);
    expect(matches(ruleOf(p, 'mark and 0x4000 == 0 return'), packet({ mark: 0x4000 }))).toBe(false);
    const ct = ruleOf(p, 'ct mark set 0x10').actions[0]!;
    expect(ct.kind === 'mark' && ct.target === 'conntrack' && ct.set(0)).toBe(0x10);
    // A mark copied from conntrack: the value is not one the mark action can compute.
    expect(isUnknown(choices(ruleOf(p, 'meta mark set ct mark').actions[0], packet()))).toBe(true);
  });

  it('ct state established,related and { established, related } and invalid', () => {
    const comma = ruleOf(DOCKER, 'ct state established,related counter accept');
    const braces = ruleOf(ARCH, 'ct state { established, related } accept');
    for (const r of [comma, braces]) {
      expect(matches(r, packet({ ctstate: 'ESTABLISHED' }))).toBe(true);
      expect(matches(r, packet({ ctstate: 'RELATED' }))).toBe(true);
      expect(matches(r, packet({ ctstate: 'NEW' }))).toBe(false);
    }
    expect(matches(ruleOf(ARCH, 'ct state invalid drop'), packet({ ctstate: 'INVALID' }))).toBe(
      true,
    );
    expect(matches(ruleOf(KUBE, 'ct state new jump firewall-check'), packet())).toBe(true);
  });

  it('ct status dnat (Calico): set once a nat chain changed the destination', () => {
    const r = ruleOf(CALICO, 'ct status dnat counter packets 87431');
    const before = packet();
    const after = packet({ dst: '10.180.0.4', origDst: '172.30.0.44', origDport: 80 });
    expect(matches(r, before)).toBe(false);
    expect(matches(r, after)).toBe(true);
    expect(isUnknown(matches(r, packet({ ctstate: 'ESTABLISHED' })))).toBe(true);
  });

  it('fib daddr type local decides by the node addresses; unknown without them (Docker)', () => {
    const r = ruleOf(DOCKER, 'fib daddr type local counter jump nat-prerouting-and-output');
    expect(matches(r, packet({ dst: '192.168.0.2' }))).toBe(true);
    expect(matches(r, packet({ dst: '8.8.8.8' }))).toBe(false);
    expect(matches(r, packet({ dst: '127.0.0.1' }))).toBe(true);
    expect(isUnknown(matches(r, packet({ dst: '8.8.8.8', nodeAddresses: [] })))).toBe(true);
    const neg = ruleOf(DOCKER, 'ip daddr != 127.0.0.0/8 fib daddr type local counter jump');
    expect(matches(neg, packet({ dst: '127.0.0.1' }))).toBe(false);
  });

  it('fib saddr type local: the node itself (kube-proxy external chain)', () => {
    const r = ruleOf(KUBE, 'fib saddr type local jump mark-for-masquerade');
    expect(matches(r, packet({ src: '192.168.0.2' }))).toBe(true);
    expect(matches(r, packet({ src: '203.0.113.9' }))).toBe(false);
    expect(matches(r, packet({ src: '10.0.0.9', local: true, iif: null }))).toBe(true);
  });

  it('meta nfproto ipv6 before an rpfilter fib lookup (firewalld raw_PREROUTING)', () => {
    const r = ruleOf(FIREWALLD, 'meta nfproto ipv6 fib saddr . iif oif missing drop');
    expect(matches(r, packet())).toBe(false);
    const v6 = matches(r, packet({ src: 'fd00::1', dst: 'fd00::2' }));
    expect(isUnknown(v6) && en((v6 as { unknown: Msg }).unknown)).toMatch(/routing table/);
  });

  it('meta pkttype host with a rate limit before a reject answers unknown (Arch)', () => {
    const r = ruleOf(ARCH, 'meta pkttype host limit rate 5/second');
    const m = matches(r, packet());
    expect(isUnknown(m) && en((m as { unknown: Msg }).unknown)).toMatch(/rate limit/);
    expect(r.actions.at(-1)).toEqual({ kind: 'reject', with: 'icmpx admin-prohibited' });
    expect(matches(r, packet({ dst: '224.0.0.1' }))).toBe(false);
  });

  it('a rate limit that only limits logging decides nothing (kube-router, ytdl)', () => {
    const r = ruleOf(YTDL, 'meta mark & 0x00010000 != 0x00010000 limit rate 10/minute');
    expect(matches(r, packet())).toBe(true);
    expect(r.actions.every((a) => a.kind === 'continue')).toBe(true);
  });
});

describe('random splits and verdict maps', () => {
  it('numgen random mod 2 vmap: half each', () => {
    const r = ruleOf(KUBE, 'numgen random mod 2 vmap');
    expect(choices(r.actions[0], packet())).toEqual([
      {
        probability: 0.5,
        action: { kind: 'goto', chain: 'endpoint-UNZV3OEC-ns4/svc4/tcp/p80__10.180.0.4/80' },
      },
      {
        probability: 0.5,
        action: { kind: 'goto', chain: 'endpoint-5RFCDDV7-ns4/svc4/tcp/p80__10.180.0.5/80' },
      },
    ]);
  });

  it('numgen ranges and offsets', () => {
    const p = programOf(
      'table ip t {\n\tchain a {\n\t}\n\tchain b {\n\t}\n\tchain c {\n\t\tnumgen random mod 4 vmap { 0-2 : goto a, 3 : goto b }\n\t\tnumgen inc mod 2 offset 5 vmap { 5 : goto a }\n\t}\n}\n',
    );
    expect(choices(ruleOf(p, 'numgen random mod 4').actions[0], packet())).toEqual([
      { probability: 0.75, action: { kind: 'goto', chain: 'a' } },
      { probability: 0.25, action: { kind: 'goto', chain: 'b' } },
    ]);
    const half = choices(ruleOf(p, 'numgen inc mod 2 offset 5').actions[0], packet()) as Choice[];
    expect(half.map((c) => [c.probability, c.action.kind])).toEqual([
      [0.5, 'goto'],
      [0.5, 'choose'],
    ]);
    // The numbers without an element miss the map: an empty choice, which ends the rule.
    expect(choices(half[1]!.action, packet())).toEqual([]);
  });

  it("iptables-nft's statistic match: meta random & 2147483647 < 1073741824 is a half", () => {
    const r = ruleOf(CALICO, 'meta random & 2147483647 < 1073741824 counter packets 27');
    expect(matches(r, packet())).toEqual({ probability: 0.5 });
  });

  it('a concatenated key in a named verdict map (ip daddr . meta l4proto . th dport vmap @service-ips)', () => {
    const r = ruleOf(KUBE, 'ip daddr . meta l4proto . th dport vmap @service-ips');
    expect(choices(r.actions[0], packet({ dst: '172.30.0.41' }))).toEqual([
      { probability: 1, action: { kind: 'goto', chain: 'service-ULMVA6XW-ns1/svc1/tcp/p80' } },
    ]);
    expect(choices(r.actions[0], packet({ dst: '172.30.0.41', proto: 'udp' }))).toEqual([]);
    expect(choices(r.actions[0], packet({ dst: '172.30.0.41', dport: 81 }))).toEqual([]);
    // An icmp packet has no port, but no element is icmp: nothing to find, not unknown.
    expect(
      choices(
        r.actions[0],
        packet({ dst: '172.30.0.41', proto: 'icmp', sport: null, dport: null }),
      ),
    ).toEqual([]);
  });

  it('a verdict map value drop (no-endpoint-nodeports)', () => {
    const r = ruleOf(
      KUBE,
      'ip daddr @nodeport-ips meta l4proto . th dport vmap @no-endpoint-nodeports',
    );
    const p = packet({ dst: '192.168.0.2', dport: 3001 });
    expect(matches(r, p)).toBe(true);
    expect(choices(r.actions[0], p)).toEqual([{ probability: 1, action: { kind: 'drop' } }]);
  });

  it('ct state vmap', () => {
    const p = programOf(
      'table inet t {\n\tchain c {\n\t\tct state vmap { established : accept, related : accept, invalid : drop }\n\t}\n}\n',
    );
    const a = ruleOf(p, 'ct state vmap').actions[0];
    expect(choices(a, packet({ ctstate: 'INVALID' }))).toEqual([
      { probability: 1, action: { kind: 'drop' } },
    ]);
    expect(choices(a, packet())).toEqual([]);
  });
});

describe('NAT, reject and what the walk cannot decide', () => {
  it('dnat to address:port (kube-proxy), dnat ip to, snat to, dnat to a map, redirect', () => {
    expect(ruleOf(KUBE, 'meta l4proto tcp dnat to 10.180.0.4:80').actions).toEqual([
      { kind: 'dnat', address: '10.180.0.4', port: 80 },
    ]);
    const p = programOf(
      'table inet t {\n\tchain c {\n\t\tdnat ip to 10.0.0.1:8080\n\t\tdnat ip6 to [fd00::1]:80\n\t\tsnat ip to 192.0.2.1\n\t\tdnat ip to ip daddr . tcp dport map { 192.0.2.5 . 80 : 10.0.0.7 . 8080 }\n\t\tredirect to :8443\n\t\tmasquerade fully-random\n\t}\n}\n',
    );
    expect(ruleOf(p, 'dnat ip to 10.0.0.1:8080').actions).toEqual([
      { kind: 'dnat', address: '10.0.0.1', port: 8080 },
    ]);
    expect(ruleOf(p, 'dnat ip6 to [fd00::1]:80').actions).toEqual([
      { kind: 'dnat', address: 'fd00::1', port: 80 },
    ]);
    expect(ruleOf(p, 'snat ip to 192.0.2.1').actions).toEqual([
      { kind: 'snat', address: '192.0.2.1' },
    ]);
    const map = ruleOf(p, 'dnat ip to ip daddr . tcp dport map').actions[0];
    expect(choices(map, packet({ dst: '192.0.2.5' }))).toEqual([
      { probability: 1, action: { kind: 'dnat', address: '10.0.0.7', port: 8080 } },
    ]);
    expect(choices(map, packet({ dst: '192.0.2.6' }))).toEqual([]);
    expect(ruleOf(p, 'redirect to :8443').actions).toEqual([{ kind: 'redirect', port: 8443 }]);
    expect(ruleOf(p, 'masquerade fully-random').actions).toEqual([{ kind: 'masquerade' }]);
  });

  it('reject: the family default, with icmpx type admin-prohibited (firewalld), with tcp reset', () => {
    expect(ruleOf(KUBE, 'reject').actions).toEqual([
      { kind: 'reject', with: 'icmp type port-unreachable' },
    ]);
    expect(ruleOf(FIREWALLD, 'reject with icmpx type admin-prohibited').actions).toEqual([
      { kind: 'reject', with: 'icmpx type admin-prohibited' },
    ]);
    const p = programOf(
      'table inet t {\n\tchain c {\n\t\ttcp dport 81 reject with tcp reset\n\t\treject\n\t}\n}\n',
    );
    expect(ruleOf(p, 'tcp dport 81').actions).toEqual([{ kind: 'reject', with: 'tcp reset' }]);
    expect(ruleOf(p, 'reject').actions).toEqual([
      { kind: 'reject', with: 'icmpx type port-unreachable' },
    ]);
  });

  it("iptables-nft's xt match and xt target answer unknown (strongSwan listing)", () => {
    const p = programOf(text('nft--strongswan36-iptables-nft-xt-match-target.txt'));
    expect(p.notes.map(en).join('\n')).toMatch(
      /managed by iptables-nft are walked from this listing/,
    );
    const m = ruleOf(p, 'ip saddr 10.0.3.0/24 oifname "eth0" xt match "policy"');
    const r = matches(m, packet({ src: '10.0.3.9', oif: 'eth0' }));
    expect(isUnknown(r) && en((r as { unknown: Msg }).unknown)).toMatch(/xt match "policy"/);
    expect(matches(m, packet({ src: '10.0.4.9', oif: 'eth0' }))).toBe(false);
    // The target is an action the walk cannot follow: the branch stops there as unknown.
    const t = ruleOf(p, 'ip saddr 10.0.3.0/24  oifname "eth0" counter packets 19');
    expect(matches(t, packet({ src: '10.0.3.9', oif: 'eth0' }))).toBe(true);
    const target = choices(t.actions.at(-1), packet({ src: '10.0.3.9', oif: 'eth0' }));
    expect(isUnknown(target) && en((target as { unknown: Msg }).unknown)).toMatch(
      /xt target "MASQUERADE"/,
    );
  });

  it('older nft\'s "# xt_conntrack" comment answers unknown, never a silent match (NixOS)', () => {
    // The fragment has no table header: its rule lines, put back into a table, as nft printed them.
    const lines = text('nft--nixpkgs81172-iptables-nft-xt-untranslated-fragment.txt')
      .split('\n')
      .filter((l) => l.includes('# xt_'));
    const p = programOf(`table ip filter {\n\tchain FORWARD {\n${lines.join('\n')}\n\t}\n}\n`);
    const r = ruleOf(p, 'oifname "docker0" # xt_conntrack');
    const m = matches(r, packet({ oif: 'docker0' }));
    expect(isUnknown(m) && en((m as { unknown: Msg }).unknown)).toMatch(/xt_conntrack/);
    expect(matches(r, packet({ oif: 'eth0' }))).toBe(false);
  });

  it('queue, tproxy and other statements the walk does not model answer unknown with their text', () => {
    const p = programOf(
      'table inet t {\n\tchain c {\n\t\ttcp dport 80 queue num 3 bypass\n\t\ttcp dport 81 tproxy ip to :8080 accept\n\t\ttcp flags syn tcp option maxseg size set rt mtu\n\t\tip ttl 1 drop\n\t\tsocket transparent 1 accept\n\t}\n}\n',
    );
    // Verdicts and rewrites the walk cannot follow end the branch as unknown.
    const queue = ruleOf(p, 'tcp dport 80 queue');
    expect(matches(queue, packet({ dport: 443 }))).toBe(false);
    const q = choices(queue.actions.at(-1), packet());
    expect(isUnknown(q) && en((q as { unknown: Msg }).unknown)).toMatch(
      /userspace.*queue num 3 bypass/,
    );
    const tproxy = ruleOf(p, 'tcp dport 81 tproxy');
    const t = choices(tproxy.actions[0], packet({ dport: 81 }));
    expect(isUnknown(t) && en((t as { unknown: Msg }).unknown)).toMatch(/tproxy ip to :8080$/);
    // A match the walk cannot read stops before the rule's verdict, which stays the rule's own.
    const socket = ruleOf(p, 'socket transparent 1 accept');
    const s = matches(socket, packet());
    expect(isUnknown(s) && en((s as { unknown: Msg }).unknown)).toMatch(/socket transparent 1$/);
    expect(socket.actions).toEqual([{ kind: 'accept' }]);
    // A field the walk does not read is unknown for a tcp packet, and cannot match a udp one.
    expect(isUnknown(matches(ruleOf(p, 'ip ttl 1 drop'), packet()))).toBe(true);
    expect(matches(ruleOf(p, 'ip ttl 1 drop'), packet({ src: 'fd00::1', dst: 'fd00::2' }))).toBe(
      false,
    );
    // An MSS clamp changes nothing the walk follows.
    const clamp = ruleOf(p, 'tcp flags syn tcp option maxseg size set rt mtu');
    expect(clamp.actions).toEqual([
      { kind: 'continue', text: 'tcp option maxseg size set rt mtu' },
    ]);
  });

  it("tcp flags: a new connection opens with a SYN; a tracked packet's flags are not known", () => {
    const p = programOf(
      'table inet t {\n\tchain c {\n\t\ttcp flags syn accept\n\t\ttcp flags & (fin | syn | rst | ack) == syn accept\n\t\ttcp flags & (fin|syn|rst|ack) != syn drop\n\t\ttcp flags syn / fin,syn,rst,ack accept\n\t\ttcp flags == ack accept\n\t}\n}\n',
    );
    for (const line of [
      'tcp flags syn accept',
      'tcp flags & (fin | syn | rst | ack) == syn',
      'tcp flags syn / fin,syn,rst,ack',
    ]) {
      expect(matches(ruleOf(p, line), packet()), line).toBe(true);
      expect(isUnknown(matches(ruleOf(p, line), packet({ ctstate: 'ESTABLISHED' })))).toBe(true);
      expect(matches(ruleOf(p, line), packet({ proto: 'udp' }))).toBe(false);
    }
    expect(matches(ruleOf(p, 'tcp flags & (fin|syn|rst|ack) != syn drop'), packet())).toBe(false);
    expect(matches(ruleOf(p, 'tcp flags == ack accept'), packet())).toBe(false);
  });

  it('a set the paste does not hold answers unknown (vmap @missing, ip saddr @missing)', () => {
    const p = programOf(
      'table ip t {\n\tchain c {\n\t\tip saddr @blocked drop\n\t\tip daddr . tcp dport vmap @missing\n\t}\n}\n',
    );
    const m = matches(ruleOf(p, 'ip saddr @blocked drop'), packet());
    expect(isUnknown(m) && en((m as { unknown: Msg }).unknown)).toMatch(
      /@blocked is not in the paste/,
    );
    const v = choices(ruleOf(p, 'ip daddr . tcp dport vmap @missing').actions[0], packet());
    expect(isUnknown(v)).toBe(true);
    // A udp packet never reaches the lookup of a tcp port.
    expect(
      choices(ruleOf(p, 'ip daddr . tcp dport vmap @missing').actions[0], packet({ proto: 'udp' })),
    ).toEqual([]);
  });
});
