import { useT } from '../useT';

/** From this size a paste is kept beside its text box, not in it. */
export const BIG = 1_000_000;

/**
 * A text box for pasted output. A box holding tens of megabytes freezes the page on every
 * keystroke and layout: a huge paste or dropped file is kept beside it (the caller holds the
 * text), and only its size is shown, with a way to clear it.
 */
export function PasteArea({
  id,
  testId,
  text,
  onText,
  rows = 10,
  placeholder,
  readOnly,
}: {
  id: string;
  testId: string;
  text: string;
  onText(text: string): void;
  rows?: number;
  placeholder?: string;
  readOnly?: boolean;
}) {
  const { t } = useT();
  const huge = text.length > BIG;
  const onPaste = (e: React.ClipboardEvent) => {
    const pasted = e.clipboardData.getData('text/plain');
    if (pasted.length <= BIG) return;
    e.preventDefault();
    onText(pasted);
  };
  const onDrop = async (e: React.DragEvent) => {
    const file = e.dataTransfer.files[0];
    if (!file) return;
    e.preventDefault();
    onText(await file.text());
  };
  return (
    <>
      {huge && (
        <p className="huge-paste" data-testid="huge-paste">
          {t('step.hugePaste', { mb: (text.length / 1e6).toFixed(1) })}{' '}
          <button type="button" className="link" onClick={() => onText('')}>
            {t('step.clear')}
          </button>
        </p>
      )}
      <textarea
        id={id}
        data-testid={testId}
        className="paste"
        rows={rows}
        spellCheck={false}
        placeholder={placeholder}
        value={huge ? '' : text}
        readOnly={readOnly}
        onChange={(e) => onText(e.target.value)}
        onPaste={onPaste}
        onDrop={onDrop}
        onDragOver={(e) => e.preventDefault()}
      />
    </>
  );
}
