import { describe, expect, it } from 'vitest';
import type { Packet, WalkNode, WalkResult } from './index';
import { parsePacket, walk } from './index';
import { inputsFrom, inputsOf, readPaste } from './iptables/fixtures/load';
import { tMsg } from '../i18n/translate';
import type { Msg } from './msg';

/** A walk message as the English reader sees it. */
const en = (m: Msg | null | undefined) => (m ? tMsg('en', m) : null);

/**
 * Incidents walked end to end through real dumps: the packet the operator would type, the
 * node's addresses, and what the kernel would do with the pasted rules.
 */

const COMBINE = 'src/rules/combine/fixtures';
const packet = (text: string, opts: Partial<Packet> = {}): Packet => ({
  ...parsePacket(text, { inIface: 'eth0' })!,
  ...opts,
});
const inputsFromText = (text: string) => inputsOf({ source: 'pasted', text });
const total = (r: WalkResult) => r.endpoints.reduce((s, e) => s + e.probability, 0);
const actions = (r: WalkResult) => r.hops.map((h) => `${h.table} ${h.chain} ${h.action}`);

describe('kube-proxy iptables mode', () => {
  const qifangsu = inputsFrom('qifangsu-nat-L-nv.txt', 'qifangsu-filter-L-nv.txt');
  const node: WalkNode = { addresses: ['172.20.0.70'] };

  it('NodePort from outside: DNAT to the endpoint, forwarded by the 0x4000 mark, masqueraded', () => {
    const r = walk(qifangsu, packet('tcp 192.168.1.20:40000 -> 172.20.0.70:30080'), node);
    expect(r.verdict).toBe('dnat');
    expect(r.endpoints).toEqual([{ address: '10.244.1.3', port: 80, probability: 1 }]);
    expect(r.branches[0]!.masquerade).toBe(true);
    expect(r.branches[0]!.decidedBy).toMatchObject({
      chain: 'KUBE-SEP-WZIMOURZMGKYESDR',
      action: 'DNAT 10.244.1.3:80',
      source: 'qifangsu-nat-L-nv.txt',
      packets: 0,
    });
    expect(actions(r)).toEqual([
      'nat PREROUTING jump KUBE-SERVICES',
      'nat KUBE-SERVICES jump KUBE-NODEPORTS',
      'nat KUBE-NODEPORTS jump KUBE-MARK-MASQ',
      'nat KUBE-MARK-MASQ MARK or 0x4000',
      'nat KUBE-NODEPORTS jump KUBE-SVC-R2VK7O5AFVLRAXSH',
      'nat KUBE-SVC-R2VK7O5AFVLRAXSH jump KUBE-SEP-WZIMOURZMGKYESDR',
      'nat KUBE-SEP-WZIMOURZMGKYESDR DNAT 10.244.1.3:80',
      'filter FORWARD jump KUBE-FORWARD',
      'filter KUBE-FORWARD ACCEPT',
      'nat POSTROUTING jump KUBE-POSTROUTING',
      'nat KUBE-POSTROUTING MASQUERADE',
    ]);
    // The counters of the paste ride along: the KUBE-SERVICES → KUBE-NODEPORTS rule saw 6.
    expect(r.hops[1]!.packets).toBe(6);
  });

  it('ClusterIP from a pod: split 0.5/0.5 over two endpoints, no masquerade', () => {
    const r = walk(
      qifangsu,
      packet('udp 10.244.1.7:40000 -> 10.96.0.10:53', { inIface: 'cni0', outIface: 'cni0' }),
      node,
    );
    expect(r.verdict).toBe('dnat');
    expect(r.endpoints.map((e) => [e.address, e.probability])).toEqual([
      ['10.244.0.24', 0.5],
      ['10.244.0.25', 0.5],
    ]);
    expect(total(r)).toBe(1);
    expect(r.branches.every((b) => !b.masquerade)).toBe(true);
  });

  it('without its outgoing interface, Docker`s `-o docker0` rules are followed both ways: they end alike', () => {
    const r = walk(
      qifangsu,
      packet('udp 10.244.1.7:40000 -> 10.96.0.10:53', { inIface: 'cni0' }),
      node,
    );
    expect(r.verdict).toBe('dnat');
    expect(r.notes.map(en)).toContain(
      'out docker0 (line 12, qifangsu-filter-L-nv.txt) cannot be told from the paste: the walk followed both ways, and they end alike',
    );
    expect(r.hops.map((h) => h.action)).toContain('assumed (out docker0)');
  });

  it('a locally generated packet to the API service: OUTPUT DNAT, then back in to the node', () => {
    const r = walk(
      qifangsu,
      packet('tcp 172.20.0.70:40000 -> 10.96.0.1:443', { local: true }),
      node,
    );
    expect(r.verdict).toBe('dnat');
    expect(r.endpoints).toEqual([{ address: '172.20.0.70', port: 6443, probability: 1 }]);
    expect(actions(r)[0]).toBe('nat OUTPUT jump KUBE-SERVICES');
    expect(actions(r).at(-1)).toBe('filter INPUT policy ACCEPT');
  });

  it('NodePort with three endpoints sums to 1 across the 1/3, 1/2 splits (netns ruleset)', () => {
    const r = walk(
      inputsFrom(`${COMBINE}/netns-ruleset.txt`),
      packet('tcp 192.168.1.20:40000 -> 192.168.10.21:31657'),
      { addresses: ['192.168.10.21'] },
    );
    expect(r.verdict).toBe('dnat');
    expect(r.endpoints.length).toBeGreaterThanOrEqual(2);
    expect(total(r)).toBeCloseTo(1, 9);
    expect(r.branches.every((b) => b.masquerade)).toBe(true);
  });

  it('a dump cut inside nat before its COMMIT: unknown where the cut may have shortened a chain', () => {
    const lines = readPaste(`${COMBINE}/netns-ruleset.txt`).split('\n');
    const p = packet('tcp 192.168.1.20:40000 -> 192.168.10.21:31657');
    const node = { addresses: ['192.168.10.21'] };
    // Cut just before the NodePort's rule: KUBE-NODEPORTS and KUBE-SERVICES go on past the cut.
    const at = lines.findIndex((l) => l.includes('--dport 31657'));
    const r = walk(inputsFromText(lines.slice(0, at).join('\n')), p, node);
    expect(r.verdict).toBe('unknown');
    expect(en(r.branches[0]!.unknown!)).toMatch(/^the paste was cut inside the nat table/);
    expect(r.notes.map(en)).toContain(
      'pasted was cut inside the nat table (no COMMIT): a chain the cut may have shortened ends as unknown',
    );
    // The whole dump: the same packet reaches its endpoints.
    expect(walk(inputsFromText(lines.join('\n')), p, node).verdict).toBe('dnat');
  });

  it('the kernel`s three prints of one ruleset walk alike (iptables-save, -L -n, -L -n -v)', () => {
    const forms = [
      'netns-iptables-save-nat.txt',
      'netns-iptables-L-nat.txt',
      'netns-iptables-L-nat-v.txt',
    ];
    const node2: WalkNode = { addresses: ['192.168.10.21'] };
    for (const text of [
      'tcp 192.168.1.20:40000 -> 192.168.10.21:31657',
      'tcp 192.168.1.20:40000 -> 192.168.10.21:31610',
      'udp 10.244.3.3:40000 -> 10.96.0.10:53',
      'tcp 10.244.3.3:40000 -> 10.96.0.1:443',
    ]) {
      const seen = forms.map((f) => {
        const r = walk(inputsFrom(`${COMBINE}/${f}`), packet(text), node2);
        return { verdict: r.verdict, endpoints: r.endpoints, path: r.hops.map((h) => h.chain) };
      });
      expect(seen[1], text).toEqual(seen[0]);
      expect(seen[2], text).toEqual(seen[0]);
    }
  });
});

