import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { factsOf } from '../../testing/facts';
import { readTestData } from '../../testing/test-data';
import { parsePaste } from '../registry';

const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');
const one = (text: string) => {
  const rs = parsePaste(text, 'x');
  expect(rs).toHaveLength(1);
  return rs[0]!;
};

describe('resolv-conf', () => {
  it('fixture 35: a GitHub quote, ndots:5, a custom cluster domain', () => {
    const text = local('resolv-conf--k8s25861-quoted.txt');
    expect(text).toBe(
      readTestData('fixtures/35-k8s25861-ndots-custom-cluster-domain-wrong-answer/resolv.conf'),
    );
    const s = one(text);
    const f = factsOf(s, 'resolv-conf');
    expect(s.status).toBe('parsed');
    expect(f.search).toMatchObject({
      value: ['default.svc.xxx.com', 'svc.xxx.com', 'xxx.com'],
      line: 1,
    });
    expect(f.nameservers.map((n) => n.value)).toEqual(['172.16.40.1', '10.16.72.188']);
    expect(f.ndots).toBe(5);
    expect(f.options.ndots).toMatchObject({ value: '5', line: 4 });
  });

  it('fixture 36: a GKE pod behind its prompt', () => {
    const s = one(local('resolv-conf--k8s33554-gke-pod.txt'));
    const f = factsOf(s, 'resolv-conf');
    expect(s.command).toBe('cat /etc/resolv.conf');
    expect(f.search?.value).toContain('google.internal');
    expect(f.nameservers).toEqual([expect.objectContaining({ value: '10.0.0.10', line: 3 })]);
  });

  it('seed 004: the stray search domain commented out', () => {
    const f = factsOf(one(local('resolv-conf--seed004-search-commented.txt')), 'resolv-conf');
    expect(f.search).toBeNull();
    expect(f.ndots).toBe(1);
    expect(f.commented).toEqual([
      expect.objectContaining({ value: 'search guoyutec.com', line: 4 }),
    ]);
    expect(f.nameservers[0]).toMatchObject({ value: '8.8.8.8', line: 5 });
  });

  it('options without values', () => {
    const f = factsOf(
      one(
        'nameserver 10.96.0.10\nsearch a.svc.cluster.local\noptions ndots:2 single-request-reopen',
      ),
      'resolv-conf',
    );
    expect(f.options['single-request-reopen']?.value).toBe('');
    expect(f.ndots).toBe(2);
  });
});

describe('resolv-conf: comments at the end of a line', () => {
  it('an inline `# comment` is no search domain, an inline `;` no nameserver', () => {
    const s = one(readTestData('peer/jc/generic/resolve.conf-1'));
    const f = factsOf(s, 'resolv-conf');
    expect(s.status).toBe('parsed');
    expect(f.search?.value).toEqual(['hello.com', 'world.com']);
    expect(f.nameservers.map((n) => n.value)).toEqual([
      '75.75.75.75',
      '75.75.76.76',
      '2001:558:feed::1',
      '2001:558:feed::2',
    ]);
  });

  it('`domain` sets the search list', () => {
    const f = factsOf(one(readTestData('peer/jc/generic/resolve.conf-3')), 'resolv-conf');
    expect(f.search?.value).toEqual(['doc.com']);
  });
});
