/**
 * Pastes of a megabyte and more are kept apart from the rest of the work, in pieces, each
 * written once. Copying a 40 MB conntrack table into IndexedDB with the work on every change
 * held the page for up to a quarter of a second; a piece copies in well under a millisecond,
 * and the pages's events run between two pieces.
 */

/** From this length a text is kept apart. */
export const APART_FROM = 1 << 20;
/** Characters per piece. */
const PIECE = 1 << 18;

/** What stands in the work for a text kept apart. */
interface Ref {
  $bigText: string;
  pieces: number;
}

const isRef = (v: unknown): v is Ref =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Ref).$bigText === 'string' &&
  Number.isSafeInteger((v as Ref).pieces);

export interface Store {
  put(key: string, value: unknown): Promise<unknown>;
  get(key: string): Promise<unknown>;
  delete(key: string): Promise<unknown>;
  /** Keys from `from` up to `to`. */
  keys(from: string, to: string): Promise<string[]>;
}

export class BigTexts {
  /** Texts written (or read back), by content: a text already kept is never written again. */
  private readonly kept = new Map<string, Ref>();
  private next = 0;

  constructor(
    private readonly store: Store,
    private readonly prefix: string,
  ) {}

  /** `value` with each big text replaced by its reference, the texts' pieces written first. */
  async out(value: unknown): Promise<{ value: unknown; used: Set<string> }> {
    const used = new Set<string>();
    const fresh: [string, Ref][] = [];
    const small = this.map(value, (text) => {
      let ref = this.kept.get(text);
      if (!ref) {
        ref = { $bigText: this.newKey(), pieces: Math.ceil(text.length / PIECE) };
        fresh.push([text, ref]);
      }
      used.add(ref.$bigText);
      return ref;
    });
    for (const [text, ref] of fresh) {
      for (let i = 0; i < ref.pieces; i++)
        await this.store.put(`${ref.$bigText}:${i}`, text.slice(i * PIECE, (i + 1) * PIECE));
      this.kept.set(text, ref);
    }
    return { value: small, used };
  }

  /** `value` with each reference replaced by its text; a reference whose pieces are gone: ''. */
  async in(value: unknown): Promise<unknown> {
    const refs: Ref[] = [];
    this.walk(value, (v) => isRef(v) && refs.push(v));
    const texts = new Map<string, string>();
    for (const ref of refs) {
      const pieces: string[] = [];
      for (let i = 0; i < ref.pieces; i++) {
        const p = await this.store.get(`${ref.$bigText}:${i}`);
        pieces.push(typeof p === 'string' ? p : '');
      }
      const text = pieces.join('');
      texts.set(ref.$bigText, text);
      this.kept.set(text, ref);
    }
    return this.restore(value, texts);
  }

  /** Deletes the pieces of every text kept apart that the work no longer holds. */
  async prune(used: Set<string>): Promise<void> {
    const keys = await this.store.keys(`${this.prefix}:`, `${this.prefix}:\uffff`);
    for (const key of keys) {
      const ref = key.slice(0, key.lastIndexOf(':'));
      if (!used.has(ref)) await this.store.delete(key);
    }
    for (const [text, ref] of this.kept) if (!used.has(ref.$bigText)) this.kept.delete(text);
  }

  private newKey(): string {
    return `${this.prefix}:${Date.now().toString(36)}-${(this.next++).toString(36)}`;
  }

  private map(v: unknown, big: (text: string) => Ref): unknown {
    if (typeof v === 'string') return v.length >= APART_FROM ? big(v) : v;
    if (Array.isArray(v)) return v.map((x) => this.map(x, big));
    if (typeof v === 'object' && v !== null)
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this.map(x, big)]));
    return v;
  }

  private walk(v: unknown, visit: (v: unknown) => void): void {
    visit(v);
    if (typeof v === 'object' && v !== null) for (const x of Object.values(v)) this.walk(x, visit);
  }

  private restore(v: unknown, texts: Map<string, string>): unknown {
    if (isRef(v)) return texts.get(v.$bigText) ?? '';
    if (Array.isArray(v)) return v.map((x) => this.restore(x, texts));
    if (typeof v === 'object' && v !== null)
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this.restore(x, texts)]));
    return v;
  }
}
