import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';
import { readTestData } from '../../testing/test-data';
import { readRules } from '../../testing/read-rules';

const cause = 'ipvs-stale-realserver';
const persistent = readRules(
  'ipvs-stale-realserver/fixtures/broken--k8s73960-weight-zero-persistent.txt',
);
const behind = readRules('ipvs-stale-realserver/fixtures/broken--k8s51920-endpoints-behind.txt');
const table = readTestData('fixtures/46-kubeadm2205-ipvsadm-healthy-nodeport-vs/ipvsadm-Ln.txt');
const verdict = (pastes: Record<string, string>) => verdictOf(diagnoseTexts(pastes), cause);

describe(cause, () => {
  it('finds weight-0 real servers that sticky clients still reach (kubernetes#73960)', () => {
    expect(verdict({ persistent })).toBe('found:medium');
  });

  it('finds real servers the endpoints no longer list (kubernetes#51920)', () => {
    const f = diagnoseTexts({ behind }).findings.find((x) => x.cause === cause)!;
    expect(f.confidence).toBe('medium');
    expect(f.evidence.map((e) => e.text.trim())).toContain(
      '-> 172.17.0.3:3000              Masq    1      0          0',
    );
  });

  it('is sure with active connections on weight 0 and conn_reuse_mode=0', () => {
    const t =
      'TCP  10.96.0.20:80 rr\n  -> 10.244.1.5:80                Masq    0      3          0\n  -> 10.244.2.7:80                Masq    1      0          0\n';
    const s =
      'net.ipv4.vs.conn_reuse_mode = 0\nnet.ipv4.vs.conntrack = 1\nnet.ipv4.vs.expire_nodest_conn = 1\n';
    expect(verdict({ t })).toBe('found:medium');
    expect(verdict({ t, s })).toBe('found:high');
  });

  it('takes plain draining for what it is: graceful termination, not a stale real server', () => {
    const t =
      'TCP  10.96.0.20:80 rr\n  -> 10.244.1.5:80                Masq    0      0          2\n  -> 10.244.2.7:80                Masq    1      0          0\n';
    expect(verdict({ t })).toBe('ruled-out');
    // kubernetes#97586: 10 s after a node is powered off, its apiserver drains one closing connection.
    const poweroff = [
      '$ ipvsadm -Ln -t 12.0.0.1:443',
      'Prot LocalAddress:Port Scheduler Flags',
      '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
      'TCP  12.0.0.1:443 rr',
      '  -> 192.168.1.1:6443             Masq    1      1          0         ',
      '  -> 192.168.1.2:6443             Masq    0      0          1         ',
      '',
    ].join('\n');
    expect(verdict({ poweroff })).toBe('ruled-out');
  });

  it('keeps draining as a lead when port reuse feeds it or it keeps filling', () => {
    const t =
      'TCP  10.96.0.20:80 rr\n  -> 10.244.1.5:80                Masq    0      0          2\n  -> 10.244.2.7:80                Masq    1      0          0\n';
    expect(verdict({ t, s: 'net.ipv4.vs.conn_reuse_mode = 0\n' })).toBe('found:low');
    expect(verdict({ t, s: 'net.ipv4.vs.conn_reuse_mode = 1\n' })).toBe('ruled-out');
    const busy = t.replace('0      0          2', '0      0          14048');
    expect(verdict({ busy })).toBe('found:low');
    // Just under the bar: still graceful draining.
    expect(verdict({ few: t.replace('0      0          2', '0      0          99') })).toBe(
      'ruled-out',
    );
  });

  it("reads kube-proxy's graceful termination keeping a removed real server for its connections", () => {
    // kubernetes#77903 (1.14 wording): established connections keep the weight-0 real server.
    const log = readTestData(
      'cases/1070-k8s77903-kube-proxy-log-graceful-termination-not-deleting-rs-active-conn/kube-proxy.log',
    );
    const f = diagnoseTexts({ log }).findings.find((x) => x.cause === cause)!;
    expect(f.confidence).toBe('medium');
    expect(f.evidence.map((e) => e.text)).toEqual([
      'I0517 23:42:46.144814       1 graceful_termination.go:171] Not deleting, RS 10.233.0.1:443/TCP/172.17.8.101:6443: 5 ActiveConn, 0 InactiveConn',
    ]);
    // The structured wording of later releases (a public kube-proxy -v=5 log).
    const structured =
      'I1214 18:44:12.344396   98073 graceful_termination.go:159] "Trying to delete real server" realServer="10.252.252.1:443/TCP/10.11.96.59:8443"\n' +
      'I1214 18:44:12.344421   98073 graceful_termination.go:170] "Skip deleting real server till all connection have expired" realServer="10.252.252.1:443/TCP/10.11.96.59:8443" activeConnection=4 inactiveConnection=0\n';
    expect(verdict({ structured })).toBe('found:medium');
  });

  it('leaves draining alone in the log too: only closing connections (or UDP flows) left', () => {
    // A Chinese write-up of a CoreDNS pod evicted under IPVS: the UDP real server drains.
    const log = [
      'I0514 16:23:54.047540       1 graceful_termination.go:160] Trying to delete rs: 172.19.0.53:53/UDP/172.18.81.97:53',
      'I0514 16:23:54.047603       1 graceful_termination.go:171] Not deleting, RS 172.19.0.53:53/UDP/172.18.81.97:53: 0 ActiveConn, 3 InactiveConn',
      'I0514 16:23:54.260987       1 graceful_termination.go:160] Trying to delete rs: 172.19.0.53:9153/TCP/172.18.81.97:9153',
      'I0514 16:23:54.261050       1 graceful_termination.go:174] Deleting rs: 172.19.0.53:9153/TCP/172.18.81.97:9153',
      '',
    ].join('\n');
    expect(verdict({ log })).not.toMatch(/^found/);
    // A hand-typed look-alike without numbers is not the log line.
    const typed =
      'I0514 16:23:54.047603       1 graceful_termination.go:171] Not deleting, RS x: many ActiveConn\n';
    expect(verdict({ typed })).not.toMatch(/^found/);
  });

  it('lets a pasted table decide over the log: the row is gone by then', () => {
    const log = readTestData(
      'cases/1070-k8s77903-kube-proxy-log-graceful-termination-not-deleting-rs-active-conn/kube-proxy.log',
    );
    expect(verdict({ log, table })).toBe('ruled-out');
  });

  it('rules it out on a clean table (fixture 46)', () => {
    expect(verdict({ table })).toBe('ruled-out');
  });

  it('compares an `ipvsadm -S` table with the endpoints as it does `-Ln`', () => {
    const save = behind.replace(
      /==> ipvsadm -Ln <==[\s\S]*$/,
      [
        '==> ipvsadm -S -n <==',
        '-A -t 10.0.0.104:8800 -s rr',
        ...['3', '4', '5', '7', '8'].map(
          (n) => `-a -t 10.0.0.104:8800 -r 172.17.0.${n}:3000 -m -w 1`,
        ),
        '',
      ].join('\n'),
    );
    expect(save).toContain('-r 172.17.0.3:3000');
    expect(verdict({ save })).toBe('found:medium');
    // The same real servers as the endpoints list: nothing stale.
    const fresh = save.replace(/^-a .*172\.17\.0\.[35]:3000.*\n/gm, '');
    expect(verdict({ fresh })).toBe('ruled-out');
  });
});