describe('externalTrafficPolicy Local without a local endpoint', () => {
  const packet31610 = packet('tcp 192.168.1.20:40000 -> 192.168.10.21:31610');
  const node: WalkNode = { addresses: ['192.168.10.21'] };

  it('older kube-proxy: KUBE-XLB marks 0x8000 in nat, KUBE-FIREWALL drops it in filter INPUT', () => {
    // A node of that generation put together from real lines: the portal and nodeport rules of
    // kubernetes#47533, the XLB chain of charmed-kubernetes/bundle#489 (the incident's grep),
    // KUBE-MARK-DROP and KUBE-FIREWALL as node12284's dump prints them.
    const charmed = readPaste(
      'test-data/fixtures/13-charmed489-etp-local-no-local-endpoints/iptables-save.txt',
    )
      .split('\n')
      .filter((l) => l.startsWith('-A'));
    const text = [
      '*nat',
      ':PREROUTING ACCEPT [0:0]',
      ':KUBE-SERVICES - [0:0]',
      ':KUBE-NODEPORTS - [0:0]',
      ':KUBE-MARK-DROP - [0:0]',
      ':KUBE-SVC-NLDKPDYL22EOGGDT - [0:0]',
      ':KUBE-XLB-NLDKPDYL22EOGGDT - [0:0]',
      '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
      '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS',
      '-A KUBE-MARK-DROP -j MARK --set-xmark 0x8000/0x8000',
      ...charmed,
      'COMMIT',
      '*filter',
      ':INPUT ACCEPT [0:0]',
      ':KUBE-FIREWALL - [0:0]',
      '-A INPUT -j KUBE-FIREWALL',
      '-A KUBE-FIREWALL -m comment --comment "kubernetes firewall for dropping marked packets" -m mark --mark 0x8000/0x8000 -j DROP',
      'COMMIT',
    ].join('\n');
    const r = walk(inputsFromText(text), packet31610, node);
    expect(r.verdict).toBe('drop');
    expect(actions(r)).toContain('nat KUBE-MARK-DROP MARK --set-xmark 0x8000/0x8000');
    expect(r.branches[0]!.decidedBy).toMatchObject({
      table: 'filter',
      chain: 'KUBE-FIREWALL',
      action: 'DROP',
    });
  });

  it('kube-proxy 1.26+: KUBE-MARK-DROP is empty and filter no longer drops by mark', () => {
    // The netns ruleset: a 1.26+ layout with the same XLB chain added. Nothing drops the packet
    // on its way; it reaches the node untranslated (where nothing listens on 31610).
    const r = walk(inputsFrom(`${COMBINE}/netns-ruleset.txt`), packet31610, node);
    expect(r.verdict).toBe('accept');
    expect(r.endpoints).toEqual([]);
    expect(actions(r)).toContain('nat KUBE-XLB-NLDKPDYL22EOGGDT jump KUBE-MARK-DROP');
    expect(r.branches[0]!.final.dst).toBe('192.168.10.21');
  });

  it("the grep of the incident alone: kube-proxy's jumps assumed, unknown where its chain was cut", () => {
    const r = walk(
      inputsFrom('test-data/fixtures/13-charmed489-etp-local-no-local-endpoints/iptables-save.txt'),
      packet31610,
      node,
    );
    expect(r.notes.map(en)).toContain('no filter table in the paste');
    expect(r.verdict).toBe('unknown');
    expect(r.hops.map((h) => [h.chain, h.line])).toEqual([
      ['PREROUTING', 0],
      ['KUBE-SERVICES', 0],
      ['KUBE-NODEPORTS', 3],
      ['KUBE-XLB-NLDKPDYL22EOGGDT', 5],
    ]);
    expect(r.hops[0]!.rule).toMatch(/^\(assumed\) /);
    expect(en(r.branches[0]!.unknown!)).toMatch(/KUBE-MARK-DROP/);
  });
});

