import { merge, type Dict, type Lang } from './dict';
import { PARSE_MESSAGES } from './parse-messages';
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
import fixesEn from './fixes.en';
import treesEn from './trees.en';
import treesZh from './trees.zh-CN';
import fixesZh from './fixes.zh-CN';
import shareEn from './share.en';
import shareZh from './share.zh-CN';

export { LANGS, type Lang } from './dict';

export const RESOURCES: Record<Lang, Dict> = {
  en: merge(
    uiEn,
    treesEn,
    causesEn,
    rulesEn,
    rulesIpvsIngressEn,
    rulesNodeEn,
    PARSE_MESSAGES.en,
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
    PARSE_MESSAGES['zh-CN'],
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
