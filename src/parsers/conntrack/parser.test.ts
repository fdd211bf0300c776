import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toLines } from '../../engine/lines';
import { factsOf } from '../../testing/facts';
import { parsePaste } from '../registry';
import { conntrack } from './parser';

const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');
const one = (text: string) => {
  const rs = parsePaste(text, 'x');
  expect(rs).toHaveLength(1);
  return rs[0]!;
};

describe('conntrack: real outputs', () => {
  it('seed 001, ingress router: states, top addresses and ports, cited examples', () => {
    const s = one(local('conntrack--seed001-router.txt'));
    const f = factsOf(s, 'conntrack');
    expect(s.status).toBe('parsed');
    expect(f.format).toBe('conntrack');
    expect(f.total).toBe(3);
    expect(f.states).toEqual({ LAST_ACK: 1, CLOSE_WAIT: 1, TIME_WAIT: 1 });
    expect(f.topDestinations).toEqual([{ value: '13.9.25.29', count: 3 }]);
    expect(f.topDestinationPorts).toEqual([
      { value: '80', count: 2 },
      { value: '443', count: 1 },
    ]);
    expect(f.examples.CLOSE_WAIT).toEqual([
      expect.objectContaining({ line: 2, text: expect.stringContaining('1442 CLOSE_WAIT') }),
    ]);
    expect(f.unreplied).toBe(0);
    expect(f.shown).toBeNull();
  });

  it('seed 001, mpaas router: secmark= entries', () => {
    const f = factsOf(one(local('conntrack--seed001-secmark.txt')), 'conntrack');
    expect(f.states).toEqual({ TIME_WAIT: 4, ESTABLISHED: 1 });
    expect(f.topSources[0]).toEqual({ value: '10.110.220.54', count: 2 });
    expect(f.topDestinationPorts).toEqual([
      { value: '80', count: 4 },
      { value: '31293', count: 1 },
    ]);
  });

  it('seed 001: the `awk | sort | uniq -c` state histogram behind its prompt', () => {
    const s = one(local('conntrack--seed001-state-histogram.txt'));
    const f = factsOf(s, 'conntrack');
    expect(s.command).toMatch(/^conntrack -L \|head -n 200000/);
    expect(f.format).toBe('histogram');
    expect(f.states).toEqual({
      SYN_SENT: 2,
      FIN_WAIT: 92,
      SYN_RECV: 520,
      LAST_ACK: 1626,
      CLOSE: 3842,
      ESTABLISHED: 17738,
      TIME_WAIT: 55386,
      CLOSE_WAIT: 120770,
    });
    expect(f.total).toBe(200000 - 24);
    expect(f.examples.CLOSE_WAIT?.[0]).toMatchObject({ line: 9, text: '120770 CLOSE_WAIT' });
  });

  it('/proc/net/nf_conntrack with zone=, behind an indented prompt', () => {
    const s = one(local('conntrack--proc-nf_conntrack-centos.txt'));
    const f = factsOf(s, 'conntrack');
    expect(s.command).toBe('cat   /proc/net/nf_conntrack');
    expect(f.format).toBe('proc');
    expect(f.total).toBe(8);
    expect(f.states).toEqual({ ESTABLISHED: 1, udp: 7 });
    expect(f.protocols).toEqual({ tcp: 1, udp: 7 });
    expect(f.unreplied).toBe(7);
    expect(f.topDestinations[0]).toEqual({ value: '172.20.255.255', count: 7 });
    expect(f.topSources[0]).toEqual({ value: '172.20.30.30', count: 2 });
  });
});

