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
});