describe('filters that stop the packet', () => {
  it('a Service without endpoints: REJECT in filter KUBE-SERVICES (iptables -L without -n)', () => {
    const inputs = inputsFrom('inquisitivefrog-filter-L-names.txt');
    const node = { addresses: ['192.168.1.105'] };
    const fromNode = walk(
      inputs,
      packet('tcp 192.168.1.105:40000 -> 10.96.0.10:53', { local: true }),
      node,
    );
    expect(fromNode.verdict).toBe('reject');
    expect(fromNode.branches[0]!.rejectWith).toBe('icmp-port-unreachable');
    expect(fromNode.branches[0]!.decidedBy).toMatchObject({ chain: 'KUBE-SERVICES', line: 72 });
    const fromPod = walk(
      inputs,
      packet('udp 10.244.0.9:40000 -> 10.96.0.10:53', { inIface: 'cni0' }),
      node,
    );
    expect(fromPod.verdict).toBe('reject');
    expect(fromPod.branches[0]!.decidedBy!.line).toBe(74);
  });

  it('names instead of addresses (no -n) stay unknown where they decide', () => {
    const r = walk(
      inputsFrom('inquisitivefrog-filter-L-names.txt'),
      packet('tcp 192.168.1.20:40000 -> 192.168.1.105:22'),
      { addresses: ['192.168.1.105'] },
    );
    expect(r.verdict).toBe('unknown');
    expect(en(r.branches[0]!.unknown)).toMatch(/localhost\/8 is not an address/);
  });

  it('FORWARD policy DROP on a Docker host', () => {
    const inputs = inputsFrom('docker-iptables-S.txt');
    const node = { addresses: ['192.168.1.5'] };
    const r = walk(
      inputs,
      packet('tcp 192.168.1.20:40000 -> 10.8.0.9:443', { outIface: 'eth1' }),
      node,
    );
    expect(r.verdict).toBe('drop');
    expect(r.branches[0]!.decidedBy).toMatchObject({
      chain: 'FORWARD',
      action: 'policy DROP',
      line: 2,
    });
    const toContainer = walk(
      inputs,
      packet('tcp 192.168.1.20:40000 -> 172.17.0.2:80', {
        outIface: 'docker0',
        ctstate: 'ESTABLISHED',
      }),
      node,
    );
    expect(toContainer.verdict).toBe('forward');
  });

  it('FORWARD policy DROP counted in `-L FORWARD -v` with a Calico chain not pasted', () => {
    const r = walk(
      inputsFrom('src/rules/forward-drop/fixtures/broken--rke485-policy-drop-counting.txt'),
      packet('tcp 10.42.0.5:40000 -> 10.42.1.5:80'),
      { addresses: ['10.0.0.5'] },
    );
    expect(r.verdict).toBe('unknown');
    expect(en(r.branches[0]!.unknown)).toBe(
      'jump to chain cali-FORWARD, which the paste does not hold',
    );
    expect(r.branches[0]!.decidedBy!.packets).toBe(76887);
  });

  it('a host firewall REJECT (icmp-host-prohibited) in front of a NodePort', () => {
    const r = walk(
      inputsFrom('src/rules/host-firewall-blocks/fixtures/broken--k8s18802-iptables-services.txt'),
      packet('tcp 192.168.1.20:40000 -> 10.0.0.5:30080'),
      { addresses: ['10.0.0.5'] },
    );
    expect(r).toMatchObject({ verdict: 'reject' });
    expect(r.branches[0]!.rejectWith).toBe('icmp-host-prohibited');
    const ssh = walk(
      inputsFrom('src/rules/host-firewall-blocks/fixtures/broken--k8s18802-iptables-services.txt'),
      packet('tcp 192.168.1.20:40000 -> 10.0.0.5:22'),
      { addresses: ['10.0.0.5'] },
    );
    expect(ssh.verdict).toBe('accept');
  });
});

