import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toLines } from '../../engine/lines';
import { factsOf } from '../../testing/facts';
import { readTestData } from '../../testing/test-data';
import { parsePaste } from '../registry';
import { ipvsadm } from './parser';

const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');
const one = (text: string) => {
  const rs = parsePaste(text, 'x');
  expect(rs).toHaveLength(1);
  return rs[0]!;
};

describe('ipvsadm: real outputs', () => {
  it('fixture 46: NodePort virtual services on every node address, trailing spaces', () => {
    const text = local('ipvsadm--kubeadm2205-nodeport.txt');
    expect(text).toBe(
      readTestData('fixtures/46-kubeadm2205-ipvsadm-healthy-nodeport-vs/ipvsadm-Ln.txt'),
    );
    const s = one(text);
    const f = factsOf(s, 'ipvsadm');
    expect(s.status).toBe('parsed');
    expect(s.command).toBe('ipvsadm -ln');
    expect(f.version?.value).toBe('1.2.1');
    expect(f.services.map((v) => v.address)).toEqual([
      '10.96.0.1:443',
      '10.96.0.10:53',
      '10.103.89.136:18080',
      '127.0.0.1:30449',
      '172.17.0.1:30449',
      '192.168.9.101:30449',
      '10.0.2.4:30449',
    ]);
    const vs = f.services[4]!;
    expect(vs).toMatchObject({ proto: 'TCP', scheduler: 'rr', persistent: null, line: 16 });
    expect(vs.realServers).toEqual([
      expect.objectContaining({
        address: '10.244.36.197:80',
        forward: 'Masq',
        weight: 1,
        active: 0,
        inactive: 0,
        line: 17,
      }),
      expect.objectContaining({ address: '10.244.36.198:80', line: 18 }),
    ]);
    expect(f.services[6]!.realServers).toHaveLength(1);
  });

  it('seed 003: collapsed spacing and an elision line (Chinese ellipses, not a fault)', () => {
    const s = one(local('ipvsadm--seed003-collapsed.txt'));
    const f = factsOf(s, 'ipvsadm');
    expect(s.status).toBe('parsed');
    expect(s.problems).toEqual([]);
    expect(f.services).toEqual([
      expect.objectContaining({ address: '10.102.246.104:8080', scheduler: 'rr' }),
    ]);
    expect(f.services[0]!.realServers.map((r) => [r.address, r.forward, r.weight])).toEqual([
      ['10.244.2.111:80', 'Masq', 1],
      ['10.244.3.164:80', 'Masq', 1],
      ['10.244.3.165:80', 'Masq', 1],
    ]);
  });
});

describe('ipvsadm: what the author left out', () => {
  it('`...`, `……`, `[...]` lines are elisions; other stray text stays a bad line', () => {
    const s = one(
      [
        '[root@k8s-master service]# ipvsadm -Ln',
        'IP Virtual Server version 1.2.1 (size=4096)',
        'Prot LocalAddress:Port Scheduler Flags',
        '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
        '………………',
        'TCP  10.102.246.104:8080 rr',
        '  -> 10.244.2.111:80              Masq    1      0          0  ',
        '                                       ...',
        '[...]',
        'TCP  10.96.0.10:53 rr',
        'some note .... here',
      ].join('\n'),
    );
    expect(s.problems).toEqual([{ line: 11, msg: { key: 'parse.ipvsadm.badLine' } }]);
    expect(factsOf(s, 'ipvsadm').services.map((v) => v.address)).toEqual([
      '10.102.246.104:8080',
      '10.96.0.10:53',
    ]);
  });
});

