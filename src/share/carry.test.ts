import { describe, expect, it } from 'vitest';
import { isSymptomId } from '../catalog/causes';
import { diagnose } from '../diagnosis/diagnose';
import { replay } from '../diagnosis/replay';
import { EXAMPLES } from '../examples';
import { LANGS } from '../i18n/resources';
import { parsePaste } from '../parsers/registry';
import { fixtureCases } from '../testing/test-data';
import { TREES } from '../tree';
import { buildPayload } from './build';
import { judge } from '../diagnosis/judge';
import { render } from '../diagnosis/render';
import { assessState } from '../testing/assess';
import { decodeShare, encodeShare } from './codec';

const VARS = { port: '31710', node: 'k8s-node03' };

// A link without raw output carries the rules' verdicts; the receiver must see exactly the
// diagnosis the sender saw: same causes, confidences, messages, evidence lines and fixes.
describe.each(fixtureCases())('carried diagnosis of fixture $name', (c) => {
  const sections = c.files.flatMap((f) => parsePaste(f.text, f.name));
  const symptom = isSymptomId(c.symptom) ? c.symptom : null;
  it.each(LANGS)('restores to the same diagnosis (%s)', (lang) => {
    const carried = judge(sections, VARS);
    expect(render(symptom, carried, VARS, lang)).toEqual(diagnose(symptom, sections, VARS, lang));
    const pooled = judge(sections, {});
    expect(render(null, pooled, {}, lang)).toEqual(diagnose(null, sections, {}, lang));
  });
});

describe.each(Object.values(EXAMPLES))('example of $symptom without raw output', (ex) => {
  it('gives the receiver the same diagnosis, through a real link', async () => {
    const tree = TREES[ex.symptom];
    const sections = Object.entries(ex.state.pastes).flatMap(([n, t]) =>
      t === null ? [] : parsePaste(t, n),
    );
    const rp = replay(tree, ex.state, sections);
    const { payload } = buildPayload(
      ex.symptom,
      rp.current,
      ex.state,
      'en',
      { omitRaw: true, redact: false },
      assessState(ex.symptom, ex.state),
    );
    const json = JSON.stringify(payload);
    for (const text of Object.values(ex.state.pastes))
      if (text) expect(json).not.toContain(text.split('\n')[0]);
    const back = await decodeShare(await encodeShare(payload));
    if (!back.ok) throw new Error(JSON.stringify(back.error));
    const d = back.payload.omitted!.diagnosis!;
    expect(back.payload.omitted!.steps).toEqual(rp.steps);
    const used = sections.filter((s) =>
      rp.steps.some((st) => st.status === 'pasted' && st.node === s.source.split('#')[0]),
    );
    expect(render(ex.symptom, d, rp.vars, 'zh-CN')).toEqual(
      diagnose(ex.symptom, used, rp.vars, 'zh-CN'),
    );
    // Not vacuous: the NodePort example's finding travels (other classes' rules may be pending).
    if (ex.symptom === 'nodeport-one-node')
      expect(d.results.some((r) => r.type === 'finding')).toBe(true);
  });
});
