import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toLines } from '../../engine/lines';
import { readTestData } from '../../testing/test-data';
import { factsOf } from '../../testing/facts';
import { parsePaste } from '../registry';
import { sysctl } from './parser';

// Keys reported as other tools word them: kubeadm's preflight, `sysctl --system`, Ansible,
// docker info and dockerd's log, the shell and a Chinese locale saying a key does not exist.
const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');
const one = (text: string, command: string | null = null) =>
  sysctl.parse(toLines(text), { command });

describe('sysctl: keys as other tools word them', () => {
  const facts = (text: string) => {
    const [s] = parsePaste(text, 'x');
    expect(s!.kind).toBe('sysctl');
    return factsOf(s!, 'sysctl');
  };

  it('kubeadm preflight: a key missing, a key not 1 (0/1 keys)', () => {
    const f = facts(
      '[preflight] Some fatal errors occurred:\n' +
        '\t[ERROR FileContent--proc-sys-net-bridge-bridge-nf-call-iptables]: /proc/sys/net/bridge/bridge-nf-call-iptables does not exist\n' +
        '\t[ERROR FileContent--proc-sys-net-ipv4-ip_forward]: /proc/sys/net/ipv4/ip_forward contents are not set to 1\n',
    );
    expect(Object.keys(f.missing)).toEqual(['net.bridge.bridge-nf-call-iptables']);
    expect(f.values['net.ipv4.ip_forward']).toMatchObject({ value: '0', line: 3 });
  });

  it('`sysctl --system`: `* Applying FILE ...` headers, `setting key "x": No such file` (procps-ng)', () => {
    const brokenText = local('sysctl--website31508-system-setting-key-missing.txt');
    expect(parsePaste(brokenText, 'x').map((r) => r.status)).toEqual(['parsed']);
    const b = facts(brokenText);
    expect(Object.keys(b.missing).sort()).toEqual([
      'net.bridge.bridge-nf-call-ip6tables',
      'net.bridge.bridge-nf-call-iptables',
    ]);
    expect(b.missing['net.bridge.bridge-nf-call-iptables']?.line).toBe(3);
    const healthyText = local('sysctl--vbox-kubeadm-system-applying.txt');
    expect(parsePaste(healthyText, 'x').map((r) => r.status)).toEqual(['parsed']);
    const h = facts(healthyText);
    expect(h.missing).toEqual({});
    expect(h.values['net.bridge.bridge-nf-call-iptables']?.value).toBe('1');
    expect(h.values['net.ipv4.conf.all.rp_filter']?.value).toBe('1');
  });

  it('Ansible quoting sysctl: JSON result, YAML `msg: |-` in Markdown bold, pretty JSON', () => {
    const rak8s = facts(
      readTestData('cases/204-rak8s13-ansible-fatal-json-msg-cannot-stat-bridge/ansible.txt'),
    );
    expect(rak8s.missing['net.bridge.bridge-nf-call-iptables']).toMatchObject({ line: 3 });
    const yaml = facts(
      readTestData('cases/205-raspbernetes59-ansible-yaml-msg-bold-cannot-stat-bridge/ansible.txt'),
    );
    expect(Object.keys(yaml.missing)).toEqual(['net.bridge.bridge-nf-call-iptables']);
    expect(yaml.missing['net.bridge.bridge-nf-call-iptables']?.line).toBe(5);
    const pretty = facts(
      readTestData(
        'cases/206-geerlingguy92-ansible-pretty-json-reload-sysctl-cannot-stat/ansible-result.json',
      ),
    );
    // Every line the message quotes, the values printed before the error included.
    expect(pretty.values['kernel.panic']).toMatchObject({ value: '10', line: 2 });
    expect(pretty.values['net.ipv6.conf.all.disable_ipv6']?.value).toBe('1');
    expect(Object.keys(pretty.missing)).toEqual(['net.bridge.bridge-nf-call-iptables']);
    // The module's arguments name the key and the value it wanted: never read as a value.
    expect(pretty.values['net.bridge.bridge-nf-call-iptables']).toBeUndefined();
  });

  it('Ansible words alone, or another module’s message, do not make a paste sysctl', () => {
    const no = (text: string) =>
      expect(sysctl.detect(toLines(text), { command: null })).toBe(false);
    // A task that failed for another reason, quoting no sysctl output.
    no('fatal: [n1]: FAILED! => {"changed": false, "msg": "Failed to reload sysctl: \\n"}');
    // Prose that cites the error, and another module's message of the same shape.
    no('If you see sysctl: cannot stat /proc/sys/net/bridge/bridge-nf-call-iptables, load it.');
    no(
      'fatal: [n1]: FAILED! => {"msg": "modprobe: FATAL: Module br_netfilter not found\\nsysctl: cannot stat /proc/sys/net/bridge/x: No such file or directory"}',
    );
    // A `msg` that is not JSON-escaped text is ignored, not thrown on.
    expect(one('{"msg": "Failed to reload sysctl: \\u12"}').status).toBe('rejected');
  });

  it('Ansible command result: kubeadm preflight inside the escaped "stderr" string (real samples)', () => {
    const grycap = facts(
      readTestData(
        'cases/1460-grycap16-ansible-json-stderr-escaped-kubeadm-preflight-bridge-not-1/ansible-play.txt',
      ),
    );
    // Cited by the result line; `stderr_lines` repeats it and the cut `stdout_lines` is no harm.
    expect(grycap.values['net.bridge.bridge-nf-call-iptables']).toMatchObject({
      value: '0',
      line: 2,
    });
    expect(grycap.missing).toEqual({});
    // Fenced after prose, klog lines and a warning before the error in the same string.
    const role = facts(
      readTestData(
        'cases/1463-geerlingguy-k8s-role22-ansible-json-stderr-klog-preflight-bridge-not-1/issue.md',
      ),
    );
    expect(role.values['net.bridge.bridge-nf-call-iptables']).toMatchObject({
      value: '0',
      line: 7,
    });
    expect(Object.keys(role.values)).toEqual(['net.bridge.bridge-nf-call-iptables']);
    // A loop item's result, sysctl's own error in the command's stderr.
    const item = facts(
      'failed: [n1] (item=net.bridge.bridge-nf-call-iptables) => {"changed": true, "cmd": ["sysctl", "-p"], "rc": 255, "stderr": "sysctl: cannot stat /proc/sys/net/bridge/bridge-nf-call-iptables: No such file or directory", "stdout": "net.ipv4.ip_forward = 1"}',
    );
    expect(Object.keys(item.missing)).toEqual(['net.bridge.bridge-nf-call-iptables']);
    // stdout is not read: stderr holds no values.
    expect(item.values['net.ipv4.ip_forward']).toBeUndefined();
  });

  it('an Ansible result whose stderr says nothing of a key, or that is not a result, is not sysctl', () => {
    const no = (text: string) =>
      expect(sysctl.detect(toLines(text), { command: null })).toBe(false);
    // Healthy: the key set, kubeadm warns of something else only.
    no(
      'changed: [n1] => {"cmd": ["kubeadm", "join"], "rc": 0, "stderr": "\\t[WARNING SystemVerification]: docker version is greater than the most recently validated version\\n", "stdout": "This node has joined the cluster"}',
    );
    // The preflight words quoted in prose or in a bare JSON object, not a task result.
    no(
      'The "stderr": "/proc/sys/net/bridge/bridge-nf-call-iptables contents are not set to 1" line means sysctl.',
    );
    no('{"stderr": "/proc/sys/net/bridge/bridge-nf-call-iptables contents are not set to 1"}');
    // Broken escapes and only `stderr_lines`: ignored, never thrown on.
    no(
      'fatal: [n1]: FAILED! => {"stderr": "\\u12 /proc/sys/net/ipv4/ip_forward contents are not set to 1"}',
    );
    no(
      'fatal: [n1]: FAILED! => {"stderr_lines": ["/proc/sys/net/ipv4/ip_forward contents are not set to 1"]}',
    );
  });

  it('Go’s ENOENT for a /proc/sys path inside an installer’s error (openyurt#568, real sample)', () => {
    const [, s] = parsePaste(
      readTestData(
        'cases/1464-openyurt568-yurtctl-init-go-open-bridge-no-such-file-fence-glued-os-release/issue.md',
      ),
      'x',
    );
    expect(s!.kind).toBe('sysctl');
    const f = factsOf(s!, 'sysctl');
    expect(Object.keys(f.missing)).toEqual(['net.bridge.bridge-nf-call-iptables']);
    expect(f.missing['net.bridge.bridge-nf-call-iptables']?.text).toMatch(
      /^Error: error execution/,
    );
    // kubeadm's own phase error, `stat` as well as `open`.
    expect(
      Object.keys(
        facts(
          'error execution phase preflight: stat /proc/sys/net/ipv4/vs/conntrack: no such file or directory',
        ).missing,
      ),
    ).toEqual(['net.ipv4.vs.conntrack']);
  });

  it('Go’s ENOENT for another path, in prose, or for a key that is there says nothing of a key', () => {
    const no = (text: string) =>
      expect(sysctl.detect(toLines(text), { command: null })).toBe(false);
    no('Error: open /etc/kubernetes/admin.conf: no such file or directory');
    no(
      'If you see open /proc/sys/net/bridge/bridge-nf-call-iptables: no such file or directory, load br_netfilter.',
    );
    // Healthy: the write succeeded, nothing is missing.
    no('I1110 11:12:33.112674    7118 util.go:50] Setting bridge settings for kubernetes.');
    no('Error: open /proc/sys/net/bridge/bridge-nf-call-iptables: permission denied');
    // An agent's log line saying the same is the CNI log's, not a sysctl paste.
    no(
      'Failed to check br_netfilter: stat /proc/sys/net/bridge/bridge-nf-call-iptables: no such file or directory',
    );
  });

  it('docker info: bridge-nf-call disabled', () => {
    const f = facts(
      'WARNING: bridge-nf-call-iptables is disabled\nWARNING: bridge-nf-call-ip6tables is disabled\n',
    );
    expect(f.values['net.bridge.bridge-nf-call-iptables']?.value).toBe('0');
    expect(f.values['net.bridge.bridge-nf-call-ip6tables']?.value).toBe('0');
  });

  it('dockerd logging the same warning through journald (moby#48664)', () => {
    const text = readFileSync(
      new URL(
        './fixtures/sysctl--moby48664-dockerd-journal-bridge-nf-disabled.txt',
        import.meta.url,
      ),
      'utf8',
    );
    expect(parsePaste(text, 'x').map((r) => [r.kind, r.status])).toEqual([['sysctl', 'parsed']]);
    const f = facts(text);
    expect(f.values['net.bridge.bridge-nf-call-iptables']).toMatchObject({ value: '0', line: 1 });
    expect(f.values['net.bridge.bridge-nf-call-ip6tables']?.value).toBe('0');
  });

  it('a missing key in a Chinese locale: `没有那个文件或目录` from sysctl -p and from bash', () => {
    const p = facts(local('sysctl--zh-centos8-docker-notes-sysctl-p-enoent.txt'));
    expect(Object.keys(p.missing).sort()).toEqual([
      'net.bridge.bridge-nf-call-ip6tables',
      'net.bridge.bridge-nf-call-iptables',
    ]);
    expect(p.missing['net.bridge.bridge-nf-call-iptables']?.line).toBe(3);
    // `echo 1 > /proc/sys/x` refused by the shell: the key does not exist either.
    const echo = parsePaste(local('sysctl--zh-kvm-notes-bash-echo-bridge-nf-enoent.txt'), 'e');
    const found = echo.filter((r) => r.kind === 'sysctl' && r.status !== 'rejected');
    expect(found).toHaveLength(1);
    expect(factsOf(found[0]!, 'sysctl').missing['net.bridge.bridge-nf-call-iptables']?.line).toBe(
      2,
    );
    // zh_TW wording and the other shells' prefixes.
    const tw = one('-bash: /proc/sys/net/bridge/bridge-nf-call-iptables: 沒有此一檔案或目錄');
    expect(tw.status === 'parsed' && Object.keys(tw.facts.missing)).toEqual([
      'net.bridge.bridge-nf-call-iptables',
    ]);
    const line = one(
      'bash: line 1: /proc/sys/net/ipv4/vs/conn_reuse_mode: No such file or directory',
    );
    expect(line.status === 'parsed' && Object.keys(line.facts.missing)).toEqual([
      'net.ipv4.vs.conn_reuse_mode',
    ]);
  });

  it('a shell error that is not ENOENT, or about another path, says nothing of a key', () => {
    // Permission or a read-only /proc: the key exists.
    const denied = '-bash: /proc/sys/net/bridge/bridge-nf-call-iptables: Permission denied';
    expect(sysctl.detect(toLines(denied), { command: null })).toBe(false);
    const ro = '-bash: /proc/sys/net/ipv4/ip_forward: 只读文件系统';
    expect(sysctl.detect(toLines(ro), { command: null })).toBe(false);
    // A missing file outside /proc/sys is no sysctl key.
    const other = '-bash: /etc/sysctl.d/k8s.conf: 没有那个文件或目录';
    expect(sysctl.detect(toLines(other), { command: null })).toBe(false);
    // Prose quoting the path is not the shell's error.
    const prose =
      '如果报错 /proc/sys/net/bridge/bridge-nf-call-iptables: 没有那个文件或目录 就加载模块';
    expect(sysctl.detect(toLines(prose), { command: null })).toBe(false);
  });

  it('EC2 Rescue for Linux `tcprecycle`: FAILURE is tcp_tw_recycle = 1, SUCCESS is 0', () => {
    // The module's documented outputs (awslabs/aws-ec2rescue-linux docs/modules/tcprecycle.md).
    const failing = facts(
      readTestData(
        'cases/1243-ec2rl-tcprecycle-module-failure-aggressive-recycling-enabled-nat/ec2rl-tcprecycle-failing.txt',
      ),
    );
    expect(failing.values['net.ipv4.tcp_tw_recycle']).toMatchObject({ value: '1', line: 3 });
    const passing = parsePaste(
      readTestData(
        'cases/1244-ec2rl-tcprecycle-module-success-recycling-disabled-healthy/ec2rl-tcprecycle-passing.txt',
      ),
      'x',
    );
    expect(passing.map((r) => [r.kind, r.status])).toEqual([['sysctl', 'parsed']]);
    expect(factsOf(passing[0]!, 'sysctl').values['net.ipv4.tcp_tw_recycle']?.value).toBe('0');
    // The module printing on its own, its opening words before the verdict: no stray line.
    const own = one(
      'Determining if aggressive TCP recycling is enabled\n[SUCCESS] Aggressive TCP recycling is disabled.\n',
    );
    expect(own.status === 'parsed' && own.problems).toEqual([]);
    expect(own.status === 'parsed' && own.facts.values['net.ipv4.tcp_tw_recycle']?.value).toBe('0');
  });

  it('another ec2rl module’s verdict, or prose quoting the words, says nothing of tw_recycle', () => {
    const no = (text: string) =>
      expect(sysctl.detect(toLines(text), { command: null })).toBe(false);
    no('module run/arpcache            [FAILURE] Aggressive arp caching is enabled.');
    no('module run/conntrackfull       [SUCCESS] No conntrack table full errors found.');
    no(
      'If ec2rl says [FAILURE] You have aggressive TCP connection recycling enabled, set it to 0.',
    );
  });

  it('the echo that succeeds after modprobe prints nothing: no key is missing', () => {
    const ok = parsePaste(
      'root@debian-wy:~# modprobe br_netfilter\nroot@debian-wy:~# echo 1 > /proc/sys/net/bridge/bridge-nf-call-iptables\nroot@debian-wy:~# cat /proc/sys/net/bridge/bridge-nf-call-iptables\n1\n',
      'ok',
    );
    const s = ok.filter((r) => r.kind === 'sysctl' && r.status !== 'rejected');
    expect(s).toHaveLength(1);
    const f = factsOf(s[0]!, 'sysctl');
    expect(f.missing).toEqual({});
    expect(f.values['net.bridge.bridge-nf-call-iptables']?.value).toBe('1');
  });
});
