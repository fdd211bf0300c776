import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { factsOf } from '../../testing/facts';
import { readTestData } from '../../testing/test-data';
import { parsePaste } from '../registry';

const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');
const one = (text: string) => {
  const rs = parsePaste(text, 'x');
  expect(rs).toHaveLength(1);
  return rs[0]!;
};

describe('dns-answer', () => {
  it('nslookup dropping replies from an unexpected source, then timing out (nixpkgs 98766)', () => {
    const s = one(local('dns-answer--nixpkgs98766-unexpected-source.txt'));
    const f = factsOf(s, 'dns-answer');
    expect(f).toMatchObject({ tool: 'nslookup', status: 'timeout', answers: [] });
    // no `Server:` line was printed: the address asked is the one the replies should come from
    expect(f.server).toMatchObject({ value: '10.43.0.10', line: 3 });
    expect(f.unexpected).toHaveLength(3);
    expect(f.unexpected[0]).toMatchObject({ from: '10.42.0.3', expected: '10.43.0.10', line: 3 });
  });

  it('dig with the same complaint, indented behind a comment (kops 4391)', () => {
    const rs = parsePaste(local('dns-answer--kops4391-dig-unexpected-source.txt'), 'x');
    const d = rs.find((r) => r.kind === 'dns-answer');
    const f = factsOf(d!, 'dns-answer');
    expect(f.tool).toBe('dig');
    expect(f.unexpected).toEqual([
      expect.objectContaining({ from: '100.96.3.3', expected: '100.64.0.12' }),
    ]);
  });

  it('reads no unexpected source from look-alikes or a normal answer', () => {
    const odd = parsePaste(';; reply from unexpected source: somehost, expected other\n', 'x');
    expect(odd.every((r) => r.kind !== 'dns-answer')).toBe(true);
    const ok = one(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n',
    );
    expect(factsOf(ok, 'dns-answer').unexpected).toEqual([]);
  });

  it('reads masked answer addresses as answers for the name above them (kubernetes 73004)', () => {
    const f = factsOf(
      one(
        'Server:         10.43.0.10\nAddress:        10.43.0.10#53\n\nNon-authoritative answer:\nName:   www.google.ca.falconindustries.ca\nAddress: XXX.XXX.XXX.XXX\nName:   www.google.ca.falconindustries.ca\nAddress: *IPV6 PUBLIC ADDRESS*\n',
      ),
      'dns-answer',
    );
    expect(f.status).toBe('answer');
    expect(f.server?.value).toBe('10.43.0.10');
    expect(f.answers).toEqual([
      expect.objectContaining({ type: 'A', value: 'XXX.XXX.XXX.XXX', masked: true, line: 6 }),
      expect.objectContaining({ type: 'AAAA', value: '*IPV6 PUBLIC ADDRESS*', masked: true }),
    ]);
  });

  it("takes no masked-looking value for an answer before any Name line (the server's own address)", () => {
    const f = factsOf(
      one(
        "Server:  dns.example\nAddress: <redacted>\n\n** server can't find x.example: NXDOMAIN\n",
      ),
      'dns-answer',
    );
    expect(f.answers).toEqual([]);
    expect(f.status).toBe('nxdomain');
    // a real address is never marked masked
    const ok = factsOf(
      one('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\ta.b\nAddress: 10.0.0.1\n'),
      'dns-answer',
    );
    expect(ok.answers[0]!.masked).toBeUndefined();
  });

  it('fixture 35: an answer under the wrong search domain, quoted', () => {
    const s = one(local('dns-answer--k8s25861-quoted-wrong-domain.txt'));
    const f = factsOf(s, 'dns-answer');
    expect(s.status).toBe('parsed');
    expect(f).toMatchObject({ tool: 'nslookup', status: 'answer', authoritative: false });
    expect(f.server).toMatchObject({ value: '10.16.72.188', line: 1 });
    expect(f.answers).toEqual([
      expect.objectContaining({
        name: 'zk.inner.xxx.cn.svc.xxx.com',
        type: 'A',
        value: '75.126.101.234',
        line: 6,
      }),
    ]);
  });

  it('fixture 30: the sections of a session (timeout, ethtool, cut answer)', () => {
    const rs = parsePaste(
      readTestData('fixtures/30-flannel1279-udp-bad-checksum-dmesg/session.txt'),
      's',
    );
    expect(rs.map((r) => [r.kind, r.status])).toEqual([
      ['dns-answer', 'parsed'],
      ['ethtool-k', 'parsed'],
      ['dns-answer', 'parsed'],
    ]);
    const timeout = factsOf(rs[0], 'dns-answer');
    expect(timeout).toMatchObject({ status: 'timeout', query: 'www.google.com', server: null });
    expect(timeout.errors[0]).toMatchObject({ line: 2 });
    const cut = factsOf(rs[2], 'dns-answer');
    expect(cut.server?.value).toBe('100.64.0.10');
    expect(cut.status).toBe('answer');
  });

  it('dig: status, answer section, server', () => {
    const text = [
      '; <<>> DiG 9.16.1-Ubuntu <<>> kubernetes.default.svc.cluster.local',
      ';; global options: +cmd',
      ';; Got answer:',
      ';; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 4242',
      ';; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1',
      '',
      ';; QUESTION SECTION:',
      ';kubernetes.default.svc.cluster.local. IN A',
      '',
      ';; ANSWER SECTION:',
      'kubernetes.default.svc.cluster.local. 30 IN A 10.96.0.1',
      '',
      ';; Query time: 0 msec',
      ';; SERVER: 10.96.0.10#53(10.96.0.10)',
    ].join('\n');
    const f = factsOf(one(text), 'dns-answer');
    expect(f).toMatchObject({
      tool: 'dig',
      status: 'answer',
      authoritative: true,
      query: 'kubernetes.default.svc.cluster.local',
    });
    expect(f.answers[0]).toMatchObject({ type: 'A', value: '10.96.0.1', ttl: 30, line: 11 });
    expect(f.server?.value).toBe('10.96.0.10');
    const nx = factsOf(
      one(
        '; <<>> DiG 9.16.1 <<>> nope.example\n;; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: 1\n;; QUESTION SECTION:\n;nope.example.\t\tIN\tA',
      ),
      'dns-answer',
    );
    expect(nx.status).toBe('nxdomain');
  });

  it('busybox nslookup and NXDOMAIN', () => {
    const f = factsOf(
      one(
        'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      kubernetes.default\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local',
      ),
      'dns-answer',
    );
    expect(f.answers).toEqual([
      expect.objectContaining({ name: 'kubernetes.default', value: '10.96.0.1' }),
    ]);
    const nx = factsOf(
      one(
        "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n** server can't find nope.default: NXDOMAIN",
      ),
      'dns-answer',
    );
    expect(nx.status).toBe('nxdomain');
  });

  // musl's busybox cannot name its server and prints `can't resolve '(null)'` instead of the
  // `Server:` block (kubernetes/dns 316, kubernetes/kubernetes 37798, alpine images).
  it("busybox without a server block: the '(null)' line is about the server, not the name", () => {
    const ok = factsOf(
      one(
        "nslookup: can't resolve '(null)': Name does not resolve\n\nName:      servicename\nAddress 1: 10.110.140.125 servicename.default.svc.cluster.local\n",
      ),
      'dns-answer',
    );
    expect(ok).toMatchObject({ status: 'answer', server: null, errors: [] });
    expect(ok.answers).toEqual([
      expect.objectContaining({ name: 'servicename', value: '10.110.140.125', line: 4 }),
    ]);
    const nx = factsOf(
      one(
        "nslookup: can't resolve '(null)': Name does not resolve\n\nnslookup: can't resolve 'servicename': Name does not resolve\n",
      ),
      'dns-answer',
    );
    expect(nx.status).toBe('nxdomain');
    expect(nx.errors.map((e) => e.line)).toEqual([3]);
  });

  it("the '(null)' line alone answers nothing; prose quoting it is no lookup", () => {
    expect(
      parsePaste("nslookup: can't resolve '(null)': Name does not resolve\n", 'x').every(
        (r) => r.kind !== 'dns-answer' || r.status === 'rejected',
      ),
    ).toBe(true);
    expect(
      parsePaste(
        "I always get nslookup: can't resolve '(null)' from alpine, is that the bug?\n",
        'x',
      ).every((r) => r.kind !== 'dns-answer'),
    ).toBe(true);
  });
});

