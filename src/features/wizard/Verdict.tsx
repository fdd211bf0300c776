import type { SymptomId } from '../../causes/catalog';
import { diagnose } from '../../engine/diagnose';
import type { Step } from '../../engine/replay';
import type { OutcomeNode } from '../../engine/tree';
import { COMMANDS } from '../../commands/commands';
import { fillTemplate } from '../../engine/shell';
import type { Sections } from '../useSections';
import { TREES, nodeKey } from '../../tree';
import { useT } from '../../app/useT';
import { DiagnosisView } from '../diagnosis/DiagnosisView';

interface Props {
  symptom: SymptomId;
  spec: OutcomeNode;
  steps: Step[];
  vars: Record<string, string>;
  sections: Sections;
}

/** The outcome of a path: the diagnosis of every paste so far. */
export function Verdict({ symptom, spec, steps, vars, sections }: Props) {
  const { t, lang } = useT();
  if (sections.pending.length > 0) return <p className="muted">{t('diagnosis.running')}</p>;
  const result = diagnose(symptom, sections.all, vars, lang);
  const skipped = steps.filter((s) => s.status === 'skipped').length;
  const stepTitle = (source: string) => {
    const node = source.split('#')[0]!;
    return TREES[symptom].nodes[node] ? t(`${nodeKey(symptom, node)}.title`) : source;
  };
  return (
    <DiagnosisView
      diagnosis={result}
      sourceLabel={stepTitle}
      skipped={skipped}
      collect={spec.collect.map((c) => fillTemplate(COMMANDS[c].run, vars))}
    />
  );
}
