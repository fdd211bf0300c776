import { bareCommand, promptCommand, toLines } from '../engine/lines';
import { unframe } from '../engine/framing';
import type { Line } from '../engine/types';

/** One command's output inside a paste. */
export interface Section {
  source: string;
  /** The command that produced it, from a `==> COMMAND <==` header or an echoed prompt. */
  command: string | null;
  /** The container shell the command was typed in (see `ParseContext.within`), when any. */
  within?: string | null;
  lines: Line[];
}

/**
 * A command that opens an interactive shell in a container (`kubectl exec -it POD -- sh`,
 * `crictl exec -it ID bash`, `docker exec -it NAME /bin/sh`, `docker run --rm -ti IMAGE sh`):
 * what is typed next runs there.
 */
export const CONTAINER_SHELL =
  /\b(?:(?:docker|podman|nerdctl|crictl)\s+(?:container\s+)?exec|(?:docker|podman|nerdctl)\s+(?:container\s+)?run|(?:kubectl|oc)\s.*\bexec)\s.*\s(?:\/bin\/)?(?:ba|a|z)?sh\s*$/;

/**
 * A container shell whose container has a network namespace of its own: one started with
 * `docker run` (podman, nerdctl) without `--net=host` / `--network host`. The tables, routes
 * and sysctls read in it are that container's, not the node's. A shell opened with `exec` may be
 * in a pod on the host network (kube-proxy, the CNI agent): it is not judged here.
 */
export function ownNetns(within: string | null | undefined): boolean {
  return (
    !!within &&
    /\b(?:docker|podman|nerdctl)\s+(?:container\s+)?run\s/.test(within) &&
    !/\s--net(?:work)?(?:=|\s+)host\b/.test(within)
  );
}

/** A typed command continued on the next line: it ends with an unescaped backslash. */
const CONTINUED = /(?:^|[^\\])\\\s*$/;
const MAX_CONTINUATIONS = 20;

const BUNDLE_HEADER = /^==> (.{1,4000}?) <==\s*$/;

/**
 * A blog's way to show output: the command typed bare, then what it printed as a shell comment
 * introduced by a note (`# 输出：net.ipv4.ip_forward = 0`, `# Output: ...`, or `# 输出包含：` on
 * its own line with the printed lines commented out under it).
 */
const OUTPUT_NOTE =
  /^\s*#\s*(?:输出|结果|返回|回显|output|result|returns?|prints?)\s*(?:包含|如下|为|是)?\s*[:：]\s?(.*)$/i;
const COMMENTED = /^\s*#(?: (.*))?$/;

/**
 * Splits a paste into the outputs it holds: a collector bundle's `==> COMMAND <==` sections,
 * or outputs separated by the shell prompts that typed them. A single output keeps `source`;
 * several are named `source#1`, `source#2`, ...
 */
