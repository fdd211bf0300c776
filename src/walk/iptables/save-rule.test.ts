import { describe, expect, it } from 'vitest';
import type { PacketState } from '../program';
import { readSaveRule } from './save-rule';
import type { IpSets } from './sets';
import { NO_SETS } from './sets';
import { targetActions } from './targets';
import { tMsg } from '../../i18n/translate';
import type { Msg } from '../msg';

/** A walk message as the English reader sees it. */
const en = (m: Msg | null | undefined) => (m ? tMsg('en', m) : null);

/**
 * Each match and target the walk models, read from rules as real dumps print them (the dump is
 * named beside each; most are in ./fixtures or the rule fixtures of src/rules).
 */

const state = (over: Partial<PacketState> = {}): PacketState => ({
  proto: 'tcp',
  src: '192.168.1.20',
  sport: 40000,
  dst: '10.96.0.1',
  dport: 443,
  iif: 'eth0',
  oif: null,
  mark: 0,
  ctmark: 0,
  ctstate: 'NEW',
  local: false,
  nodeAddresses: ['10.0.0.5'],
  ...over,
});

/** All of a rule's matches together, as the engine takes them (one false wins over unknown). */
type Decided = boolean | { probability: number } | { unknown: string };

/** `unknown` in English, as the expectations read it. */
function decide(text: string, p: PacketState, sets: IpSets = NO_SETS): Decided {
  let prob = 1;
  let unknown: Msg | null = null;
  for (const m of readSaveRule(text, sets).matches) {
    const r = m.test(p);
    if (r === false) return false;
    if (r === true) continue;
    if ('probability' in r) prob *= r.probability;
    else unknown ??= r.unknown;
  }
  if (unknown !== null) return { unknown: tMsg('en', unknown) };
  return prob === 1 ? true : { probability: prob };
}

describe('addresses, protocol, ports', () => {
  // kubernetes/kubernetes#47533
  const masq =
    '-A KUBE-SERVICES ! -s 10.244.0.0/16 -d 10.96.0.1/32 -p tcp -m comment --comment "default/kubernetes:https cluster IP" -m tcp --dport 443 -j KUBE-MARK-MASQ';
  it('reads -s with !, -d, -p, --dport and the comment', () => {
    expect(decide(masq, state())).toBe(true);
    expect(decide(masq, state({ src: '10.244.3.4' }))).toBe(false);
    expect(decide(masq, state({ dport: 80 }))).toBe(false);
    expect(decide(masq, state({ proto: 'udp' }))).toBe(false);
    expect(decide(masq, state({ dst: '10.96.0.10' }))).toBe(false);
  });

  it('reads port ranges and multiport lists', () => {
    // happyincent/ITLabSSL star-edge/doc/IPTABLES.md
    const multi =
      '-A DOCKER-USER -s 140.116.0.0/16 -p tcp -m multiport --dports 50000,50001 -j RETURN';
    expect(decide(multi, state({ src: '140.116.9.9', dport: 50001 }))).toBe(true);
    expect(decide(multi, state({ src: '140.116.9.9', dport: 50002 }))).toBe(false);
    const range = '-A KUBE-NODEPORTS -p tcp -m tcp --dport 30000:32767 -j ACCEPT';
    expect(decide(range, state({ dport: 31610 }))).toBe(true);
    expect(decide(range, state({ dport: 29999 }))).toBe(false);
  });

  it('reads iptables-nft 1.8.8+ numeric protocols', () => {
    expect(
      decide('-A KUBE-NODEPORTS -p 6 -m tcp --dport 31610 -j KUBE-XLB-X', state({ dport: 31610 })),
    ).toBe(true);
    expect(decide('-A X -p 17 -j ACCEPT', state())).toBe(false);
  });
});

