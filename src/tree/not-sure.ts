import { defineTree, outcome, question } from '../engine/tree';

/** Two questions in the operator's words, then the symptom class's own tree takes over. */
export const notSure = defineTree('not-sure', {
  start: 'who',
  nodes: {
    who: question({ input: { kind: 'choice', options: { outside: 'via', pods: 'to' } } }),
    via: question({
      input: {
        kind: 'choice',
        options: { nodeport: 'to-nodeport', loadbalancer: 'to-nodeport', ingress: 'to-ingress' },
      },
    }),
    to: question({
      input: { kind: 'choice', options: { service: 'to-clusterip', outside: 'to-external' } },
    }),
    'to-nodeport': outcome({ causes: [], collect: [], route: 'nodeport-one-node' }),
    'to-ingress': outcome({ causes: [], collect: [], route: 'ingress-5xx' }),
    'to-clusterip': outcome({ causes: [], collect: [], route: 'clusterip-ipvs-timeout' }),
    'to-external': outcome({ causes: [], collect: [], route: 'pod-external-intermittent' }),
  },
});
