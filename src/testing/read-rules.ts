import { readFileSync } from 'node:fs';
import { RULES_DIR } from './rule-fixtures';

/** A file beside the rules (`<cause>/fixtures/x.txt`) or a parser fixture (`../parsers/...`). */
export const readRules = (path: string): string => readFileSync(`${RULES_DIR}${path}`, 'utf8');