describe('interfaces', () => {
  // developercyrus/docker-flush-iptables-rule: Docker's FORWARD rules
  const out = '-A FORWARD -i docker0 ! -o docker0 -j ACCEPT';
  it('matches -i and ! -o, and answers unknown when the outgoing interface is not known', () => {
    expect(decide(out, state({ iif: 'docker0', oif: 'eth0' }))).toBe(true);
    expect(decide(out, state({ iif: 'docker0', oif: 'docker0' }))).toBe(false);
    expect(decide(out, state({ iif: 'eth0', oif: null }))).toBe(false);
    expect(decide(out, state({ iif: 'docker0', oif: null }))).toEqual({
      unknown: 'the outgoing interface is not known (-o docker0)',
    });
  });
  it('reads the + wildcard', () => {
    const lxc =
      '-A CILIUM_FORWARD -i lxc+ -m comment --comment "cilium: cluster->any on lxc+ forward accept" -j ACCEPT';
    expect(decide(lxc, state({ iif: 'lxc12ab' }))).toBe(true);
    expect(decide(lxc, state({ iif: 'eth0' }))).toBe(false);
  });
});

describe('addrtype, marks, conntrack', () => {
  it('reads addrtype LOCAL from the node addresses, negated too, and notes --limit-iface-out', () => {
    // kubernetes/kubeadm#1461 (Calico's nat-outgoing)
    const text =
      '-A cali-POSTROUTING -o tunl0 -m comment --comment "cali:JHlpT-eSqR1TvyYm" -m addrtype ! --src-type LOCAL --limit-iface-out -m addrtype --src-type LOCAL -j MASQUERADE';
    expect(en(readSaveRule(text, NO_SETS).notes[0])).toMatch(/--limit-iface-out/);
    expect(decide(text, state({ oif: 'tunl0', src: '10.0.0.5' }))).toBe(false);
    const nodePorts =
      '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS';
    expect(decide(nodePorts, state({ dst: '10.0.0.5' }))).toBe(true);
    expect(decide(nodePorts, state({ dst: '127.0.0.1' }))).toBe(true);
    expect(decide(nodePorts, state({ dst: '10.0.0.6' }))).toBe(false);
    expect(decide(nodePorts, state({ nodeAddresses: [] }))).toMatchObject({
      unknown: expect.stringMatching(/LOCAL/),
    });
  });

  it('reads mark and connmark matches with masks and !', () => {
    // node12284 (fixtures), netns-ruleset (src/rules/combine/fixtures)
    const drop =
      '-A KUBE-FIREWALL -m comment --comment "kubernetes firewall for dropping marked packets" -m mark --mark 0x8000/0x8000 -j DROP';
    expect(decide(drop, state({ mark: 0xc000 }))).toBe(true);
    expect(decide(drop, state({ mark: 0x4000 }))).toBe(false);
    const ret = '-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN';
    expect(decide(ret, state({ mark: 0 }))).toBe(true);
    expect(decide(ret, state({ mark: 0x4000 }))).toBe(false);
    // He-Jingkai/istio offmesh-tools/cpu-network.md
    const conn =
      '-A ztunnel-PREROUTING -m connmark --mark 0x220/0x220 -j MARK --set-xmark 0x200/0x200';
    expect(decide(conn, state({ ctmark: 0x220 }))).toBe(true);
    expect(decide(conn, state({ mark: 0x220 }))).toBe(false);
  });

  it('reads --ctstate (with ! and DNAT) and --state', () => {
    // netns-ruleset: KUBE-FIREWALL's localnet rule
    const localnet =
      '-A KUBE-FIREWALL ! -s 127.0.0.0/8 -d 127.0.0.0/8 -m comment --comment "block incoming localnet connections" -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP';
    expect(decide(localnet, state({ dst: '127.0.0.1' }))).toBe(true);
    expect(decide(localnet, state({ dst: '127.0.0.1', ctstate: 'ESTABLISHED' }))).toBe(false);
    // src/rules/host-firewall-blocks/fixtures/broken--k8s18802-iptables-services.txt
    const ssh = '-A INPUT -p tcp -m state --state NEW -m tcp --dport 22 -j ACCEPT';
    expect(decide(ssh, state({ dport: 22 }))).toBe(true);
    expect(decide(ssh, state({ dport: 22, ctstate: 'ESTABLISHED' }))).toBe(false);
  });
});

