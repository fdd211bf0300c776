import uiEn from './ui.en';
import uiZh from './ui.zh-CN';
import causesEn from './causes.en';
import causesZh from './causes.zh-CN';
import rulesEn from './rules.en';
import rulesZh from './rules.zh-CN';
import rulesIpvsIngressEn from './rules-ipvs-ingress.en';
import rulesIpvsIngressZh from './rules-ipvs-ingress.zh-CN';
import rulesNodeEn from './rules-node.en';
import rulesNodeZh from './rules-node.zh-CN';
import parsersEn from './parsers.en';
import parsersZh from './parsers.zh-CN';
import parsersNodeEn from './parsers-node.en';
import parsersNodeZh from './parsers-node.zh-CN';
import parsersK8sEn from './parsers-k8s.en';
import parsersK8sZh from './parsers-k8s.zh-CN';
import fixesEn from './fixes.en';
import treesEn from './trees.en';
import treesZh from './trees.zh-CN';
import fixesZh from './fixes.zh-CN';
import shareEn from './share.en';
import shareZh from './share.zh-CN';

export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

type Dict = { [key: string]: string | Dict };

/** Deep merge of the per-concern dictionaries (each owns distinct subtrees, `parse` is shared). */
function merge(...dicts: Dict[]): Dict {
  const out: Dict = {};
  for (const d of dicts) {
    for (const [k, v] of Object.entries(d)) {
      const prev = out[k];
      out[k] = typeof v === 'object' && typeof prev === 'object' ? merge(prev, v) : v;
    }
  }
  return out;
}

export const RESOURCES: Record<Lang, Dict> = {
  en: merge(
    uiEn,
    treesEn,
    causesEn,
    rulesEn,
    rulesIpvsIngressEn,
    rulesNodeEn,
    parsersEn,
    parsersNodeEn,
    parsersK8sEn,
    fixesEn,
    shareEn,
  ),
  'zh-CN': merge(
    uiZh,
    treesZh,
    causesZh,
    rulesZh,
    rulesIpvsIngressZh,
    rulesNodeZh,
    parsersZh,
    parsersNodeZh,
    parsersK8sZh,
    fixesZh,
    shareZh,
  ),
};

/** Chinese for any zh-* browser language, English otherwise. */
export function langFromNavigator(languages: readonly string[]): Lang {
  return languages.some((l) => /^zh\b/i.test(l)) ? 'zh-CN' : 'en';
}

export function isLang(v: unknown): v is Lang {
  return v === 'en' || v === 'zh-CN';
}
