import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePaste } from '../registry';
import {
  claimsOnly,
  direct,
  only,
  survivesHostileInput,
  textsMatch,
} from '../../testing/parser-checks';
import { calicoBgp } from './parser';

const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');
const bgp = (text: string) => only(text, 'calico-bgp');
const peers = (text: string) =>
  bgp(text).facts.peers.map((p) => [
    p.value.address,
    p.value.state,
    p.value.bgp,
    p.value.reason,
    p.line,
  ]);

describe('calico-bgp: calicoctl node status', () => {
  it('one mesh peer start / Active, the reason wrapped onto a second row (calicoctl 1883)', () => {
    const r = bgp(local('calico-bgp--calicoctl1883-start-active-refused.txt'));
    expect(r.status).toBe('parsed');
    expect(r.facts.format).toBe('calicoctl');
    expect(r.facts.process).toMatchObject({ value: { running: true }, line: 1 });
    expect(r.facts.peers.map((p) => p.value)).toEqual([
      {
        address: '192.168.63.204',
        type: 'node-to-node mesh',
        state: 'start',
        bgp: 'Active',
        reason: 'Socket: Connection refused',
        established: false,
        family: 4,
      },
    ]);
    expect(r.facts.notes.map((n) => [n.value, n.line])).toEqual([
      [{ kind: 'no-peers', family: 6 }, 12],
    ]);
  });

  it('five peers Host is unreachable, the command typed bare above (calico 2255)', () => {
    const r = bgp(local('calico-bgp--calico2255-host-unreachable.txt'));
    expect(r.command).toBe('calicoctl node status');
    expect(peers(local('calico-bgp--calico2255-host-unreachable.txt'))).toEqual(
      ['70', '71', '72', '73', '75'].map((n, i) => [
        `192.168.1.${n}`,
        'start',
        'Active',
        'Socket: Host is unreachable',
        8 + 2 * i,
      ]),
    );
  });

  it('three peers up / Established; another node where calicoctl sees no process (felix 1942)', () => {
    const ok = bgp(local('calico-bgp--felix1942-established-and-not-running.txt'));
    expect(ok.facts.peers.every((p) => p.value.established)).toBe(true);
    expect(ok.facts.peers.map((p) => p.value.address)).toEqual([
      '25.25.25.120',
      '35.35.35.122',
      '35.35.35.123',
    ]);
    const down = bgp(local('calico-bgp--felix1942-not-running.txt'));
    expect(down.facts.process).toMatchObject({ value: { running: false }, line: 2 });
    expect(down.facts.peers).toEqual([]);
    expect(down.summary.key).toBe('parse.calico-bgp.summaryNotRunning');
  });

  it('bird6 not running is a note; `$sudo` is the command (libcalico-go 149)', () => {
    const r = bgp(local('calico-bgp--libcalicogo149-bird6-not-running.txt'));
    expect(r.status).toBe('parsed');
    expect(r.command).toBe('sudo calicoctl node status');
    expect(r.facts.notes.map((n) => n.value)).toEqual([{ kind: 'bird-not-running', family: 6 }]);
    expect(r.summary).toEqual({
      key: 'parse.calico-bgp.summary',
      params: { tool: 'calicoctl node status', n: 1 },
    });
  });

  it('calicoctl 0.x: container line, mixed-case header, INFO padded inside (calicoctl 819)', () => {
    const r = bgp(local('calico-bgp--calicoctl819-v0-connection-closed.txt'));
    expect(r.status).toBe('parsed');
    expect(r.command).toBe('./calicoctl status');
    expect(r.facts.process?.value.running).toBe(true);
    expect(peers(local('calico-bgp--calicoctl819-v0-connection-closed.txt'))).toEqual([
      ['10.0.5.102', 'start', 'Active', 'Socket: Connection closed', 10],
    ]);
  });

  it('Error querying BIRD: notes, no peer (calico 10739)', () => {
    const r = bgp(local('calico-bgp--calico10739-error-querying-bird.txt'));
    expect(r.facts.peers).toEqual([]);
    expect(r.facts.notes.map((n) => n.value)).toEqual([
      { kind: 'bird-error', family: 4 },
      { kind: 'bird-error', family: 6 },
    ]);
    expect(r.summary.key).toBe('parse.calico-bgp.summaryNoPeers');
  });

  it('a stray `| ` before a row and an unclosed last row, after prose and a bold command (calico 6474)', () => {
    const text = [
      'calico-node-xrp                            1/2     Running  ',
      '',
      '**calicoctl node status** ',
      '',
      'Calico process is running.',
      '',
      'IPv4 BGP status',
      '+---------------+-------------------+-------+------------+--------------------------------+',
      '| PEER ADDRESS  |     PEER TYPE     | STATE |   SINCE    |              INFO              |',
      '+---------------+-------------------+-------+------------+--------------------------------+',
      '| 10.xx.xx.xx | node-to-node mesh | start | 16:43:32   | Active Socket: Host is         |',
      '|               |                   |       |            | unreachable                    |',
      '| | 10.xx.xx.xx  | node-to-node mesh | start | 2022-07-14 | Active Socket: Host is         |',
      '|               |                   |       |            | unreachable               ',
    ].join('\n');
    const r = direct(calicoBgp, text);
    expect(r.status).toBe('partial');
    if (r.status === 'rejected') return;
    expect(r.command).toBe('calicoctl node status');
    expect(r.problems.map((p) => p.line)).toEqual([1]);
    expect(r.facts.peers.map((p) => [p.value.address, p.value.reason, p.line])).toEqual([
      ['10.xx.xx.xx', 'Socket: Host is unreachable', 11],
      ['10.xx.xx.xx', 'Socket: Host is unreachable', 13],
    ]);
  });

  it('reads every BGP state; only Established is up', () => {
    const row = (ip: string, state: string, info: string) =>
      `| ${ip} | global            | ${state} | 04:12:33 | ${info} |`;
    const text = [
      'IPv4 BGP status',
      '| PEER ADDRESS | PEER TYPE | STATE | SINCE | INFO |',
      row('10.0.1.1', 'start', 'Connect'),
      row('10.0.1.2', 'start', 'OpenSent'),
      row('10.0.1.3', 'start', 'Idle'),
      row('10.0.1.4', 'start', 'Passive'),
      row('10.0.1.5', 'up   ', 'Established'),
      row('10.0.1.6', 'start', 'Idle          BGP Error: Bad peer AS'),
    ].join('\n');
    const r = bgp(text);
    expect(r.facts.peers.map((p) => [p.value.bgp, p.value.established])).toEqual([
      ['Connect', false],
      ['OpenSent', false],
      ['Idle', false],
      ['Passive', false],
      ['Established', true],
      ['Idle', false],
    ]);
    expect(r.facts.peers[5]!.value.reason).toBe('BGP Error: Bad peer AS');
    expect(r.summary.params).toMatchObject({ n: 6, down: 5 });
  });
});

