import type { Line } from '../../engine/types';
import type { Parser } from '../define';
import { isNoise, typedCommand } from '../k8s-common/text';
import type { ProblemList } from '../node-shared/util';

/** Lines longer than this are not read by the Cilium parsers (a binary paste, a minified JSON). */
export const MAX_LINE = 2_000;

/** A Cilium or Hubble command typed on a line of its own (`cilium-dbg service list`, `> cilium bpf lb list`). */
const TYPED =
  /^(?:[>$#]\s+)?((?:sudo\s+)?(?:cilium(?:-dbg)?\s+(?:status|service|bpf|monitor)|(?:\.\/)?hubble\s+observe)\b.*)$/;

/** The command of a line that is a command typed without a prompt the splitter knows, or null. */
export function commandOf(text: string): string | null {
  if (text.length > MAX_LINE) return null;
  return typedCommand(text) ?? TYPED.exec(text.trim())?.[1]?.trim() ?? null;
}

/**
 * The parser, reading a command typed on the section's first line (kubectl, cilium-dbg or hubble,
 * without a prompt the splitter knows) as the section's command when it runs what the parser
 * reads (`names`); another command's line is left to be read with the output under it.
 */
export function withCommandLine<K extends string, F>(names: RegExp, p: Parser<K, F>): Parser<K, F> {
  const strip = (lines: Line[], command: string | null) => {
    const i = lines.findIndex((l) => l.text.trim() !== '');
    const typed = i >= 0 ? commandOf(lines[i]!.text) : null;
    return typed && names.test(typed)
      ? { lines: lines.slice(i + 1), command: command ?? typed }
      : { lines, command };
  };
  return {
    kind: p.kind,
    detect(head, ctx) {
      const { lines, command } = strip(head, ctx.command);
      return lines.length > 0 && p.detect(lines, { ...ctx, command });
    },
    parse(all, ctx) {
      const { lines, command } = strip(all, ctx.command);
      const out = p.parse(lines, { ...ctx, command });
      return command && command !== ctx.command ? { ...out, command } : out;
    },
  };
}

/** What the author of a paste left out: `[...]`, `...`, `(...)`. */
export function isElision(text: string): boolean {
  return /^\s*(?:\[\.\.\.\]|\.\.\.|\(\.\.\.\)|…)\s*$/.test(text);
}

/**
 * The text of a line to read, or null: blank lines, bare prompts, kubectl's chatter and what the
 * author left out are skipped; an over-long line is a problem (`badLine`).
 */
export function textToRead(l: Line, problems: ProblemList): string | null {
  if (isNoise(l.text) || isElision(l.text)) return null;
  if (l.text.length <= MAX_LINE) return l.text;
  problems.add(l.n, 'badLine');
  return null;
}

/** An address as Cilium prints frontends and backends: `10.96.0.10:53/UDP`, `[fd00::1]:80`, `34.1.1.100:443/i`. */
export interface CiliumAddress {
  ip: string;
  port: number;
  /** `TCP`, `UDP`, `SCTP`, `ANY`: printed since Cilium 1.16; null before. */
  proto: string | null;
  /** `/i`: the entry for traffic from inside the cluster (two-scope services, externalTrafficPolicy=Local). */
  internal: boolean;
}

const ADDRESS =
  /^(\[[0-9A-Fa-f:.]+\]|\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})(?:[/:](TCP|UDP|SCTP|ANY|NONE))?(\/i)?$/;

export function addressOf(text: string): CiliumAddress | null {
  const m = ADDRESS.exec(text);
  if (!m) return null;
  return {
    ip: m[1]!.replace(/^\[|\]$/g, ''),
    port: Number(m[2]),
    proto: m[3] ?? null,
    internal: m[4] !== undefined,
  };
}
