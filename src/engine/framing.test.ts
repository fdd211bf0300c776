import { describe, expect, it } from 'vitest';
import { toLines } from './lines';
import { unframe } from './framing';

const texts = (raw: string) => unframe(toLines(raw)).map((l) => l.text);
const numbers = (raw: string) => unframe(toLines(raw)).map((l) => l.n);

const IPVS = `IP Virtual Server version 1.2.1 (size=4096)
Prot LocalAddress:Port Scheduler Flags
  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
TCP  10.96.0.1:443 rr
  -> 192.168.0.10:6443            Masq    1      3          0`;

describe('unframe', () => {
  it('dedents a Markdown code block by the common indentation only', () => {
    const indented = IPVS.split('\n')
      .map((l) => `    ${l}`)
      .join('\n');
    expect(texts(indented)).toEqual(IPVS.split('\n'));
    expect(texts(`\t${IPVS.replace(/\n/g, '\n\t')}`)).toEqual(IPVS.split('\n'));
  });

  it('drops Markdown fences, with their info string or inside a quote, keeping line numbers', () => {
    const fenced = `\`\`\`console\n${IPVS}\n\`\`\``;
    expect(texts(fenced)).toEqual(IPVS.split('\n'));
    expect(numbers(fenced)).toEqual([2, 3, 4, 5, 6]);
    expect(texts(`> ~~~\n> ${IPVS.replace(/\n/g, '\n> ')}\n> ~~~`)).toEqual(IPVS.split('\n'));
    // Backquotes inside a line, or glued to output, are not a fence line.
    expect(texts('```x``` is code\n```')).toEqual(['```x``` is code']);
  });

  it('keeps a format its own indentation (netstat -s, ipvsadm real servers, uniq -c)', () => {
    const netstat = 'Ip:\n    3405107 total packets received\n    0 forwarded\nTcp:\n    2 resets';
    expect(texts(netstat)).toEqual(netstat.split('\n'));
    expect(texts(IPVS)).toEqual(IPVS.split('\n'));
    expect(texts('      2 SYN_SENT\n     92 FIN_WAIT\n 120770 CLOSE_WAIT')).toEqual([
      '     2 SYN_SENT',
      '    92 FIN_WAIT',
      '120770 CLOSE_WAIT',
    ]);
  });

  it('removes a host label that every line carries (pdsh, clush, provisioning logs)', () => {
    const framed = IPVS.split('\n')
      .map((l) => `k8s-node03: ${l}`)
      .join('\n');
    expect(texts(framed)).toEqual(IPVS.split('\n'));
  });

  it('removes grep -H file names and grep -n line numbers, with context separators', () => {
    const grep = [
      '/var/log/messages:Jun  1 13:01:13 n3 kernel: nf_conntrack: table full, dropping packet',
      '/var/log/messages:Jun  1 13:01:14 n3 kernel: nf_conntrack: table full, dropping packet',
      '/var/log/messages:Jun  1 13:01:15 n3 kernel: nf_conntrack: table full, dropping packet',
    ].join('\n');
    expect(texts(grep)[0]).toBe(
      'Jun  1 13:01:13 n3 kernel: nf_conntrack: table full, dropping packet',
    );
    const grepN = '120:E0601 a\n121-I0601 b\n--\n300:E0601 c\n301-I0601 d';
    expect(texts(grepN)).toEqual(['E0601 a', 'I0601 b', 'E0601 c', 'I0601 d']);
    expect(numbers(grepN)).toEqual([1, 2, 4, 5]); // the paste's own line numbers
    expect(
      texts('kube-proxy.log:12:E0601 a\nkube-proxy.log:13:E0601 b\nkube-proxy.log:40:W0601 c'),
    ).toEqual(['E0601 a', 'E0601 b', 'W0601 c']);
  });

  it.each([
    ['docker compose service labels', 'kube-proxy_1  | '],
    ['kubectl logs --prefix', '[pod/kube-proxy-x7k2p/kube-proxy] '],
  ])('removes %s', (_, p) => {
    expect(texts(`${p}I0601 a\n${p}I0601 b\n${p}E0601 c`)).toEqual([
      'I0601 a',
      'I0601 b',
      'E0601 c',
    ]);
  });

  it('removes a log viewer’s box-drawing gutter, then the indentation under it (siderolabs/pkgs#951)', () => {
    const gutter = [
      '│     /dev/stdin:892:87-100: Error: Could not process rule: No such file or directory',
      '│     add rule ip kube-proxy x fib saddr type local jump mark-for-masquerade',
      '│                                ^^^^^^^^^^^^^^ ',
      '│     /dev/stdin:893:87-100: Error: Could not process rule: No such file or directory  ',
    ].join('\n');
    expect(texts(gutter)).toEqual([
      '/dev/stdin:892:87-100: Error: Could not process rule: No such file or directory',
      'add rule ip kube-proxy x fib saddr type local jump mark-for-masquerade',
      '                           ^^^^^^^^^^^^^^ ',
      '/dev/stdin:893:87-100: Error: Could not process rule: No such file or directory  ',
    ]);
    // A tree drawn with the same character is output: only a gutter on nearly every line is framing.
    const tree = '.\n├── a\n│   └── b\n└── c';
    expect(texts(tree)).toEqual(tree.split('\n'));
  });

  it('keeps a kernel message’s own tag that every line of `dmesg -t` / `journalctl -o cat` starts with', () => {
    const same = (raw: string) => expect(texts(raw)).toEqual(raw.split('\n'));
    same(
      'nf_conntrack: table full, dropping packet\nnf_conntrack: table full, dropping packet\nnf_conntrack: table full, dropping packet',
    );
    same(
      'IPVS: rr: TCP 10.96.0.10:53 - no destination available\nIPVS: rr: UDP 10.96.0.10:53 - no destination available\nIPVS: rr: TCP 10.96.0.1:443 - no destination available',
    );
    same(
      'UDP: bad checksum. From 10.244.1.5:4789 to 10.244.2.9:4789 ulen 120\nUDP: bad checksum. From 10.244.1.5:4789 to 10.244.2.9:4789 ulen 120\nUDP: bad checksum. From 10.244.1.6:4789 to 10.244.2.9:4789 ulen 120',
    );
    // `neighbour:` reads like a host, but the tag under it is the message's: one layer at most
    expect(
      texts(
        'neighbour: arp_cache: neighbor table overflow!\nneighbour: arp_cache: neighbor table overflow!\nneighbour: arp_cache: neighbor table overflow!',
      ),
    ).toEqual(Array(3).fill('arp_cache: neighbor table overflow!'));
  });

  it('still removes host and file labels around tagged messages, capitals and digits included', () => {
    expect(
      texts(
        'node-1: IPVS: rr: TCP 10.96.0.10:53 - no destination available\nnode-1: IPVS: rr: UDP 10.96.0.10:53 - no destination available\nnode-1: IPVS: rr: TCP 10.96.0.1:443 - no destination available',
      ),
    ).toEqual([
      'IPVS: rr: TCP 10.96.0.10:53 - no destination available',
      'IPVS: rr: UDP 10.96.0.10:53 - no destination available',
      'IPVS: rr: TCP 10.96.0.1:443 - no destination available',
    ]);
    expect(texts('K8SNODE01: a = 1\nK8SNODE01: b = 2\nK8SNODE01: c = 3')).toEqual([
      'a = 1',
      'b = 2',
      'c = 3',
    ]);
    expect(
      texts(
        'kern.log:nf_conntrack: table full, dropping packet\nkern.log:nf_conntrack: table full, dropping packet\nkern.log:nf_conntrack: table full, dropping packet',
      ),
    ).toEqual(Array(3).fill('nf_conntrack: table full, dropping packet'));
  });

  it('keeps a klog header cut to its origin (`proxier.go:1907] ...`, kubernetes#92033)', () => {
    const cut =
      'proxier.go:1907] Adding new service "default/kubernetes:https" 10.96.0.1:443/TCP\nproxier.go:1909] Failed to add IPVS service "default/kubernetes:https": no such file or directory\nproxier.go:1195] Failed to sync service: 10.96.0.1:443/TCP, err: no such file or directory';
    expect(texts(cut)).toEqual(cut.split('\n'));
    // A grep -H over a Go file is still a file label: the matched text follows, not `N]`.
    expect(texts('main.go:func main() {\nmain.go:\tfmt.Println(1)\nmain.go:\tos.Exit(2)')).toEqual([
      'func main() {',
      '\tfmt.Println(1)',
      '\tos.Exit(2)',
    ]);
    // A node label before the cut header comes off; the origin under it stays.
    expect(texts(cut.replace(/^/gm, 'node1: '))).toEqual(cut.split('\n'));
  });

  it('reads output coloured red in a ```diff fence without its `- ` markers (real sample)', () => {
    // Chinese kubeadm notes (test-data case 1064): kube-proxy's log, every line marked `- `.
    const red = [
      '```diff',
      '- [vagrant@k8s-calico-01 ~]$ kubectl logs -f -l k8s-app=kube-proxy -n kube-system',
      "- E0424 10:55:50.225402       1 proxier.go:389] can't set sysctl net/ipv4/vs/conn_reuse_mode, kernel version must be at least 4.1",
      '- I0424 10:55:50.225784       1 server.go:650] Version: v1.20.0',
      '```',
    ].join('\n');
    expect(texts(red)).toEqual([
      '[vagrant@k8s-calico-01 ~]$ kubectl logs -f -l k8s-app=kube-proxy -n kube-system',
      "E0424 10:55:50.225402       1 proxier.go:389] can't set sysctl net/ipv4/vs/conn_reuse_mode, kernel version must be at least 4.1",
      'I0424 10:55:50.225784       1 server.go:650] Version: v1.20.0',
    ]);
    expect(numbers(red)).toEqual([2, 3, 4]);
    expect(texts('```diff\n+ net.ipv4.vs.conn_reuse_mode = 0\n+\n+ ok\n```')).toEqual([
      'net.ipv4.vs.conn_reuse_mode = 0',
      '',
      'ok',
    ]);
  });

  it('leaves a real patch, a before/after diff and unmarked fences as they are', () => {
    const patch = '```diff\n--- a/x.conf\n+++ b/x.conf\n@@ -1 +1 @@\n-a = 1\n+a = 0\n```';
    expect(texts(patch)).toEqual([
      '--- a/x.conf',
      '+++ b/x.conf',
      '@@ -1 +1 @@',
      '-a = 1',
      '+a = 0',
    ]);
    // Removed and added lines side by side (a before/after): neither side is the output alone.
    const both =
      '```diff\n- net.ipv4.vs.conn_reuse_mode = 1\n\n+ net.ipv4.vs.conn_reuse_mode = 0\n```';
    expect(texts(both)).toEqual([
      '- net.ipv4.vs.conn_reuse_mode = 1',
      '',
      '+ net.ipv4.vs.conn_reuse_mode = 0',
    ]);
    // A list in a plain fence keeps its dashes; so does a diff fence with an unmarked line.
    expect(texts('```\n- a\n- b\n```')).toEqual(['- a', '- b']);
    expect(texts('```diff\n- a\n  b\n```')).toEqual(['- a', '  b']);
    expect(texts('```diff\n```')).toEqual([]);
  });

  it('peels nested framing: a quote around a host label around grep -n', () => {
    expect(texts('> n1: 10:a=1\n> n1: 11:b=2\n> n1: 15:c=3')).toEqual(['a=1', 'b=2', 'c=3']);
  });

  it('removes the file names of `grep -r` across several files, never a /proc/sys key', () => {
    // cilium/cilium#18079: a sysdump of two nodes grepped.
    const sysdump = [
      'cilium-bugtool-cilium-5qhd2-20211201-133424/cmd/sysctl--a.md:net.ipv4.conf.default.rp_filter = 1',
      'cilium-bugtool-cilium-5qhd2-20211201-133424/cmd/sysctl--a.md:net.ipv4.conf.ens4.rp_filter = 1',
      'cilium-bugtool-cilium-qdf26-20211201-133424/cmd/sysctl--a.md:net.ipv4.conf.cni0.rp_filter = 1',
    ].join('\n');
    expect(texts(sysdump)).toEqual([
      'net.ipv4.conf.default.rp_filter = 1',
      'net.ipv4.conf.ens4.rp_filter = 1',
      'net.ipv4.conf.cni0.rp_filter = 1',
    ]);
    expect(
      texts('/etc/sysctl.d/k8s.conf:3:a = 1\n/etc/sysctl.conf:b = 0\n./x/y.conf:c = 2'),
    ).toEqual(['a = 1', 'b = 0', 'c = 2']);
    const proc = [
      '/proc/sys/net/ipv4/conf/all/rp_filter:0',
      '/proc/sys/net/ipv4/conf/eth0/rp_filter:1',
      '/proc/sys/net/ipv4/conf/eth1/rp_filter:1',
    ].join('\n');
    expect(texts(proc)).toEqual(proc.split('\n'));
  });

  it('unquotes runs of quoted lines between prose, and quotes nested in them', () => {
    // EmonCodingBackEnd's kubeadm notes (zh): output quoted twice under a quoted remark.
    const nested = [
      '```bash',
      '$ sysctl -p /etc/sysctl.d/kubernetes.conf',
      '```',
      '',
      '> 如果执行sysctl -p报错：',
      '>',
      '> > sysctl: cannot stat /proc/sys/net/bridge/bridge-nf-call-ip6tables: 没有那个文件或目录',
      '> >',
      '> > sysctl: cannot stat /proc/sys/net/bridge/bridge-nf-call-iptables: 没有那个文件或目录',
    ].join('\n');
    expect(texts(nested).slice(2)).toEqual([
      '如果执行sysctl -p报错：',
      '',
      'sysctl: cannot stat /proc/sys/net/bridge/bridge-nf-call-ip6tables: 没有那个文件或目录',
      '',
      'sysctl: cannot stat /proc/sys/net/bridge/bridge-nf-call-iptables: 没有那个文件或目录',
    ]);
    expect(numbers(nested).slice(-1)).toEqual([9]);
    // A reply quoting two log lines between its own sentences.
    expect(texts('We see:\n> E0601 a\n> E0601 b\nthen it stops.')).toEqual([
      'We see:',
      'E0601 a',
      'E0601 b',
      'then it stops.',
    ]);
  });

  it('keeps a `>` that belongs to the output: curl -v, a heredoc typed at `> `, a klog value', () => {
    const same = (raw: string) => expect(texts(raw)).toEqual(raw.split('\n'));
    same('*   Trying 10.0.0.1:80...\n> GET / HTTP/1.1\n> Host: web\n>\n< HTTP/1.1 502 Bad Gateway');
    same(
      '$ cat > /etc/sysctl.d/k8s.conf <<EOF\n> net.ipv4.ip_forward = 1\n> EOF\n$ sysctl --system',
    );
    same(
      'E0525 1 cleanup.go:89] "Failed" err=<\n\texit status 4\n > table="nat"\nI0525 2 x.go:1] ok',
    );
    // One quoted line amid text says too little: it stays.
    same('> quoted\nplain');
  });

  it('leaves outputs whose lines merely look alike', () => {
    const same = (raw: string) => expect(texts(raw)).toEqual(raw.split('\n'));
    // ip -o: interface indexes, not grep -n
    same(
      '1: lo    inet 127.0.0.1/8 scope host lo\n2: eth0    inet 10.0.0.5/24 brd 10.0.0.255\n3: cni0    inet 10.244.1.1/24',
    );
    // tcpdump and CRI logs in one hour: a timestamp, not a label
    same(
      '12:00:01.1 IP a.1 > b.2: Flags [S]\n12:00:01.2 IP b.2 > a.1: Flags [R.]\n12:00:02.3 IP a.1 > b.2: Flags [S]',
    );
    same(
      '2024-06-01T13:01:13.1Z stderr F I0601 a\n2024-06-01T13:01:14.2Z stderr F I0601 b\n2024-06-01T13:05:13.3Z stderr F E0601 c',
    );
    // YAML and describe: keys, each once
    same('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  clusterIP: 10.96.0.7');
    same('Name:         web\nNamespace:    default\nSelector:     app=web\nEndpoints:    <none>');
    // too few lines to tell framing from output
    same('node1: a\nnode1: b');
  });
});

