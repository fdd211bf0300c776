import { merge, type Dict, type Lang } from './dict';
import type { Leaves } from './shape';
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
import walkEn from './walk.en';
import walkZh from './walk.zh-CN';
import walkCiteEn from './walk-cite.en';
import walkCiteZh from './walk-cite.zh-CN';
import compareEn from './compare.en';
import compareZh from './compare.zh-CN';
import compareCiteEn from './compare-cite.en';
import compareCiteZh from './compare-cite.zh-CN';

export { LANGS, type Lang, isLang, langFromNavigator } from './dict';

/**
 * One file per namespace and language (`cause` in three, by concern); `merge` refuses a key that
 * two files both define.
 */
export const RESOURCES: Record<Lang, Dict> = {
  en: merge(
    uiEn,
    treeEn,
    causeNodeEn,
    causeProxyEn,
    causeIngressEn,
    parseEn,
    shareEn,
    walkEn,
    walkCiteEn,
    compareEn,
    compareCiteEn,
  ),
  'zh-CN': merge(
    uiZh,
    treeZh,
    causeNodeZh,
    causeProxyZh,
    causeIngressZh,
    parseZh,
    shareZh,
    walkZh,
    walkCiteZh,
    compareZh,
    compareCiteZh,
  ),
};

/** Every key of the dictionaries, as English defines them. */
export type MessageKey =
  | Leaves<typeof uiEn>
  | Leaves<typeof treeEn>
  | Leaves<typeof causeNodeEn>
  | Leaves<typeof causeProxyEn>
  | Leaves<typeof causeIngressEn>
  | Leaves<typeof parseEn>
  | Leaves<typeof shareEn>
  | Leaves<typeof walkEn>
  | Leaves<typeof walkCiteEn>
  | Leaves<typeof compareEn>
  | Leaves<typeof compareCiteEn>;