describe('dns-answer: dig as it really comes', () => {
  const peer = (p: string) => readTestData(`peer/jc/${p}`);

  it('two names in one `dig`: one answer each, kept apart', () => {
    const rs = parsePaste(peer('centos-7.7/dig.out'), 'dig');
    expect(rs.map((r) => [r.source, r.kind, r.status])).toEqual([
      ['dig#1', 'dns-answer', 'parsed'],
      ['dig#2', 'dns-answer', 'parsed'],
    ]);
    const [cnn, google] = rs.map((r) => factsOf(r, 'dns-answer'));
    expect(cnn!.query).toBe('www.cnn.com');
    expect(cnn!.answers.map((a) => a.type)).toEqual(['CNAME', 'A']);
    expect(google!.query).toBe('www.google.com');
    expect(google!.answers.map((a) => a.value)).toEqual(['216.58.194.100']);
  });

  it('`+qr`: the query sent is part of its answer, not a query of its own', () => {
    const rs = parsePaste(peer('generic/dig-edns3.out'), 'x');
    expect(rs).toHaveLength(1);
    const f = factsOf(rs[0], 'dns-answer');
    expect(f.answers.map((a) => a.type)).toEqual(['A', 'A', 'RRSIG']);
    // The summary shows the addresses, not the signature.
    expect(rs[0]!.status !== 'rejected' && rs[0]!.summary.params?.answers).toBe(
      'metebalci.com → 151.101.1.195, metebalci.com → 151.101.65.195',
    );
  });

  it('`+qr` with two names: each query sent goes with its own answer', () => {
    const [first, second] = peer('generic/dig-edns3.out').split(';; Got answer:\n');
    const sent = first!.replace(/^[\s\S]*?(;; Sending:)/, '$1');
    const other = `${sent};; Got answer:\n${second!}`.replace(/metebalci\.com/g, 'example.org');
    const rs = parsePaste(`${peer('generic/dig-edns3.out')}${other}`, 'x');
    expect(rs.map((r) => factsOf(r, 'dns-answer').query)).toEqual(['metebalci.com', 'example.org']);
    expect(rs.map((r) => factsOf(r, 'dns-answer').authoritative)).toEqual([false, false]);
  });

  it('a zone transfer (AXFR) is 50 records, not a failed query', () => {
    const f = factsOf(one(peer('centos-7.7/dig-axfr.out')), 'dns-answer');
    expect(f.status).toBe('answer');
    expect(f.answers).toHaveLength(50);
    expect(f.answers[20]).toMatchObject({ type: 'TXT', value: '"; ls"' });
  });

  it('`dig +noall +answer`: the records alone', () => {
    const s = one(peer('osx-10.14.6/dig-noall-answer.out'));
    expect(s.status).toBe('parsed');
    expect(factsOf(s, 'dns-answer')).toMatchObject({ tool: 'dig', status: 'answer' });
  });

  it('NXDOMAIN stays NXDOMAIN with an answer section beside it', () => {
    const s = one(peer('generic/dig-answer-spaces.out'));
    expect(factsOf(s, 'dns-answer')).toMatchObject({ status: 'nxdomain' });
    expect(s.status !== 'rejected' && s.summary.key).toBe(
      'parse.dns-answer.summaryNxdomainWithRecords',
    );
  });

  it('DNSSEC records wrapped over several lines are one record each', () => {
    const s = one(local('dns-answer--insights-core-dnssec-wrapped.txt'));
    expect(s.status).toBe('parsed');
    const f = factsOf(s, 'dns-answer');
    expect(f.answers.map((a) => [a.type, a.line])).toEqual([
      ['SOA', 13],
      ['RRSIG', 15],
    ]);
    expect(f.answers[0]!.value).toBe(
      'a.ns.nic.cz. hostmaster.nic.cz. 1508686803 10800 3600 1209600 7200',
    );
    expect(f.answers[1]!.value).toMatch(
      /^SOA 13 2 1800 20171105143612 .* 2Jy78fWYC\/uwyIsI3nZMUKv573eCWg==$/,
    );
  });

  it('`+multiline`: an SOA in parentheses, its comments dropped', () => {
    const f = factsOf(
      one(
        [
          '; <<>> DiG 9.18.1 <<>> +multiline nic.cz SOA',
          ';; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 1',
          ';; ANSWER SECTION:',
          'nic.cz.\t\t\t1800 IN SOA a.ns.nic.cz. hostmaster.nic.cz. (',
          '\t\t\t\t1508686803 ; serial',
          '\t\t\t\t10800      ; refresh (3 hours)',
          '\t\t\t\t)',
          ';; SERVER: 10.0.0.2#53(10.0.0.2)',
        ].join('\n'),
      ),
      'dns-answer',
    );
    expect(f.answers[0]!.value).toBe('a.ns.nic.cz. hostmaster.nic.cz. ( 1508686803 10800 )');
    expect(f.server?.value).toBe('10.0.0.2');
  });
});