describe('ipvsadm -S (save format): real outputs', () => {
  it('kube-router write-up: persistence, real servers with forwarding and weight', () => {
    const s = one(local('ipvsadm-save--zh-kuberouter-blog-persistent.txt'));
    const f = factsOf(s, 'ipvsadm');
    expect(s.status).toBe('parsed');
    expect(s.command).toBe('ipvsadm -S -n');
    expect(f.format).toBe('save');
    // No header in a save: never taken for a whole table.
    expect(f.version).toBeNull();
    expect(f.services.map((v) => [v.proto, v.address, v.scheduler, v.persistent])).toEqual([
      ['TCP', '10.254.0.1:443', 'rr', 10800],
      ['TCP', '10.254.226.105:8080', 'rr', 10800],
    ]);
    expect(f.services[1]!.realServers).toEqual([
      expect.objectContaining({
        address: '172.20.135.8:8080',
        forward: 'Masq',
        weight: 1,
        active: null,
        inactive: null,
        line: 6,
      }),
      expect.objectContaining({ address: '172.20.166.130:8080', line: 7 }),
      expect.objectContaining({ address: '172.20.104.9:8080', line: 8 }),
    ]);
  });

  it('indented notes with the bare command line above', () => {
    const s = one(local('ipvsadm-save--zh-notes-indented.txt'));
    const f = factsOf(s, 'ipvsadm');
    expect(s.status).toBe('parsed');
    expect(f.services.map((v) => [v.address, v.realServers.length])).toEqual([
      ['10.1.0.1:443', 3],
      ['10.1.21.161:8080', 5],
    ]);
  });

  it('calico#3258: a grep keeps the service and its real servers', () => {
    const text = readTestData(
      'cases/122-calico3258-ipvsadm-save-healthy-apiserver-syn-recv/terminal.txt',
    );
    const ipvs = parsePaste(text, 't').filter((r) => r.kind === 'ipvsadm');
    const f = factsOf(ipvs[0]!, 'ipvsadm');
    expect(ipvs[0]!.command).toBe('ipvsadm -S -n |grep 10.254.0.1');
    expect(f.services).toHaveLength(1);
    expect(f.services[0]!.realServers.map((r) => [r.address, r.weight])).toEqual([
      ['10.111.32.239:6443', 1],
      ['10.111.32.241:6443', 1],
      ['10.111.32.242:6443', 1],
    ]);
  });
});

describe('ipvsadm -S: edges', () => {
  it('UDP, fwmark, route/tunnel forwarding, weight 0, -a without its -A', () => {
    const f = factsOf(
      one(
        [
          '-A -u 10.96.0.10:53 -s rr',
          '-a -u 10.96.0.10:53 -r 10.244.0.5:53 -m -w 0',
          '-A -f 100 -s wlc -p',
          '-a -f 100 -r 192.168.1.5:0 -g -w 3',
          '-a -t [fd00::1]:443 -r [fd00::10]:6443 -i -w 1 -x 0 -y 0',
        ].join('\n'),
      ),
      'ipvsadm',
    );
    expect(f.format).toBe('save');
    expect(f.services.map((v) => [v.proto, v.address, v.scheduler, v.persistent])).toEqual([
      ['UDP', '10.96.0.10:53', 'rr', null],
      ['FWM', '100', 'wlc', null],
      ['TCP', '[fd00::1]:443', null, null],
    ]);
    expect(f.services.flatMap((v) => v.realServers.map((r) => [r.forward, r.weight]))).toEqual([
      ['Masq', 0],
      ['Route', 3],
      ['Tunnel', 1],
    ]);
  });

  it('an -a line without -r is a bad line; typed commands and one lone line are not a save', () => {
    const s = one(
      '-A -t 10.96.0.1:443 -s rr\n-a -t 10.96.0.1:443 -m -w 1\n-a -t 10.96.0.1:443 -r 10.0.0.1:6443 -m -w 1',
    );
    expect(s.kind).toBe('ipvsadm');
    expect(s.status).toBe('partial');
    expect(s.problems).toEqual([{ line: 2, msg: { key: 'parse.ipvsadm.badLine' } }]);
    const no = (text: string) =>
      expect(ipvsadm.detect(toLines(text), { command: null })).toBe(false);
    no('-A -t 10.96.0.1:443 -s rr');
    no('ipvsadm -A -t 10.9.8.7:12345 -s rr\nipvsadm -a -t 10.9.8.7:12345 -m -r 10.244.1.27:9376');
    no('-A INPUT -t nat -j ACCEPT\n-A OUTPUT -j KUBE-SERVICES');
  });
});

