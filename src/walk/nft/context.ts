import type { Source } from './matches';
import type { ValueType } from './values';

/** What the compiler knows of the table a rule sits in. */
export interface TableContext {
  family: string;
  /** `ip kube-proxy`. */
  tableKey: string;
  hasChain(name: string): boolean;
}

/** What a rule needs besides its own text: its table, and the table's named sets. */
export interface RuleContext extends TableContext {
  /** The named set or map `@name` for keys of these types; `missing` says why it cannot be. */
  set(name: string, types: ValueType[]): Source;
}