describe('dns-answer: `host NAME [SERVER]`', () => {
  it('a busybox session: one answer per prompt, each the name as the resolver completed it', () => {
    const rs = parsePaste(local('dns-answer--host-busybox-statefulset-session.txt'), 'x');
    expect(rs.map((r) => [r.kind, r.status])).toEqual(Array(4).fill(['dns-answer', 'parsed']));
    const first = factsOf(rs[0]!, 'dns-answer');
    expect(first).toMatchObject({ tool: 'host', status: 'answer', server: null });
    expect(first.query).toBe('myweb-sts-0.myweb-svc-headless');
    // the search domain the resolver appended shows in the record's name
    expect(first.answers).toEqual([
      expect.objectContaining({
        name: 'myweb-sts-0.myweb-svc-headless.default.svc.cluster.local',
        type: 'A',
        value: '10.233.92.106',
        line: 2,
      }),
    ]);
  });

  it('the server block of `host NAME SERVER`, the command typed bare, NXDOMAIN', () => {
    const s = one(local('dns-answer--host-coredns-lb-bare-command-nxdomain.txt'));
    expect(s.status).toBe('parsed');
    const f = factsOf(s, 'dns-answer');
    expect(f).toMatchObject({ tool: 'host', status: 'nxdomain', answers: [] });
    expect(f.server).toMatchObject({ value: '172.17.255.10', line: 4 });
    expect(f.query).toBe('web.default.cluster.local');
  });

  it('NXDOMAIN, then an alias with its address and mail exchanger', () => {
    const rs = parsePaste(local('dns-answer--host-beestudio-nxdomain-then-alias.txt'), 'x');
    const [missing, found] = rs.map((r) => factsOf(r, 'dns-answer'));
    expect(missing).toMatchObject({ status: 'nxdomain', answers: [] });
    // No server was named, so the summary names none (not a placeholder).
    expect(rs[0]).toMatchObject({
      summary: { key: 'parse.dns-answer.summaryFailedNoServer', params: { status: 'nxdomain' } },
    });
    expect(found!.status).toBe('answer');
    expect(found!.answers.map((a) => [a.name, a.type, a.value])).toEqual([
      ['www.beestudio.ro', 'CNAME', 'beestudio.ro'],
      ['beestudio.ro', 'A', '5.12.101.175'],
      ['beestudio.ro', 'MX', '10 mail.beestudio.ro'],
    ]);
  });

  it('a timeout, SERVFAIL and a name without the record asked', () => {
    const timeout = factsOf(
      one('$ host kubernetes.default\n;; connection timed out; no servers could be reached\n'),
      'dns-answer',
    );
    expect(timeout).toMatchObject({ tool: 'nslookup', status: 'timeout' });
    const servfail = one('Host api.example.com not found: 2(SERVFAIL)\n');
    expect(factsOf(servfail, 'dns-answer').status).toBe('servfail');
    const noData = factsOf(one('example.com has no AAAA record\n'), 'dns-answer');
    expect(noData).toMatchObject({ tool: 'host', status: 'answer', answers: [] });
  });

  it('`-t TYPE` is not the name asked; a YAML comment about host networking is no prompt', () => {
    const f = factsOf(
      one(
        '# host -t A kubernetes.default\nkubernetes.default.svc.cluster.local has address 10.96.0.1\n',
      ),
      'dns-answer',
    );
    expect(f.query).toBe('kubernetes.default');
    const yaml = parsePaste('spec:\n  # host network for the agent\n  hostNetwork: true\n', 'x');
    expect(yaml).toHaveLength(1);
    expect(yaml[0]!.kind).not.toBe('dns-answer');
  });

  it('records mixed with prose are not an answer', () => {
    const rs = parsePaste(
      'We checked it twice.\nThe lookup was fine.\nfoo has address 10.0.0.1\nThen it broke.\nNobody knows why.\n',
      'x',
    );
    expect(rs.every((r) => r.kind !== 'dns-answer' || r.status !== 'parsed')).toBe(true);
  });
});
