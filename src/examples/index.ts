import type { SymptomId } from '../causes/catalog';
import type { WizardState } from '../engine/replay';
import { nodeportTwRecycle } from './nodeport-tw-recycle';

export interface Example {
  symptom: SymptomId;
  state: WizardState;
}

/** A real incident per symptom class, walked to its diagnosis by "Try an example". */
export const EXAMPLES: Partial<Record<SymptomId, Example>> = {
  'nodeport-one-node': nodeportTwRecycle,
};