export function splitPaste(raw: string, source: string): Section[] {
  type Part = { command: string | null; within: string | null; lines: Line[]; header: boolean };
  const parts: Part[] = [];
  let current: Part = { command: null, within: null, lines: [], header: false };
  // The container shell the prompts are typed in, from its exec until its `exit`, or until the
  // prompt that typed the exec comes back (the shell left with Ctrl-D, `exit` not echoed).
  let shell: string | null = null;
  let shellPrompt: string | null = null;
  const begin = (command: string | null, header = false, prompt: string | null = null) => {
    if (current.lines.some((l) => l.text.trim() !== '') || current.command !== null)
      parts.push(current);
    if (header) shell = null;
    else if (command !== null && /^exit\b/.test(command.trim())) shell = null;
    else if (shell !== null && prompt === shellPrompt && namesHost(prompt)) shell = null;
    current = { command, within: header ? null : shell, lines: [], header };
    if (command !== null && !header && CONTAINER_SHELL.test(command)) {
      shell = command;
      shellPrompt = prompt;
    }
  };
  const all = unframe(toLines(raw));
  // Inside a commented output: one line after `# Output: X`, every comment after `# Output:`.
  let commented: 'one' | 'more' | null = null;
  for (let i = 0; i < all.length; i++) {
    const line = all[i]!;
    if (commented !== null) {
      const c = commented === 'more' ? COMMENTED.exec(line.text) : null;
      if (c) {
        current.lines.push({ n: line.n, text: c[1] ?? '' });
        continue;
      }
      // What follows the commented output is not the command's: the author's next line.
      commented = null;
      begin(null);
    }
    const header = line.text.startsWith('==> ') ? BUNDLE_HEADER.exec(line.text) : null;
    if (header) {
      begin(header[1]!.trim(), true);
      continue;
    }
    const typed = promptCommand(line.text) ?? promptCommand(unglueFence(line.text));
    if (typed !== null) {
      // `docker run --rm -ti \` then `    IMAGE sh`: the lines after a trailing backslash are
      // the same command, not its output.
      let command = typed;
      for (let k = 0; k < MAX_CONTINUATIONS && CONTINUED.test(command); k++) {
        const more = all[i + 1];
        if (!more || more.text.trim() === '') break;
        command = `${command.replace(/\\\s*$/, '').trimEnd()} ${more.text.trim()}`;
        i += 1;
      }
      begin(command, false, promptOf(line.text, typed));
      continue;
    }
    const next = all[i + 1];
    const note = next ? OUTPUT_NOTE.exec(next.text) : null;
    const bare = note ? bareCommand(line.text) : null;
    if (note && next && bare !== null) {
      begin(bare);
      const said = note[1]!.trim();
      if (said !== '') current.lines.push({ n: next.n, text: said });
      commented = said === '' ? 'more' : 'one';
      i += 1;
      continue;
    }
    const typedBare = typedWithoutPrompt(all, i);
    if (typedBare !== null) {
      begin(typedBare);
      continue;
    }
    current.lines.push(line);
  }
  begin(null);
  // A prompt with nothing after it (the operator's next, empty prompt) is not an output;
  // an empty bundle section is (the collector ran the command and it printed nothing).
  const filled = parts.filter((p) => p.header || p.lines.some((l) => l.text.trim() !== ''));
  // Nothing but prompts: the first one still says what was run.
  const outputs = filled.length > 0 ? filled : parts.slice(0, 1);
  if (outputs.length <= 1) {
    const only = outputs[0] ?? { command: null, within: null, lines: [] };
    return [{ source, command: only.command, ...within(only), lines: unframe(only.lines) }];
  }
  // Each output may be framed on its own (files joined by `tail -n +1`, quoted one by one).
  return outputs.map((p, i) => ({
    source: `${source}#${i + 1}`,
    command: p.command,
    ...within(p),
    lines: unframe(p.lines),
  }));
}

/** Prose, not a command (outside quotes): a sentence's end, a `label: value`, CJK text. */
const PROSE_END = /[.:;,!?：。，！？]\s*$/;
const PROSE_INSIDE = /: |[\u3000-\u9fff\uff00-\uffef]/;
const QUOTED = /(["']).*?\1/g;

/**
 * A command typed with no prompt, as posts show it above its output (`cat /proc/sys/x` then
 * `300000`): a line whose first word is a command the splitter knows, at the start of a block
 * (the paste's first line, after a blank line or a code fence) and with its output right under
 * it. Inside a block a known word may begin an output row (a pod named `curl`), so only a
 * block's first line counts; a line ending like a sentence is the author's prose.
 */
function typedWithoutPrompt(all: Line[], i: number): string | null {
  const line = all[i]!;
  const prev = all[i - 1];
  const next = all[i + 1];
  const opensBlock = !prev || prev.text.trim() === '' || prev.n < line.n - 1;
  if (!opensBlock || !next || next.text.trim() === '' || next.n !== line.n + 1) return null;
  const bare = bareCommand(line.text);
  if (bare === null || PROSE_END.test(bare) || PROSE_INSIDE.test(bare.replace(QUOTED, '')))
    return null;
  // A command the next line continues, another bare command or a comment under it: a script
  // or a walkthrough, not output (a commented output is read only after an output note).
  if (CONTINUED.test(bare) || bareCommand(next.text) !== null || COMMENTED.test(next.text))
    return null;
  return bare;
}

/**
 * A Markdown fence glued to the prompt line it opens (```` ```user@host:~$ kubectl get pods ````):
 * the line without it. Only for recognising the prompt; output lines keep their text.
 */
function unglueFence(text: string): string {
  return text.replace(/^(\s*)(?:`{3,}|~{3,})(?=\S)/, '$1');
}

/** The prompt in front of a typed command (`root@node1:~# ` of `root@node1:~# sysctl -a`). */
function promptOf(text: string, command: string): string {
  const t = unglueFence(text).trimEnd();
  return t.endsWith(command) ? t.slice(0, t.length - command.length).trim() : t;
}

/**
 * Does a prompt say where it is (`root@node1:~#`, `[root@master ~]#`)? A bare `$` or `#` is
 * how many posts write every prompt, the container's included: its return says nothing.
 */
function namesHost(prompt: string | null): boolean {
  return prompt !== null && /[A-Za-z]/.test(prompt) && prompt.length >= 3;
}

/** `within` only when there is one, so sections without a container shell stay as they were. */
function within(p: { within: string | null }): { within?: string } {
  return p.within ? { within: p.within } : {};
}
