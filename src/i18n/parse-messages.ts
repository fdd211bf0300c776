import { merge, type Dict, type Lang } from './dict';
import parsersEn from './parsers.en';
import parsersZh from './parsers.zh-CN';
import parsersNodeEn from './parsers-node.en';
import parsersNodeZh from './parsers-node.zh-CN';
import parsersK8sEn from './parsers-k8s.en';
import parsersK8sZh from './parsers-k8s.zh-CN';

/**
 * What the parsers say (summaries, problems, near misses: `parse.*`), in both languages: all
 * `triage detect` prints, so it need not load the other dictionaries.
 */
export const PARSE_MESSAGES: Record<Lang, Dict> = {
  en: merge(parsersEn, parsersNodeEn, parsersK8sEn),
  'zh-CN': merge(parsersZh, parsersNodeZh, parsersK8sZh),
};