describe(`${cause}: a real server on a port the Service no longer targets`, () => {
  // Chinese notes '[LGTM] k8s service IP (LVS)问题排查': the Service was edited from targetPort 80
  // to 6379 and the port-80 real server stayed (ipvsadm without -n prints 80 as `http`).
  const grep = [
    '```bash',
    '$ ipvsadm | grep -2 10.108.152.210',
    'TCP  10.108.152.210:6379 rr',
    '  -> 172.26.6.185:http            Masq    1      0          0         ',
    '  -> 172.26.6.185:6379            Masq    1      3          3',
    '```',
    '',
  ].join('\n');
  const svc = (target: string) =>
    [
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: skuapi-rds-prod',
      '  namespace: default',
      'spec:',
      '  clusterIP: 10.108.152.210',
      '  ports:',
      '  - name: redis',
      '    port: 6379',
      '    protocol: TCP',
      `    targetPort: ${target}`,
      '  type: ClusterIP',
      '',
    ].join('\n');

  it('finds the left-over real server beside the ones on the current targetPort', () => {
    const r = diagnoseTexts({ grep, svc: svc('6379') });
    const f = r.findings.find((x) => x.cause === cause)!;
    expect(f.confidence).toBe('medium');
    expect(f.evidence.map((e) => e.text.trim())).toContain(
      '-> 172.26.6.185:http            Masq    1      0          0',
    );
  });

  it('reads the Service from kubectl describe as well', () => {
    const describe = [
      'Name:              skuapi-rds-prod',
      'Namespace:         default',
      'Selector:          app=skuapi-rds-prod',
      'Type:              ClusterIP',
      'IP:                10.108.152.210',
      'Port:              redis  6379/TCP',
      'TargetPort:        6379/TCP',
      'Endpoints:         172.26.6.185:6379',
      'Session Affinity:  None',
      'Events:            <none>',
      '',
    ].join('\n');
    expect(verdict({ grep, describe })).toBe('found:medium');
  });

  it('proves nothing without a real server on the current targetPort (table not synced yet)', () => {
    const only80 =
      'TCP  10.108.152.210:6379 rr\n  -> 172.26.6.185:80              Masq    1      0          0\n';
    expect(verdict({ only80, svc: svc('6379') })).not.toMatch(/^found/);
  });

  it('does not compare a named targetPort, an unknown port name, or another virtual server', () => {
    expect(verdict({ grep, svc: svc('redis') })).not.toMatch(/^found/);
    const odd =
      'TCP  10.108.152.210:6379 rr\n  -> 172.26.6.185:wap-wsp         Masq    1      0          0\n  -> 172.26.6.185:6379            Masq    1      3          3\n';
    expect(verdict({ odd, svc: svc('6379') })).not.toMatch(/^found/);
    const other = grep.replaceAll('10.108.152.210', '10.108.152.211');
    expect(verdict({ other, svc: svc('6379') })).not.toMatch(/^found/);
  });

  it('stays quiet on a healthy table whose real servers all use the targetPort', () => {
    const fixed =
      'TCP  10.108.152.210:6379 rr\n  -> 172.26.6.185:6379            Masq    1      4          0  \n';
    expect(verdict({ fixed, svc: svc('6379') })).toBe('ruled-out');
  });
});
