import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toLines } from '../../engine/lines';
import { claimsOnly, survivesHostileInput, textsMatch } from '../../testing/parser-checks';
import { readTestData } from '../../testing/test-data';
import { factsOf } from '../../testing/facts';
import { parsePaste, type SectionResult } from '../registry';
import { sysctl } from './parser';

const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');

const facts = (r: SectionResult | undefined) => factsOf(r, 'sysctl');
const one = (text: string, command: string | null = null) =>
  sysctl.parse(toLines(text), { command });

describe('sysctl: real outputs', () => {
  it("kubeadm's IPVS preflight warning: the modules it found neither loaded nor built in", () => {
    const join = facts(parsePaste(local('sysctl--kubeadm112-join-ipvs-preflight.txt'), 'j')[0]);
    expect(join.preflightModules?.value).toEqual(['ip_vs', 'ip_vs_rr', 'ip_vs_wrr', 'ip_vs_sh']);
    expect(join.preflightModules?.line).toBe(3);
    expect(join.values).toEqual({});
    // Hard-wrapped: the list continues on the next line, up to its `]`.
    const wrapped = parsePaste(local('sysctl--fa18-kubeadm-ipvs-preflight-wrapped.txt'), 'w')[0];
    expect(wrapped?.status).toBe('parsed');
    expect(facts(wrapped).preflightModules?.value).toEqual([
      'ip_vs_sh',
      'nf_conntrack_ipv5',
      'ip_vs',
      'ip_vs_rr',
      'ip_vs_wrr',
    ]);
    // The block wording of later kubeadm versions, the fence glued to the first line.
    const block = facts(
      parsePaste(
        readTestData('cases/40-puppet310-kubeadm-preflight-ipvs-modules/kubeadm-preflight.txt'),
        'b',
      )[0],
    );
    expect(block.preflightModules?.value).toEqual(['ip_vs_sh', 'ip_vs', 'ip_vs_rr', 'ip_vs_wrr']);
  });

  it('kube-proxy saying the same in its klog lines stays kube-proxy log', () => {
    const line =
      "E0412 11:11:11.111111    1 server_others.go:111] can't use ipvs proxier: the following required kernel modules are not loaded: [ip_vs_sh]";
    expect(parsePaste(line, 'k')[0]?.kind).not.toBe('sysctl');
  });

  it('fixture 07: tcp_tw_recycle and tcp_timestamps, cited by line', () => {
    const [r] = parsePaste(
      readTestData('fixtures/07-haomeiwen-sysctl-twrecycle-nodeport/sysctl.txt'),
      'x',
    );
    const f = facts(r);
    expect(f.values['net.ipv4.tcp_tw_recycle']).toMatchObject({ value: '1', line: 2 });
    expect(f.values['net.ipv4.tcp_timestamps']).toMatchObject({ value: '1', line: 1 });
    expect(r!.status).toBe('parsed');
    if (r!.status !== 'rejected')
      expect(String(r!.summary.params?.notable)).toContain('tcp_tw_recycle = 1');
  });

  it('fixture 12: `sysctl -a | grep nf-call` behind a BOSH prompt', () => {
    const [r] = parsePaste(
      readTestData('fixtures/12-k8sbosh16-bridge-nf-call-on-healthy/sysctl.txt'),
      'x',
    );
    const f = facts(r);
    expect(r!.command).toBe('sysctl -a | grep nf-call');
    expect(f.values['net.bridge.bridge-nf-call-iptables']).toMatchObject({ value: '1', line: 4 });
    expect(Object.keys(f.values)).toHaveLength(3);
  });

  it('seed 001: three `# sysctl KEY` answers, one section each', () => {
    const rs = parsePaste(local('sysctl--seed001-conntrack-count.txt'), 'x');
    expect(rs.map((r) => facts(r).values['net.netfilter.nf_conntrack_count']?.value)).toEqual([
      '246399',
      '58418',
      '96938',
    ]);
  });
});

