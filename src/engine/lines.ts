import type { Line } from './types';
import { stripQuotePrefix } from './framing';

export { stripQuotePrefix };

// CSI / OSC escape sequences as terminals emit them (colours, titles, cursor moves).
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;
const NON_TEXT = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;
/** Any character a line may need cleaning for: NON_TEXT plus CR and ESC. */
const DIRTY = /[\x00-\x08\x0b-\x1f\x7f]/g;

/**
 * Splits a paste into numbered lines: CRLF/CR, ANSI colours, NULs and a BOM removed, and a
 * quote prefix ("> " on every line, as chat and GitHub quotes add) stripped.
 *
 * Hot path for 40 MB pastes: one native split, and one regex scan of the whole text for the
 * next character that needs cleaning, so lines without control characters are never scanned
 * again.
 */
export function toLines(raw: string): Line[] {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const parts = text.split('\n');
  const out: Line[] = [];
  let pos = 0;
  let dirty = nextDirty(text, 0);
  for (let i = 0; i < parts.length; i++) {
    let line = parts[i]!;
    const end = pos + line.length;
    if (dirty < end) {
      line = clean(line);
      dirty = nextDirty(text, end + 1);
    }
    out.push({ n: i + 1, text: line });
    pos = end + 1;
  }
  if (out.length > 0 && out[out.length - 1]!.text === '') out.pop();
  return stripQuotePrefix(out);
}

function nextDirty(text: string, from: number): number {
  DIRTY.lastIndex = from;
  const m = DIRTY.exec(text);
  return m ? m.index : Infinity;
}

/** One line as `toLines` cleans it (`raw` holds no newline). */
export function clean(raw: string): string {
  let line = raw;
  if (line.endsWith('\r')) line = line.slice(0, -1);
  if (line.includes('\r')) line = line.slice(line.lastIndexOf('\r') + 1); // progress-bar overwrites
  if (line.includes('\x1b')) line = line.replace(ANSI, '');
  NON_TEXT.lastIndex = 0;
  if (NON_TEXT.test(line)) line = line.replace(NON_TEXT, '');
  NON_TEXT.lastIndex = 0;
  return line;
}

// Commands a root prompt ("# cmd", "/ # cmd") is followed by; '#' alone also starts comments.
const KNOWN_COMMANDS =
  /^(?:sudo|kubectl|k(?=\s+(?:get|describe|logs|exec|apply|edit|delete|create|run|expose|top|rollout|label|port-forward)\b)|oc|microk8s|k3s|crictl|nerdctl|calicoctl|cilium(?:-dbg)?|nft|ipset|resolvectl|sysctl|iptables\S*|ip6tables\S*|ipvsadm|conntrack|netstat|nstat|ss|cat|grep|tail|head|less|journalctl|dmesg|ethtool|ip|uname|lsmod|modprobe|tcpdump|curl|ping|nslookup|dig|firewall-cmd|crictl|docker|systemctl|awk|sort|find|ls|echo|exit|cd|clear|su|sh|bash|nsenter|watch|env|export|telnet|nc|wget|helm|minikube|traceroute|ifconfig)\b|^host(?=(?:\s+-\w+(?:\s+[\w.-]+)?)*\s+[\w-]+(?:\.[\w-]+)*\.?(?:\s+[\d.:a-fA-F]+)?\s*$)/;

