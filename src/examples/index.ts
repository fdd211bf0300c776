import type { SymptomId } from '../causes/catalog';
import type { WizardState } from '../engine/replay';
import { nodeportTwRecycle } from './nodeport-tw-recycle';

export interface Example {
  symptom: SymptomId;
  state: WizardState;
}

export const EXAMPLES = {
  'nodeport-tw-recycle': nodeportTwRecycle,
} satisfies Record<string, Example>;
