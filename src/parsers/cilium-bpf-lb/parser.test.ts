import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/translate';
import {
  claimsOnly,
  direct,
  only,
  survivesHostileInput,
  textsMatch,
} from '../../testing/parser-checks';
import { ciliumBpfLb } from './parser';

const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');
const lb = (text: string) => only(text, 'cilium-bpf-lb');
const rows = (r: ReturnType<typeof lb>) =>
  r.facts.frontends.map((f) => [f.address.value, f.flags.join(','), f.backends.length, f.master]);

describe('cilium-bpf-lb: real outputs', () => {
  it('1.0: the master entry anywhere among the backends, no flags, no slot column', () => {
    const r = lb(local('cilium-bpf-lb--cilium3905-v1.0-old-format.txt'));
    expect(r.status).toBe('parsed');
    expect(r.facts.frontends).toHaveLength(8);
    expect(rows(r).slice(0, 3)).toEqual([
      ['10.96.0.1:443', '', 1, 2],
      ['10.110.217.87:80', '', 2, 6],
      ['10.99.124.248:10080', '', 2, 8],
    ]);
    expect(r.facts.frontends[1]!.backends).toEqual([
      {
        address: '10.10.1.129:80',
        revNat: 20,
        slot: null,
        line: 4,
        text: '10.110.217.87:80       10.10.1.129:80 (20)      ',
      },
      {
        address: '10.10.0.239:80',
        revNat: 20,
        slot: null,
        line: 5,
        text: '                       10.10.0.239:80 (20)      ',
      },
    ]);
  });

  it('1.7: ClusterIP, NodePort and ExternalIPs flags on the master entry', () => {
    const r = lb(local('cilium-bpf-lb--cilium10402-v1.7-externalips.txt'));
    expect(r.command).toBe('kubectl exec -it cilium-fxw27 -- cilium bpf lb list');
    expect(rows(r)).toEqual([
      ['100.72.178.101:80', 'ClusterIP', 2, 5],
      ['100.64.5.14:30157', 'NodePort', 2, 8],
      ['10.88.58.5:443', 'ExternalIPs', 6, 15],
      ['100.72.65.50:443', 'ClusterIP', 1, 17],
      // The stored copy ends here: the master entry of this one is not in the paste.
      ['100.72.76.202:8080', '', 1, null],
    ]);
    expect(r.facts.frontends[2]!.revNat).toBe(3);
  });

  it('1.7 ClusterIP, the kubectl command typed on the first line', () => {
    const r = lb(local('cilium-bpf-lb--cilium11724-v1.7-clusterip.txt'));
    expect(r.command).toBe('kubectl -n kube-system exec cilium-qqstk -- cilium bpf lb list');
    expect(rows(r)).toEqual([
      ['10.43.13.198:44134', 'ClusterIP', 1, 3],
      ['10.43.212.93:8443', 'ClusterIP', 1, 6],
    ]);
  });

  it('1.16: slots, InternalLocal, L7 load balancers (proxy port, no backends by design)', () => {
    const r = lb(local('cilium-bpf-lb--cilium31503-v1.16-l7lb.txt'));
    expect(r.command).toBe('cilium-dbg bpf lb list');
    expect(rows(r)).toEqual([
      ['10.96.0.1:443', 'ClusterIP,non-routable', 1, 4],
      ['10.96.252.10:443', 'ClusterIP,InternalLocal,non-routable', 1, 6],
      ['10.96.155.44:80', 'ClusterIP,non-routable', 1, 7],
      ['172.18.0.2:32646', 'NodePort,l7-load-balancer', 0, 9],
      ['10.96.193.7:443', 'ClusterIP,non-routable,l7-load-balancer', 0, 10],
    ]);
    expect(r.facts.frontends[0]!.backends[0]).toMatchObject({
      address: '172.18.0.3:6443',
      revNat: 1,
      slot: 1,
    });
    expect(r.facts.frontends[3]!.l7ProxyPort).toBe(15735);
    expect(translate('en', r.summary.key, r.summary.params)).toBe(
      'cilium bpf lb list: 5 frontends, 3 backend slots, every frontend has backends',
    );
  });

  it('1.18: /TCP frontends with their slot; the API server’s three frontends have no backends', () => {
    const r = lb(local('cilium-bpf-lb--tkeguide-v1.18-apiserver-no-backends.txt'));
    expect(rows(r)).toEqual([
      ['10.15.1.8:443/TCP', 'LoadBalancer', 0, 3],
      ['0.0.0.0:30965/TCP', 'NodePort,non-routable', 0, 4],
      ['192.168.60.179:443/TCP', 'ClusterIP,non-routable', 0, 5],
    ]);
    expect(r.facts.frontends[0]).toMatchObject({
      ip: '10.15.1.8',
      port: 443,
      proto: 'TCP',
      revNat: 14,
    });
    expect(translate('en', r.summary.key, r.summary.params)).toBe(
      'cilium bpf lb list: 3 frontends, 3 without backends (10.15.1.8:443/TCP, 0.0.0.0:30965/TCP, 192.168.60.179:443/TCP)',
    );
    expect(translate('zh-CN', r.summary.key, r.summary.params)).toBe(
      'cilium bpf lb list：3 个 frontend，其中 3 个没有后端（10.15.1.8:443/TCP, 0.0.0.0:30965/TCP, 192.168.60.179:443/TCP）',
    );
  });

  it('a grep of one internal-scope frontend (/i), without the header', () => {
    const r = lb(local('cilium-bpf-lb--cilium32472-grep-internal-scope.txt'));
    const f = r.facts.frontends[0]!;
    expect([f.address.value, f.internal, f.flags, f.master]).toEqual([
      '34.1.1.100:443/i',
      true,
      ['LoadBalancer', 'Local'],
      6,
    ]);
    expect(f.backends.map((b) => b.slot)).toEqual([8, 9, 4, 6, 7, 10]);
  });
});

