import type { CauseId } from '../causes/catalog';
import type { Rule } from '../engine/rule';
import tcpTwRecycleNat from './tcp-tw-recycle-nat/rule';
import kubeProxyRulesMissing from './kube-proxy-rules-missing/rule';
import etpLocalNoEndpoint from './etp-local-no-endpoint/rule';
import forwardDrop from './forward-drop/rule';
import nodeportPortRangeClash from './nodeport-port-range-clash/rule';
import { IPVS_INGRESS_RULES } from './lib-ipvs-ingress/rules';
import { NODE_RULES } from './lib-node/rules';

/** One rule per cause id. A cause without a rule is listed as unexamined in every diagnosis. */
export const RULES: Partial<Record<CauseId, Rule>> = Object.fromEntries(
  [
    tcpTwRecycleNat,
    kubeProxyRulesMissing,
    etpLocalNoEndpoint,
    forwardDrop,
    nodeportPortRangeClash,
    ...IPVS_INGRESS_RULES,
    ...NODE_RULES,
  ].map((r) => [r.cause, r]),
);
