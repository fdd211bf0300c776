import { describe, expect, it } from 'vitest';
import { CAUSE_IDS, SYMPTOMS } from '../catalog/causes';
import { RULES } from '../rules';
import { TREES, TREE_IDS, nodeKey } from '../tree';
import { KINDS } from '../catalog/kinds';
import { LANGS, RESOURCES, langFromNavigator } from './resources';
import { translate } from './translate';
import { merge } from './dict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import uiEn from './ui.en';
import uiZh from './ui.zh-CN';
import treeEn from './tree.en';
import treeZh from './tree.zh-CN';
import causeNodeEn from './cause-node.en';
import causeNodeZh from './cause-node.zh-CN';
import causeProxyEn from './cause-proxy.en';
import causeProxyZh from './cause-proxy.zh-CN';
import causeIngressEn from './cause-ingress.en';
import causeIngressZh from './cause-ingress.zh-CN';
import parseEn from './parse.en';
import parseZh from './parse.zh-CN';
import shareEn from './share.en';
import shareZh from './share.zh-CN';

const NAMESPACES = {
  ui: [uiEn, uiZh],
  tree: [treeEn, treeZh],
  'cause-node': [causeNodeEn, causeNodeZh],
  'cause-proxy': [causeProxyEn, causeProxyZh],
  'cause-ingress': [causeIngressEn, causeIngressZh],
  parse: [parseEn, parseZh],
  share: [shareEn, shareZh],
} as const;
const RULES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'rules');

type Dict = { [k: string]: string | Dict };
const keysOf = (d: Dict, prefix = ''): string[] =>
  Object.entries(d).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keysOf(v, `${prefix}${k}.`),
  );
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  it('has the same keys, non-empty, with the same placeholders in both languages', () => {
    const en = keysOf(RESOURCES.en);
    expect(keysOf(RESOURCES['zh-CN']).sort()).toEqual([...en].sort());
    for (const k of en) {
      const [a, b] = [translate('en', k), translate('zh-CN', k)];
      expect(a.trim(), k).not.toBe('');
      expect(b.trim(), k).not.toBe('');
      expect(placeholders(b), k).toEqual(placeholders(a));
    }
  });

  it('Chinese texts are Chinese (no English sentence left behind)', () => {
    for (const k of keysOf(RESOURCES['zh-CN']).filter((k) => !k.startsWith('kind.'))) {
      const zh = translate('zh-CN', k);
      const en = translate('en', k);
      if (/[a-z]{3,}\s+[a-z]{3,}\s+[a-z]{3,}/i.test(en) && !/`/.test(en))
        expect(zh, k).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it.each(LANGS)('names every symptom, cause, kind and tree step in %s', (lang) => {
    const has = (k: string) => expect(translate(lang, k), k).not.toBe(k);
    for (const s of SYMPTOMS) has(`symptom.${s}.title`);
    for (const s of TREE_IDS) {
      has(`tree.${s}.name`);
      for (const [id, node] of Object.entries(TREES[s].nodes)) {
        has(`${nodeKey(s, id)}.title`);
        if (node.type !== 'outcome') has(`${nodeKey(s, id)}.help`);
        if (node.type === 'question' && node.input.kind === 'choice')
          for (const o of Object.keys(node.input.options)) has(`${nodeKey(s, id)}.options.${o}`);
        if (node.type === 'evidence') has(`where.${node.where}`);
      }
    }
    for (const c of CAUSE_IDS) has(`cause.${c}.title`);
    for (const c of Object.keys(RULES)) {
      has(`cause.${c}.why`);
      has(`cause.${c}.risk`);
    }
    for (const k of KINDS) has(`kind.${k}`);
  });

  it('follows the browser: Chinese for any zh-*, English otherwise', () => {
    expect(langFromNavigator(['zh-TW'])).toBe('zh-CN');
    expect(langFromNavigator(['en-US', 'zh-CN'])).toBe('zh-CN');
    expect(langFromNavigator(['de-DE'])).toBe('en');
    expect(langFromNavigator([])).toBe('en');
  });

  it.each(Object.entries(NAMESPACES))(
    'the %s files of both languages have the same keys (tsc checks it too)',
    (_, [en, zh]) => {
      expect(keysOf(zh as Dict).sort()).toEqual(keysOf(en as Dict).sort());
    },
  );

  it('refuses a key that two files define, instead of letting the later win', () => {
    expect(() => merge({ a: { b: 'one' } }, { a: { b: 'two' } })).toThrow(/a\.b is defined twice/);
    expect(() => merge({ a: 'x' }, { a: { b: 'y' } })).toThrow(/defined twice/);
    expect(merge({ a: { b: 'one' } }, { a: { c: 'two' } })).toEqual({ a: { b: 'one', c: 'two' } });
  });

  it('has one block per catalog cause, each in one file, in the catalog order', () => {
    const files = [causeNodeEn, causeProxyEn, causeIngressEn].map((f) => Object.keys(f.cause));
    expect(files.flat().sort()).toEqual([...CAUSE_IDS].sort());
    for (const ids of files) expect(ids).toEqual(CAUSE_IDS.filter((c) => ids.includes(c)));
  });

  // A verdict or fix comment that only a rare branch says would otherwise show its raw key.
  it.each(readdirSync(RULES_DIR).filter((d) => CAUSE_IDS.includes(d as never)))(
    'every word the %s rule says, and each of its fix comments, is in both languages',
    (cause) => {
      const src = readFileSync(join(RULES_DIR, cause, 'rule.ts'), 'utf8');
      const k = /const K = '([^']+)'/.exec(src)?.[1];
      expect(k).toBe(`cause.${cause}.verdict`);
      const words = [...src.matchAll(/\$\{K\}\.(\w+)/g)].map((m) => `${k}.${m[1]}`);
      const comments = [...src.matchAll(/@\{([\w.-]+)\}/g)].map(
        (m) => `cause.${cause}.fix.${m[1]}`,
      );
      for (const key of [...words, ...comments])
        for (const lang of LANGS) expect(translate(lang, key), `${lang} ${key}`).not.toBe(key);
    },
  );

  it('fills parameters and returns the key for a missing entry', () => {
    expect(translate('en', 'diagnosis.line', { n: 7 })).toBe('line 7');
    expect(translate('zh-CN', 'diagnosis.line', { n: 7 })).toBe('第 7 行');
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
  });
});