describe('cilium-bpf-lb: formats, damage and related pastes', () => {
  it('1.17+: every slot on its own row under the same frontend; IPv6 masters', () => {
    const r = lb(
      [
        'SERVICE ADDRESS            BACKEND ADDRESS (REVNAT_ID) (SLOT)',
        '10.96.142.201:80/TCP (0)   0.0.0.0:0 (9) (0) [ClusterIP, non-routable]',
        '10.96.142.201:80/TCP (1)   10.0.1.201:80/TCP (9) (1)',
        '10.96.142.201:80/TCP (2)   10.0.1.44:80/TCP (9) (2)',
        '[fd8b:bab:fcd3::d941]:7979/TCP (0)   [::]:0 (40) (0) [ClusterIP, non-routable]',
        '10.96.0.5:53/UDP (1)       backend 42 not found',
      ].join('\n'),
    );
    expect(rows(r)).toEqual([
      ['10.96.142.201:80/TCP', 'ClusterIP,non-routable', 2, 2],
      ['[fd8b:bab:fcd3::d941]:7979/TCP', 'ClusterIP,non-routable', 0, 5],
      ['10.96.0.5:53/UDP', '', 0, null],
    ]);
    expect(r.facts.frontends[2]!.missing.map((m) => [m.value, m.line])).toEqual([
      ['backend 42 not found', 6],
    ]);
  });

  it('a paste cut in the middle: the entries before are read, the cut line is a problem', () => {
    const text = `${local('cilium-bpf-lb--cilium31503-v1.16-l7lb.txt')}10.96.122.`;
    const r = lb(text);
    expect(r.status).toBe('partial');
    expect(r.facts.frontends).toHaveLength(5);
    expect(r.problems).toEqual([{ line: 11, msg: { key: 'parse.cilium-bpf-lb.badLine' } }]);
  });

  it('--frontends and --revnat listings are refused with what to paste instead', () => {
    for (const text of [
      'SERVICE ADDRESS         BACKEND ID\n10.96.0.1:443/TCP (0)   0',
      'ID   BACKEND ADDRESS (REVNAT_ID) (SLOT)\n1    10.96.0.1:443',
    ]) {
      const r = direct(ciliumBpfLb, text);
      expect(r).toMatchObject({
        status: 'rejected',
        problems: [{ msg: { key: 'parse.cilium-bpf-lb.otherListing' } }],
      });
    }
  });

  it('CRLF, garbage, empty, a 2,000-character line', () => {
    const crlf = local('cilium-bpf-lb--cilium11724-v1.7-clusterip.txt').replace(/\n/g, '\r\n');
    expect(lb(crlf).facts.frontends).toHaveLength(2);
    expect(direct(ciliumBpfLb, 'lorem ipsum\ndolor').status).toBe('rejected');
    expect(direct(ciliumBpfLb, '').status).toBe('rejected');
    const long = direct(ciliumBpfLb, `SERVICE ADDRESS   BACKEND ADDRESS\n${'0'.repeat(2_001)}`);
    expect(long).toMatchObject({ status: 'partial', problems: [{ line: 2 }] });
  });

  it('an entry with no frontend above it', () => {
    const r = direct(ciliumBpfLb, 'SERVICE ADDRESS   BACKEND ADDRESS\n      10.0.0.1:80 (3) (1)');
    expect(r).toMatchObject({
      status: 'partial',
      problems: [{ line: 2, msg: { key: 'parse.cilium-bpf-lb.entryWithoutFrontend' } }],
    });
  });
});

describe('cilium-bpf-lb: claims no other fixture', () => {
  claimsOnly(ciliumBpfLb, []);
});

describe('cilium-bpf-lb: texts', () => {
  textsMatch('cilium-bpf-lb', [readFileSync(new URL('./parser.ts', import.meta.url), 'utf8')]);
});

describe('cilium-bpf-lb: hostile input', () => {
  survivesHostileInput(
    ciliumBpfLb,
    [
      'SERVICE ADDRESS     BACKEND ADDRESS (REVNAT_ID) (SLOT)',
      '10.96.0.1:443       172.18.0.3:6443 (1) (1)',
      '                    0.0.0.0:0 (1) (0) [ClusterIP, non-routable]',
      '10.15.1.8:443/TCP (0)         0.0.0.0:0 (14) (0) [LoadBalancer]',
      '172.18.0.2:32646    0.0.0.0:0 (33) (0) [NodePort, l7-load-balancer] (L7LB Proxy Port: 15735)',
    ],
    { commands: [null, 'cilium-dbg bpf lb list'] },
  );
});