describe('kube-proxy IPVS mode', () => {
  const IPVSADM = 'test-data/fixtures/46-kubeadm2205-ipvsadm-healthy-nodeport-vs/ipvsadm-Ln.txt';
  // The IPVS table of one kubeadm node with the IPVS-mode iptables rules of another: the
  // rules are the same on every node but for the pod CIDR.
  const inputs = inputsFrom(IPVSADM, 'node12284-ipvs-iptables-save.txt');
  const node: WalkNode = { addresses: ['192.168.9.101', '10.0.2.4', '172.17.0.1'] };

  it('ClusterIP from the node network: KUBE-CLUSTER-IP (derived from ipvsadm) marks, IPVS DNATs in INPUT, masqueraded', () => {
    const r = walk(inputs, packet('tcp 192.168.9.50:40000 -> 10.96.0.10:53'), node);
    expect(r.verdict).toBe('dnat');
    expect(r.endpoints.map((e) => [e.address, e.probability])).toEqual([
      ['10.244.151.128', 0.5],
      ['10.244.151.129', 0.5],
    ]);
    expect(r.branches.every((b) => b.masquerade)).toBe(true);
    expect(r.notes.map(en).join(' ')).toMatch(/derived from ipvsadm/);
    expect(r.datapaths).toEqual(['iptables', 'ipvs']);
    expect(actions(r)).toEqual(
      expect.arrayContaining(['nat KUBE-SERVICES ACCEPT', 'ipvs INPUT DNAT 10.244.151.128:53']),
    );
  });

  it('without ipvsadm the ipset stays unknown where it decides', () => {
    // From the node network the set decides the 0x4000 mark, so whether the packet is
    // masqueraded: the two ways differ, and the first rule asking the set is where it is unknown.
    const r = walk(
      inputsFrom('node12284-ipvs-iptables-save.txt'),
      packet('tcp 192.168.122.20:40000 -> 192.168.10.246:80', { outIface: 'eth0' }),
      { addresses: ['192.168.122.84'] },
    );
    expect(r.verdict).toBe('unknown');
    expect(r.branches).toHaveLength(1);
    expect(en(r.branches[0]!.unknown)).toBe(
      'ipset KUBE-CLUSTER-IP is not pasted (paste `ipset list KUBE-CLUSTER-IP`)',
    );
    expect(r.branches[0]!.decidedBy!.line).toBe(61);
  });

  it('weight-0 real servers get nothing; the others share (k8s 73960)', () => {
    const r = walk(
      inputsFrom(
        'src/rules/ipvs-stale-realserver/fixtures/broken--k8s73960-weight-zero-persistent.txt',
      ),
      packet('tcp 10.244.0.5:40000 -> 172.17.0.1:443', { inIface: 'cni0' }),
      { addresses: ['10.0.0.5'] },
    );
    expect(r.endpoints.map((e) => e.address).sort()).toEqual([
      '10.0.137.45',
      '10.0.153.246',
      '10.0.163.20',
    ]);
    expect(r.endpoints.every((e) => Math.abs(e.probability - 1 / 3) < 1e-9)).toBe(true);
  });

  it('a virtual server without real servers: TCP reset from the node (k8s 70493)', () => {
    const r = walk(
      inputsFrom('src/rules/ipvs-no-real-servers/fixtures/broken--k8s70493-empty-vs.txt'),
      packet('tcp 10.244.0.5:40000 -> 10.109.131.66:6379', { inIface: 'cni0' }),
      { addresses: ['10.0.0.5'] },
    );
    expect(r.verdict).toBe('reject');
    expect(r.branches[0]!.rejectWith).toBe('tcp reset');
    expect(r.branches[0]!.decidedBy).toMatchObject({
      table: 'ipvs',
      rule: 'TCP  10.109.131.66:6379 rr',
    });
  });
});