describe('sysctl: formats', () => {
  it('reads key=value, slashed and /proc/sys keys, and `grep . /proc/sys/...`', () => {
    const out = one(
      'net.ipv4.ip_forward=0\nnet/ipv4/conf/all/rp_filter = 1\n/proc/sys/net/ipv4/conf/eth0.100/rp_filter = 2\n/proc/sys/vm/swappiness:60',
    );
    if (out.status === 'rejected') throw new Error('rejected');
    expect(out.facts.values['net.ipv4.ip_forward']?.value).toBe('0');
    expect(out.facts.values['net.ipv4.conf.all.rp_filter']?.value).toBe('1');
    expect(out.facts.values['net.ipv4.conf.eth0/100.rp_filter']?.value).toBe('2');
    expect(out.facts.values['vm.swappiness']?.value).toBe('60');
    expect(out.summary.key).toBe('parse.sysctl.summaryNotable');
  });

  it('a bare `cat /proc/sys/...` value keeps its key when a Markdown fence closes it', () => {
    // kops#2223 (test-data/cases/103): the prompt inside a fenced block splits the paste, so
    // the value arrives with the closing fence.
    const r = parsePaste(
      'logs above\n```\nandrewsykim@nodes-xx23 /var/log $ cat /proc/sys/net/netfilter/nf_conntrack_max\n131072\n```\n',
      'x',
    ).find((s) => s.command?.startsWith('cat '));
    expect(facts(r).values['net.netfilter.nf_conntrack_max']?.value).toBe('131072');
    expect(r?.status).toBe('parsed');
    // Fences are framing, taken off before the parser sees the lines (engine/framing).
    const cat = '$ cat /proc/sys/net/ipv4/ip_forward\n';
    const fenced = parsePaste(`~~~\n${cat}1\n~~~`, 'x')[0];
    expect(facts(fenced).values['net.ipv4.ip_forward']?.value).toBe('1');
    // a fence alone is no value, and two values for one key are not a `cat` answer
    expect(parsePaste(`${cat}\`\`\``, 'x')[0]?.kind).not.toBe('sysctl');
    expect(parsePaste(`${cat}1\n0\n\`\`\``, 'x')[0]?.kind).not.toBe('sysctl');
  });

  it('keeps tab-separated values and skips the noise of `sysctl -a` as a user', () => {
    const out = one(
      'sysctl: permission denied on key "fs.protected_hardlinks"\nnet.ipv4.ip_local_port_range = 32768\t60999\nsysctl: reading key "net.ipv6.conf.all.stable_secret"',
    );
    expect(out.status).toBe('parsed');
    if (out.status !== 'rejected')
      expect(out.facts.values['net.ipv4.ip_local_port_range']?.value).toBe('32768\t60999');
  });

  it("drops the author's note after a value, and only that", () => {
    const values = (text: string) => {
      const out = one(text);
      if (out.status === 'rejected') throw new Error('rejected');
      return Object.fromEntries(Object.entries(out.facts.values).map(([k, v]) => [k, v.value]));
    };
    // buvidk1234's blog (2025): `# 输出：net.ipv4.ip_forward = 0  <-- 凶手找到了！`, uncommented.
    expect(values('net.ipv4.ip_forward = 0  <-- 凶手找到了！')).toEqual({
      'net.ipv4.ip_forward': '0',
    });
    expect(
      values(
        [
          'net.ipv4.tcp_window_scaling = 1（启用窗口缩放）',
          'net.ipv4.ip_forward = 0  (disabled by default)',
          'net.ipv4.conf.all.rp_filter = 1  — DISABLED',
          'net.ipv4.tcp_tw_recycle = 1 # here',
          'net.ipv4.ip_local_port_range = 32768\t60999',
          'kernel.core_pattern = |/usr/share/apport/apport -p%p -s%s -c%c -d%d -P%P -- %E',
          'dev.cdrom.info = drive name:',
          'kernel.x = (null)',
        ].join('\n'),
      ),
    ).toEqual({
      'net.ipv4.tcp_window_scaling': '1',
      'net.ipv4.ip_forward': '0',
      'net.ipv4.conf.all.rp_filter': '1',
      'net.ipv4.tcp_tw_recycle': '1',
      'net.ipv4.ip_local_port_range': '32768\t60999',
      'kernel.core_pattern': '|/usr/share/apport/apport -p%p -s%s -c%c -d%d -P%P -- %E',
      'dev.cdrom.info': 'drive name:',
      'kernel.x': '(null)',
    });
  });

  it('reads the value a blog shows as a comment under the bare command', () => {
    const r = parsePaste(
      '```bash\nsysctl net.ipv4.ip_forward\n# 输出：net.ipv4.ip_forward = 0  <-- 凶手找到了！\n```\n',
      'blog.md',
    );
    expect(facts(r[0]).values['net.ipv4.ip_forward']).toMatchObject({ value: '0', line: 3 });
    // A commented-out key in a config file is no value.
    const conf = parsePaste(
      '[root@k8s ~]# cat /etc/sysctl.conf\n# net.ipv4.ip_forward = 0\nnet.ipv4.ip_forward = 1\n',
      'conf',
    );
    expect(facts(conf[0]).values['net.ipv4.ip_forward']?.value).toBe('1');
  });

  it('records keys the kernel does not have', () => {
    const text = [
      'sysctl: cannot stat /proc/sys/net/bridge/bridge-nf-call-iptables: No such file or directory',
      "sysctl: unknown key 'net.ipv4.tcp_tw_recycle'",
      'error: "net.ipv4.tcp_tw_reuse" is an unknown key',
      'net.ipv4.tcp_timestamps = 1',
    ].join('\n');
    const [r] = parsePaste(text, 'x');
    const f = facts(r);
    expect(Object.keys(f.missing).sort()).toEqual([
      'net.bridge.bridge-nf-call-iptables',
      'net.ipv4.tcp_tw_recycle',
      'net.ipv4.tcp_tw_reuse',
    ]);
    expect(f.missing['net.bridge.bridge-nf-call-iptables']?.line).toBe(1);
    if (r!.status !== 'rejected') expect(r!.summary.key).toBe('parse.sysctl.summaryNotableMissing');
    const [only] = parsePaste(
      'sysctl: cannot stat /proc/sys/net/bridge/bridge-nf-call-iptables: No such file or directory',
      'x',
    );
    expect(only).toMatchObject({ kind: 'sysctl', status: 'parsed' });
  });

  it('maps a bare value to the file `cat /proc/sys/...` or `sysctl -n` named', () => {
    const [r] = parsePaste('[root@node1 ~]# cat /proc/sys/net/ipv4/ip_forward\n0\n', 'x');
    expect(facts(r).values['net.ipv4.ip_forward']).toMatchObject({ value: '0', line: 2 });
    const [n] = parsePaste(
      '$ sysctl -n net.ipv4.tcp_tw_recycle net.ipv4.tcp_timestamps\n1\n1\n',
      'x',
    );
    expect(facts(n).values['net.ipv4.tcp_timestamps']).toMatchObject({ value: '1', line: 3 });
    const [gone] = parsePaste(
      '$ cat /proc/sys/net/bridge/bridge-nf-call-iptables\ncat: /proc/sys/net/bridge/bridge-nf-call-iptables: No such file or directory',
      'x',
    );
    expect(facts(gone).missing['net.bridge.bridge-nf-call-iptables']?.line).toBe(2);
    // Run on the node over ssh (Hetzner blog), with options or a quoted remote command.
    const [count, max] = parsePaste(
      '$ ssh hetzner-server cat /proc/sys/net/netfilter/nf_conntrack_count\n823\n$ ssh hetzner-server cat /proc/sys/net/netfilter/nf_conntrack_max\n262144\n',
      'x',
    );
    expect(facts(count).values['net.netfilter.nf_conntrack_count']?.value).toBe('823');
    expect(facts(max).values['net.netfilter.nf_conntrack_max']?.value).toBe('262144');
    const [quoted] = parsePaste(
      "$ ssh -p 2222 core@10.0.0.5 'sudo cat /proc/sys/net/ipv4/ip_forward'\n1\n",
      'x',
    );
    expect(facts(quoted).values['net.ipv4.ip_forward']?.value).toBe('1');
    // The poster's `# note` before the next prompt is neither a value nor a sysctl.conf comment.
    const [noted] = parsePaste(
      '$  cat /proc/sys/net/netfilter/nf_conntrack_max\n131072\n# 查看当前值，发现跟最大值完全一致，连接跟踪表已经爆了\n$ cat /proc/sys/net/netfilter/nf_conntrack_count\n131072\n```\n',
      'x',
    );
    expect(noted).toMatchObject({ kind: 'sysctl', status: 'parsed' });
    expect(facts(noted).values['net.netfilter.nf_conntrack_max']).toMatchObject({
      value: '131072',
      line: 2,
    });
    expect(facts(noted).file).toBe(false);
    // Two values for one file are still not taken for it.
    expect(
      parsePaste('$ cat /proc/sys/net/ipv4/ip_forward\n1\n# note\n0\n', 'x').some(
        (r) => r.kind === 'sysctl' && facts(r).values['net.ipv4.ip_forward'],
      ),
    ).toBe(false);
    // An unbalanced quote or a different command on the remote side names no file.
    expect(
      parsePaste("$ ssh node1 'cat /proc/sys/net/ipv4/ip_forward\n1\n", 'x').some(
        (r) => r.kind === 'sysctl',
      ),
    ).toBe(false);
    expect(
      parsePaste('$ ssh node1 wc -l /proc/sys/net/ipv4/ip_forward\n1\n', 'x').some(
        (r) => r.kind === 'sysctl',
      ),
    ).toBe(false);
    // Without the prompt a bare number is nobody's output.
    expect(sysctl.detect(toLines('0'), { command: null })).toBe(false);
  });

  it('a count of tracked connections is nf_conntrack_count (asuswrt-merlin 280, typed bare)', () => {
    // The commands typed with no prompt in a fence, each above its output (test-data case 1100).
    const [prose, count, max] = parsePaste(
      'Netfilter conntrack table is not filled.\n``` bash\ncat /proc/net/ip_conntrack | wc -l\n544\n\ncat /proc/sys/net/ipv4/netfilter/ip_conntrack_max\n300000\n```\n',
      'x',
    );
    expect(prose?.kind).not.toBe('sysctl');
    expect(facts(count).values['net.netfilter.nf_conntrack_count']).toMatchObject({
      value: '544',
      line: 4,
    });
    expect(facts(max).values['net.ipv4.netfilter.ip_conntrack_max']?.value).toBe('300000');
    for (const command of ['conntrack -C', 'sudo conntrack -L -p tcp | wc -l'])
      expect(facts(parsePaste(`$ ${command}\n1726\n`, 'x')[0]).values).toHaveProperty(
        ['net.netfilter.nf_conntrack_count', 'value'],
        '1726',
      );
    // `wc -l FILE` prints the file's name too, and another file's lines are no count.
    for (const command of ['wc -l /proc/net/nf_conntrack', 'cat /proc/net/route | wc -l'])
      expect(parsePaste(`$ ${command}\n12\n`, 'x')[0]?.kind).not.toBe('sysctl');
  });

  it('does not claim look-alikes', () => {
    const no = (text: string, command: string | null = null) =>
      expect(sysctl.detect(toLines(text), { command })).toBe(false);
    no('spring.datasource.url = jdbc:mysql://db/app\nspring.datasource.user = app');
    no('proxy-body-size: 10m\nuse-forwarded-headers: "true"');
    no(
      '-A KUBE-SERVICES -d 10.96.0.1/32 -p tcp -j KUBE-SVC-X\n-A KUBE-NODEPORTS -p tcp --dport 30080 -j KUBE-EXT-X',
    );
    no('net.ipv4.tcp_tw_recycle = 0', 'vim /etc/sysctl.conf');
    no('net.ipv4.ip_forward = 1\nfoo\nbar\nbaz\nqux');
  });
});

