import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePaste } from '../parsers/registry';

const script = fileURLToPath(new URL('./collect.sh', import.meta.url));
const text = readFileSync(script, 'utf8');
const run = (...args: string[]) =>
  spawnSync('sh', [script, ...args], { encoding: 'utf8', timeout: 120_000 });

describe('collect.sh', () => {
  it('passes shellcheck as POSIX sh', () => {
    const r = spawnSync('shellcheck', ['-s', 'sh', script], { encoding: 'utf8' });
    if (r.error) throw new Error('shellcheck is not installed: apt-get install -y shellcheck');
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('contains no command that changes the node', () => {
    const code = text
      .split('\n')
      .filter((l) => !/^\s*#/.test(l))
      .join('\n');
    const forbidden = [
      /sysctl\s+-[a-z]*[wp]/, // sysctl -w / -p
      /\b(?:modprobe|insmod|rmmod)\b/,
      /iptables(?:-legacy|-nft)?\s+(?:-t\s+\w+\s+)?-[AIDRPFNXZE]\b/,
      /\b(?:iptables|ip6tables)-restore\b/,
      /\bip\s+(?:link|addr|address|route|rule|neigh)\s+(?:add|del|delete|set|change|replace|flush)\b/,
      /\bethtool\s+-[KsGALCN]\b/,
      /\bconntrack\s+-[DFIU]\b/,
      /\bconntrack\s+-L\b/, // loads nf_conntrack_netlink: read /proc instead
      /\bipvsadm\s+-[ACEDaedZR]\b/,
      /\bnft\s+(?:-f\b|(?:add|create|insert|replace|delete|destroy|flush|reset|rename)\b)/,
      /\bsystemctl\s+(?:start|stop|restart|reload|enable|disable|mask)\b/,
      /\bkubectl\s+(?:delete|apply|patch|edit|scale|replace|create|label|annotate)\b/,
      /\bfirewall-cmd\s+--(?:add|remove|reload|permanent|set)/,
      />\s*\/(?:proc|sys|etc)\//,
      /\btee\b/,
      /\brm\s+(?!-f "\$tmp")/,
    ];
    for (const re of forbidden) expect(code, String(re)).not.toMatch(re);
    // ipvsadm would load ip_vs when it is absent: only ever behind the /proc/net/ip_vs check.
    expect(code).toMatch(/if \[ -e \/proc\/net\/ip_vs \]; then\s+section 'ipvsadm -Ln'/);
  });

  it('refuses bad options with exit status 2', () => {
    expect(run('-s', 'bogus').status).toBe(2);
    expect(run('-p', '31710;reboot').status).toBe(2);
    expect(run('-t', '$(reboot)').status).toBe(2);
  });

  it.each([['all'], ['nodeport'], ['clusterip'], ['pod-external'], ['ingress']])(
    'runs here for -s %s, and every section is read or reported as not collected',
    (symptom) => {
      const r = run('-s', symptom, '-p', '31710', '-t', '127.0.0.1');
      expect(r.status).toBe(0);
      const sections = parsePaste(r.stdout, 'collect.txt');
      expect(sections.length).toBeGreaterThan(5);
      for (const s of sections) {
        // Recognised as its kind (even with nothing in it, like an empty listener list) ...
        if (s.status !== 'rejected' || s.kind !== null) continue;
        // ... or a note of the collector's own, or a command that printed nothing.
        expect(
          ['parse.collectorNote', 'parse.empty'],
          `${s.command}: ${JSON.stringify(s.problems[0])}`,
        ).toContain(s.problems[0]!.msg.key);
      }
    },
  );

  it('redacts addresses consistently with -r', () => {
    const plain = run('-s', 'all').stdout;
    const red = run('-s', 'all', '-r').stdout;
    const ips = [...plain.matchAll(/\b(?:\d{1,3}\.){3}\d{1,3}\b/g)]
      .map((m) => m[0])
      .filter((ip) => !/^(?:0\.0\.0\.0|255\.255\.255\.255)$/.test(ip));
    for (const ip of new Set(ips)) expect(red).not.toContain(` ${ip} `);
    expect(red).toMatch(/10\.255\.\d+\.\d+/);
  });
});
