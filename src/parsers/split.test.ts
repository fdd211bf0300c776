import { describe, expect, it } from 'vitest';
import { ownNetns, splitPaste } from './split';
import { promptCommand, toLines } from '../engine/lines';

describe('splitPaste', () => {
  it('keeps one output whole, with its echoed command', () => {
    const [s, ...rest] = splitPaste(
      '[root@k8s-master ~]# sysctl net.ipv4.ip_forward\nnet.ipv4.ip_forward = 1\n',
      'a.txt',
    );
    expect(rest).toEqual([]);
    expect(s).toMatchObject({
      source: 'a.txt',
      command: 'sysctl net.ipv4.ip_forward',
      lines: [{ n: 2, text: 'net.ipv4.ip_forward = 1' }],
    });
  });

  it('splits a collector bundle by its headers and numbers the parts', () => {
    const parts = splitPaste(
      '==> uname -r <==\n3.10.0\n==> sysctl -a <==\na.b.c = 1\n==> lsmod <==\n',
      'b.txt',
    );
    expect(parts.map((p) => [p.source, p.command])).toEqual([
      ['b.txt#1', 'uname -r'],
      ['b.txt#2', 'sysctl -a'],
      ['b.txt#3', 'lsmod'],
    ]);
    expect(parts[1]!.lines).toEqual([{ n: 4, text: 'a.b.c = 1' }]);
  });

  it('unquotes each output of a bundle that was quoted one by one, and only those', () => {
    const parts = splitPaste(
      '==> resolv.conf <==\n> search a.svc\n> nameserver 10.0.0.1\n==> x <==\n> quoted\nplain\n',
      'b',
    );
    expect(parts[0]!.lines).toEqual([
      { n: 2, text: 'search a.svc' },
      { n: 3, text: 'nameserver 10.0.0.1' },
    ]);
    // Not every line quoted: the '>' is part of the output.
    expect(parts[1]!.lines.map((l) => l.text)).toEqual(['> quoted', 'plain']);
  });

  it('splits outputs separated by prompts and drops the trailing empty prompt', () => {
    const parts = splitPaste(
      '$ uname -r\n3.10.0\n$ sysctl net.ipv4.tcp_tw_recycle\nnet.ipv4.tcp_tw_recycle = 1\n$ \n',
      'c',
    );
    expect(parts.map((p) => p.command)).toEqual(['uname -r', 'sysctl net.ipv4.tcp_tw_recycle']);
  });

  it('splits at markdown-escaped `\\#` prompts (kubernetes/kubernetes#80034)', () => {
    const parts = splitPaste(
      [
        '2、',
        '\\# dmesg | tail -n 2',
        '[275968.997796] IPVS: wlc: TCP 10.102.203.22:443 - no destination available',
        '',
        '3、',
        '\\# Ipvs forwarding rules are missing',
        '\\# ipvsadm -Ln | less',
        'TCP  10.102.203.22:443 wlc',
      ].join('\n'),
      'c',
    );
    expect(parts.map((p) => p.command)).toEqual([null, 'dmesg | tail -n 2', 'ipvsadm -Ln | less']);
    expect(parts[2]!.lines).toEqual([{ n: 8, text: 'TCP  10.102.203.22:443 wlc' }]);
  });
});

