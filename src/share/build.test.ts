import { describe, expect, it } from 'vitest';
import { isSymptomId } from '../catalog/causes';
import { diagnose } from '../diagnosis/diagnose';
import { allPaths } from '../engine/replay';
import { replay } from '../diagnosis/replay';
import { EXAMPLES } from '../examples';
import { parsePaste } from '../parsers/registry';
import { readTestData } from '../testing/test-data';
import { TREES, TREE_IDS } from '../tree';
import { assessState } from '../testing/assess';
import { buildPayload, shareableState, type ShareOptions } from './build';
import { decodeShare, encodeShare } from './codec';

const OPTIONS: ShareOptions[] = [
  { omitRaw: false, redact: false },
  { omitRaw: true, redact: false },
  { omitRaw: false, redact: true },
  { omitRaw: true, redact: true },
];
const OUTPUTS = [
  readTestData('fixtures/07-haomeiwen-sysctl-twrecycle-nodeport/sysctl.txt'),
  readTestData('fixtures/13-charmed489-etp-local-no-local-endpoints/iptables-save.txt'),
  readTestData('fixtures/46-kubeadm2205-ipvsadm-healthy-nodeport-vs/ipvsadm-Ln.txt'),
];

// Whatever the options, the sender's state makes a link the receiver accepts.
describe.each(TREE_IDS.map((id) => ({ id, tree: TREES[id] })))(
  'links built for $id',
  ({ id, tree }) => {
    it.each(allPaths(tree).map((p) => [p.nodes.join(' > '), p] as const))('%s', async (_, p) => {
      const pastes = Object.fromEntries(
        Object.keys(p.state.pastes).map((n, i) => [n, OUTPUTS[i % OUTPUTS.length]!]),
      );
      const state = { ...p.state, pastes };
      const assessed = assessState(id, shareableState(id, state));
      for (const options of OPTIONS) {
        const { payload } = buildPayload(id, p.nodes.at(-1)!, state, 'en', options, assessed);
        const back = await decodeShare(await encodeShare(payload));
        expect(back, JSON.stringify(options)).toEqual({ ok: true, payload });
      }
    });
  },
);

describe.each(Object.values(EXAMPLES))('the $symptom example, redacted', (ex) => {
  const tree = TREES[ex.symptom];
  const sectionsOf = (pastes: Record<string, string | null>) =>
    Object.entries(pastes).flatMap(([n, t]) => (t === null ? [] : parsePaste(t, n)));
  const sections = sectionsOf(ex.state.pastes);
  const rp = replay(tree, ex.state, sections);
  const original = JSON.stringify(ex.state);
  const secrets = [
    ...new Set([
      // Addresses (not a browser version like Chrome/109.0.0.0, nor loopback) and node names.
      ...(original.match(/(?<![\w.])(?<![A-Za-z]\/)(?:\d{1,3}\.){3}\d{1,3}\b/g) ?? []).filter(
        (a) => !/^(?:0|127|255)\./.test(a),
      ),
      ...(original.match(/k8s-[a-z]+\d*/g) ?? []),
    ]),
  ];

  it('keeps no address or host name, and the same diagnosis', () => {
    expect(secrets.length).toBeGreaterThan(0);
    const { payload, replacements } = buildPayload(
      ex.symptom,
      rp.current,
      ex.state,
      'en',
      { omitRaw: false, redact: true },
      assessState(ex.symptom, ex.state),
    );
    const json = JSON.stringify(payload);
    for (const s of secrets) expect(json).not.toContain(s);
    expect(replacements.length).toBeGreaterThanOrEqual(secrets.length);
    if (ex.state.answers.node) expect(payload.answers.node).toMatch(/^node-\d+$/);
    const state = { tree: payload.tree, answers: payload.answers, pastes: payload.pastes };
    const after = replay(tree, state, sectionsOf(payload.pastes));
    expect(after.steps).toEqual(rp.steps);
    const symptom = isSymptomId(ex.symptom) ? ex.symptom : null;
    const causes = (d: ReturnType<typeof diagnose>) => d.findings.map((f) => f.cause);
    expect(causes(diagnose(symptom, sectionsOf(payload.pastes), after.vars))).toEqual(
      causes(diagnose(symptom, sections, rp.vars)),
    );
  });

  it('is shorter without raw output (lengths printed for the notes)', async () => {
    const assessed = assessState(ex.symptom, ex.state);
    const length = async (options: ShareOptions) =>
      (
        await encodeShare(
          buildPayload(ex.symptom, rp.current, ex.state, 'en', options, assessed).payload,
        )
      ).length;
    const lengths = Object.fromEntries(
      await Promise.all(
        OPTIONS.map(
          async (o) => [`omitRaw=${o.omitRaw} redact=${o.redact}`, await length(o)] as const,
        ),
      ),
    );
    console.log(`share token lengths for the ${ex.symptom} example:`, lengths);
    // Leaving the raw output out is for privacy; it saves length when the pastes are long
    // (the NodePort incident), not when a short log is replaced by a carried diagnosis.
    const raw = Object.values(ex.state.pastes).reduce((n, p) => n + (p?.length ?? 0), 0);
    if (raw > 2000)
      expect(lengths['omitRaw=true redact=false']).toBeLessThan(
        lengths['omitRaw=false redact=false']!,
      );
  });
});
