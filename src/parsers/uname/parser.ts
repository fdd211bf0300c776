import { accept, defineParser, msg, reject } from '../define';
import { ProblemList, cite, content } from '../node-shared/util';
import type { UnameFacts } from './facts';

const K = 'parse.uname';
/** `uname -a`: `Linux host 3.10.0-1062.1.2.el7.x86_64 #1 SMP Mon Sep 30 ... x86_64 x86_64 x86_64 GNU/Linux`. */
const ALL = /^\s*Linux (\S+) (\d+\.\d+(?:\.\d+)?\S*) #/;
const MACHINE = /\b(?:x86_64|aarch64|arm64|armv[78]l|ppc64le|s390x|i[3-6]86|riscv64)\b/g;
/** `/proc/version`: `Linux version 5.15.0-91-generic (buildd@...) (gcc ...) #101-Ubuntu SMP ...`. */
const PROC = /^\s*Linux version (\d+\.\d+(?:\.\d+)?\S*) \(/;
/** `uname -r`: a release on its own line. */
const RELEASE = /^\s*(\d+\.\d+(?:\.\d+)?(?:[-+~.][\w.+~-]*)?)\s*$/;
/** Without the command, only a release that looks like a kernel's (a suffix after the numbers). */
const KERNEL_LIKE = /^\s*\d+\.\d+(?:\.\d+)?[-+][\w.+~-]+\s*$/;
const UNAME_COMMAND = /\buname\b|\/proc\/version\b/;

/** `uname -r`, `uname -a`, `/proc/version` → kernel release and its numbers. */
export const uname = defineParser<'uname', UnameFacts>({
  kind: 'uname',
  detect(head, ctx) {
    if (head.length > 3) return false;
    const t = head[0]!.text;
    if (t.length > 500) return false;
    if (ALL.test(t) || PROC.test(t)) return true;
    if (head.length !== 1) return false;
    return UNAME_COMMAND.test(ctx.command ?? '') ? RELEASE.test(t) : KERNEL_LIKE.test(t);
  },
  parse(lines) {
    const problems = new ProblemList(K);
    let facts: UnameFacts | null = null;
    for (const l of content(lines)) {
      if (l.text.length > 500) {
        problems.add(l.n, 'badLine');
        continue;
      }
      const a = ALL.exec(l.text);
      const p = a ? null : PROC.exec(l.text);
      const r = a || p ? null : RELEASE.exec(l.text);
      const release = a?.[2] ?? p?.[1] ?? r?.[1];
      if (!release || facts) {
        problems.add(l.n, 'badLine');
        continue;
      }
      const [major = 0, minor = 0, patch = 0] = release.split(/[^\d]/, 3).map(Number);
      facts = {
        release: cite(release, l),
        version: { major, minor, patch },
        host: a?.[1] ?? null,
        machine: a ? ([...l.text.matchAll(MACHINE)].at(-1)?.[0] ?? null) : null,
      };
    }
    if (!facts) return reject(msg(`${K}.noRelease`));
    return accept(facts, problems.done(), msg(`${K}.summary`, { release: facts.release.value }));
  },
});
