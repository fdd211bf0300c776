import type { SymptomId } from '../catalog/causes';
import type { Example } from './example';
import { clusteripVxlanOffload } from './clusterip-vxlan-offload';
import { ingressUpstreamTimeout } from './ingress-upstream-timeout';
import { nodeportTwRecycle } from './nodeport-tw-recycle';
import { podExternalTwRecycle } from './pod-external-tw-recycle';

/** A real incident per symptom class, walked to its diagnosis by "Try an example". */
export const EXAMPLES: Record<SymptomId, Example> = {
  'nodeport-one-node': nodeportTwRecycle,
  'clusterip-ipvs-timeout': clusteripVxlanOffload,
  'pod-external-intermittent': podExternalTwRecycle,
  'ingress-5xx': ingressUpstreamTimeout,
};

export type { Example } from './example';
