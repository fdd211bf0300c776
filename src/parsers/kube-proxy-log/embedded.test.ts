import { describe, expect, it } from 'vitest';
import { only as onlyAs } from '../../testing/parser-checks';
import { parsePaste } from '../registry';

// k3s and RKE2 run kube-proxy in their own process: their logger (logrus) says when they start it
// and when it returns, in its terminal form (`ERRO[0003] ...`) or logfmt (`time=... level=...`).
const only = (text: string) => onlyAs(text, 'kube-proxy-log');

/** k3s-io/k3s#11267 (brandond, 2024-11-07): the line as the issue quotes it. */
const K3S_11267 =
  '> `ERRO[0003] kube-proxy exited: unable to create proxier: unable to create ipv4 proxier: could not find nftables binary: exec: "nft": executable file not found in $PATH`\n';

/** korvus81/k8s-net-labs#3 (2021-10-13): `journalctl -u k3s`, k3s starting kube-proxy, then its klog lines. */
const K3S_JOURNAL_START = [
  'Oct 13 01:12:45 node0 k3s[4517]: time="2021-10-13T01:12:45.751326372Z" level=info msg="Running kube-proxy --cluster-cidr=10.42.0.0/16 --healthz-bind-address=127.0.0.1 --hostname-override=node0 --kubeconfig=/var/lib/rancher/k3s/agent/kubeproxy.kubeconfig --proxy-mode=iptables"',
  'Oct 13 01:12:45 node0 k3s[4517]: W1013 01:12:45.751482    4517 server.go:213] WARNING: all flags other than --config, --write-config-to, and --cleanup are deprecated. Please begin using a config file ASAP.',
  'Oct 13 01:12:45 node0 k3s[4517]: W1013 01:12:45.753323    4517 proxier.go:598] Failed to read file /lib/modules/4.19.0-17-amd64/modules.builtin with error open /lib/modules/4.19.0-17-amd64/modules.builtin: no such file or directory. You can ignore this message when kube-proxy is running inside container without mounting /lib/modules',
  '',
].join('\n');

describe('kube-proxy-log: the k3s/RKE2 supervisor reporting on its embedded kube-proxy', () => {
  it('k3s#11267: `kube-proxy exited:` in logrus text form, quoted in inline code, is fatal', () => {
    const f = only(K3S_11267).facts;
    expect(f.entries).toHaveLength(1);
    expect(f.entries[0]).toMatchObject({ level: 'F', origin: '', line: 1 });
    expect(f.entries[0]!.message).toMatch(
      /^kube-proxy exited: unable to create proxier: .* could not find nftables binary/,
    );
  });

  it('the logfmt form (journald, a log file): the level and the unescaped message', () => {
    const line =
      'Nov 13 18:38:43 ip-172-31-1-1 k3s[7422]: time="2024-11-13T18:38:43Z" level=error msg="kube-proxy exited: unable to create proxier: unable to create ipv4 proxier: could not find nftables binary: exec: \\"nft\\": executable file not found in $PATH"\n';
    const [e] = only(line).facts.entries;
    expect(e).toMatchObject({ level: 'F' });
    expect(e!.message).toContain('exec: "nft": executable');
    const panic = only('FATA[0012] kube-proxy panic: runtime error: index out of range\n');
    expect(panic.facts.entries[0]).toMatchObject({ level: 'F' });
  });

  it('healthy: k3s starting kube-proxy, then its own warnings, is an info line of the same log', () => {
    const f = only(K3S_JOURNAL_START).facts;
    expect(f.entries.map((e) => e.level)).toEqual(['I', 'W', 'W']);
    expect(f.entries[0]!.message).toMatch(/^Running kube-proxy --cluster-cidr=/);
    expect(f.entries.some((e) => e.level === 'F' || e.level === 'E')).toBe(false);
  });

  it('a clean return (k3s shutting down) is not a failure', () => {
    for (const text of [
      'INFO[0100] kube-proxy exited: <nil>\n',
      'time="2024-01-01T00:00:00Z" level=error msg="kube-proxy exited: context canceled"\n',
    ]) {
      const [e] = only(text).facts.entries;
      expect(e!.level === 'F').toBe(false);
    }
  });

  it('hostile: the supervisor on other components, prose and broken lines are not claimed', () => {
    for (const text of [
      'time="2024-04-23T18:32:32+08:00" level=info msg="Running kube-apiserver --advertise-port=6443"\n',
      'ERRO[0010] Failed to connect to proxy error="dial tcp 10.0.0.59:6443: connect: no route to host"\n',
      'Then I saw kube-proxy exited: unable to create proxier in the journal\n',
      'ERRO[] kube-proxy exited: x\n',
      'time="2024" level=error msg="kube-proxy exited: unterminated\n',
      `ERRO[0003] kube-proxy exited: ${'x'.repeat(5000)}\n`,
      'INFO[0000] Running kube-proxy\n',
    ])
      expect(parsePaste(text, 'x')[0]?.kind).not.toBe('kube-proxy-log');
  });
});
