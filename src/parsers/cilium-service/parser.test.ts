import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/translate';
import { parsePaste } from '../registry';
import {
  claimsOnly,
  direct,
  only,
  survivesHostileInput,
  textsMatch,
} from '../../testing/parser-checks';
import { ciliumService } from './parser';

const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');
const services = (text: string) => only(text, 'cilium-service');
const rows = (r: ReturnType<typeof services>) =>
  r.facts.services.map((s) => [s.id, s.frontend.value, s.type, s.backends.length, s.frontend.line]);

describe('cilium-service: real outputs', () => {
  it('the kube-proxy-free guide: a NodePort on every device, /TCP frontends and backends', () => {
    const r = services(local('cilium-service--docs-kubeproxy-free-nodeport.txt'));
    expect(r.status).toBe('parsed');
    expect(r.command).toBe('kubectl -n kube-system exec ds/cilium -- cilium-dbg service list');
    expect(rows(r)).toEqual([
      [4, '10.104.239.135:80/TCP', 'ClusterIP', 2, 4],
      [5, '0.0.0.0:31940/TCP', 'NodePort', 2, 6],
      [6, '192.168.178.29:31940/TCP', 'NodePort', 2, 8],
      [7, '172.16.0.29:31940/TCP', 'NodePort', 2, 10],
    ]);
    const s = r.facts.services[1]!;
    expect([s.ip, s.port, s.proto]).toEqual(['0.0.0.0', 31940, 'TCP']);
    expect(s.backends[1]).toMatchObject({
      index: 2,
      address: '10.217.0.149:80/TCP',
      state: null,
      line: 7,
    });
  });

  it('1.19 in a kind cluster: every backend active, DNS over TCP and UDP apart', () => {
    const r = services(local('cilium-service--cilium44301-v1.19-kind-active.txt'));
    expect(r.command).toBe('cilium-dbg service list');
    expect(r.facts.services).toHaveLength(7);
    const udp = r.facts.services.find((s) => s.frontend.value === '10.96.0.10:53/UDP')!;
    expect(udp.proto).toBe('UDP');
    expect(udp.backends.map((b) => [b.address, b.state, b.line])).toEqual([
      ['10.244.1.69:53/UDP', 'active', 7],
      ['10.244.1.109:53/UDP', 'active', 8],
    ]);
    expect(translate('en', r.summary.key, r.summary.params)).toBe(
      'cilium service list: 7 frontends, 10 backends, every frontend has backends; 0 backends not active',
    );
  });

  it('IPv6 frontends and backends in brackets', () => {
    const r = services(local('cilium-service--cilium33076-ipv6-frontends.txt'));
    const first = r.facts.services[0]!;
    expect([first.id, first.ip, first.port, first.proto]).toEqual([
      1,
      'ffff:fff:fff:701::2:dceb',
      80,
      null,
    ]);
    expect(first.backends.map((b) => b.address)).toEqual([
      '[ffff:fff:fff:700:0:2:7:2c53]:80',
      '[ffff:fff:fff:700:0:2:7:949c]:80',
    ]);
    expect(r.facts.services.at(-1)!.backends[0]?.address).toBe(
      '[ffff:fff:fff:700:0:2:7:cbd7]:10250',
    );
  });

  it('a CI log’s copy: a ClusterIP without backends, no states (1.10)', () => {
    const r = services(local('cilium-service--cilium16776-ci-no-backend.txt'));
    expect(rows(r)).toEqual([
      [1, '10.107.224.229:3000', 'ClusterIP', 0, 2],
      [2, '10.108.181.175:9090', 'ClusterIP', 1, 3],
      [3, '10.96.0.1:443', 'ClusterIP', 1, 4],
      [4, '10.96.0.10:9153', 'ClusterIP', 1, 5],
      [5, '10.96.0.10:53', 'ClusterIP', 1, 6],
    ]);
    expect(translate('en', r.summary.key, r.summary.params)).toBe(
      'cilium service list: 5 frontends, 1 without backends (10.107.224.229:3000); 0 backends not active',
    );
  });

  it('a quarantined backend; `service get` with a backend in maintenance', () => {
    const q = services(local('cilium-service--cilium18814-quarantined.txt'));
    expect(q.facts.services[0]!.backends.map((b) => b.state)).toEqual([
      'quarantined',
      'active',
      'active',
    ]);
    const g = services(local('cilium-service--cilium24136-service-get-maintenance.txt'));
    expect(g.command).toBe('cilium service get 3043');
    expect(rows(g)).toEqual([[3043, '10.32.95.217:6379', 'NodePort', 3, 3]]);
    expect(g.facts.services[0]!.backends[1]).toMatchObject({ state: 'maintenance', line: 4 });
  });

  it('1.18: the API server’s LoadBalancer, NodePort and ClusterIP without any backend', () => {
    const r = services(local('cilium-service--tkeguide-v1.18-apiserver-no-backends.txt'));
    expect(rows(r)).toEqual([
      [4, '0.0.0.0:30965/TCP', 'NodePort', 0, 3],
      [6, '10.15.1.8:443/TCP', 'LoadBalancer', 0, 4],
      [7, '192.168.60.179:443/TCP', 'ClusterIP', 0, 5],
    ]);
    expect(translate('en', r.summary.key, r.summary.params)).toBe(
      'cilium service list: 3 frontends, 3 without backends (0.0.0.0:30965/TCP, 10.15.1.8:443/TCP, 192.168.60.179:443/TCP); 0 backends not active',
    );
    expect(translate('zh-CN', r.summary.key, r.summary.params)).toBe(
      'cilium service list：3 个 frontend，其中 3 个没有后端（0.0.0.0:30965/TCP, 10.15.1.8:443/TCP, 192.168.60.179:443/TCP）；0 个后端不是 active',
    );
  });

  it('a LocalRedirect entry (the guide elides the other rows with […])', () => {
    const r = services(local('cilium-service--docs-lrp-localredirect.txt'));
    expect(r.status).toBe('parsed');
    expect(rows(r)).toEqual([[4, '172.20.0.51:80', 'LocalRedirect', 1, 4]]);
  });
});

