import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { factsOf } from '../../testing/facts';
import { readTestData } from '../../testing/test-data';
import { parsePaste } from '../registry';
import { listsModule } from './facts';

const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');
const one = (text: string) => {
  const rs = parsePaste(text, 'x');
  expect(rs).toHaveLength(1);
  return rs[0]!;
};

describe('lsmod', () => {
  it('whole lsmod on CentOS 7.7: br_netfilter, no ip_vs', () => {
    const s = one(local('lsmod--centos77-jc.txt'));
    const f = factsOf(s, 'lsmod');
    expect(s.status).toBe('parsed');
    expect(f.filtered).toBe(false);
    expect(Object.keys(f.modules)).toHaveLength(98);
    expect(f.modules.br_netfilter).toMatchObject({ size: 22256, usedBy: 0, users: [], line: 5 });
    expect(f.modules.nf_conntrack?.users).toContain('nf_conntrack_ipv4');
    expect(f.modules.ip_vs).toBeUndefined();
  });

  it('`lsmod | grep ip_vs`: a filtered list, the pattern kept', () => {
    const s = one(local('lsmod--grep-ip_vs-centos7.txt'));
    const f = factsOf(s, 'lsmod');
    expect(f).toMatchObject({ filtered: true, filter: 'ip_vs' });
    expect(f.modules.ip_vs).toMatchObject({
      usedBy: 6,
      users: ['ip_vs_rr', 'ip_vs_sh', 'ip_vs_wrr'],
    });
    expect(Object.keys(f.modules)).toEqual([
      'ip_vs_sh',
      'ip_vs_wrr',
      'ip_vs_rr',
      'ip_vs',
      'nf_conntrack',
      'libcrc32c',
    ]);
  });
});

describe('lsmod: a grep with several patterns', () => {
  it('knows every pattern, so a module missing from any of them is known to be missing', () => {
    const paste =
      '$ lsmod | grep -e ip_vs -e nf_conntrack -e br_netfilter\n' +
      'ip_vs_rr               12600  4\n' +
      'ip_vs                 141092  10 ip_vs_rr\n' +
      'nf_conntrack          133387  7 ip_vs,nf_nat\n';
    const [s] = parsePaste(paste, 'x');
    const facts = factsOf(s, 'lsmod');
    expect(facts.filters).toEqual(['ip_vs', 'nf_conntrack', 'br_netfilter']);
    expect(listsModule(facts, 'br_netfilter')).toBe(true);
    expect(listsModule(facts, 'ip_vs_sh')).toBe(true);
    expect(listsModule(facts, 'bridge')).toBe(false);
  });
});

describe('lsmod: /proc/modules, the file lsmod reads', () => {
  it('rows with their state and address, users ending in a comma or `-` (case 347)', () => {
    const s = one(
      readTestData(
        'cases/347-cumulus-kb-zh-rsyslog-iso-precise-table-full-proc-modules/proc-modules.txt',
      ),
    );
    expect(s.status).toBe('parsed');
    const f = factsOf(s, 'lsmod');
    expect(Object.keys(f.modules)).toEqual(['nf_conntrack_ipv4', 'nf_defrag_ipv4', 'nf_conntrack']);
    expect(f.modules.nf_conntrack_ipv4).toMatchObject({ size: 20480, usedBy: 1, users: [] });
    expect(f.modules.nf_conntrack!.users).toEqual(['nf_conntrack_ipv4', 'nf_nat_ipv4', 'nf_nat']);
    // `grep conn` shows only what matches it: it would list nf_conntrack_netlink, not br_netfilter.
    expect(f.filter).toBe('conn');
    expect(listsModule(f, 'nf_conntrack_netlink')).toBe(true);
    expect(listsModule(f, 'br_netfilter')).toBe(false);
  });

  it('taint flags and other states; a line of another shape is a problem, not a module', () => {
    const s = one(
      '$ cat /proc/modules\nip_vs 172032 6 ip_vs_rr, Live 0xffffffffc0a3e000\nnvidia 35307520 52 nvidia_modeset, Live 0xffffffffc1000000 (POE)\nbr_netfilter 28672 0 - Loading 0xffffffffc0a10000\nip_vs is here\n',
    );
    const f = factsOf(s, 'lsmod');
    expect(Object.keys(f.modules)).toEqual(['ip_vs', 'nvidia', 'br_netfilter']);
    expect(s.problems.map((p) => p.line)).toEqual([5]);
  });
});
