import type { CauseId, SymptomId } from '../causes/catalog';
import type { WizardState } from '../engine/replay';
import { clusteripVxlanOffload } from './clusterip-vxlan-offload';
import { ingressUpstreamTimeout } from './ingress-upstream-timeout';
import { nodeportTwRecycle } from './nodeport-tw-recycle';
import { podExternalTwRecycle } from './pod-external-tw-recycle';

export interface Example {
  symptom: SymptomId;
  /** What its diagnosis must find (checked by the tests). */
  finds: CauseId[];
  state: WizardState;
}

/** A real incident per symptom class, walked to its diagnosis by "Try an example". */
export const EXAMPLES: Record<SymptomId, Example> = {
  'nodeport-one-node': nodeportTwRecycle,
  'clusterip-ipvs-timeout': clusteripVxlanOffload,
  'pod-external-intermittent': podExternalTwRecycle,
  'ingress-5xx': ingressUpstreamTimeout,
};
