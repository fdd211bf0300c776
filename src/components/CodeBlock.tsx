import { CopyButton } from './CopyButton';

/** A command or snippet with its copy button. */
export function CodeBlock({ code, label, big }: { code: string; label?: string; big?: boolean }) {
  return (
    <div className={big ? 'code code-big' : 'code'}>
      <pre tabIndex={0} aria-label={label}>
        <code>{code}</code>
      </pre>
      <CopyButton text={code} label={label} />
    </div>
  );
}