describe('cilium-service: formats, damage and related pastes', () => {
  it('no ID column; a clustermesh service; the header alone', () => {
    const r = services(
      'Frontend          Service Type   Backend\n10.0.0.2:80:TCP   NodePort       1 => 172.29.0.3:80 (active)\n10.0.0.3:80       ClusterIP (Remote)   1 => 10.1.0.4:80 (active)\n',
    );
    expect(rows(r)).toEqual([
      [null, '10.0.0.2:80:TCP', 'NodePort', 1, 2],
      [null, '10.0.0.3:80', 'ClusterIP (Remote)', 1, 3],
    ]);
    const none = services('ID   Frontend   Service Type   Backend\n');
    expect(none.facts.services).toEqual([]);
    expect(translate('en', none.summary.key)).toBe(
      'cilium service list: the table is empty (no service at all)',
    );
  });

  it('a paste cut in the middle of a row: the rows before are read, the broken one is a problem', () => {
    const text = `${local('cilium-service--cilium44301-v1.19-kind-active.txt')}16   10.96.55.103:80/TC`;
    const r = services(text);
    expect(r.status).toBe('partial');
    expect(r.facts.services).toHaveLength(7);
    expect(r.problems).toEqual([{ line: 14, msg: { key: 'parse.cilium-service.badLine' } }]);
  });

  it('a backend row with no frontend above it', () => {
    const r = direct(
      ciliumService,
      'ID   Frontend   Service Type   Backend\n        2 => 10.0.0.1:80 (active)',
    );
    expect(r).toMatchObject({
      status: 'partial',
      problems: [{ line: 2, msg: { key: 'parse.cilium-service.backendWithoutFrontend' } }],
    });
  });

  it('CRLF, garbage, empty, a 2,000-character line', () => {
    const crlf = local('cilium-service--cilium18814-quarantined.txt').replace(/\n/g, '\r\n');
    expect(services(crlf).facts.services[0]!.backends).toHaveLength(3);
    expect(direct(ciliumService, 'lorem ipsum\ndolor').status).toBe('rejected');
    expect(direct(ciliumService, '').status).toBe('rejected');
    const long = direct(
      ciliumService,
      `ID   Frontend   Service Type   Backend\n${'1 '.repeat(1_001)}`,
    );
    expect(long).toMatchObject({ status: 'partial', problems: [{ line: 2 }] });
  });

  it.each([
    [
      '[\n  {\n    "spec": {\n      "backend-addresses": [\n        {\n          "ip": "10.244.1.69",',
      'cilium-service',
      'ciliumServiceJson',
    ],
    [
      'Address                   Type           ServiceName                          PortName         Backends                                RedirectTo   Status   Since   Error\n0.0.0.0:30965/TCP         NodePort       default/kubernetes-intranet          https                                                                 Done     4m20s',
      'cilium-service',
      'ciliumDbShow',
    ],
  ])('near miss %#', (text, kind, key) => {
    const [s] = parsePaste(text, 'x');
    expect(s).toMatchObject({ status: 'rejected', kind });
    expect(s!.problems[0]?.msg.key).toBe(`parse.nearMiss.${key}`);
  });
});

describe('cilium-service: claims no other fixture', () => {
  claimsOnly(ciliumService, []);
});

describe('cilium-service: texts', () => {
  textsMatch('cilium-service', [readFileSync(new URL('./parser.ts', import.meta.url), 'utf8')]);
});

describe('cilium-service: hostile input', () => {
  survivesHostileInput(
    ciliumService,
    [
      'ID   Frontend               Service Type   Backend',
      '5    0.0.0.0:31940/TCP          NodePort       1 => 10.217.0.107:80/TCP (active)',
      '                                               2 => 10.217.0.149:80/TCP (terminating)',
      '1     [ffff:fff:fff:701::2:dceb]:80   ClusterIP      1 => [ffff:fff:fff:700:0:2:7:2c53]:80 (active)',
      '4    0.0.0.0:30965/TCP         NodePort',
    ],
    { commands: [null, 'cilium-dbg service list'] },
  );
});
