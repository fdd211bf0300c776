import type { Line, Msg } from '../engine/types';
import { K8S_NEAR_MISSES } from './k8s-common/near-miss';
import { NODE_NEAR_MISSES } from './node-shared/near-miss';

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
  {
    // `nft list tables`: the names only.
    kind: 'nft',
    detect: (head) =>
      head.length > 0 &&
      head.every((l) => /^table (?:ip|ip6|inet|bridge|arp|netdev) \S+$/.test(l.text.trim())),
    msg: { key: 'parse.nearMiss.nftTables' },
  },
  ...K8S_NEAR_MISSES,
  ...NODE_NEAR_MISSES,
];

export function nearMiss(head: Line[], command: string | null): NearMiss | null {
  return NEAR_MISSES.find((m) => m.detect(head, command)) ?? null;
}