describe('conntrack and redirect', () => {
  it('--ctstate DNAT and --ctorigdst see the destination before the DNAT', () => {
    const text = [
      '*nat',
      ':PREROUTING ACCEPT [0:0]',
      '-A PREROUTING -d 10.0.0.5/32 -p tcp -m tcp --dport 30080 -j DNAT --to-destination 10.244.1.5:80',
      '-A PREROUTING -d 10.0.0.5/32 -p tcp -m tcp --dport 8080 -j REDIRECT --to-ports 3128',
      'COMMIT',
      '*filter',
      ':FORWARD DROP [0:0]',
      '-A FORWARD -m conntrack --ctstate DNAT --ctorigdst 10.0.0.5 --ctorigdstport 30080 -j ACCEPT',
      'COMMIT',
    ].join('\n');
    const inputs = inputsFromText(text);
    const node = { addresses: ['10.0.0.5'] };
    const r = walk(inputs, packet('tcp 1.2.3.4:5 -> 10.0.0.5:30080', { outIface: 'cni0' }), node);
    expect(r.verdict).toBe('dnat');
    expect(r.branches[0]!.final).toEqual({
      src: '1.2.3.4',
      sport: 5,
      dst: '10.244.1.5',
      dport: 80,
    });
    // REDIRECT: to the node itself, on the new port.
    const proxied = walk(inputs, packet('tcp 1.2.3.4:5 -> 10.0.0.5:8080'), node);
    expect(proxied.endpoints).toEqual([{ address: '10.0.0.5', port: 3128, probability: 1 }]);
    expect(proxied.hops.map((h) => h.action)).toContain('REDIRECT 3128');
  });
});

