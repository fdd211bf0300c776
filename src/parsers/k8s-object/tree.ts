/** The document tree both readers (YAML subset, JSON) produce; every node keeps its paste line. */
export type Node =
  | { t: 'map'; line: number; entries: Entry[] }
  | { t: 'seq'; line: number; items: Node[] }
  | {
      t: 'scalar';
      line: number;
      v: string | number | boolean | null;
      /** The text as written (unquoted), so `1.10` stays `1.10` where a string is wanted. */
      raw: string;
    };

export interface Entry {
  key: string;
  line: number;
  value: Node;
}

/** Why a document could not be read: an i18n key under `parse.k8s-object` and where. */
export class ReadError extends Error {
  constructor(
    readonly line: number | null,
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

/** Limits that keep a hostile paste from costing more than a moment. */
export const LIMITS = {
  /** Nesting of blocks and flow collections. */
  depth: 64,
  /** `*alias` uses in one paste; kubectl never writes any, a billion-laughs bomb needs many. */
  aliases: 16,
} as const;

export function child(node: Node | undefined, key: string): Node | undefined {
  if (node?.t !== 'map') return undefined;
  for (const e of node.entries) if (e.key === key) return e.value;
  return undefined;
}

export function path(node: Node | undefined, ...keys: string[]): Node | undefined {
  let n = node;
  for (const k of keys) n = child(n, k);
  return n;
}

/** The entry (key line) of `key` in a map: citations point at the key's line. */
export function entry(node: Node | undefined, key: string): Entry | undefined {
  return node?.t === 'map' ? node.entries.find((e) => e.key === key) : undefined;
}

export function items(node: Node | undefined): Node[] {
  return node?.t === 'seq' ? node.items : [];
}

/** A scalar as text (`raw`), or null for maps, lists, null and absent values. */
export function text(node: Node | undefined): string | null {
  if (node?.t !== 'scalar' || node.v === null) return null;
  return node.raw;
}

export function num(node: Node | undefined): number | null {
  if (node?.t !== 'scalar') return null;
  if (typeof node.v === 'number') return node.v;
  return /^-?\d+(?:\.\d+)?$/.test(node.raw) ? Number(node.raw) : null;
}

export function bool(node: Node | undefined): boolean | null {
  if (node?.t !== 'scalar') return null;
  if (typeof node.v === 'boolean') return node.v;
  if (/^(?:true|false)$/i.test(node.raw)) return node.raw.toLowerCase() === 'true';
  return null;
}
