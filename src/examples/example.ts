import type { CauseId, SymptomId } from '../catalog/causes';
import type { WizardState } from '../engine/replay';

export interface Example {
  symptom: SymptomId;
  /** What its diagnosis must find (checked by the tests). */
  finds: CauseId[];
  state: WizardState;
}
