import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toLines } from '../../engine/lines';
import { claimsOnly, survivesHostileInput, textsMatch } from '../../testing/parser-checks';
import { readTestData } from '../../testing/test-data';
import { TEST_DATA } from '../../testing/test-data';
import { parsePaste, type SectionResult } from '../registry';
import { showsWholeNat } from './facts';
import { iptablesSave } from './parser';
import { ruleFields, tokenize } from './tokens';

const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');
/** The benchmark generator, at a small size (the 5,000-service benchmark is timed by hand, not here). */
const generate = (...args: string[]) =>
  execFileSync(
    process.execPath,
    [
      join(TEST_DATA, 'bench/gen-iptables-save.mjs'),
      '--services',
      '60',
      '--seed',
      '7',
      '--local-frac',
      '0.5',
      '--nodeport-frac',
      '0.5',
      ...args,
    ],
    { encoding: 'utf8' },
  );

function facts(r: SectionResult | undefined) {
  if (r?.kind !== 'iptables-save' || r.status === 'rejected')
    throw new Error(`not parsed as iptables-save: ${JSON.stringify(r)}`);
  return r.facts;
}
const countOf = (text: string, re: RegExp) => text.split('\n').filter((l) => re.test(l)).length;

describe('iptables-save: real outputs', () => {
  it('fixture 13: grep-filtered dump, the ETP-Local drop and its NodePort', () => {
    const text = local('iptables-save--charmed-xlb-grep.txt');
    expect(text).toBe(
      readTestData('fixtures/13-charmed489-etp-local-no-local-endpoints/iptables-save.txt'),
    );
    const [r] = parsePaste(text, 'x');
    const f = facts(r);
    expect(r!.status).toBe('parsed');
    expect(f.format).toBe('save');
    const drop = f.rules.find((x) => x.comment?.includes('has no local endpoints'));
    expect(drop).toMatchObject({
      table: 'nat',
      chain: 'KUBE-XLB-NLDKPDYL22EOGGDT',
      target: 'KUBE-MARK-DROP',
      comment: 'default/nginx-loadbalancer-local: has no local endpoints',
      line: 5,
    });
    const entry = f.rules.find((x) => x.chain === 'KUBE-NODEPORTS');
    expect(entry).toMatchObject({
      table: 'nat',
      dport: '31610',
      proto: 'tcp',
      target: 'KUBE-XLB-NLDKPDYL22EOGGDT',
      line: 3,
    });
    expect(f.chains).toEqual([
      expect.objectContaining({
        name: 'KUBE-XLB-NLDKPDYL22EOGGDT',
        table: 'nat',
        policy: null,
        policyPackets: 0,
        line: 2,
      }),
    ]);
  });
});

describe('iptables-save: the benchmark generator, small', () => {
  it('legacy iptables-save: every rule, three tables, policy counters', () => {
    const text = generate('--forward-policy', 'DROP');
    const f = facts(parsePaste(text, 'x')[0]);
    expect(f.rules).toHaveLength(countOf(text, /^-A /));
    expect(f.tables).toEqual(['nat', 'mangle', 'filter']);
    expect(f.backend?.value).toBe('legacy');
    const forward = f.chains.find((c) => c.table === 'filter' && c.name === 'FORWARD');
    expect(forward?.policy).toBe('DROP');
    expect(forward?.policyPackets).toBeGreaterThanOrEqual(0);
    const noLocal = f.rules.filter((r) => r.comment?.endsWith('has no local endpoints'));
    expect(noLocal.length).toBeGreaterThan(0);
    for (const r of noLocal)
      expect(r).toMatchObject({
        table: 'filter',
        chain: 'KUBE-EXTERNAL-SERVICES',
        target: 'DROP',
        proto: 'tcp',
        dport: expect.stringMatching(/^\d+$/),
      });
  });

  it('a dump cut before its COMMIT: the table is marked cut and the paste says so', () => {
    const text = generate();
    expect(facts(parsePaste(text, 'x')[0]).cut).toEqual([]);
    // Cut in the middle of the nat table, as a chat's length limit cuts it.
    const lines = text.split('\n');
    const natEnd = lines.indexOf('COMMIT');
    const cutText = lines.slice(0, Math.floor(natEnd / 2)).join('\n');
    const r = parsePaste(cutText, 'x')[0]!;
    expect(facts(r).cut).toEqual(['nat']);
    expect(showsWholeNat(facts(r))).toBe(false);
    const star = lines.indexOf('*nat') + 1;
    expect(r.problems).toContainEqual({
      line: star,
      msg: { key: 'parse.iptables-save.cut', params: { table: 'nat' } },
    });
    // Two dumps, the first cut where the second starts: only the first table is cut.
    const two = `${lines.slice(0, natEnd - 3).join('\n')}\n${text}`;
    expect(facts(parsePaste(two, 'x')[0]).cut).toEqual(['nat']);
    expect(showsWholeNat(facts(parsePaste(text, 'x')[0]))).toBe(true);
  });

  it('--format S: tables told apart by their policies', () => {
    const text = generate('--format', 'S');
    const [r] = parsePaste(text, 'x');
    const f = facts(r);
    expect(r!.status).toBe('parsed');
    expect(f.format).toBe('S');
    expect(f.tables).toEqual(['nat', 'mangle', 'filter']);
    expect(f.rules).toHaveLength(countOf(text, /^-A /));
    expect(
      f.rules.filter((x) => x.chain.startsWith('KUBE-SVC-')).every((x) => x.table === 'nat'),
    ).toBe(true);
    expect(
      f.rules.filter((x) => x.chain === 'KUBE-FORWARD').every((x) => x.table === 'filter'),
    ).toBe(true);
  });

  it('--flavor nft --legacy-warning: backend and warning', () => {
    const f = facts(parsePaste(generate('--flavor', 'nft', '--legacy-warning'), 'x')[0]);
    expect(f.backend).toMatchObject({ value: 'nf_tables', line: 2 });
    expect(f.legacyWarning?.line).toBe(1);
    expect(f.tables).toEqual(['mangle', 'filter', 'nat']);
  });
});

