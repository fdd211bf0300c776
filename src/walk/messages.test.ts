import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { translate, tMsg } from '../i18n/translate';
import en from '../i18n/walk.en';
import { parsePacket, walk } from './index';
import { inputsFrom } from './iptables/fixtures/load';

/**
 * Every note and unknown reason the walk can give is a message key of both dictionaries, and a
 * real walk reads in Chinese without a raw key left in it.
 */

const WALK = fileURLToPath(new URL('.', import.meta.url));
const KEY = /['`](walk\.(?:note|unknown)\.[\w.]+)['`]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The keys the walk's code writes, each with the files it is in. */
function keysInCode(): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const file of sourceFiles(WALK))
    for (const m of readFileSync(file, 'utf8').matchAll(KEY))
      keys.set(m[1]!, [...(keys.get(m[1]!) ?? []), file]);
  return keys;
}

/** Dotted keys of a dictionary subtree. */
function leaves(tree: object, prefix: string): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}.${k}`] : leaves(v as object, `${prefix}.${k}`),
  );
}

describe('walk messages', () => {
  const used = keysInCode();

  it('finds the keys in the code (the scan itself works)', () => {
    expect(used.has('walk.note.noRules')).toBe(true);
    expect(used.has('walk.unknown.missingChain')).toBe(true);
    expect(used.has('walk.unknown.module.physdev')).toBe(true);
    expect(used.size).toBeGreaterThan(80);
  });

  it('every key the code can emit is in both dictionaries', () => {
    const missing = [...used.keys()].flatMap((key) =>
      (['en', 'zh-CN'] as const)
        .filter((lang) => translate(lang, key) === key)
        .map((lang) => `${lang}: ${key} (${used.get(key)!.join(', ')})`),
    );
    expect(missing).toEqual([]);
  });

  it('every note and unknown text of the dictionary is one the code uses', () => {
    const defined = [
      ...leaves(en.walk.note, 'walk.note'),
      ...leaves(en.walk.unknown, 'walk.unknown'),
    ];
    expect(defined.filter((k) => !used.has(k))).toEqual([]);
  });

  it('renders a real walk’s notes and unknown reason in Chinese, with no raw key', () => {
    // kube-proxy's `iptables -L -n -v` (qifangsu): `-o docker0` followed both ways → a note.
    const lists = inputsFrom('qifangsu-nat-L-nv.txt', 'qifangsu-filter-L-nv.txt');
    const packet = parsePacket('udp 10.244.1.7:40000 -> 10.96.0.10:53', { inIface: 'cni0' })!;
    const r = walk(lists, packet, { addresses: ['172.20.0.70'] });
    // A grep of a dump: the chain it jumps to was cut → unknown with its name.
    const grep = inputsFrom(
      'test-data/fixtures/13-charmed489-etp-local-no-local-endpoints/iptables-save.txt',
    );
    const g = walk(
      grep,
      parsePacket('tcp 192.0.2.10:40000 -> 10.0.0.5:31610', { inIface: 'eth0' })!,
      { addresses: ['10.0.0.5'] },
    );
    const notes = [...r.notes, ...g.notes];
    const unknown = g.branches.flatMap((b) => (b.unknown ? [b.unknown] : []));
    expect(notes.length).toBeGreaterThan(1);
    expect(unknown.length).toBeGreaterThan(0);
    for (const m of [...notes, ...unknown]) {
      const zh = tMsg('zh-CN', m);
      expect(zh).not.toMatch(/walk\.(note|unknown)\./);
      expect(zh).not.toMatch(/\{\{/);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(zh).not.toBe(tMsg('en', m));
    }
    // Technical tokens stay as written.
    expect(unknown.map((m) => tMsg('zh-CN', m)).join(' ')).toMatch(/KUBE-MARK-DROP/);
  });
});
