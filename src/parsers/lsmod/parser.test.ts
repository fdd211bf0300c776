import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { factsOf } from '../../testing/facts';
import { parsePaste } from '../registry';

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