describe('statistic, sets and what stays unknown', () => {
  it('reads random probabilities and nth as 1/n', () => {
    // kubernetes/kubernetes#26292
    const third =
      '-A KUBE-SVC-NAKX6UQGKMWYNALM -m comment --comment "kube-system/consul:rpc" -m statistic --mode random --probability 0.33332999982 -j KUBE-SEP-OBK7ESLXBESBIWIF';
    expect(decide(third, state())).toEqual({ probability: 0.33332999982 });
    expect(decide('-A X -m statistic --mode nth --every 3 --packet 0 -j Y', state())).toEqual({
      probability: 1 / 3,
    });
  });

  it('asks the set provider, and says unknown for a set nobody knows', () => {
    // node12284 (fixtures)
    const text = '-A KUBE-SERVICES -m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT';
    expect(decide(text, state())).toEqual({
      unknown: 'ipset KUBE-CLUSTER-IP is not pasted (paste `ipset list KUBE-CLUSTER-IP`)',
    });
    const known: IpSets = {
      lookup: (name, dirs, p) =>
        name === 'KUBE-CLUSTER-IP' && dirs.join() === 'dst,dst' ? p.dport === 443 : null,
    };
    expect(decide(text, state(), known)).toBe(true);
    expect(decide(text, state({ dport: 80 }), known)).toBe(false);
  });

  it('never guesses recent, physdev or an option it does not know', () => {
    // kubernetes/kubernetes#47533 (session affinity)
    const recent =
      '-A KUBE-SVC-NPX46M4PTMTKRN6Y -m comment --comment "default/kubernetes:https" -m recent --rcheck --seconds 10800 --reap --name KUBE-SEP-6FZLAPUAJM6OKK6A --mask 255.255.255.255 --rsource -j KUBE-SEP-6FZLAPUAJM6OKK6A';
    expect(decide(recent, state())).toMatchObject({
      unknown: expect.stringMatching(/^-m recent --rcheck .*recent-list state/),
    });
    // weaveworks/weave#3392 (external IP rule)
    const physdev =
      '-A KUBE-SERVICES -d 46.17.72.162/32 -p tcp -m comment --comment "default/dmz-nginx-ingress-controller:2222-tcp external IP" -m tcp --dport 2222 -m physdev ! --physdev-is-in -m addrtype ! --src-type LOCAL -j KUBE-SVC-5E6L6IMJXXB5PRYI';
    expect(decide(physdev, state({ dst: '46.17.72.162', dport: 2222 }))).toMatchObject({
      unknown: expect.stringMatching(/physdev/),
    });
    // …but a rule whose address already fails is simply not matched.
    expect(decide(physdev, state())).toBe(false);
    expect(decide('-A X -m frobnicate --frob 1 -j ACCEPT', state())).toEqual({
      unknown: 'the walk does not model -m frobnicate --frob 1',
    });
  });

  it('takes the walked TCP packet as a SYN when NEW', () => {
    const syn = '-A FORWARD -p tcp -m tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu';
    expect(decide(syn, state())).toBe(true);
    expect(decide(syn, state({ ctstate: 'ESTABLISHED' }))).toBe(false);
    expect(
      decide(
        '-A INPUT -p icmp -m icmp --icmp-type 8 -j ACCEPT',
        state({ proto: 'icmp', dport: null }),
      ),
    ).toBe(true);
  });
});

