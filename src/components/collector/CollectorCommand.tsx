import type { SymptomId } from '../../catalog/causes';
import { useT } from '../useT';
import { CodeBlock } from '../CodeBlock';
import { Markdownish } from '../Markdownish';
import { collectorArgs, collectorCommands } from './collectorArgs';

/** Served from http(s), the node may fetch the script from the app's own host. */
const base = /^https?:$/.test(location.protocol) ? document.baseURI : null;

async function download() {
  const { default: script } = await import('../../collector/collect.sh?raw');
  const url = URL.createObjectURL(new Blob([script], { type: 'text/x-sh' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'collect.sh';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** What to run on the failing node to collect everything at once, for this symptom and answers. */
export function CollectorCommand({
  symptom,
  vars,
  intro,
}: {
  symptom: SymptomId | null;
  vars: Record<string, string>;
  /** What to say above the command, when it runs elsewhere than on the node that fails. */
  intro?: string;
}) {
  const { t } = useT();
  const commands = collectorCommands(collectorArgs(symptom, vars), base);
  return (
    <div className="collector" data-testid="collector">
      <p>
        <Markdownish text={intro ?? t('collector.intro')} />
      </p>
      {commands.map((c) => (
        <CodeBlock key={c} code={c} label={c} />
      ))}
      <button type="button" onClick={() => void download()} data-testid="collector-download">
        {t('collector.download')}
      </button>{' '}
      <span className="muted">{t('collector.readOnly')}</span>
    </div>
  );
}