describe('calico-bgp: birdcl show protocols', () => {
  it('BIRD 1.5 over its control socket, the reply codes kept (calicoctl 1281)', () => {
    const r = bgp(local('calico-bgp--calicoctl1281-bird-socket-show-protocols.txt'));
    expect(r.status).toBe('parsed');
    expect(r.facts.format).toBe('bird');
    expect(r.facts.peers.map((p) => p.value)).toEqual([
      {
        address: '10.161.1.1',
        type: 'node specific',
        state: 'up',
        bgp: 'Established',
        reason: '',
        established: true,
        family: 4,
      },
    ]);
  });

  it('birdcl: mesh peers down, a two-word since, IPv6 names; other protocols are not peers', () => {
    const text = [
      'BIRD v0.3.3+birdv1.6.8 ready.',
      'name     proto    table    state  since       info',
      'static1  Static   master   up     2021-03-01',
      'kernel1  Kernel   master   up     2021-03-01',
      'Mesh_10_0_0_2 BGP      master   start  2021-03-01 10:11:12  Connect       Socket: Connection refused',
      'Mesh_fd80_24e2__2 BGP      master   up     2021-03-01  Established',
    ].join('\n');
    const r = bgp(text);
    expect(r.status).toBe('parsed');
    expect(r.summary.params).toMatchObject({ tool: 'birdcl show protocols', n: 2, down: 1 });
    expect(r.facts.peers.map((p) => [p.value.address, p.value.bgp, p.value.reason])).toEqual([
      ['10.0.0.2', 'Connect', 'Socket: Connection refused'],
      ['fd80:24e2::2', 'Established', ''],
    ]);
  });
});

describe('calico-bgp: edges', () => {
  it('rejects garbage and an empty paste; a 2,000-character line is a problem, not a crash', () => {
    expect(direct(calicoBgp, 'hello\nworld').status).toBe('rejected');
    expect(direct(calicoBgp, '').status).toBe('rejected');
    const long = direct(calicoBgp, `Calico process is running.\n${'x'.repeat(2_001)}`);
    expect(long).toMatchObject({ status: 'partial', problems: [{ line: 2 }] });
  });

  it('a pod table pasted before the status without a prompt is read as its own part', () => {
    const text = [
      'NAME                READY   STATUS    RESTARTS   AGE',
      'calico-node-q267c   0/1     Running   3          10m',
      'Calico process is running.',
      '',
      'IPv4 BGP status',
      'No IPv4 peers found.',
    ].join('\n');
    const kinds = parsePaste(text, 'x').map((r) => [r.kind, r.status]);
    expect(kinds).toContainEqual(['calico-bgp', 'parsed']);
    expect(kinds).toContainEqual(['kubectl-get', 'parsed']);
    expect(parsePaste(text, 'x').find((r) => r.kind === 'calico-bgp')?.span).toEqual([3, 6]);
  });

  it('a prose line saying the process runs is not the status', () => {
    expect(
      calicoBgp.detect([{ n: 1, text: 'I checked and the Calico process is running.' }], {
        command: null,
      }),
    ).toBe(false);
  });
});

describe('calico-bgp: claims no other fixture', () => {
  claimsOnly(calicoBgp, []);
});

describe('calico-bgp: texts', () => {
  textsMatch('calico-bgp', [readFileSync(new URL('./parser.ts', import.meta.url), 'utf8')]);
});

describe('calico-bgp: hostile input', () => {
  survivesHostileInput(calicoBgp, [
    'Calico process is running.',
    'IPv4 BGP status',
    '| PEER ADDRESS  |     PEER TYPE     | STATE |   SINCE    |              INFO              |',
    '+---------------+-------------------+-------+------------+--------------------------------+',
    '| 10.128.62.127 | node-to-node mesh | up    | 08:27:26 | Established |',
    '|               |                   |       |          | refused                        |',
    'name     proto    table    state  since       info',
    ' Mesh_10_0_0_2 BGP      master   start  2021-03-01  Active  Socket: Connection refused',
    'No IPv6 peers found.',
  ]);
});