describe('unframe: container runtime log records', () => {
  // digeler/proxylog README (AKS kube-proxy, /var/lib/docker/containers/*-json.log), two records
  const AKS = [
    String.raw`{"log":"W0602 07:02:20.659585       1 proxier.go:493] Failed to load kernel module ip_vs with modprobe. You can ignore this message when kube-proxy is running inside container without mounting /lib/modules\n","stream":"stderr","time":"2019-06-02T07:02:20.659656573Z"}`,
    String.raw`{"log":"W0602 07:02:20.674866       1 server_others.go:295] Flag proxy-mode=\"\" unknown, assuming iptables proxy\n","stream":"stderr","time":"2019-06-02T07:02:20.6749402Z"}`,
    String.raw`{"log":"I0602 07:02:20.766196       1 server_others.go:148] Using iptables Proxier.\n","stream":"stderr","time":"2019-06-02T07:02:20.766317364Z"}`,
  ].join('\n');

  it('reads Docker json-file records as the lines they carry (real sample)', () => {
    expect(texts(AKS)).toEqual([
      'W0602 07:02:20.659585       1 proxier.go:493] Failed to load kernel module ip_vs with modprobe. You can ignore this message when kube-proxy is running inside container without mounting /lib/modules',
      'W0602 07:02:20.674866       1 server_others.go:295] Flag proxy-mode="" unknown, assuming iptables proxy',
      'I0602 07:02:20.766196       1 server_others.go:148] Using iptables Proxier.',
    ]);
    expect(numbers(AKS)).toEqual([1, 2, 3]);
  });

  it('decodes JSON escapes (\\u0026, \\") and drops decoded colour codes', () => {
    // an RKE kube-apiserver record as a Chinese troubleshooting post quotes it
    const rke = String.raw`{"log":"E0808 06:10:53.740231       1 reflector.go:138] Get \"https://localhost:6443/apis/storage.k8s.io/v1/storageclasses?limit=500\u0026resourceVersion=0\": dial tcp [::1]:6443: connect: no route to host\n","stream":"stderr","time":"2021-08-08T06:10:53.740356721Z"}`;
    expect(texts(rke)).toEqual([
      'E0808 06:10:53.740231       1 reflector.go:138] Get "https://localhost:6443/apis/storage.k8s.io/v1/storageclasses?limit=500&resourceVersion=0": dial tcp [::1]:6443: connect: no route to host',
    ]);
    const coloured = String.raw`{"log":"\u001b[31mE0101 x\u001b[0m\n","stream":"stderr","time":"2024-01-01T00:00:00Z"}`;
    expect(texts(coloured)).toEqual(['E0101 x']);
  });

  it('unwraps records inside other framing, among lines that are not records', () => {
    const grepped = AKS.split('\n')
      .map((l) => `/var/log/containers/kube-proxy-kz56j_kube-system_kube-proxy-0a1b.log:${l}`)
      .join('\n');
    expect(texts(grepped)).toEqual(texts(AKS));
    expect(texts(AKS.replace(/^/gm, '> '))).toEqual(texts(AKS));
    const mixed = `# cat 10.log\n${AKS.split('\n')[2]}\nsome note`;
    expect(texts(mixed)).toEqual([
      '# cat 10.log',
      'I0602 07:02:20.766196       1 server_others.go:148] Using iptables Proxier.',
      'some note',
    ]);
    // a shipper's record: other keys, another order, a line of its own split on its newlines
    const fluent =
      '{"stream":"stdout","log":"a\\nb\\n","kubernetes":{"pod_name":"x"},"@timestamp":"t"}';
    expect(texts(fluent)).toEqual(['a', 'b']);
    expect(numbers(fluent)).toEqual([1, 1]);
  });

  it('reads a record cut short after its log string (a wrapped paste)', () => {
    const cut = String.raw`{"log":"E0101 00:00:00.1 1 proxier.go:1] boom\n","stream":"stderr","time":"2024-01`;
    expect(texts(cut)).toEqual(['E0101 00:00:00.1 1 proxier.go:1] boom']);
  });

  it('leaves hostile or look-alike JSON as it is', () => {
    const same = (raw: string) => expect(texts(raw)).toEqual([raw]);
    // a Kubernetes resource, even one that carries the same keys
    same('{"apiVersion":"v1","kind":"ConfigMap","data":{"log":"x"},"metadata":{"name":"c"}}');
    same('{"kind":"Event","log":"x","time":"2024-01-01T00:00:00Z","metadata":{}}');
    // a structured log line: no runtime framing around it
    same('{"level":"error","log":"x","msg":"y"}');
    same('{"time": "2024-01-01T00:00:00+00:00", "remote_addr": "10.0.0.1", "status": 502}');
    // not a string, broken escapes, unterminated
    same('{"log":42,"stream":"stderr","time":"t"}');
    same('{"log":"bad \\x escape","stream":"stderr","time":"t"}');
    same('{"log":"never closed');
    same('{"log":"x","stream":"stdin"}');
    // a log line that merely mentions the key
    same('E0101 msg="{\\"log\\":\\"x\\"}"');
  });
});
