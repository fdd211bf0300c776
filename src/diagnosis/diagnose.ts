import type { SymptomId } from '../catalog/causes';
import type { Lang } from '../i18n/resources';
import type { SectionResult } from '../parsers/registry';
import { judge } from './judge';
import { render, type Diagnosis } from './render';

export type { Diagnosis, Finding, RenderedFix } from './render';

/**
 * Judges the pastes and renders the verdicts in `lang`: the wizard, Paste everything, the
 * share link and the CLI all come here (or to `judge` and `render` apart), so the same pastes
 * give the same findings everywhere.
 */
export function diagnose(
  symptom: SymptomId | null,
  sections: SectionResult[],
  vars: Record<string, string> = {},
  lang: Lang = 'en',
): Diagnosis {
  return render(symptom, judge(sections, vars), vars, lang);
}
