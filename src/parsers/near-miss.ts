import type { Line, Msg } from '../engine/types';
import { K8S_NEAR_MISSES } from './k8s-common/near-miss';
import { NODE_NEAR_MISSES } from './node-shared/near-miss';
import { NFT_NEAR_MISSES } from './nft/near-miss';
import { CILIUM_NEAR_MISSES } from './cilium-shared/near-miss';

interface NearMiss {
  kind: string;
  detect(head: Line[], command: string | null): boolean;
  msg: Msg;
}

/**
 * Outputs that look like something we parse but are not what the rules need. Each says what
 * to paste instead. Checked only when no parser recognised the paste.
 */
const NEAR_MISSES: NearMiss[] = [
  ...NFT_NEAR_MISSES,
  ...CILIUM_NEAR_MISSES,
  ...K8S_NEAR_MISSES,
  ...NODE_NEAR_MISSES,
];

export function nearMiss(head: Line[], command: string | null): NearMiss | null {
  return NEAR_MISSES.find((m) => m.detect(head, command)) ?? null;
}
