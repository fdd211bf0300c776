import { diagnose, type Diagnosis } from '../diagnosis/diagnose';
import type { SymptomId } from '../catalog/causes';
import { parsePaste } from '../parsers/registry';
import type { Lang } from '../i18n/resources';

/** Diagnoses named pastes (`{ 'sysctl.txt': '...' }`) the way the CLI does. */
export function diagnoseTexts(
  pastes: Record<string, string>,
  vars: Record<string, string> = {},
  symptom: SymptomId | null = null,
  lang: Lang = 'en',
): Diagnosis {
  const sections = Object.entries(pastes).flatMap(([name, text]) => parsePaste(text, name));
  return diagnose(symptom, sections, vars, lang);
}

/** What a diagnosis says about one cause: found (with confidence), ruled out, n/a, or nothing. */
export function verdictOf(d: Diagnosis, cause: string): string {
  const f = d.findings.find((x) => x.cause === cause);
  if (f) return `found:${f.confidence}`;
  if (d.ruledOut.some((x) => x.cause === cause)) return 'ruled-out';
  if (d.notApplicable.some((x) => x.cause === cause)) return 'not-applicable';
  return 'no-evidence';
}
