import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSymptomId } from '../catalog/causes';
import { diagnose, type Diagnosis } from '../diagnosis/diagnose';
import { parsePaste } from '../parsers/registry';
import { fixtureCases } from '../testing/test-data';
import { createRedactor, promptHosts } from './redact';

const one = (text: string, names: string[] = []) => createRedactor([text], names).text(text);

describe('redaction', () => {
  it('gives addresses stand-ins of the same shape, keeping prefixes and ports', () => {
    expect(one('-s 10.1.0.0/16 -d 10.1.0.0 to 192.168.215.1:80')).toBe(
      '-s 198.18.0.1/16 -d 198.18.0.1 to 198.18.0.2:80',
    );
    expect(one('inet6 fe80::a00:27ff:fe4e:66a1/64 and 2001:db8:0:1:2:3:4:5')).toBe(
      'inet6 2001:db8::1/64 and 2001:db8::2',
    );
    expect(one('link/ether 08:00:27:4E:66:A1 brd ff:ff:ff:ff:ff:ff, 52-54-00-12-34-56')).toBe(
      'link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff, 02-00-00-00-00-02',
    );
    expect(
      one(
        'IP 10.0.0.5.52144 > 10.0.0.9.31710: Flags [S]; 10.0.0.9:http, fe80::1.546 > ff02::1:2.547',
      ),
    ).toBe(
      'IP 198.18.0.1.52144 > 198.18.0.2.31710: Flags [S]; 198.18.0.2:http, 2001:db8::1.546 > 2001:db8::2.547',
    );
    expect(one('::ffff:10.0.0.7 listens on 0.0.0.0:80, 127.0.0.1, ::1 and [::]:443')).toBe(
      '::ffff:198.18.0.1 listens on 0.0.0.0:80, 127.0.0.1, ::1 and [::]:443',
    );
  });

  it('names hosts node-N and domains label by label (d1.example), the node answer and prompts included', () => {
    const text =
      '[root@k8s-node03 ~]# kubectl get node k8s-node03\nuser@bastion:~$ ssh ip-10-12-4-85\nserver: dev-aws.example.com, svc: web.shop.svc.cluster.local, search svc.cluster.local';
    expect(one(text, ['k8s-node03'])).toBe(
      '[root@node-1 ~]# kubectl get node node-1\nuser@node-2:~$ ssh node-3\nserver: d1.example.com, svc: d2.d3.svc.cluster.local, search svc.cluster.local',
    );
    expect(
      promptHosts(['[root@k8s-master service]# ls', 'root@thdbg:/# cat x', 'k8s/08ea:~# x']),
    ).toEqual(['k8s-master', 'thdbg', 'k8s/08ea']);
  });

  it('replaces secrets', () => {
    const text = [
      'password=hunter2 token: abc.def-123 "client_secret": "s3cr3t"',
      'Authorization: Bearer 0123456789abcdefXYZ',
      'jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
      'https://admin:pa55@registry.internal/v2/',
      'data: QmFzZTY0RW5jb2RlZFNlY3JldFZhbHVlMTIzNDU2Nzg5MA==',
    ].join('\n');
    const out = one(text);
    for (const s of [
      'hunter2',
      'abc.def-123',
      's3cr3t',
      '0123456789abcdefXYZ',
      'eyJhbGci',
      'pa55',
      'QmFzZTY0',
    ])
      expect(out).not.toContain(s);
    expect(out).toContain('password=redacted-secret-1');
    expect(out).toContain('https://admin:redacted-secret-');
  });

  it('leaves numbers that are not addresses alone', () => {
    const text = [
      'Linux k8s 3.10.0-1062.el7.x86_64 #1 SMP',
      'net.ipv4.ip_local_port_range = 32768\t60999',
      'net.ipv4.tcp_tw_recycle = 1',
      'I0601 13:01:13.338922       1 server.go:583] Version: v1.18.6',
      '-A KUBE-NODEPORTS -p tcp -m tcp --dport 31710 -j KUBE-SVC-6GQ2JV5ULHYQYZLL',
      '    1287 passive connections rejected because of time stamp',
      'IP Virtual Server version 1.2.1 (size=4096)',
      'Chrome/109.0.0.0 Safari/537.36 kube-proxy-x7k2p calico-node-86mdg kube-node-lease',
      'ethtool -K flannel.1 tx-checksum-ip-generic off; see kubernetes.io/docs and main.go:12',
      '5 fragments 1.5 ratio 10.5% at 12:34:56 id 8a7c1e2f',
    ].join('\n');
    expect(one(text)).toBe(text);
  });

  it('uses one stand-in per value across texts, and never an address or name already there', () => {
    const macs = createRedactor(['02:00:00:00:00:01 aa:bb:cc:dd:ee:ff']);
    expect(macs.text('aa:bb:cc:dd:ee:ff')).toBe('02:00:00:00:00:02');
    const texts = ['a 10.0.0.5 node-1 198.18.0.1', 'b 10.0.0.5 10.0.0.6 node-2'];
    const r = createRedactor(texts);
    const [a, b] = texts.map((t) => r.text(t));
    expect(a).toBe('a 198.18.0.2 node-3 198.18.0.3');
    expect(b).toBe('b 198.18.0.2 198.18.0.4 node-4');
    expect(r.replacements().map((x) => `${x.from}>${x.to}`)).toEqual([
      '10.0.0.5>198.18.0.2',
      '198.18.0.1>198.18.0.3',
      'node-1>node-3',
      '10.0.0.6>198.18.0.4',
      'node-2>node-4',
    ]);
  });

  it('maps any IPv4 address away, consistently, and leaves counters and ports as they are', () => {
    const octet = fc.integer({ min: 1, max: 254 });
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 1, max: 223 }), octet, octet, octet),
        fc.nat(70000),
        fc.integer({ min: 1, max: 65535 }),
        (ip, counter, port) => {
          if (ip[0] === 127 || (ip[0] === 169 && ip[1] === 254)) return;
          const addr = ip.join('.');
          const text = `conn ${addr}:${port} -> ${addr} count ${counter} port ${port}`;
          const out = one(text);
          expect(out).not.toMatch(new RegExp(`(^|[^\\d.])${addr.replace(/\./g, '\\.')}($|[^\\d])`));
          expect(out).toMatch(/^conn 198\.1[89]\.\d+\.\d+:(\d+) -> (198\.1[89]\.\d+\.\d+) count/);
          expect(out).toContain(` count ${counter} port ${port}`);
          expect(out.split(' ')[1]!.split(':')[0]).toBe(out.split(' ')[3]);
        },
      ),
      { numRuns: 500 },
    );
  });
});

