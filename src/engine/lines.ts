import type { Line } from './types';

// CSI / OSC escape sequences as terminals emit them (colours, titles, cursor moves).
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;
const NON_TEXT = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;

/**
 * Splits a paste into numbered lines: CRLF/CR, ANSI colours, NULs and a BOM removed, and a
 * quote prefix ("> " on every line, as chat and GitHub quotes add) stripped.
 */
export function toLines(raw: string): Line[] {
  const text = raw.replace(/^\uFEFF/, '');
  const out: Line[] = [];
  let start = 0;
  let n = 0;
  const len = text.length;
  while (start <= len) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = len;
    n += 1;
    let line = text.slice(start, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.includes('\r')) line = line.slice(line.lastIndexOf('\r') + 1); // progress-bar overwrites
    if (line.includes('\x1b')) line = line.replace(ANSI, '');
    if (NON_TEXT.test(line)) line = line.replace(NON_TEXT, '');
    NON_TEXT.lastIndex = 0;
    out.push({ n, text: line });
    start = end + 1;
  }
  if (out.length > 0 && out[out.length - 1]!.text === '') out.pop();
  return stripQuotePrefix(out);
}

function stripQuotePrefix(lines: Line[]): Line[] {
  const nonEmpty = lines.filter((l) => l.text.trim() !== '');
  if (nonEmpty.length === 0 || !nonEmpty.every((l) => /^\s*>(\s|$)/.test(l.text))) return lines;
  return lines.map((l) => ({ n: l.n, text: l.text.replace(/^\s*> ?/, '') }));
}

// Commands a root prompt ("# cmd") is followed by; '#' alone also starts comments in many outputs.
const KNOWN_COMMANDS =
  /^(?:sudo|kubectl|sysctl|iptables\S*|ip6tables\S*|ipvsadm|conntrack|netstat|nstat|ss|cat|grep|tail|head|less|journalctl|dmesg|ethtool|ip|uname|lsmod|modprobe|tcpdump|curl|ping|nslookup|dig|firewall-cmd|crictl|docker|systemctl|awk|sort|find|ls|echo|docker)\b/;

/**
 * When a line is a shell prompt with the command the operator typed, returns that command.
 * Recognises `$ cmd`, `user@host:~$ cmd`, `[root@host ~]# cmd`, `host:~# cmd` and `# cmd`
 * (the last only for a known command, since '#' also starts comments in outputs).
 */
export function promptCommand(text: string): string | null {
  let m =
    /^\s*(?:\[[^\]\n]{1,80}\]|[\w.-]{1,64}@[^\s$#%]{1,120}|[\w./-]{1,80}:[^\s$#%]{0,120})\s?[$#%]\s+(\S.*)$/.exec(
      text,
    );
  if (m) return m[1]!.trimEnd();
  m = /^\s*\$\s+(\S.*)$/.exec(text);
  if (m) return m[1]!.trimEnd();
  m = /^\s*#\s+(\S.*)$/.exec(text);
  if (m && KNOWN_COMMANDS.test(m[1]!)) return m[1]!.trimEnd();
  return null;
}