describe('ipvsadm: formats', () => {
  it('a service without real servers, weight 0, persistence, UDP and FWM', () => {
    const text = [
      'IP Virtual Server version 1.2.1 (size=4096)',
      'Prot LocalAddress:Port Scheduler Flags',
      '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
      'TCP  10.96.0.1:443 rr persistent 10800',
      '  -> 192.168.0.10:6443            Masq    0      3          12        ',
      'UDP  10.96.0.10:53 rr',
      'TCP  10.111.2.3:8080 rr',
      'FWM  100 wrr',
      '  -> 10.244.1.5:80                Route   2      0          0         ',
    ].join('\n');
    const f = factsOf(one(text), 'ipvsadm');
    expect(f.services.map((v) => [v.proto, v.address, v.realServers.length])).toEqual([
      ['TCP', '10.96.0.1:443', 1],
      ['UDP', '10.96.0.10:53', 0],
      ['TCP', '10.111.2.3:8080', 0],
      ['FWM', '100', 1],
    ]);
    expect(f.services[0]).toMatchObject({ persistent: 10800, flags: 'persistent 10800' });
    expect(f.services[0]!.realServers[0]).toMatchObject({ weight: 0, active: 3, inactive: 12 });
  });

  it('--stats and --rate columns, with K/M suffixes', () => {
    const stats = [
      'IP Virtual Server version 1.2.1 (size=4096)',
      'Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes',
      '  -> RemoteAddress:Port',
      'TCP  10.96.0.1:443                     12      3K     2871   1234K     5M',
      '  -> 192.168.0.10:6443                 12      3K     2871   1234K     5M',
    ].join('\n');
    const f = factsOf(one(stats), 'ipvsadm');
    expect(f.format).toBe('stats');
    expect(f.services[0]!.stats).toEqual({
      Conns: 12,
      InPkts: 3000,
      OutPkts: 2871,
      InBytes: 1234000,
      OutBytes: 5000000,
    });
    expect(f.services[0]!.realServers[0]!.stats?.Conns).toBe(12);
    const rate =
      'Prot LocalAddress:Port                 CPS    InPPS   OutPPS    InBPS   OutBPS\n  -> RemoteAddress:Port\nTCP  10.96.0.1:443                        0        1        1       60       52';
    expect(factsOf(one(rate), 'ipvsadm').format).toBe('rate');
  });

  it('--timeout and -Lnc', () => {
    const to = factsOf(one('Timeout (tcp tcpfin udp): 900 120 300'), 'ipvsadm');
    expect(to.format).toBe('timeout');
    expect(to.timeout).toMatchObject({ value: { tcp: 900, tcpfin: 120, udp: 300 }, line: 1 });
    const c = factsOf(
      one(
        'IPVS connection entries\npro expire state       source             virtual            destination\nTCP 14:58  ESTABLISHED 10.0.0.1:53066     10.96.0.1:443      192.168.9.101:6443\nTCP 01:40  FIN_WAIT    10.0.0.1:53070     10.96.0.1:443      192.168.9.101:6443',
      ),
      'ipvsadm',
    );
    expect(c.connections).toEqual({ total: 2, states: { ESTABLISHED: 1, FIN_WAIT: 1 } });
  });

  it('does not claim conntrack or iptables lines', () => {
    const no = (text: string) =>
      expect(ipvsadm.detect(toLines(text), { command: null })).toBe(false);
    no('tcp      6 11 LAST_ACK src=1.1.1.1 dst=2.2.2.2 sport=1 dport=2');
    no('-A KUBE-SERVICES -d 10.96.0.1/32 -p tcp -j KUBE-SVC-X');
  });
});