describe('sysctl: only sysctl outputs are claimed', () => {
  claimsOnly(sysctl, [
    '07-haomeiwen-sysctl-twrecycle-nodeport/sysctl.txt',
    '12-k8sbosh16-bridge-nf-call-on-healthy/sysctl.txt',
  ]);
});

describe('sysctl: texts', () => {
  textsMatch('sysctl', [readFileSync(new URL('./parser.ts', import.meta.url), 'utf8')]);
});

describe('sysctl: hostile input', () => {
  const big = 'net.ipv4.ip_forward = ' + 'x'.repeat(5_000_000);
  survivesHostileInput(
    sysctl,
    [
      'net.ipv4.tcp_timestamps = 1',
      'net.ipv4.tcp_tw_recycle = 1',
      'net.bridge.bridge-nf-call-iptables = 1',
      'sysctl: cannot stat /proc/sys/net/bridge/bridge-nf-call-iptables: No such file or directory',
      'k8s/08ea6ac6-9e85-44d6-81be-0dc94c73ddd7:~# sysctl -a | grep nf-call',
      '# cat /proc/sys/net/ipv4/ip_forward',
      '1',
    ],
    {
      commands: [null, 'cat /proc/sys/net/ipv4/ip_forward', 'sysctl -n net.ipv4.ip_forward'],
      mutations: [
        (s) => `\x1b[01;31m${s}\x1b[0m`,
        (s) => s.replace(/=/g, '\u0000='),
        (s) => `[root@node ~]# ${s}`,
      ],
      longLines: [big],
    },
  );

  it('a 5 MB line is one section', () => {
    expect(parsePaste(big, 'x')).toHaveLength(1);
  });
});