/** Shell prompts, each capturing the command typed after it. `known`: only before a known command. */
const PROMPTS: { re: RegExp; known?: true }[] = [
  // user@host:~$ cmd, [root@host ~]# cmd, host:~# cmd
  {
    re: /^\s*(?:\[[^\]\n]{1,80}\]|[\w.-]{1,64}@[^\s$#%]{1,120}|[\w./-]{1,80}:[^\s$#%]{0,120})\s?[$#%]\s+(\S.*)$/,
  },
  // [root@k8s-master01 ~]#cmd: a Red Hat style prompt whose PS1 leaves no blank after `#`
  // (common in Chinese course notes and incident posts)
  { re: /^\s*\[[\w.-]{1,64}@[^\]\s]{1,120}(?:\s[^\]\n]{0,120})?\][$#](?=[^\s#$])(.+)$/ },
  // $ cmd
  { re: /^\s*\$\s+(\S.*)$/ },
  // # cmd ('#' alone also starts comments in many outputs); `\# cmd` is the same prompt in
  // GitHub markdown, escaped so that it does not render as a heading
  { re: /^\s*\\?#\s+(\S.*)$/, known: true },
  // #systemctl status x: the same root prompt glued to its command, as notes copied from a
  // terminal with a blank-less PS1 show it (only before a command the splitter knows)
  { re: /^\s*#(?=[a-z])(\S.*)$/, known: true },
  // bash-4.2$ cmd, sh-4.4# cmd: a shell with no prompt configured
  { re: /^\s*(?:ba|da|k|z)?sh-\d+(?:\.\d+)*[$#]\s+(\S.*)$/ },
  // ~ # cmd, / # cmd, /etc $ cmd: busybox ash, as in `kubectl exec -it POD -- sh`
  { re: /^\s*[~/][\w./~-]{0,120}\s[$#]\s+(\S.*)$/, known: true },
  // ➜  ~ cmd, ➜  repo git:(main) ✗ cmd: oh-my-zsh (and ➜  cmd, its directory cut off)
  { re: /^\s*➜\s+(\S.*)$/, known: true },
  { re: /^\s*➜\s+\S{1,120}(?:\s+git:\([^)\s]{1,120}\))?(?:\s+✗)?\s+(\S.*)$/ },
  // cluster1-controlplane ~ ➜  k get po: KodeKloud and CKA lab shells (host, directory, arrow)
  { re: /^\s*[\w.-]{1,64} [~/][^\s$#%]{0,120} ➜\s+(\S.*)$/, known: true },
  // ❯ cmd (pure, starship), 🐳  → cmd, » cmd, ⇒  cmd (zsh themes): an arrow, maybe after a symbol
  { re: /^\s*(?:\S{1,8}\s+)?[❯→»⇒]\s+(\S.*)$/, known: true },
  // ± |master {1} S:5 U:4 ?:1 ✗| → cmd: a two-line zsh/bash theme whose second line holds the
  // git status between bars (branch, stashes, staged, unstaged, untracked, dirty) before `→`
  // (`○ → cmd` outside a repository is the arrow form above)
  { re: /^\s*(?:±\s+)?\|[\w./@-]{1,100}(?:\s[^|\n]{0,160})?\|\s+→\s+(\S.*)$/ },
  // user@host ~ % cmd (macOS zsh), user@host ~> cmd (fish)
  { re: /^\s*[\w.-]{1,64}@[\w.-]{1,64}\s+\S{1,120}?(?:\s+[%$#]|>)\s+(\S.*)$/ },
  // MacBook-Pro:~ alice$ cmd, host:dir root# cmd: macOS bash's default prompt (`\h:\W \u\$`)
  // (`\W` is the directory's last name: `~`, `/`, or a name without `/`)
  { re: /^\s*[\w.-]{1,64}:(?:~|\/|[^\s/$#%:]{1,120}) [\w.-]{1,32}[$#]\s+(\S.*)$/, known: true },
  // master01 ~ # cmd, node1 /etc $ cmd: Container Linux and Gentoo (`\h \W \$`, no user)
  { re: /^\s*[\w.-]{1,64} [~/][^\s$#%]{0,120} [$#]\s+(\S.*)$/, known: true },
  // cilium-sysdump-x vli$ cmd: a directory and the user (`\W \u\$`, macOS bash without the
  // host); only before a command the splitter knows
  { re: /^\s*[\w.~-]{1,100} [\w.-]{1,32}[$#]\s+(\S.*)$/, known: true },
  // node-1$ cmd, master01# cmd: a bare host name (`\h\$ `), as training docs write each node's
  // prompt; only before a command the splitter knows
  { re: /^\s*[A-Za-z][\w.-]{0,63}[$#]\s+(\S.*)$/, known: true },
  // PS C:\Users\me> cmd: PowerShell
  { re: /^\s*PS [A-Za-z]:\\[^>]{0,200}>\s+(\S.*)$/ },
];

/**
 * When a line is a shell prompt with the command the operator typed, returns that command:
 * `$ cmd`, `user@host:~$ cmd`, `[root@host ~]# cmd`, `host:~# cmd`, `# cmd`, `bash-4.2$ cmd`,
 * `~ # cmd`, oh-my-zsh's `➜  dir cmd`, starship's `❯ cmd`, macOS zsh's `user@host ~ % cmd`,
 * fish, PowerShell.
 */
export function promptCommand(text: string): string | null {
  return mayBePrompt(text) ? matchPrompt(text) : null;
}

/**
 * When a line is a command typed with no prompt at all (`sysctl net.ipv4.ip_forward`, as blog
 * posts show the command above its output), returns it: the first word must be a command the
 * splitter knows, whole (`cat: /proc/x: No such file` is that tool's error, not a command).
 */
export function bareCommand(text: string): string | null {
  if (text.length > 2000) return null;
  const t = text.trim();
  const first = /^\S+/.exec(t)?.[0] ?? '';
  const m = KNOWN_COMMANDS.exec(first);
  return m && m[0] === first ? t : null;
}

/** `promptCommand` without the cheap pre-check (tests hold the two together). */
export function matchPrompt(text: string): string | null {
  for (const { re, known } of PROMPTS) {
    const m = re.exec(text);
    if (m && (!known || KNOWN_COMMANDS.test(m[1]!))) return m[1]!.trimEnd();
  }
  return null;
}

/** Is `c` a character the regex `\s` matches? */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** $ # % > and the arrows themed prompts end in: ➜ ❯ → » ⇒ */
const isPromptChar = (c: number) =>
  c === 36 ||
  c === 35 ||
  c === 37 ||
  c === 62 ||
  c === 0x279c ||
  c === 0x276f ||
  c === 0x2192 ||
  c === 0x21d2 ||
  c === 0xbb;

/**
 * Necessary condition for `matchPrompt`, checked without a regex (it runs on every line of a
 * 250,000-line paste): after leading blanks the line starts with `[`, `±`, `|` or `PS `, or a prompt
 * character ($ # % > or an arrow) comes within its first three words (the first 400
 * characters).
 */
function mayBePrompt(text: string): boolean {
  const len = text.length;
  let i = 0;
  while (i < len && isSpace(text.charCodeAt(i))) i++;
  const first = text.charCodeAt(i);
  if (first === 91) return true; // [root@host ~]#
  if (first === 0xb1 || first === 124) return true; // ± |master ✗| → (the git status has blanks)
  if (first === 80 && text.startsWith('PS ', i)) return true;
  const limit = Math.min(len, i + 400);
  let words = 1;
  for (let k = i; k < limit; k++) {
    const c = text.charCodeAt(k);
    if (isPromptChar(c)) return true;
    if (isSpace(c)) {
      while (k + 1 < limit && isSpace(text.charCodeAt(k + 1))) k++;
      if (++words > 3) return false;
    }
  }
  return false;
}
