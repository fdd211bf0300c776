import type { Read } from './selectors';
import type { WrittenElement } from './tokens';
import { inSpec, readLiteral, type Spec, type Value, type ValueType } from './values';
import { msg, type Msg } from '../msg';

/** What a lookup found: an element (its value for a map), nothing, or it cannot be told. */
export type Found = { element: WrittenElement } | null | { unknown: Msg };

interface Entry {
  /** Per key part, the values it stands for. */
  specs: Spec[][];
  element: WrittenElement;
}

const keyOf = (values: Value[]) =>
  values.map((v) => (typeof v === 'bigint' ? v.toString() : `"${v}`)).join('\u0000');

/**
 * A set's or map's elements, read for keys of the given types and indexed once: exact keys in a
 * Map (a 5,000-service `service-ips` is one lookup), prefixes, ranges and wildcards scanned.
 * Built on first use, so chains that no packet reaches cost nothing.
 */
export class ElementIndex {
  private exact: Map<string, WrittenElement> | null = null;
  private ranged: Entry[] = [];
  private unreadable: WrittenElement[] = [];

  constructor(
    private readonly elements: readonly WrittenElement[],
    private readonly types: readonly ValueType[],
  ) {}

  lookup(reads: Read[]): Found {
    for (const r of reads) if ('absent' in r) return null;
    const exact = this.build();
    const values = reads.flatMap((r) => ('value' in r ? [r.value] : []));
    if (values.length === reads.length) {
      const hit = exact.get(keyOf(values));
      if (hit) return { element: hit };
      const entry = this.ranged.find((e) =>
        e.specs.every((s, i) => s.some((x) => inSpec(values[i]!, x))),
      );
      if (entry) return { element: entry.element };
      return this.unreadable.length > 0
        ? { unknown: msg('walk.unknown.nftElement', { element: this.unreadable[0]!.text }) }
        : null;
    }
    // A key part the walk cannot compute: the known parts may still rule every element out.
    const unknown = reads.find((r): r is { unknown: Msg } => 'unknown' in r)!;
    const possible = this.entries().some((e) =>
      e.specs.every((s, i) => {
        const r = reads[i]!;
        return !('value' in r) || s.some((x) => inSpec(r.value, x));
      }),
    );
    return possible || this.unreadable.length > 0 ? { unknown: unknown.unknown } : null;
  }

  get size(): number {
    return this.elements.length;
  }

  /** Elements found by one hash lookup (exact keys), once the index is built. */
  get hashed(): number {
    return this.build().size;
  }

  private build(): Map<string, WrittenElement> {
    if (this.exact) return this.exact;
    this.exact = new Map();
    // Protocols and ports repeat across thousands of elements: each distinct text is read once.
    const seen = this.types.map(() => new Map<string, Spec[] | null>());
    const read = (part: string, i: number): Spec[] | null => {
      const type = this.types[i];
      if (type === undefined) return null;
      const cache = seen[i]!;
      let specs = cache.get(part);
      if (specs === undefined) cache.set(part, (specs = readLiteral(part, type)));
      return specs;
    };
    for (const element of this.elements) {
      const specs = element.parts.map(read);
      if (specs.length !== this.types.length || specs.some((s) => s === null)) {
        this.unreadable.push(element);
        continue;
      }
      const parts = specs as Spec[][];
      const single = parts.every((s) => s.length === 1 && s[0]!.kind === 'exact');
      if (single)
        this.exact.set(keyOf(parts.map((s) => (s[0] as { value: Value }).value)), element);
      else this.ranged.push({ specs: parts, element });
    }
    return this.exact;
  }

  private entries(): Entry[] {
    const exact = this.build();
    const out = [...this.ranged];
    for (const element of exact.values()) {
      const specs = element.parts.map((part, i) => readLiteral(part, this.types[i]!) ?? []);
      out.push({ specs, element });
    }
    return out;
  }
}