describe('sysctl: configuration files', () => {
  it('/etc/sysctl.conf: comments, indented keys; marked as a file', () => {
    const [s] = parsePaste(local('sysctl--insights-core-sysctl-conf.txt'), 'x');
    const f = factsOf(s, 'sysctl');
    expect(s!.status).toBe('parsed');
    expect(f.file).toBe(true);
    expect(f.values).toEqual({
      'kernel.domainname': expect.objectContaining({ value: 'example.com', line: 3 }),
      'kernel.modprobe': expect.objectContaining({ value: '/sbin/mod probe', line: 7 }),
    });
    expect(s!.status !== 'rejected' && s!.summary.key).toBe('parse.sysctl.summaryFile');
  });

  it('`key=value` with no spaces, sysctl.d `-key`, and the file named by the command', () => {
    const [s] = parsePaste(
      '$ cat /etc/sysctl.d/99-kubernetes.conf\nnet.bridge.bridge-nf-call-iptables=1\nnet.ipv4.ip_forward=1\n-net.ipv4.conf.all.rp_filter=0\n',
      'x',
    );
    const f = factsOf(s, 'sysctl');
    expect(f.file).toBe(true);
    expect(Object.fromEntries(Object.entries(f.values).map(([k, v]) => [k, v.value]))).toEqual({
      'net.bridge.bridge-nf-call-iptables': '1',
      'net.ipv4.ip_forward': '1',
      'net.ipv4.conf.all.rp_filter': '0',
    });
    const [plain] = parsePaste('net.ipv4.ip_forward=1\nnet.ipv4.tcp_tw_recycle=0\n', 'x');
    expect(factsOf(plain, 'sysctl').file).toBe(false);
  });

  it('keys of no sysctl tree (`a=1`) stay refused: a properties file is not sysctl', () => {
    expect(parsePaste('a=1\nb = 2\nc = include an = sign\n', 'x')[0]!.status).toBe('rejected');
  });
});

