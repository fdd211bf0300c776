import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What a rule must say about a fixture, from its file name's prefix. */
export type Expectation = 'broken' | 'healthy' | 'fixed';

export interface RuleFixture {
  cause: string;
  name: string;
  expect: Expectation;
  /** One paste, or a bundle of several (`==> COMMAND <==` headers). */
  text: string;
  /** From the sidecar `<name>.json`. */
  meta: {
    /** Where the output comes from (a fixture folder, a seed, an issue thread, a man page). */
    source: string;
    vars?: Record<string, string>;
    confidence?: 'high' | 'medium' | 'low';
    symptom?: string;
  };
}

export const RULES_DIR = fileURLToPath(new URL('../rules/', import.meta.url));

/** `src/rules/<cause>/fixtures/{broken,healthy,fixed}--<slug>.txt` with their `.json` sidecars. */
export function ruleFixtures(cause: string): RuleFixture[] {
  const dir = join(RULES_DIR, cause, 'fixtures');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => {
      const m = /^(broken|healthy|fixed)--/.exec(f);
      if (!m)
        throw new Error(
          `${cause}/fixtures/${f}: name must start with broken--, healthy-- or fixed--`,
        );
      const sidecar = join(dir, f.replace(/\.txt$/, '.json'));
      if (!existsSync(sidecar))
        throw new Error(
          `${cause}/fixtures/${f}: missing ${f.replace(/\.txt$/, '.json')} (source, vars)`,
        );
      return {
        cause,
        name: f,
        expect: m[1] as Expectation,
        text: readFileSync(join(dir, f), 'utf8'),
        meta: JSON.parse(readFileSync(sidecar, 'utf8')),
      };
    });
}
