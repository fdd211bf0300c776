import { useState } from 'react';
import { useT } from './useT';

/**
 * Copies text and says so for two seconds (aria-live, so screen readers hear it too).
 * `caption` replaces the plain “Copy” on buttons that must say what they copy.
 */
export function CopyButton({
  text,
  label,
  caption,
  className = 'copy',
}: {
  text: string;
  label?: string;
  caption?: string;
  className?: string;
}) {
  const { t } = useT();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      fallbackCopy(text);
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <button
      type="button"
      className={className}
      onClick={copy}
      aria-label={label && !caption ? `${t('step.copy')}: ${label}` : undefined}
    >
      <span aria-live="polite">{copied ? t('step.copied') : (caption ?? t('step.copy'))}</span>
    </button>
  );
}

/** Clipboard API is missing on plain-http hosts and file://: fall back to a hidden textarea. */
function fallbackCopy(text: string) {
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  document.body.appendChild(ta);
  ta.select();
  document.execCommand('copy');
  ta.remove();
}
