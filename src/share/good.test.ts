import { describe, expect, it } from 'vitest';
import { GOOD_ALL, type WizardState } from '../engine/replay';
import { buildPayload } from './build';
import { decodeShare, encodeShare } from './codec';
import { validatePayload } from './schema';

/** The node that works travels with the link: named, its outputs redacted like the rest. */

const state: WizardState = {
  tree: 'nodeport-one-node',
  answers: { port: '31610', node: 'k8s-node03' },
  pastes: { kernel: 'net.ipv4.tcp_tw_recycle = 1\nnet.ipv4.conf.eth0.arp_announce = 0\n' },
  good: {
    name: 'k8s-node01',
    pastes: {
      [GOOD_ALL]: 'net.ipv4.tcp_tw_recycle = 0\n# k8s-node03 is 10.20.30.43, this is 10.20.30.41\n',
    },
  },
};
const options = { omitRaw: false, redact: false };

describe('a node that works in a share link', () => {
  it('travels with the link and comes back the same', async () => {
    const { payload } = buildPayload('nodeport-one-node', 'kernel', state, 'en', options);
    expect(payload.good).toEqual(state.good);
    expect(await decodeShare(await encodeShare(payload))).toEqual({ ok: true, payload });
  });

  it('redacted, its name and addresses get the stand-ins this node’s outputs got', () => {
    const bad = { ...state, pastes: { kernel: `${state.pastes.kernel}# 10.20.30.41 is peer\n` } };
    const { payload } = buildPayload('nodeport-one-node', 'kernel', bad, 'en', {
      omitRaw: false,
      redact: true,
    });
    const text = payload.good!.pastes[GOOD_ALL]!;
    expect(JSON.stringify(payload)).not.toMatch(/10\.20\.30\.4[13]|k8s-node0[13]/);
    expect(payload.good!.name).toBeDefined();
    // 10.20.30.41 in both nodes' outputs: one stand-in for both.
    const standIn = /# (\S+) is peer/.exec(payload.pastes.kernel!)![1]!;
    expect(standIn).not.toBe('10.20.30.41');
    expect(text).toContain(`this is ${standIn}\n`);
    expect(validatePayload(JSON.parse(JSON.stringify(payload))).ok).toBe(true);
  });

  it('without raw output, the node is named and its outputs stay behind', () => {
    const { payload } = buildPayload(
      'nodeport-one-node',
      'kernel',
      state,
      'en',
      { omitRaw: true, redact: false },
      { steps: [], verdicts: null },
    );
    expect(payload.good).toEqual({ name: 'k8s-node01', pastes: {} });
    expect(validatePayload(JSON.parse(JSON.stringify(payload))).ok).toBe(true);
  });

  it('a link naming a step the tree does not have, or raw output where none may be, is refused', () => {
    const { payload } = buildPayload('nodeport-one-node', 'kernel', state, 'en', options);
    const bad = { ...payload, good: { pastes: { nowhere: 'x' } } };
    expect(validatePayload(bad)).toMatchObject({ ok: false });
    const asQuestion = { ...payload, good: { pastes: { port: 'x' } } };
    expect(validatePayload(asQuestion)).toMatchObject({ ok: false });
    const notText = { ...payload, good: { pastes: { [GOOD_ALL]: 5 } } };
    expect(validatePayload(notText)).toMatchObject({ ok: false });
  });

  it('a symptom that compares no nodes carries none', () => {
    const { payload } = buildPayload(
      'ingress-5xx',
      'ingressns',
      { ...state, tree: 'ingress-5xx', answers: {}, pastes: {} },
      'en',
      options,
    );
    expect(payload.good).toBeUndefined();
  });
});
