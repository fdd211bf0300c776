import { validatePayload, type SharePayload } from './schema';

/**
 * A share link's fragment: `v1.` + base64url(zlib deflate(JSON)). zlib rather than raw
 * deflate: its Adler-32 checksum (6 bytes) turns a link a chat tool mangled into a clear
 * error instead of a silently different state. Decoding never throws: every failure is a
 * value the page can explain.
 */
export const VERSION = 1;
const PREFIX = `v${VERSION}.`;

/** Longer than any browser keeps in a URL; refused before any work. */
export const MAX_TOKEN_CHARS = 2_000_000;
/** Inflated JSON beyond this is refused while it inflates (a deflate bomb stops here). */
export const MAX_JSON_BYTES = 8 * 1024 * 1024;

export type ShareError =
  | { code: 'empty' }
  | { code: 'version'; version: string }
  | { code: 'corrupt' }
  | { code: 'too-large' }
  | { code: 'invalid'; why: string };

export type Decoded = { ok: true; payload: SharePayload } | { ok: false; error: ShareError };

export async function encodeShare(payload: SharePayload): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(payload));
  return PREFIX + toBase64Url(await pipe(json, new CompressionStream('deflate')));
}

export async function decodeShare(token: string): Promise<Decoded> {
  try {
    return await decode(token);
  } catch {
    return { ok: false, error: { code: 'corrupt' } };
  }
}

async function decode(raw: string): Promise<Decoded> {
  const fail = (error: ShareError): Decoded => ({ ok: false, error });
  const token = typeof raw === 'string' ? raw.trim() : '';
  if (!token) return fail({ code: 'empty' });
  if (token.length > MAX_TOKEN_CHARS) return fail({ code: 'too-large' });
  const m = /^v(\d{1,6})\.([\s\S]*)$/.exec(token);
  if (!m) return fail({ code: 'corrupt' });
  if (m[1] !== String(VERSION)) return fail({ code: 'version', version: `v${m[1]}` });
  const bytes = fromBase64Url(m[2]!);
  if (!bytes || bytes.length === 0) return fail({ code: 'corrupt' });
  const inflated = await inflate(bytes, MAX_JSON_BYTES);
  if (inflated === 'too-large') return fail({ code: 'too-large' });
  if (inflated === 'corrupt') return fail({ code: 'corrupt' });
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  } catch {
    return fail({ code: 'corrupt' });
  }
  const checked = validatePayload(json);
  return checked.ok ? checked : fail({ code: 'invalid', why: checked.why });
}

async function pipe(bytes: Uint8Array, through: CompressionStream): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(through);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Inflates, giving up as soon as the output passes `limit` bytes. */
async function inflate(
  bytes: Uint8Array,
  limit: number,
): Promise<Uint8Array | 'too-large' | 'corrupt'> {
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate'))
    .getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) {
        void reader.cancel().catch(() => undefined);
        return 'too-large';
      }
      chunks.push(value);
    }
  } catch {
    return 'corrupt';
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** `null` for anything that is not base64url (a chat tool's mangling usually is not). */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}