describe('hostile input', () => {
  it('an empty paste: nothing to walk, said so', () => {
    const r = walk(
      { iptables: [], iptablesLists: [], nft: [], ipvs: [] },
      packet('tcp 1.2.3.4:5 -> 10.0.0.5:80'),
      {
        addresses: ['10.0.0.5'],
      },
    );
    expect(r.notes.map(en)).toContain('no rules pasted: nothing to walk');
    expect(r.hops).toEqual([]);
  });

  it('a chain that jumps to itself, a jump to a missing chain', () => {
    const text = [
      '*filter',
      ':INPUT ACCEPT [0:0]',
      ':LOOP - [0:0]',
      '-A INPUT -p tcp --dport 80 -j LOOP',
      '-A INPUT -j cali-INPUT',
      '-A LOOP -j LOOP',
      'COMMIT',
    ].join('\n');
    const inputs = inputsFromText(text);
    const node = { addresses: ['10.0.0.5'] };
    expect(
      en(walk(inputs, packet('tcp 1.2.3.4:5 -> 10.0.0.5:80'), node).branches[0]!.unknown),
    ).toMatch(/the chains loop/);
    expect(
      en(walk(inputs, packet('tcp 1.2.3.4:5 -> 10.0.0.5:22'), node).branches[0]!.unknown),
    ).toBe('jump to chain cali-INPUT, which the paste does not hold');
  });

  it('10,000 rules in one chain are walked, the last one deciding', () => {
    const rules = Array.from(
      { length: 10_000 },
      (_, i) => `-A INPUT -s 10.${(i >> 8) & 255}.${i & 255}.1/32 -j ACCEPT`,
    );
    const text = [
      '*filter',
      ':INPUT DROP [0:0]',
      ...rules,
      '-A INPUT -p tcp --dport 22 -j REJECT --reject-with tcp-reset',
      'COMMIT',
    ].join('\n');
    const r = walk(inputsFromText(text), packet('tcp 192.168.1.1:5 -> 10.0.0.5:22'), {
      addresses: ['10.0.0.5'],
    });
    expect(r.verdict).toBe('reject');
    expect(r.branches[0]!.decidedBy!.line).toBe(10_003);
  });
});