// Names that appear in the shared fixtures (besides the addresses, which are found below).
const FIXTURE_HOSTS = [
  'k8s-master',
  'node-1',
  'node-2',
  'k8s-master01',
  'k8s-master-01',
  'ip-172-16-102-241',
  'ip-10-12-4-85',
  'thdbg',
  'dev-aws.example.com',
  'dev.labs.abcservice.zw',
  'zk.inner.xxx.cn.svc.xxx.com',
  'svc.xxx.com',
  'c.thockin-dev.internal',
  'www.thunderclient.com',
  '08ea6ac6-9e85-44d6-81be-0dc94c73ddd7',
];
const ADDRESSES = /(?<![\w.])(?<![A-Za-z]\/)(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)/g;
const present = (text: string, word: string) =>
  new RegExp(`(?<![\\w.-])${word.replace(/[.]/g, '\\.')}(?![\\w-])`).test(text);
const verdicts = (d: Diagnosis) => ({
  findings: d.findings.map((f) => [f.cause, f.confidence, f.evidence.map((e) => e.line)]),
  ruledOut: d.ruledOut.map((r) => [r.cause, r.evidence.map((e) => e.line)]),
  notApplicable: d.notApplicable.map((r) => r.cause),
});

describe.each(fixtureCases())('redacting fixture $name', (c) => {
  const r = createRedactor(c.files.map((f) => f.text));
  const redacted = c.files.map((f) => ({ ...f, text: r.text(f.text) }));
  const all = redacted.map((f) => f.text).join('\n');

  it('leaves none of its addresses or host names', () => {
    const original = c.files.map((f) => f.text).join('\n');
    const addresses = [...original.matchAll(ADDRESSES)]
      .map((m) => m[0])
      .filter((a) => !/^(?:0|127|255)\.|^169\.254\./.test(a));
    for (const a of addresses) expect(present(all, a), a).toBe(false);
    for (const h of FIXTURE_HOSTS.filter((h) => present(original, h)))
      expect(present(all, h), h).toBe(false);
    expect(redacted.map((f) => f.text.split('\n').length)).toEqual(
      c.files.map((f) => f.text.split('\n').length),
    );
  });

  it('keeps the diagnosis', () => {
    const symptom = isSymptomId(c.symptom) ? c.symptom : null;
    const parse = (files: { name: string; text: string }[]) =>
      files.flatMap((f) => parsePaste(f.text, f.name));
    expect(verdicts(diagnose(symptom, parse(redacted)))).toEqual(
      verdicts(diagnose(symptom, parse(c.files))),
    );
    expect(verdicts(diagnose(null, parse(redacted)))).toEqual(
      verdicts(diagnose(null, parse(c.files))),
    );
  });
});
