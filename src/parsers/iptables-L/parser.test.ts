import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePaste } from '../registry';
import { readTestData } from '../../testing/test-data';
import { factsOf } from '../../testing/facts';

const fixture = readTestData(
  'fixtures/48-rke485-forward-policy-drop-counter-nodeport/iptables-L-FORWARD.txt',
);

describe('iptables -L', () => {
  it('reads the FORWARD policy counter and the rules of fixture 48', () => {
    const [s] = parsePaste(fixture, 'f.txt');
    const facts = factsOf(s, 'iptables-L');
    expect(s!.command).toContain('iptables -t filter -v --line-numbers -L FORWARD');
    expect(facts.verbose).toBe(true);
    expect(facts.chains).toEqual([
      expect.objectContaining({ name: 'FORWARD', policy: 'DROP', policyPackets: 3, line: 2 }),
    ]);
    expect(facts.rules.map((r) => r.target)).toEqual([
      'cali-FORWARD',
      'KUBE-FORWARD',
      'DOCKER-ISOLATION',
      'DOCKER',
      'ACCEPT',
      'ACCEPT',
      'ACCEPT',
    ]);
    expect(facts.rules[0]).toMatchObject({
      packets: 76887,
      comment: 'cali:wUHhoiAYhphO9Mso',
      line: 4,
    });
  });

  it('reads the plain -n form: user chains, rules without a target', () => {
    const text = [
      'Chain INPUT (policy ACCEPT)',
      'target     prot opt source               destination',
      'KUBE-FIREWALL  all  --  0.0.0.0/0            0.0.0.0/0',
      '',
      'Chain KUBE-FIREWALL (2 references)',
      'target     prot opt source               destination',
      'DROP       all  --  0.0.0.0/0            0.0.0.0/0            /* kubernetes firewall for dropping marked packets */ mark match 0x8000/0x8000',
      '           all  --  0.0.0.0/0            0.0.0.0/0',
    ].join('\n');
    const [s] = parsePaste(text, 'x');
    expect(s?.status).toBe('parsed');
    const facts = factsOf(s, 'iptables-L');
    expect(facts.verbose).toBe(false);
    expect(facts.chains.map((c) => [c.name, c.policy])).toEqual([
      ['INPUT', 'ACCEPT'],
      ['KUBE-FIREWALL', null],
    ]);
    expect(facts.rules.map((r) => r.target)).toEqual(['KUBE-FIREWALL', 'DROP', '']);
  });

  it('says which table a listing shows: the echoed -t, else its chains', () => {
    expect(parsePaste(fixture, 'f')[0]).toMatchObject({ tables: ['filter'] });
    const filter =
      'Chain INPUT (policy ACCEPT)\ntarget prot opt source destination\nKUBE-FIREWALL all -- 0.0.0.0/0 0.0.0.0/0\n\nChain FORWARD (policy DROP)\ntarget prot opt source destination\n';
    expect(parsePaste(filter, 'x')[0]).toMatchObject({ tables: ['filter'] });
    const nat = [
      'Chain PREROUTING (policy ACCEPT)',
      'target     prot opt source               destination',
      'KUBE-SERVICES  all  --  0.0.0.0/0            0.0.0.0/0            /* kubernetes service portals */',
      '',
      'Chain POSTROUTING (policy ACCEPT)',
      'target     prot opt source               destination',
      'KUBE-POSTROUTING  all  --  0.0.0.0/0            0.0.0.0/0',
    ].join('\n');
    expect(parsePaste(nat, 'x')[0]).toMatchObject({ tables: ['nat'] });
    // A user chain alone, its table untold: no claim.
    const chain =
      'Chain FOO (1 references)\ntarget prot opt source destination\nACCEPT all -- 0.0.0.0/0 0.0.0.0/0\n';
    expect(parsePaste(chain, 'x')[0]).not.toHaveProperty('tables');
  });

  it('reads rows under a column header kept by grep -C without their chain (calico#4297)', () => {
    const text = readFileSync(
      new URL(
        '../../rules/host-firewall-blocks/fixtures/healthy--calico4297-cali-input-drop-ipip-non-calico-hosts.txt',
        import.meta.url,
      ),
      'utf8',
    );
    const [s] = parsePaste(text, 'grep');
    expect(s?.status).toBe('parsed');
    const facts = factsOf(s, 'iptables-L');
    expect(facts.verbose).toBe(true);
    expect(facts.rules.map((r) => [r.chain, r.target, r.prot, r.packets])).toEqual([
      ['?', 'ACCEPT', '4', 231],
      ['?', 'DROP', '4', 172],
    ]);
    // A header with nothing under it that reads as a row is still no listing.
    expect(
      parsePaste(
        ' pkts bytes target     prot opt in     out     source               destination\nnothing here\n',
        'h',
      )[0]?.kind,
    ).not.toBe('iptables-L');
  });

  it('reads rows cut out of a listing, without their chain and header (weave#3657)', () => {
    const text = readFileSync(
      new URL('./fixtures/iptables-L--weave3657-grep-no-endpoints.txt', import.meta.url),
      'utf8',
    );
    const [s] = parsePaste(text, 'grep');
    expect(s?.status).toBe('parsed');
    const facts = factsOf(s, 'iptables-L');
    expect(facts.verbose).toBe(false); // no header to say so; the rows still carry counters
    expect(facts.rules).toHaveLength(7);
    // The summary says what was read, not "0 chains".
    expect(s).toMatchObject({
      summary: { key: 'parse.iptables-L.summaryRowsOnly', params: { rules: 7 } },
    });
    expect(facts.rules[0]).toMatchObject({
      chain: '?',
      target: 'REJECT',
      prot: 'tcp',
      packets: 0,
      comment: 'namespace/service:jmx-exporter-port has no endpoints',
    });
    // Plain rows (no counters) and `...` where rows were cut out.
    const plain = [
      'Chain KUBE-NODEPORTS (1 references)',
      'target     prot opt source               destination',
      'KUBE-MARK-MASQ  tcp  --  0.0.0.0/0            0.0.0.0/0            /* default/web: */ tcp dpt:31610',
      '...',
      'KUBE-SVC-ABCDEFGHIJKLMNOP  tcp  --  0.0.0.0/0            0.0.0.0/0            /* default/web: */ tcp dpt:31610',
    ].join('\n');
    const [p] = parsePaste(plain, 'cut');
    expect(p?.status).toBe('parsed');
    expect(factsOf(p, 'iptables-L').rules.map((r) => r.target)).toEqual([
      'KUBE-MARK-MASQ',
      'KUBE-SVC-ABCDEFGHIJKLMNOP',
    ]);
  });

  it('reads rows posted between sentences, cut with Markdown-italic `...` (k8s#93682)', () => {
    const post = [
      'Lots of **REJECT** rules are added into iptables. It said they have no endpoints but they acctually have.',
      '_...',
      'REJECT     udp  --  anywhere             172.17.17.78         /* kube-system/kube-dns:dns has no endpoints */ udp dpt:domain reject-with icmp-port-unreachable',
      'REJECT     tcp  --  anywhere             172.17.17.4          /* core/kube-registry:registry has no endpoints */ tcp dpt:commplex-main reject-with icmp-port-unreachable',
      '..._',
    ].join('\n');
    const [s] = parsePaste(post, 'issue');
    expect(s?.status).not.toBe('rejected');
    const facts = factsOf(s, 'iptables-L');
    expect(facts.rules.map((r) => [r.target, r.comment])).toEqual([
      ['REJECT', 'kube-system/kube-dns:dns has no endpoints'],
      ['REJECT', 'core/kube-registry:registry has no endpoints'],
    ]);
    // Only the prose line is left unread, not the elision marks.
    expect(s?.problems).toHaveLength(1);
  });

  it('does not claim prose around a single row-like line', () => {
    const prose = [
      'I looked at the rules on the worker.',
      'REJECT     tcp  --  anywhere             10.0.0.1             tcp dpt:80',
      'Then I restarted kube-proxy but nothing changed.',
    ].join('\n');
    const [s] = parsePaste(prose, 'issue');
    expect(s?.kind).not.toBe('iptables-L');
    // Two sentences per row are still prose, not a listing.
    const [t] = parsePaste(
      [
        'first sentence',
        'second sentence',
        'third sentence',
        'REJECT     tcp  --  anywhere             10.0.0.1             tcp dpt:80',
        'fourth sentence',
        'REJECT     tcp  --  anywhere             10.0.0.2             tcp dpt:81',
      ].join('\n'),
      'issue',
    );
    expect(t?.kind).not.toBe('iptables-L');
  });

  it('reads a policy line whose header was cut with the rules, under an echoed -L (k3s#1114)', () => {
    const nft = '$ iptables -t filter -L FORWARD\nChain FORWARD (policy DROP)\n...\n';
    const [s] = parsePaste(nft, 'nft.txt');
    const facts = factsOf(s, 'iptables-L');
    expect(facts.chains).toEqual([expect.objectContaining({ name: 'FORWARD', policy: 'DROP' })]);
    expect(facts).toMatchObject({ elided: true, backend: null, rules: [] });
    const [l] = parsePaste(
      '$ iptables-legacy -t filter -L FORWARD\nChain FORWARD (policy ACCEPT)\n',
      'legacy.txt',
    );
    expect(factsOf(l, 'iptables-L')).toMatchObject({
      elided: false,
      backend: { value: 'legacy' },
    });
    // Without the echoed listing command, a lone policy line in prose is not claimed.
    const [p] = parsePaste('It says\nChain FORWARD (policy DROP)\nand nothing else.\n', 'p.txt');
    expect(p?.kind).not.toBe('iptables-L');
    // Nor is a user chain's line, even under the command.
    const [u] = parsePaste('$ iptables -L\nChain KUBE-FORWARD (1 references)\n', 'u.txt');
    expect(u?.kind).not.toBe('iptables-L');
  });

  it('reads a chain header the poster marked with Markdown bold inside the block (kthw#697)', () => {
    const post = [
      'root@vm1:/opt/workdir/dropwatch/dropwatch-master# iptables -vL -t filter',
      'Chain FORWARD (**policy DROP 22 packets, 1848 bytes**)',
      ' pkts bytes target     prot opt in     out     source               destination         ',
      '  271 22647 DOCKER-USER  all  --  any    any     anywhere             anywhere            ',
      '    0     0 ACCEPT     all  --  any    docker0  anywhere             anywhere             ctstate RELATED,ESTABLISHED',
    ].join('\n');
    const [s] = parsePaste(post, 'issue');
    const facts = factsOf(s, 'iptables-L');
    expect(facts.chains).toEqual([
      expect.objectContaining({ name: 'FORWARD', policy: 'DROP', policyPackets: 22 }),
    ]);
    expect(s?.problems).toHaveLength(0);
    // The whole line in bold, or underscores, read alike.
    for (const line of ['**Chain FORWARD (policy DROP)**', 'Chain INPUT (__policy ACCEPT__)']) {
      const [t] = parsePaste(
        `${line}\ntarget     prot opt source               destination\n`,
        'x',
      );
      expect(factsOf(t, 'iptables-L').chains[0]).toMatchObject({
        policy: line.includes('DROP') ? 'DROP' : 'ACCEPT',
      });
    }
    // Emphasis never makes a policy out of something else, nor keeps its marks in the value.
    const [u] = parsePaste(
      'Chain FORWARD (policy DROP__)\ntarget     prot opt source               destination\n',
      'x',
    );
    expect(factsOf(u, 'iptables-L').chains[0]?.policy).toBe('DROP');
    const [v] = parsePaste(
      'Chain FORWARD (**policy drop**)\ntarget     prot opt source               destination\n',
      'x',
    );
    expect(v?.kind === 'iptables-L' ? factsOf(v, 'iptables-L').chains : []).toEqual([]);
  });

  it('never throws on mutated pastes', () => {
    const lines = fixture.split('\n');
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...lines), fc.string()), { maxLength: 30 }),
        (picked) => {
          const out = parsePaste(picked.join('\n'), 'x');
          for (const s of out) expect(['parsed', 'partial', 'rejected']).toContain(s.status);
        },
      ),
      { numRuns: 200 },
    );
  });
});
