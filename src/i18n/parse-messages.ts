import type { Dict, Lang } from './dict';
import parseEn from './parse.en';
import parseZh from './parse.zh-CN';

/**
 * What the parsers say (summaries, problems, near misses: `parse.*`), in both languages: all
 * `triage detect` prints, so it need not load the other dictionaries.
 */
export const PARSE_MESSAGES: Record<Lang, Dict> = { en: parseEn, 'zh-CN': parseZh };
