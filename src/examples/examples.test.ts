import { describe, expect, it } from 'vitest';
import { SYMPTOMS } from '../catalog/causes';
import { diagnose } from '../diagnosis/diagnose';
import { replay } from '../diagnosis/replay';
import { parsePaste } from '../parsers/registry';
import { TREES } from '../tree';
import { EXAMPLES } from '.';

describe.each(SYMPTOMS.map((s) => ({ s, ex: EXAMPLES[s] })))('example for $s', ({ s, ex }) => {
  const sections = Object.entries(ex.state.pastes).flatMap(([node, text]) =>
    text === null ? [] : parsePaste(text, node),
  );
  const r = replay(TREES[s], ex.state, sections);

  it('walks its tree to a diagnosis, every paste on the path read', () => {
    expect(ex.state.tree).toBe(s);
    expect(r.done).toBe(true);
    const onPath = new Set(r.steps.map((x) => x.node));
    for (const node of Object.keys(ex.state.pastes)) expect(onPath, node).toContain(node);
    for (const sec of sections) expect(sec.status, `${sec.source}`).not.toBe('rejected');
  });

  it('finds what the incident was', () => {
    const found = diagnose(s, sections, r.vars).findings.map((f) => f.cause);
    for (const c of ex.finds) expect(found).toContain(c);
  });
});