describe('sysctl: values read in a container', () => {
  const outcome = (o: ReturnType<typeof one>) => {
    if (o.status === 'rejected') throw new Error('rejected');
    return o.facts;
  };
  it("a pod's shell opened in the paste keeps its values apart from the node's (k3s 201)", () => {
    const text = readTestData(
      'cases/266-k3s201-sysctl-host-forward-on-pod-shell-forward-off/sysctl-host-and-pod.txt',
    );
    const f = facts(parsePaste(text, 'x')[0]);
    expect(f.values['net.ipv4.ip_forward']).toMatchObject({ value: '1', line: 3 });
    expect(f.container?.['net.ipv4.ip_forward']).toMatchObject({ value: '0', line: 6 });
  });

  it("`exit` leaves the shell; a command run with exec is the container's throughout", () => {
    const f = outcome(
      one(
        'net.ipv4.ip_forward = 1\n$ kubectl exec -it web-0 -- sh\n/ # sysctl net.ipv4.tcp_keepalive_time\nnet.ipv4.tcp_keepalive_time = 600\n/ # exit\nnet.ipv4.tcp_keepalive_time = 7200',
      ),
    );
    expect(f.values['net.ipv4.ip_forward']?.value).toBe('1');
    expect(f.values['net.ipv4.tcp_keepalive_time']?.value).toBe('7200');
    expect(f.container?.['net.ipv4.tcp_keepalive_time']?.value).toBe('600');
    const e = outcome(
      one(
        'net.ipv4.ip_forward = 0',
        'kubectl exec -n kube-system svclb-x -- sysctl net.ipv4.ip_forward',
      ),
    );
    expect(e.values).toEqual({});
    expect(e.container?.['net.ipv4.ip_forward']?.value).toBe('0');
    // Typed at the container's own prompt after the exec: split off, still the container's.
    const typed = parsePaste(
      '$ kubectl exec -it client-0 -- sh\n/ # sysctl net.ipv4.ip_forward\nnet.ipv4.ip_forward = 0\n',
      'x',
    );
    expect(facts(typed[0]).values).toEqual({});
    expect(facts(typed[0]).container?.['net.ipv4.ip_forward']?.value).toBe('0');
    // A node's own sysctl, with no container command anywhere: the node's values.
    expect(outcome(one('net.ipv4.ip_forward = 0', 'sysctl net.ipv4.ip_forward')).container).toBe(
      undefined,
    );
  });
});
