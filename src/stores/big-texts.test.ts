import { describe, expect, it } from 'vitest';
import { APART_FROM, BigTexts, type Store } from './big-texts';

/** An object store in memory that counts what is written. */
function memoryStore() {
  const data = new Map<string, unknown>();
  let puts = 0;
  const store: Store = {
    put: async (k, v) => {
      puts++;
      data.set(k, v);
    },
    get: async (k) => data.get(k),
    delete: async (k) => data.delete(k),
    keys: async (from, to) => [...data.keys()].filter((k) => k >= from && k <= to).sort(),
  };
  return { store, data, puts: () => puts };
}

// A conntrack table of 2.5 MB: several pieces.
const big = 'ipv4 2 tcp 6 431999 ESTABLISHED src=10.244.1.7 dst=10.96.0.1\n'.repeat(40_000);
const work = (text: string) => ({
  state: {
    byTree: { 'nodeport-one-node': { answers: { port: '31710' }, pastes: { conntrack: text } } },
    drafts: { small: 'net.ipv4.tcp_tw_recycle = 1' },
  },
  version: 1,
});

describe('big pastes kept apart from the work', () => {
  it('stand in the work by a reference, and come back whole', async () => {
    const m = memoryStore();
    const apart = new BigTexts(m.store, 'w:text');
    expect(big.length).toBeGreaterThan(APART_FROM);
    const { value } = await apart.out(work(big));
    expect(JSON.stringify(value).length).toBeLessThan(500);
    expect(JSON.stringify(value)).toContain('net.ipv4.tcp_tw_recycle = 1');
    // Read back by another page (nothing kept in memory).
    expect(await new BigTexts(m.store, 'w:text').in(value)).toEqual(work(big));
  });

  it('are written once, whatever else of the work changes', async () => {
    const m = memoryStore();
    const apart = new BigTexts(m.store, 'w:text');
    await apart.out(work(big));
    const once = m.puts();
    expect(once).toBeGreaterThan(1);
    const next = work(big);
    next.state.drafts.small = 'changed';
    await apart.out(next);
    expect(m.puts()).toBe(once);
  });

  it('go when the work no longer holds them, and only then', async () => {
    const m = memoryStore();
    const apart = new BigTexts(m.store, 'w:text');
    const first = await apart.out(work(big));
    await apart.prune(first.used);
    const kept = m.data.size;
    expect(kept).toBeGreaterThan(0);
    const other = await apart.out(work(`${big}x`));
    await apart.prune(other.used);
    // The first text's pieces are gone; the second's are all there.
    expect(m.data.size).toBe(kept);
    expect(await new BigTexts(m.store, 'w:text').in(other.value)).toEqual(work(`${big}x`));
    await apart.prune(new Set());
    expect(m.data.size).toBe(0);
  });

  it('a reference whose pieces are gone reads back as an empty paste, not a crash', async () => {
    const m = memoryStore();
    const { value } = await new BigTexts(m.store, 'w:text').out(work(big));
    m.data.clear();
    const back = (await new BigTexts(m.store, 'w:text').in(value)) as ReturnType<typeof work>;
    expect(back.state.byTree['nodeport-one-node'].pastes.conntrack).toBe('');
  });
});
