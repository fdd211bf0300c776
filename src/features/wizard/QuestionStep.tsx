import { useState } from 'react';
import type { QuestionNode } from '../../engine/tree';
import { inDefaultNodePortRange, isValid, normalize } from '../../engine/validate';
import { useT } from '../../components/useT';
import { Markdownish } from '../../components/Markdownish';

interface Props {
  textKey: string;
  spec: QuestionNode;
  initial: string | undefined;
  /** Submitted, waiting for the next step: a second submit or an edit would be lost. */
  busy: boolean;
  onAnswer(value: string): void;
}

export function QuestionStep({ textKey, spec, initial, busy, onAnswer }: Props) {
  const { t } = useT();
  const [value, setValue] = useState(initial ?? '');
  const [tried, setTried] = useState(false);
  const input = spec.input;
  const valid =
    input.kind === 'choice' ? Object.hasOwn(input.options, value) : isValid(input.validate, value);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (valid) onAnswer(input.kind === 'choice' ? value : normalize(input.validate, value));
  };
  return (
    <form onSubmit={submit} noValidate aria-busy={busy}>
      <p className="help">
        <Markdownish text={t(`${textKey}.help`)} />
      </p>
      <fieldset className="plain" disabled={busy}>
        {input.kind === 'choice' ? (
          <fieldset className="choices">
            <legend className="visually-hidden">{t(`${textKey}.title`)}</legend>
            {Object.keys(input.options).map((opt) => (
              <label key={opt} className="choice">
                <input
                  type="radio"
                  name="choice"
                  value={opt}
                  checked={value === opt}
                  onChange={() => setValue(opt)}
                />
                <span>{t(`${textKey}.options.${opt}`)}</span>
              </label>
            ))}
          </fieldset>
        ) : (
          <div className="field">
            <label htmlFor="answer" className="visually-hidden">
              {t(`${textKey}.title`)}
            </label>
            <input
              id="answer"
              className="answer"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              inputMode={
                input.validate === 'nodeport' || input.validate === 'port' ? 'numeric' : 'text'
              }
              autoComplete="off"
              spellCheck={false}
              aria-invalid={tried && !valid}
              aria-describedby={tried && !valid ? 'answer-error' : undefined}
              autoFocus
            />
            {tried && !valid && (
              <p id="answer-error" className="error" role="alert">
                {t(`step.invalid.${input.validate}`)}
              </p>
            )}
            {input.validate === 'nodeport' &&
              valid &&
              !inDefaultNodePortRange(normalize('nodeport', value)) && (
                <p className="note">{t('step.outsideRange')}</p>
              )}
          </div>
        )}
        <button type="submit" className="primary">
          {t('step.continue')}
        </button>
      </fieldset>
    </form>
  );
}
