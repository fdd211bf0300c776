/** One loaded module. */
export interface LoadedModule {
  size: number;
  /** How many users (the number in "Used by"). */
  usedBy: number;
  /** The modules that use it (`nf_nat,nf_conntrack_ipv4`). */
  users: string[];
  line: number;
  text: string;
}

/** `lsmod`, whole or `| grep` filtered. */
export interface LsmodFacts {
  modules: Record<string, LoadedModule>;
  /**
   * The list is a subset (no `Module Size Used by` header, or a grep in the command): a module
   * missing from it is only known to be missing when it matches `filter`.
   */
  filtered: boolean;
  /** The grep pattern of the echoed command (`lsmod | grep ip_vs` → `ip_vs`), when shown. */
  filter: string | null;
  /** Every pattern of the grep (`grep -e ip_vs -e nf_conntrack` has two). */
  filters: string[];
}

/** Whether the listing would show `module` if it were loaded (whole, or a grep matching it). */
export function listsModule(facts: LsmodFacts, module: string): boolean {
  if (!facts.filtered) return true;
  return facts.filters.some((f) => {
    const plain = f.replace(/[\^$\\]/g, '');
    return plain !== '' && module.includes(plain);
  });
}