describe('conntrack: formats', () => {
  it('reads the summary line (first or last), counters, IPv6 and icmp', () => {
    const text = [
      'conntrack v1.4.6 (conntrack-tools): 4 flow entries have been shown.',
      'tcp      6 431999 ESTABLISHED src=10.0.0.1 dst=10.0.0.2 sport=1 dport=443 packets=3 bytes=180 src=10.0.0.2 dst=10.0.0.1 sport=443 dport=1 packets=2 bytes=112 [ASSURED] mark=0 use=1',
      'tcp      6 119 SYN_SENT src=10.0.0.1 dst=10.0.0.3 sport=2 dport=31710 packets=1 bytes=60 [UNREPLIED] src=10.0.0.3 dst=10.0.0.1 sport=31710 dport=2 packets=0 bytes=0 mark=0 use=1',
      'tcp      6 10 SYN_SENT src=fd00::1 dst=fd00::2 sport=3 dport=80 [UNREPLIED] src=fd00::2 dst=fd00::1 sport=80 dport=3 mark=0 use=1',
      'icmp     1 29 src=10.0.0.1 dst=10.0.0.9 type=8 code=0 id=7 [UNREPLIED] src=10.0.0.9 dst=10.0.0.1 type=0 code=0 id=7 mark=0 use=1',
    ].join('\n');
    const s = one(text);
    const f = factsOf(s, 'conntrack');
    expect(s.status).toBe('parsed');
    expect(f.shown).toMatchObject({ value: 4, line: 1 });
    expect(f.version).toBe('1.4.6');
    expect(f.states).toEqual({ ESTABLISHED: 1, SYN_SENT: 2, icmp: 1 });
    expect(f.unreplied).toBe(3);
    expect(f.topDestinations.map((d) => d.value)).toContain('fd00::2');
    expect(f.examples.SYN_SENT?.map((e) => e.line)).toEqual([3, 4]);
  });

  it('lists what it could not read, and a count that does not match', () => {
    const s = one(
      'tcp      6 11 LAST_ACK src=1.1.1.1 dst=2.2.2.2 sport=1 dport=2 src=2.2.2.2 dst=1.1.1.1 sport=2 dport=1 mark=0 use=1\ngarbage\nconntrack v1.4.4 (conntrack-tools): 2 flow entries have been shown.',
    );
    expect(s.status).toBe('partial');
    expect(s.problems.map((p) => p.msg.key)).toEqual([
      'parse.conntrack.badLine',
      'parse.conntrack.countMismatch',
    ]);
  });

  it('an empty table is an answer, not a rejection', () => {
    const s = one('conntrack v1.4.6 (conntrack-tools): 0 flow entries have been shown.');
    expect(factsOf(s, 'conntrack').total).toBe(0);
    if (s.status !== 'rejected') expect(s.summary.key).toBe('parse.conntrack.summaryEmpty');
  });

  it("awk's state-first count (`{++S[$4]} ... print a, S[a]`) behind a conntrack command", () => {
    // orchome.com article (test-data/cases/102), with its `print "TOTAL", total` line.
    const s = one(
      '# conntrack -L -p tcp 2>/dev/null | awk \'{++S[$4]; ++total} END {for (a in S) print a, S[a]; print "TOTAL", total}\'\nSYN_RECV 1\nCLOSE_WAIT 27\nCLOSE 28\nESTABLISHED 1515\nSYN_SENT 33\nTIME_WAIT 4689\nTOTAL 6293',
    );
    const f = factsOf(s, 'conntrack');
    expect(s.status).toBe('parsed');
    expect(f.format).toBe('histogram');
    expect(f.total).toBe(6293);
    expect(f.states).toMatchObject({ CLOSE_WAIT: 27, TIME_WAIT: 4689, ESTABLISHED: 1515 });
    expect(f.examples.CLOSE_WAIT).toEqual([
      expect.objectContaining({ line: 3, text: 'CLOSE_WAIT 27' }),
    ]);
    // a TOTAL that disagrees with the rows says rows are missing
    const cut = one(
      '$ cat /proc/net/nf_conntrack | awk \'{++S[$6]} END {for (a in S) print a, S[a]; print "TOTAL", NR}\'\nESTABLISHED 10\nTIME_WAIT 5\nTOTAL 40',
    );
    expect(cut.problems.map((p) => p.msg.key)).toEqual(['parse.conntrack.countMismatch']);
  });

  it('leaves the same state-first form to the socket parser without a conntrack command', () => {
    // `netstat -n | awk '/^tcp/ {++S[$NF]} END {for(a in S) print a, S[a]}'`, the common idiom
    const text = 'TIME_WAIT 50013\nESTABLISHED 27\nSYN_RECV 1';
    expect(conntrack.detect(toLines(text), { command: null })).toBe(false);
    expect(
      conntrack.detect(toLines(text), {
        command: "netstat -n | awk '/^tcp/ {++S[$NF]} END {for(a in S) print a, S[a]}'",
      }),
    ).toBe(false);
    // behind conntrack, a socket-only state still says sockets
    expect(conntrack.detect(toLines('LISTEN 3\nESTABLISHED 9'), { command: 'conntrack -L' })).toBe(
      false,
    );
  });

  it('does not take socket histograms or other tables', () => {
    const no = (text: string, command: string | null = null) =>
      expect(conntrack.detect(toLines(text), { command })).toBe(false);
    no('     12 ESTABLISHED\n      3 LISTEN\n      5 TIME_WAIT');
    no('     12 ESTAB\n      5 TIME-WAIT');
    no(
      '     12 ESTABLISHED\n      5 TIME_WAIT',
      "netstat -ant | awk '{print $6}' | sort | uniq -c",
    );
    no('TCP  10.96.0.1:443 rr\n  -> 192.168.9.101:6443           Masq    1      0          0');
    no('cpu=0   \tfound=0 invalid=0 ignore=0 insert=0 insert_failed=0 drop=0 early_drop=0');
  });
});