describe('splitPaste: output a blog shows as a comment under the bare command', () => {
  it('`# 输出：VALUE` under the command (buvidk1234 blog, 2025): one line of output', () => {
    const [s, ...rest] = splitPaste(
      '```bash\nsysctl net.ipv4.ip_forward\n# 输出：net.ipv4.ip_forward = 0  <-- 凶手找到了！\n```\n',
      'a.md',
    );
    expect(rest).toEqual([]);
    expect(s).toMatchObject({
      source: 'a.md',
      command: 'sysctl net.ipv4.ip_forward',
      lines: [{ n: 3, text: 'net.ipv4.ip_forward = 0  <-- 凶手找到了！' }],
    });
  });

  it('`# 输出包含：` alone, then the printed lines commented out', () => {
    const [s] = splitPaste(
      'ip route\n# 输出包含：\n# 10.244.104.0/26 via 192.168.6.142 dev tunl0 proto bird onlink\n',
      'r',
    );
    expect(s!.command).toBe('ip route');
    expect(s!.lines).toEqual([
      { n: 3, text: '10.244.104.0/26 via 192.168.6.142 dev tunl0 proto bird onlink' },
    ]);
  });

  it('steps of a how-to: each command keeps its own output, the next step is not part of it', () => {
    const parts = splitPaste(
      [
        '# Step 2: Check IP forwarding',
        'sysctl net.ipv4.ip_forward',
        '# Output: net.ipv4.ip_forward = 0  — DISABLED',
        '# 为传统的默认值',
        'sudo sysctl -w net.ipv4.ip_forward=1',
      ].join('\n'),
      's',
    );
    const fwd = parts.find((p) => p.command === 'sysctl net.ipv4.ip_forward');
    expect(fwd!.lines.map((l) => l.text)).toEqual(['net.ipv4.ip_forward = 0  — DISABLED']);
    expect(parts.flatMap((p) => p.lines.map((l) => l.text))).toContain('# 为传统的默认值');
  });

  it('a comment without an output note, or under no command, stays as it was', () => {
    const plain = splitPaste('curl -I http://10.0.0.1:30007/\n# HTTP/1.1 502 Bad Gateway\n', 'c');
    expect(plain).toHaveLength(1);
    expect(plain[0]!.command).toBeNull();
    expect(plain[0]!.lines.map((l) => l.text)).toEqual([
      'curl -I http://10.0.0.1:30007/',
      '# HTTP/1.1 502 Bad Gateway',
    ]);
    // A config file's comment after a key is not a command's output.
    const conf = splitPaste('net.ipv4.ip_forward = 1\n# Output: none\n', 'f');
    expect(conf[0]!.command).toBeNull();
    expect(conf[0]!.lines).toHaveLength(2);
    // `cat:` is the tool's error, not a command typed.
    const err = splitPaste('cat: /proc/sys/x: No such file or directory\n# 输出：x\n', 'e');
    expect(err[0]!.command).toBeNull();
  });
});

describe('splitPaste: a command typed with no prompt above its output', () => {
  const parts = (raw: string) =>
    splitPaste(raw, 'p').map((s) => [s.command, s.lines.map((l) => l.text)]);

  it('splits at a known command opening a block (asuswrt-merlin 280: a fence, a blank line)', () => {
    expect(
      parts(
        'Netfilter conntrack table is not filled.\n``` bash\ncat /proc/net/ip_conntrack | wc -l\n544\n\ncat /proc/sys/net/ipv4/netfilter/ip_conntrack_max\n300000\n```\n',
      ),
    ).toEqual([
      [null, ['Netfilter conntrack table is not filled.']],
      ['cat /proc/net/ip_conntrack | wc -l', ['544', '']],
      ['cat /proc/sys/net/ipv4/netfilter/ip_conntrack_max', ['300000']],
    ]);
  });

  it('leaves prose, output rows, scripts and walkthroughs as they are', () => {
    const whole = (raw: string) => expect(splitPaste(raw, 'p')).toHaveLength(1);
    // A pod named after a command, in a table: not a block's first line.
    whole('NAME   READY   STATUS\ncurl   1/1     Running\nping   1/1     Running\n');
    // A label and its value, a sentence, Chinese prose.
    whole('intro\n\nconntrack in-use / max: 1726/262144\nkernel events: none\n');
    whole('intro\n\nip addresses of the nodes are shown below.\n10.0.0.1\n');
    whole('intro\n\nping 不通，抓包如下\n12:00:00 IP a > b: ICMP echo request\n');
    // Commands one under another (a script), or a comment under one (no output note).
    whole('intro\n\nmodprobe br_netfilter\nsysctl -w net.ipv4.ip_forward=1\n');
    whole('intro\n\ncurl -I http://10.0.0.1:30007/\n# HTTP/1.1 502 Bad Gateway\n');
    // A command with nothing under it, or a continued one.
    whole('intro\n\ncat /proc/sys/net/ipv4/ip_forward\n\n1\n');
    whole('intro\n\ndocker run --rm \\\n  busybox sh\n');
  });
});

