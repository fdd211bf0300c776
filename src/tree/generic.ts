import { causesOf, type SymptomId } from '../causes/catalog';
import { defineTree, evidence, outcome } from '../engine/tree';
import { KINDS } from '../parsers/kinds';

/**
 * For a symptom class whose guided tree is not written yet: take any outputs the operator
 * has and run that class's rules over them.
 */
export function genericTree(symptom: SymptomId) {
  return defineTree(symptom, {
    start: 'evidence',
    nodes: {
      evidence: evidence({ wants: [...KINDS], where: 'bad-node', next: 'verdict' }),
      verdict: outcome({
        causes: causesOf(symptom),
        collect: ['sysctl-nodeport', 'netstat-s', 'iptables-save'],
      }),
    },
  });
}