describe('targets', () => {
  const actions = (text: string, chains: string[] = []) => {
    const r = readSaveRule(text, NO_SETS);
    return targetActions(r.target!, r.goto, r.options, (n) => chains.includes(n), r.targetText);
  };
  it('reads DNAT, REJECT, MASQUERADE --random-fully, REDIRECT and jumps/gotos', () => {
    expect(
      actions(
        '-A KUBE-SEP-6E7XQMQ4RAYOWTTM -p udp -m comment --comment "kube-system/kube-dns:dns" -m udp -j DNAT --to-destination 10.244.0.3:53',
      ),
    ).toEqual([{ kind: 'dnat', address: '10.244.0.3', port: 53 }]);
    expect(
      actions(
        '-A KUBE-SERVICES -d 10.109.72.150/32 -p tcp -m comment --comment "default/hazel-management-service: has no endpoints" -m tcp --dport 8080 -j REJECT --reject-with icmp-port-unreachable',
      ),
    ).toEqual([{ kind: 'reject', with: 'icmp-port-unreachable' }]);
    expect(
      actions(
        '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
      ),
    ).toEqual([{ kind: 'masquerade' }]);
    expect(actions('-A PREROUTING -p tcp --dport 80 -j REDIRECT --to-ports 8080')).toEqual([
      { kind: 'redirect', port: 8080 },
    ]);
    expect(actions('-A cali-FORWARD -g cali-from-hep-forward')).toEqual([
      { kind: 'goto', chain: 'cali-from-hep-forward' },
    ]);
    expect(actions('-A FORWARD -j DOCKER-USER', ['DOCKER-USER'])).toEqual([
      { kind: 'jump', chain: 'DOCKER-USER' },
    ]);
  });

  it('applies the MARK and CONNMARK forms as the kernel does', () => {
    const set = (text: string, mark: number, ctmark = 0) => {
      const [a] = actions(text);
      if (a?.kind === 'mark') return a.set(a.target === 'packet' ? mark : ctmark);
      if (a?.kind === 'choose') {
        const c = a.choose({ ...state(), mark, ctmark });
        if (Array.isArray(c) && c[0]?.action.kind === 'mark')
          return c[0].action.set(c[0].action.target === 'packet' ? mark : ctmark);
      }
      throw new Error(`not a mark: ${text}`);
    };
    expect(set('-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000', 0x1)).toBe(0x4001);
    // KUBE-POSTROUTING clears the bit it has just seen set: xor by 0x4000.
    expect(set('-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0', 0x4001)).toBe(0x1);
    expect(set('-A X -j MARK --or-mark 0x8000', 0x4000)).toBe(0xc000);
    expect(set('-A X -j MARK --and-mark 0xffffbfff', 0xc000)).toBe(0x8000);
    expect(set('-A X -j MARK --set-mark 0x10', 0xff)).toBe(0x10);
    // He-Jingkai/istio: the packet mark saved into the connection under a mask
    expect(
      set(
        '-A ztunnel-INPUT -m mark --mark 0x220/0x220 -j CONNMARK --save-mark --nfmask 0x220 --ctmask 0x220',
        0x2ff,
        0x1,
      ),
    ).toBe(0x221);
  });

  it('lets logging targets go on and stops at targets it does not follow', () => {
    expect(
      actions(
        '-A INPUT -m limit --limit 5/min -j LOG --log-prefix "iptables denied: " --log-level 7',
      ),
    ).toEqual([{ kind: 'continue', text: 'LOG --log-prefix iptables denied:  --log-level 7' }]);
    const [q] = actions('-A FORWARD -j NFQUEUE --queue-num 0');
    const chosen = q?.kind === 'choose' ? q.choose(state()) : null;
    expect(chosen && 'unknown' in chosen && en(chosen.unknown)).toBe(
      'the walk does not follow the NFQUEUE target (NFQUEUE --queue-num 0)',
    );
    // A DNAT whose destination iptables printed empty (version mismatch) cannot be followed.
    const [broken] = actions(
      '-A KUBE-SEP-Y -p tcp -m tcp -j DNAT --to-destination  --random --to-destination',
    );
    expect(broken?.kind).toBe('choose');
  });
});