describe('iptables-save: formats', () => {
  it('finds the legacy-tables warning inside a rule line (stderr merged, kubernetes#78443)', () => {
    const text = readTestData(
      'cases/44-k8s78443-legacy-warning-inside-rule-line/iptables-save.txt',
    );
    const r = parsePaste(text, 'x')[0];
    expect(r?.status).toBe('partial');
    const f = facts(r);
    expect(f.legacyWarning).toMatchObject({ line: 1 });
    expect(f.legacyWarning?.value).toMatch(/^Warning: iptables-legacy tables present/);
    // A rule that merely names the text in its comment is not the warning.
    const quoted = facts(
      parsePaste('-A INPUT -m comment --comment "x" -j ACCEPT\n-A INPUT -j DROP', 'y')[0],
    );
    expect(quoted.legacyWarning).toBeNull();
  });

  it('tokenizes quotes and the escapes iptables-save writes', () => {
    expect(tokenize('-A X -m comment --comment "a \\"b\\" c\\\\" -j Y')).toEqual([
      '-A',
      'X',
      '-m',
      'comment',
      '--comment',
      'a "b" c\\',
      '-j',
      'Y',
    ]);
    expect(tokenize('-A X --comment "unterminated')).toEqual([
      '-A',
      'X',
      '--comment',
      'unterminated',
    ]);
    expect(tokenize('-A  X\t-j  Y ')).toEqual(['-A', 'X', '-j', 'Y']);
  });

  it('reads the fields in any spelling iptables prints', () => {
    expect(
      ruleFields(
        '-A X -p udp -m multiport --dports 53,5353 -m comment --comment "x \\"-j Y\\"" --goto Z',
      ),
    ).toEqual({
      chain: 'X',
      target: 'Z',
      comment: 'x "-j Y"',
      dport: '53,5353',
      proto: 'udp',
      packets: null,
    });
    expect(ruleFields('-I INPUT 1 -p tcp --dport ! 22 --jump REJECT')).toMatchObject({
      dport: null,
      proto: 'tcp',
      target: 'REJECT',
    });
    expect(ruleFields('-A')).toBeNull();
    expect(ruleFields('-N X')).toBeNull();
  });

  it('reads -c counters in both spellings', () => {
    const text =
      '*filter\n:INPUT ACCEPT [10:20]\n[5:300] -A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\nCOMMIT\n';
    const f = facts(parsePaste(text, 'x')[0]);
    expect(f.rules[0]).toMatchObject({
      table: 'filter',
      packets: 5,
      dport: '22',
      target: 'ACCEPT',
    });
    expect(f.chains[0]).toMatchObject({ policyPackets: 10 });
    const s = facts(
      parsePaste('-P INPUT ACCEPT -c 7 420\n-A INPUT -c 3 180 -j KUBE-FIREWALL', 'x')[0],
    );
    expect(s.rules[0]).toMatchObject({ packets: 3, table: 'filter' });
    expect(s.chains[0]).toMatchObject({ policy: 'ACCEPT', policyPackets: 7 });
  });

  it('takes the table from the echoed -t, else infers it', () => {
    const grep = facts(
      parsePaste(
        '$ iptables -S -t nat | grep 31710\n-A KUBE-NODEPORTS -p tcp -m tcp --dport 31710 -j KUBE-SVC-ABC',
        'x',
      )[0],
    );
    expect(grep.rules[0]).toMatchObject({ table: 'nat', dport: '31710' });
    expect(grep.format).toBe('S');
    const filter = facts(
      parsePaste(
        '-P INPUT ACCEPT\n-P FORWARD DROP\n-P OUTPUT ACCEPT\n-A FORWARD -j DOCKER-USER',
        'x',
      )[0],
    );
    expect(filter.chains.map((c) => c.table)).toEqual(['filter', 'filter', 'filter']);
    expect(
      facts(parsePaste('-A FOO -s 10.0.0.0/8 -j BAR\n-A FOO -j RETURN', 'x')[0]).rules[0]!.table,
    ).toBe('unknown');
    expect(
      facts(parsePaste('-A PREROUTING -d 1.2.15.21/32 -p tcp -m tcp --dport 80 -j NOTRACK', 'x')[0])
        .rules[0]!.table,
    ).toBe('raw');
  });

  it('leaves negated matches out and reports tables iptables cannot show', () => {
    const text =
      "# Table `nat' is incompatible, use 'nft' tool.\n-A INPUT -p tcp ! --dport 22 -j DROP\n-A INPUT ! -p udp -j ACCEPT";
    const out = iptablesSave.parse(toLines(text), { command: 'iptables-save' });
    if (out.status === 'rejected') throw new Error('rejected');
    expect(out.status).toBe('partial');
    expect(out.problems[0]?.msg).toEqual({
      key: 'parse.iptables-save.incompatible',
      params: { table: 'nat' },
    });
    expect(out.facts.rules.map((r) => [r.dport, r.proto])).toEqual([
      [null, 'tcp'],
      [null, null],
    ]);
  });

  it('claims a lone rule inside a Markdown fence (kubernetes#97360), not a fence around prose', () => {
    const text = readTestData(
      'cases/60-k8s97360-external-services-nodeport-reject/iptables-save.txt',
    );
    const f = facts(parsePaste(text, 'x')[0]);
    expect(f.rules).toHaveLength(1);
    expect(f.rules[0]).toMatchObject({
      chain: 'KUBE-EXTERNAL-SERVICES',
      dport: '32445',
      target: 'REJECT',
    });
    // The fence is decoration only: a lone rule among other text is still not a dump.
    expect(
      iptablesSave.detect(toLines('```\n-A KUBE-SERVICES -j X\nsome\nother text\n```'), {
        command: null,
      }),
    ).toBe(false);
  });

  it('does not claim look-alikes', () => {
    const no = (text: string) =>
      expect(iptablesSave.detect(toLines(text), { command: null })).toBe(false);
    no(
      'iptables -t raw -A PREROUTING -d 1.2.15.21 -p tcp --dport 80 -j NOTRACK\niptables -t raw -A OUTPUT -s 1.2.15.21 -p tcp --sport 80 -j NOTRACK',
    );
    no(
      'Chain FORWARD (policy DROP 3 packets, 188 bytes)\nnum   pkts bytes target     prot opt in     out     source               destination',
    );
    no(
      'I0514 13:55:16.524562       1 server_others.go:140] Using iptables Proxier.\nI0514 13:55:16.625142       1 server_others.go:174] Tearing down inactive rules.',
    );
    no('-A KUBE-SERVICES -j X\nsome\nother\ntext\nhere');
    // `ipvsadm -S`: `-A`/`-a` followed by an option, never a chain name.
    no('-A -t 10.254.0.1:443 -s rr\n-a -t 10.254.0.1:443 -r 10.111.32.239:6443 -m -w 1');
    no('-A -u 10.96.0.10:53 -s rr');
  });
});