describe('toLines', () => {
  it('removes CRLF, ANSI colours, NULs, a BOM and a quote prefix, keeping line numbers', () => {
    const raw =
      '\uFEFF> \x1b[1;31mnet.ipv4.tcp_tw_recycle\x1b[0m = 1\r\n> net.ipv4.tcp_time\0stamps = 1\r\n';
    expect(toLines(raw)).toEqual([
      { n: 1, text: 'net.ipv4.tcp_tw_recycle = 1' },
      { n: 2, text: 'net.ipv4.tcp_timestamps = 1' },
    ]);
  });

  it('recognises prompts, not comments', () => {
    expect(promptCommand('root@ip-10-12-4-85:~# tail -f /var/log/kube-proxy.log ')).toBe(
      'tail -f /var/log/kube-proxy.log',
    );
    expect(promptCommand('k8s/08ea6ac6-9e85:~# sysctl -a | grep nf-call')).toBe(
      'sysctl -a | grep nf-call',
    );
    expect(promptCommand('# kubectl logs -n kube-system x')).toBe('kubectl logs -n kube-system x');
    expect(promptCommand('# Generated by iptables-save v1.8.4 on Wed May  8 2024')).toBeNull();
    // GitHub markdown outside a fence: `\#` keeps the prompt from rendering as a heading
    // (kubernetes/kubernetes#80034); still only before a command the splitter knows.
    expect(promptCommand('\\# dmesg | tail -n 2')).toBe('dmesg | tail -n 2');
    expect(promptCommand('\\# ipvsadm -Ln | less')).toBe('ipvsadm -Ln | less');
    expect(promptCommand('\\# Ipvs forwarding rules are missing')).toBeNull();
    expect(promptCommand('\\#dmesg')).toBeNull();
    // A root prompt glued to its command (kubernetes/website#43797), only before a known one:
    // commented-out settings, shebangs and words stay comments.
    expect(promptCommand('#systemctl status kube-proxy')).toBe('systemctl status kube-proxy');
    expect(promptCommand('#net.ipv4.ip_forward = 1')).toBeNull();
    expect(promptCommand('#!/bin/bash')).toBeNull();
    expect(promptCommand('#ipv4 forwarding is on')).toBeNull();
    expect(promptCommand('#Generated by iptables-save')).toBeNull();
    // `k` counts as kubectl only before one of its verbs.
    expect(promptCommand('node01 ~ ➜  k is the letter')).toBeNull();
    // A bare host name prompt only before a command the splitter knows.
    expect(promptCommand('node-1$ the port is blocked')).toBeNull();
    expect(promptCommand('1$ ip route')).toBeNull();
    // Bracketed text that is no `[user@host dir]` prompt, or a prompt with nothing typed.
    expect(promptCommand('[INFO]#1 plugin/reload: Running configuration')).toBeNull();
    expect(promptCommand('[root@k8s-master ~]#')).toBeNull();
    expect(promptCommand('[root@k8s-master ~]## a comment')).toBeNull();
    expect(promptCommand('[2024-06-01 12:00:01]$HOME is set')).toBeNull();
    expect(
      promptCommand('I0514 13:55:14.505765       1 feature_gate.go:226] feature gates'),
    ).toBeNull();
  });

  it.each([
    ['bash without a prompt set', 'bash-4.2$ sysctl -a', 'sysctl -a'],
    ['sh as root', 'sh-4.4# ip route', 'ip route'],
    ['busybox in a pod', '/ # cat /etc/resolv.conf', 'cat /etc/resolv.conf'],
    ['busybox in its home', '~ # nslookup kubernetes.default', 'nslookup kubernetes.default'],
    ['oh-my-zsh', '➜  ~ kubectl get svc -A', 'kubectl get svc -A'],
    [
      'oh-my-zsh, its directory cut off',
      '➜   kubectl logs -f calico-node-9fdzf',
      'kubectl logs -f calico-node-9fdzf',
    ],
    [
      'starship or pure',
      '❯ kubectl describe pod -n ingress-nginx web-0',
      'kubectl describe pod -n ingress-nginx web-0',
    ],
    [
      'a whale and an arrow',
      '🐳  → kubectl describe pod -n kube-system calico-node-nnp4b',
      'kubectl describe pod -n kube-system calico-node-nnp4b',
    ],
    ['oh-my-zsh in a repo', '➜  infra git:(main) ✗ kubectl get ep web', 'kubectl get ep web'],
    ['macOS zsh', 'alice@MacBook-Pro ~ % kubectl describe pod web-0', 'kubectl describe pod web-0'],
    ['fish', 'alice@laptop ~/k8s> kubectl get nodes -o wide', 'kubectl get nodes -o wide'],
    ['a root prompt with the directory after the host', 'root@n1 ~ # conntrack -S', 'conntrack -S'],
    ['PowerShell', 'PS C:\\Users\\alice> kubectl get pods', 'kubectl get pods'],
    [
      'a KodeKloud/CKA lab shell, with the `k` alias (ibtisam-iq/nectar)',
      'cluster1-controlplane ~ ➜  k describe svc curlme-cka01-svcn',
      'k describe svc curlme-cka01-svcn',
    ],
    [
      'a directory and the user (cilium/cilium#18079)',
      "cilium-sysdump-20211201-133424 vli$ grep -r 'rp_filter' */cmd",
      "grep -r 'rp_filter' */cmd",
    ],
    [
      'a bare host name (gravitational/workshop)',
      'node-1$ sudo iptables -L -n',
      'sudo iptables -L -n',
    ],
    [
      'a Red Hat prompt with no blank after # (Chinese course notes)',
      '[root@master1 ~]#kubectl exec myweb-5d78b4dcbd-6rgv4 -- cat /etc/resolv.conf',
      'kubectl exec myweb-5d78b4dcbd-6rgv4 -- cat /etc/resolv.conf',
    ],
    [
      'the same in a deeper directory',
      '[root@web01 /etc/nginx/conf.d]#cat /etc/sysconfig/network-scripts/ifcfg-lo:1',
      'cat /etc/sysconfig/network-scripts/ifcfg-lo:1',
    ],
    ['the same with host:dir', '[root@vm5: ~]#dmesg', 'dmesg'],
    // Real prompts: projectcalico/calico#2183, coreos/coreos-kubernetes#878, kubernetes#50129.
    [
      "macOS bash's default host:dir user$",
      'fbs-MacBook-Pro:cam-to-svn fb$ kubectl get pods -n kube-system',
      'kubectl get pods -n kube-system',
    ],
    ['macOS bash as root', 'Alices-MacBook-Pro:~ root# ping -c 3 10.0.0.1', 'ping -c 3 10.0.0.1'],
    ['Container Linux as root (host, dir, #)', 'master01 ~ # ip addr', 'ip addr'],
    ['Gentoo as a user', 'node2 /etc/kubernetes $ sudo iptables-save', 'sudo iptables-save'],
    [
      'a zsh theme double arrow',
      '⇒  kubectl exec busybox cat /etc/resolv.conf',
      'kubectl exec busybox cat /etc/resolv.conf',
    ],
    // Real prompts: ACloudGuru-Resources/Kubernetes_Advanced_Networking CH04_L03 and CH02_L05,
    // a Tanzu workshop, hellojukay/arp-scanner (the two-line theme's second line).
    [
      'a git-status theme (branch, stashes, staged, unstaged, untracked)',
      '± |master {1} S:4 U:2 ?:3 ✗| → kubectl get nodes --show-labels',
      'kubectl get nodes --show-labels',
    ],
    [
      'the same theme on main',
      '± |main S:14 U:1 ✗| → kubectl get all -n animal-rescue',
      'kubectl get all -n animal-rescue',
    ],
    [
      'the same theme, clean tree',
      '± |master ✓| → sudo arp-scanner -iface enp30s0',
      'sudo arp-scanner -iface enp30s0',
    ],
    [
      'the same theme tracking a remote',
      '± |master → origin ?:1 ✗| → kubectl get pods -o wide',
      'kubectl get pods -o wide',
    ],
    ['the same theme, its ± cut off', '|master ✓| → kubectl get ep', 'kubectl get ep'],
  ])('recognises the prompt of %s', (_, line, command) => {
    expect(promptCommand(line)).toBe(command);
  });

  it.each([
    ['a comment in a config file', '/etc/resolv.conf # generated by NetworkManager'],
    ['an unknown word after busybox #', '/ # Generated by iptables-save'],
    ['an email in a log line', 'alice@example.com dropped 5 % of packets'],
    ['a curl request line', '> GET /healthz HTTP/1.1'],
    ['an arrow in a log line', 'eth0 → 10.0.0.1 forwarded'],
    ['iptables -L', 'Chain KUBE-SERVICES (2 references)'],
    // Look-alikes of host:dir user$ and host dir #.
    ['a YAML key with a $ value', 'command: echo $ HOME'],
    ['a URL then a word with $', 'https://example.com/api price$ 5'],
    ['nginx error log worker ids', '2019/01/01 12:00:00 [error] 37#37: *248 connect() failed'],
    ['a syslog line with a # comment', 'kube-node1 /etc/hosts # managed by ansible'],
    ['host dir # before prose', 'master01 ~ # then run the installer'],
    ['a log key:value then $', 'level:info msg$ started'],
    ['a double arrow in prose', '⇒ then the pod restarts'],
    // Markdown tables start with a bar too.
    ['a Markdown table row', '| Same | Success | Failure |'],
    ['a table row with an arrow', '| a | → b |'],
    ['a table cell that is a branch, then an arrow in prose', '|master| →'],
    ['a plus-minus sign in prose', '± 5 % of packets → dropped'],
  ])('does not take %s for a prompt', (_, line) => {
    expect(promptCommand(line)).toBeNull();
  });

  it('recognises a prompt with the opening fence glued to it, keeping output lines as they are', () => {
    const paste = [
      '```fbs-MacBook-Pro:cam-to-svn fb$ kubectl get pods -n kube-system',
      'NAME                READY     STATUS             RESTARTS   AGE',
      'calico-node-j4t6l   1/2       CrashLoopBackOff   18         1h',
      'fbs-MacBook-Pro:cam-to-svn fb$ kubectl get ep -n kube-system',
      'NAME       ENDPOINTS   AGE',
      'kube-dns   <none>      40d',
      '```',
    ].join('\n');
    const parts = splitPaste(paste, 'p');
    expect(parts.map((p) => p.command)).toEqual([
      'kubectl get pods -n kube-system',
      'kubectl get ep -n kube-system',
    ]);
    // A fence glued to output (no prompt) is left for the parsers, which skip it.
    const glued = splitPaste('```[2833841.216211] nf_conntrack: table full, dropping packet', 'd');
    expect(glued[0]!.command).toBeNull();
    expect(glued[0]!.lines[0]!.text).toBe(
      '```[2833841.216211] nf_conntrack: table full, dropping packet',
    );
  });

  it('splits outputs typed after oh-my-zsh and busybox prompts', () => {
    const paste = [
      '➜  ~ kubectl exec -it dnsutils -- sh',
      '/ # cat /etc/resolv.conf',
      'search default.svc.cluster.local svc.cluster.local cluster.local',
      'nameserver 10.96.0.10',
      'options ndots:5',
      '/ # exit',
    ].join('\n');
    const parts = splitPaste(paste, 'p');
    expect(parts.map((p) => p.command)).toContain('cat /etc/resolv.conf');
    const resolv = parts.find((p) => p.command === 'cat /etc/resolv.conf')!;
    expect(resolv.lines.map((l) => l.text)).toEqual([
      'search default.svc.cluster.local svc.cluster.local cluster.local',
      'nameserver 10.96.0.10',
      'options ndots:5',
    ]);
  });

  it('says which commands were typed in a container shell, until its exit', () => {
    const parts = splitPaste(
      [
        'root@node1:~# sysctl net.ipv4.ip_forward',
        'net.ipv4.ip_forward = 1',
        'root@node1:~# kubectl exec -it web-5d8f -- sh',
        '/ # sysctl net.ipv4.ip_forward',
        'net.ipv4.ip_forward = 0',
        '/ # exit',
        'root@node1:~# iptables -V',
        'iptables v1.8.7 (nf_tables)',
      ].join('\n'),
      'a.txt',
    );
    expect(parts.map((p) => [p.command, p.within ?? null])).toEqual([
      ['sysctl net.ipv4.ip_forward', null],
      ['sysctl net.ipv4.ip_forward', 'kubectl exec -it web-5d8f -- sh'],
      ['iptables -V', null],
    ]);
    // A one-shot exec (no shell) runs nothing after it in the container.
    const once = splitPaste(
      '$ kubectl exec web -- cat /etc/resolv.conf\nnameserver 10.96.0.10\n$ sysctl net.ipv4.ip_forward\nnet.ipv4.ip_forward = 1',
      'b.txt',
    );
    expect(once.map((p) => p.within ?? null)).toEqual([null, null]);
  });

  it('ends the container shell when the prompt that typed the exec comes back (no exit echoed)', () => {
    const parts = splitPaste(
      [
        '[root@k8s-node-1 ~]# docker exec -it busybox /bin/sh',
        '/ # cat /etc/resolv.conf',
        'nameserver 169.169.0.10',
        '/ # ',
        '[root@k8s-node-1 ~]# sysctl net.ipv4.ip_forward',
        'net.ipv4.ip_forward = 0',
      ].join('\n'),
      'a.txt',
    );
    expect(parts.map((p) => [p.command, p.within ?? null])).toEqual([
      ['cat /etc/resolv.conf', 'docker exec -it busybox /bin/sh'],
      ['sysctl net.ipv4.ip_forward', null],
    ]);
    // Another host's prompt may be the container's own (`root@web-0:/#`): the shell goes on.
    const other = splitPaste(
      [
        'root@node1:~# kubectl exec -it web-0 -- bash',
        'root@web-0:/# sysctl net.ipv4.ip_forward',
        'net.ipv4.ip_forward = 0',
      ].join('\n'),
      'b.txt',
    );
    expect(other.map((p) => p.within ?? null)).toEqual(['kubectl exec -it web-0 -- bash']);
    // Bare `$` prompts everywhere say nothing of where a command ran: only `exit` ends it.
    const bare = splitPaste(
      '$ kubectl exec -it web -- sh\n$ sysctl net.ipv4.ip_forward\nnet.ipv4.ip_forward = 0',
      'c.txt',
    );
    expect(bare.map((p) => p.within ?? null)).toEqual(['kubectl exec -it web -- sh']);
  });

  it('joins a command continued with backslashes; `docker run -ti IMAGE sh` opens a shell (zhangguanzhang, 2022)', () => {
    const parts = splitPaste(
      [
        '$ docker run --rm -ti --privileged -v /run/xtables.lock:/run/xtables.lock \\',
        '    -v /lib/modules:/lib/modules \\',
        '    registry.aliyuncs.com/k8sxio/kube-proxy:v1.21.11 sh',
        '# iptables -V',
        'iptables v1.8.5 (legacy)',
        '# iptables -t nat -S',
        '-P PREROUTING ACCEPT',
        '# exit',
        '$ iptables -V',
        'iptables v1.8.4 (nf_tables)',
      ].join('\n'),
      'a.txt',
    );
    const run =
      'docker run --rm -ti --privileged -v /run/xtables.lock:/run/xtables.lock -v /lib/modules:/lib/modules registry.aliyuncs.com/k8sxio/kube-proxy:v1.21.11 sh';
    expect(parts.map((p) => [p.command, p.within ?? null])).toEqual([
      ['iptables -V', run],
      ['iptables -t nat -S', run],
      ['iptables -V', null],
    ]);
    expect(ownNetns(run)).toBe(true);
    // On the host network, or a shell opened with exec (a pod may be on the host network): not judged.
    expect(ownNetns('docker run --rm -ti --net=host IMAGE sh')).toBe(false);
    expect(ownNetns('podman run -it --network host IMAGE bash')).toBe(false);
    expect(ownNetns('kubectl -n kube-system exec -it kube-proxy-x -- sh')).toBe(false);
    expect(ownNetns(null)).toBe(false);
    // An escaped backslash ends the line: the next one is output.
    const literal = splitPaste('$ echo a\\\\\na\\', 'b.txt');
    expect(literal[0]!.command).toBe('echo a\\\\');
  });
});
