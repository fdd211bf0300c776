/** Quotes a value for POSIX sh unless it is made only of characters that need no quoting. */
export function shellQuote(value: string): string {
  if (value !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * Fills `{name}` placeholders of a command template with shell-quoted values. A missing value
 * becomes a visible `<NAME>` marker the operator must replace, never an empty string.
 */
export function fillTemplate(template: string, vars: Record<string, string | undefined>): string {
  // `%{http_code}` is curl's, not ours.
  return template.replace(/(?<!%)\{([a-zA-Z][\w]*)\}/g, (_, name: string) => {
    const v = vars[name];
    return v === undefined || v === '' ? `<${name.toUpperCase()}>` : shellQuote(v);
  });
}