describe('iptables-save: only iptables dumps are claimed', () => {
  claimsOnly(iptablesSave, ['13-charmed489-etp-local-no-local-endpoints/iptables-save.txt']);
});

describe('iptables-save: texts', () => {
  textsMatch('iptables-save', [readFileSync(new URL('./parser.ts', import.meta.url), 'utf8')]);
});

describe('iptables-save: hostile input', () => {
  survivesHostileInput(
    iptablesSave,
    [
      '# Generated by iptables-save v1.8.7 (nf_tables) on Wed May  8 15:23:58 2024',
      '*nat',
      ':KUBE-XLB-NLDKPDYL22EOGGDT - [0:0]',
      '-A KUBE-XLB-NLDKPDYL22EOGGDT -m comment --comment "default/nginx-loadbalancer-local: has no local endpoints" -j KUBE-MARK-DROP',
      '[5:300] -A KUBE-NODEPORTS -p tcp -m tcp --dport 31610 -j KUBE-XLB-NLDKPDYL22EOGGDT',
      '-P FORWARD DROP',
      '-N KUBE-FORWARD',
      'COMMIT',
      '$ sudo iptables-save | grep KUBE-XLB',
    ],
    {
      prefixes: ['-A X '],
      mutations: [(s) => `\x1b[1;33m${s}\x1b[0m`, (s) => s.replace(/"/g, '\\"')],
      longLines: [
        '-A KUBE-SERVICES -m comment --comment "' + 'x '.repeat(2_500_000),
        '-A KUBE-SERVICES' + ' -j'.repeat(1_700_000),
      ],
    },
  );
});
