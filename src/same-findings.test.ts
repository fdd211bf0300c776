import { describe, expect, it } from 'vitest';
import { COMMANDS } from './catalog/commands';
import { parseArgs } from './cli/args';
import { diagnoseCmd } from './cli/commands';
import { VALUED } from './cli/main';
import type { Confidence } from './engine/types';
import { fillTemplate } from './engine/shell';
import { render } from './diagnosis/render';
import { EXAMPLES } from './examples';
import { buildPayload, shareableState } from './share/build';
import { decodeShare, encodeShare } from './share/codec';
import { fixtureCases } from './testing/test-data';
import { TREES } from './tree';
import { assessBundleOffThread, assessTreeOffThread } from './worker/client';

type Said = { cause: string; confidence: Confidence }[];
const said = (findings: Said): Said =>
  findings
    .map(({ cause, confidence }) => ({ cause, confidence }))
    .sort((a, b) => a.cause.localeCompare(b.cause));

// The same pastes must give the same findings on every road into the product: the wizard's
// step by step path, "Paste everything", a share link without raw output, and `triage
// diagnose`. Each road runs the code its screen runs (the worker client, here without a
// worker; the share codec; the CLI's command).
describe.each(Object.values(EXAMPLES))('the $symptom example', (ex) => {
  const tree = TREES[ex.symptom];
  const pasted = Object.entries(ex.state.pastes).filter(
    (e): e is [string, string] => e[1] !== null,
  );

  it('gives the same cause ids and confidences everywhere', async () => {
    // 1. The wizard, step by step.
    const wizard = await assessTreeOffThread(ex.symptom, ex.state);
    expect(tree.nodes[wizard.current]?.type).toBe('outcome');
    const verdicts = wizard.verdicts!;
    const wizardSays = said(render(ex.symptom, verdicts, wizard.vars, 'en').findings);
    expect(wizardSays.map((f) => f.cause)).toEqual(expect.arrayContaining([...ex.finds]));

    // 2. Paste everything: the same outputs in one collector-style bundle.
    const bundle = pasted
      .map(([node, text]) => {
        const spec = tree.nodes[node]!;
        const command =
          spec.type === 'evidence' && spec.command
            ? fillTemplate(COMMANDS[spec.command].run, wizard.vars)
            : node;
        return `==> ${command.split('\n')[0]} <==\n${text.trimEnd()}\n`;
      })
      .join('');
    const all = await assessBundleOffThread(bundle);
    expect(said(render(null, all.verdicts, {}, 'en').findings)).toEqual(wizardSays);

    // 3. A share link without raw output, opened by the receiver in the other language.
    const state = shareableState(ex.symptom, ex.state);
    const { payload } = buildPayload(
      ex.symptom,
      wizard.current,
      state,
      'en',
      { omitRaw: true, redact: false },
      await assessTreeOffThread(ex.symptom, state),
    );
    const back = await decodeShare(await encodeShare(payload));
    if (!back.ok) throw new Error(JSON.stringify(back.error));
    const carried = back.payload.omitted!.diagnosis!;
    expect(said(render(ex.symptom, carried, wizard.vars, 'zh-CN').findings)).toEqual(wizardSays);

    // 4. `triage diagnose` on the same outputs, one file each.
    expect(await cliSays(pasted, ['--symptom', ex.symptom])).toEqual(wizardSays);
  });
});

// Every public fixture: its files pasted at once, and given to the CLI one file each.
describe.each(fixtureCases())('fixture $name', (c) => {
  it('gives the same findings in Paste everything and in triage diagnose', async () => {
    const files = c.files.map((f) => [f.name, f.text] as [string, string]);
    const bundle = files.map(([name, text]) => `==> ${name} <==\n${text.trimEnd()}\n`).join('');
    const all = await assessBundleOffThread(bundle);
    expect(await cliSays(files)).toEqual(said(render(null, all.verdicts, {}, 'en').findings));
  });
});

async function cliSays(files: [string, string][], options: string[] = []): Promise<Said> {
  const args = parseArgs(['diagnose', ...options, '--format', 'json'], VALUED);
  const inputs = files.map(([source, text]) => ({ source, bytes: new TextEncoder().encode(text) }));
  return said((JSON.parse(await diagnoseCmd(args, inputs)) as { findings: Said }).findings);
}
