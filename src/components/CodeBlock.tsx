import { useId, useState } from 'react';
import { shellQuote } from '../engine/shell';
import { CopyButton } from './CopyButton';
import { useT } from './useT';

// `<NODEIP>`: a value the command needs and the wizard does not know (comments aside).
const HOLE = /<([A-Z][A-Z0-9_]*)>/g;

function holesOf(code: string): string[] {
  const commands = code.replace(/(?:^|\s)#.*$/gm, '');
  return [...new Set([...commands.matchAll(HOLE)].map((m) => m[1]!))];
}

/**
 * A command or snippet with its copy button. A value it still needs is asked for beside it;
 * until every one is given the block says what is missing and cannot be copied as if complete.
 */
export function CodeBlock({ code, label, big }: { code: string; label?: string; big?: boolean }) {
  const { t } = useT();
  const id = useId();
  const holes = holesOf(code);
  const [values, setValues] = useState<Record<string, string>>({});
  const filled = code.replace(HOLE, (whole, name: string) => {
    const v = values[name]?.trim();
    return v && holes.includes(name) ? shellQuote(v) : whole;
  });
  const missing = holes.filter((h) => !values[h]?.trim());
  return (
    <div className={big ? 'code code-big' : 'code'}>
      {holes.length > 0 && (
        <div className="holes">
          {holes.map((h) => (
            <label key={h} className="hole">
              <span>{t('fix.valueFor', { name: h })}</span>
              <input
                type="text"
                spellCheck={false}
                value={values[h] ?? ''}
                onChange={(e) => setValues((v) => ({ ...v, [h]: e.target.value }))}
                data-testid={`hole-${h}`}
              />
            </label>
          ))}
        </div>
      )}
      <pre tabIndex={0} aria-label={label} aria-describedby={missing.length ? id : undefined}>
        <code>{filled}</code>
      </pre>
      {missing.length > 0 ? (
        <p className="missing" id={id} role="status">
          {t('fix.missing', { names: missing.join(', ') })}
        </p>
      ) : (
        <CopyButton text={filled} label={label} />
      )}
    </div>
  );
}
