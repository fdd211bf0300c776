import type { Cited, Line, Problem } from '../../engine/types';
import { accept, defineParser, msg, reject, type ParseContext } from '../define';
import type { SysctlFacts } from './facts';
import { CONTAINER_SHELL } from '../split';
import { SYSLOG_DATE } from '../node-shared/syslog-date';

const K = 'parse.sysctl';
// Sysctl trees; a dotted key under another root (Java properties, Helm values) is not sysctl.
const ROOTS = '(?:net|kernel|vm|fs|dev|abi|debug|user|sunrpc|crypto)';
/** `key = value` (sysctl, sysctl -p) or `key=value` (busybox, sysctl.conf); sysctl.d's `-key = v` may fail quietly. */
const KV = /^\s*-?((?:\/?proc\/sys\/)?[A-Za-z0-9_][\w.:/@-]*)\s*=\s?(.*)$/;
/** A line that looks like sysctl's own output: a dotted (or slashed) key of a sysctl tree. */
const SYSCTL_LINE = new RegExp(`^\\s*-?(?:\\/?proc\\/sys\\/)?${ROOTS}(?:[./][\\w:@-]+){1,}\\s*=`);
/** A comment of a configuration file: sysctl itself never prints one. */
const COMMENT = /^\s*[#;]/;
/** A shell comment the poster wrote between commands (`# 查看当前值`, `# now the count`). */
const NOTE_LINE = /^\s*#(?:\s|$)/;
/** `cat /etc/sysctl.conf`, `cat /etc/sysctl.d/99-k8s.conf`, `grep -r . /usr/lib/sysctl.d/`. */
const CONF_COMMAND = /\bsysctl\.(?:conf\b|d\/)/;
/** `grep . /proc/sys/net/ipv4/*` prints `path:value`. */
const GREP_PROC = /^\s*(\/proc\/sys\/[\w.:/@-]+):(.*)$/;
/**
 * ENOENT as glibc words it: English, and the Chinese locales many posts are pasted from
 * (zh_CN `没有那个文件或目录`, zh_TW `沒有此一檔案或目錄`).
 */
const ENOENT = String.raw`(?:No such file or directory|没有那个文件或目录|沒有此一檔案或目錄)`;
/**
 * `sysctl: cannot stat /proc/sys/x: No such file...`, `cat: /proc/sys/x: No such file...`, and
 * the shell refusing a redirect into a key that does not exist (`echo 1 > /proc/sys/x` →
 * `-bash: /proc/sys/x: No such file...`, `bash: line 1: ...`, `sh: 1: ...`).
 */
const NO_FILE = new RegExp(
  String.raw`^\s*(?:sysctl|cat|grep|-?(?:ba|z|da)?sh(?::\s+(?:line\s+)?\d+)?):\s+(?:cannot stat\s+)?(\/proc\/sys\/\S+?):\s+${ENOENT}`,
  'i',
);
/** A shell's own error for a missing /proc/sys path (what `echo 1 > /proc/sys/x` prints). */
const SHELL_NO_FILE = new RegExp(
  String.raw`^\s*-?(?:ba|z|da)?sh(?::\s+(?:line\s+)?\d+)?:\s+\/proc\/sys\/\S+?:\s+${ENOENT}\s*$`,
);
/** procps-ng >= 3.3.16 under `sysctl -p`/`--system`: `sysctl: setting key "x": No such file or directory`. */
const SETTING_KEY =
  /^\s*sysctl: setting key\s+["'`]([\w.:/@-]+)["'`]:\s+No such file or directory/i;
/**
 * Go's error for a /proc/sys path that is not there (an `os.PathError`: `open /proc/sys/x: no
 * such file or directory`, `stat ...`), quoted in the error a Go command-line installer ends
 * with (cobra's `Error: `, kubeadm's `error execution phase X: `): `Error: error execution phase initialize: Write file /proc/sys/x fail: open
 * /proc/sys/x: no such file or directory`. Lower-case, as Go words ENOENT. An agent's log line
 * saying the same (flannel's `Failed to check br_netfilter: stat ...`) is the CNI log's.
 */
const GO_NO_FILE =
  /^\s*(?:Error: |error execution phase )(?:.{0,500}: )?(?:open|l?stat) (\/proc\/sys\/[\w.:/@-]{1,200}): no such file or directory\b/;
/** procps `sysctl: unknown key 'x'`, older `error: "x" is an unknown key`. */
const UNKNOWN_KEY = /unknown key\s*['"`]?([\w.:/@-]+)|['"`]([\w.:/@-]+)['"`]\s+is an unknown key/i;
// Noise that `sysctl -a` prints as a non-root user or for write-only keys: not a fault of the paste.
// `sysctl --system` names each file it applies (`* Applying /etc/sysctl.d/k8s.conf ...`).
const NOISE =
  /^\s*(?:sysctl: (?:permission denied on key|reading key)|[#;]|\* Applying \S+ \.\.\.\s*$|$)/;
const TOOL_ERROR =
  /^\s*(?:sysctl: (?:cannot stat \/proc\/sys\/|unknown key|setting key\s+["'`][\w.:/@-]+["'`]:\s+No such file)|(?:sysctl: )?error: "[\w.:/@-]+" is an unknown key)/;
/**
 * Other tools saying what a key is: kubeadm's preflight (`[ERROR FileContent--proc-sys-...]:
 * /proc/sys/x does not exist` / `contents are not set to 1`) and `docker info` (`WARNING:
 * bridge-nf-call-iptables is disabled`). The bridge keys hold only 0 or 1.
 */
const PREFLIGHT =
  /^\s*(?:\[(?:ERROR|WARNING) FileContent--[\w-]+\]:\s+)?(\/proc\/sys\/\S+)\s+(does not exist|contents are not set to 1)\s*$/;
/**
 * kubeadm's IPVS preflight check, both wordings (1.10-1.14 on one line, later in a block):
 * `... the following required kernel modules are not loaded: [ip_vs ip_vs_rr ...]`. The list may
 * wrap onto the next lines.
 */
const PREFLIGHT_MODULES = /required kernel modules are not loaded:\s*\[([^\]]*)(\])?/i;
const PREFLIGHT_IPVS = /\[WARNING RequiredIPVSKernelModulesAvailable\]/;
/** kubeadm's own lines around its checks: phase tags, other checks, the IPVS check's advice. */
const KUBEADM_NOISE =
  /^\s*(?:`{3}\s*)?(?:\[[a-z][\w-]*\]\s|\[(?:WARNING|ERROR) [\w.-]+\]:|or no builtin kernel ipvs support|However, these modules may be loaded|To verify IPVS support|Run "lsmod|If they are not listed|you can solve this problem|\d\.\s+(?:For each missing module|If 'modprobe|Run 'modprobe|Provide the missing)|map\[|\d+ (?:Run|Provide)|`{3}\s*$|This node has joined|Run 'kubectl get nodes'|\* (?:Certificate signing|The Kubelet was informed)|Your Kubernetes (?:control-plane|master) has initialized)/i;
/**
 * `docker info`'s warning, or dockerd logging it at start-up (27.x) through journald:
 * `Oct 14 20:41:25 host dockerd[627]: time="..." level=warning msg="WARNING: ... is disabled"`
 * (`10月 14 20:41:25 host dockerd[627]: ...` under a Chinese locale).
 */
const DOCKER_DISABLED = new RegExp(
  String.raw`^\s*(?:${SYSLOG_DATE} \S+ dockerd\[\d+\]: )?(?:time="[^"]*" level=warn(?:ing)? msg=")?WARNING: (bridge-nf-call-(?:ip6?|arp)tables) is disabled"?\s*$`,
);
/**
 * AWS EC2 Rescue for Linux's `tcprecycle` module, which reads `net.ipv4.tcp_tw_recycle`: in the
 * run's `[Diagnostic Results]` (`module run/tcprecycle   [FAILURE] You have aggressive TCP
 * connection recycling enabled. ...`) or printed by the module itself (`[SUCCESS] Aggressive TCP
 * recycling is disabled.`). FAILURE means the key is 1, SUCCESS that it is 0.
 */
const EC2RL_TCPRECYCLE =
  /^\s*(?:module\s+(?:run\/)?tcprecycle\s+)?\[(FAILURE|SUCCESS)\]\s+(?:You have aggressive TCP (?:connection )?recycling enabled|Aggressive TCP (?:connection )?recycling is (?:enabled|disabled))\b/i;
/** The lines around the module's verdict: the results banner, the module's opening words. */
const EC2RL_NOISE =
  /^\s*(?:-{3,}\[Diagnostic Results\]-{3,}|Determining if aggressive TCP recycling is enabled)\s*$/i;
/** `cat /proc/sys/x`, also run on the node through `ssh [opts] HOST [sudo] cat ...` (quoted or not). */
const CAT_PROC =
  /^(?:sudo\s+)?(?:ssh(?:\s+\S+){1,8}?\s+(['"]?))?(?:sudo\s+)?cat\s+((?:\/proc\/sys\/)[\w.:/@-]+)\1\s*$/;
/**
 * A command run in a container (`kubectl exec POD -- sysctl ...`, `crictl exec ID cat ...`,
 * `docker exec`): what it prints is that container's network namespace, not the node's.
 */
const CONTAINER_COMMAND =
  /\b(?:docker|podman|nerdctl|crictl)\s+(?:container\s+)?exec\b|\b(?:kubectl|oc)\b.*\sexec\b/;
/** `exit` typed in a container's shell (its prompt may be left on the line): back on the node. */
const SHELL_EXIT = /^\s*(?:\S*\s?[$#]\s*)?exit\s*$/;
/**
 * Ansible's sysctl module quotes sysctl's own output in its failure message, after its words
 * `Failed to reload sysctl: ` or `setting KEY failed: `: in the JSON result (`fatal: [h]: FAILED!
 * => {..., "msg": "...\nsysctl: cannot stat ...\n"}`, `\n` escaped) or in the YAML callback's
 * `msg: |-` block, a line each (a poster may wrap it in Markdown `**`). Only those words make
 * the quoted lines sysctl's; prose that merely cites an error is left alone.
 */
const ANSIBLE_JSON_MSG = /"msg":\s*"((?:[^"\\]|\\.){1,10000})"/;
const ANSIBLE_SYSCTL = /^(?:Failed to reload sysctl|setting [\w.:/@-]{1,200} failed):\s*/;
/**
 * An Ansible task result on one line (`fatal: [h]: FAILED! => {...}`, `failed: [h] (item=x) =>
 * {...}`) whose `"stderr"` string carries what a command (kubeadm, sysctl) printed, `\n`/`\t`
 * escaped. Only the tool wordings read elsewhere (kubeadm's preflight, sysctl's errors) are taken
 * from it: stderr holds no values.
 */
const ANSIBLE_RESULT = /^\s*(?:fatal|failed|changed|ok): \[[^\]\s]{1,200}\][^{]{0,500}=> \{/;
const ANSIBLE_JSON_STDERR = /"stderr":\s*"((?:[^"\\]|\\.){1,10000})"/;
/**
 * A Markdown code fence left over when a prompt inside a fenced block split the paste
 * (`` ```\n$ cat /proc/sys/x\n131072\n``` ``): framing, never a value.
 */
const MAX_LINE = 20_000;
const MAX_PROBLEMS = 50;

// Keys whose values the rules read first; shown in the summary when present.
const NOTABLE = [
  'net.ipv4.tcp_tw_recycle',
  'net.ipv4.tcp_timestamps',
  'net.ipv4.ip_forward',
  'net.bridge.bridge-nf-call-iptables',
  'net.ipv4.conf.all.rp_filter',
  'net.ipv4.conf.default.rp_filter',
];

/** `net/ipv4/x`, `/proc/sys/net/ipv4/conf/eth0.100/rp_filter` → `net.ipv4.conf.eth0/100.rp_filter` (procps swaps . and /). */
export function dottedKey(key: string): string {
  const k = key.replace(/^\/?proc\/sys\//, '');
  if (!k.includes('/')) return k;
  return k.replace(/[./]/g, (c) => (c === '/' ? '.' : '/'));
}

/** `sysctl -a`, `sysctl k...`, `sysctl -p`, `sysctl -n k...` and `cat /proc/sys/...` → values by dotted key. */
export const sysctl = defineParser<'sysctl', SysctlFacts>({
  kind: 'sysctl',
  detect(head, ctx) {
    // Lines typed into an editor are a config file being changed, not the kernel's values.
    if (/^(?:sudo\s+)?(?:vim?|nano|emacs)\s/.test(ctx.command ?? '')) return false;
    if (catPath(ctx) && head.filter((l) => !NOTE_LINE.test(l.text)).length === 1) return true;
    if (
      head.length > 0 &&
      nKeys(ctx)?.length === head.length &&
      head.every((l) => l.text.length < 200 && !l.text.includes('='))
    )
      return true;
    let kv = 0;
    let comments = 0;
    for (const l of head) {
      if (l.text.length > MAX_LINE) continue;
      if (ansibleQuoted(l.text)?.some((q) => TOOL_ERROR.test(q) || SYSCTL_LINE.test(q)))
        return true;
      if (ansibleStderr(l.text)?.some((q) => missingKey(q) || toldByTool(q))) return true;
      if (SYSCTL_LINE.test(l.text)) kv += 1;
      else if (COMMENT.test(l.text)) comments += 1;
      else if (
        TOOL_ERROR.test(l.text) ||
        SHELL_NO_FILE.test(l.text) ||
        GO_NO_FILE.test(l.text) ||
        PREFLIGHT.test(l.text) ||
        DOCKER_DISABLED.test(l.text) ||
        EC2RL_TCPRECYCLE.test(l.text) ||
        PREFLIGHT_IPVS.test(l.text) ||
        (PREFLIGHT_MODULES.test(l.text) && !/^\s*[IWEF]\d{4}\s/.test(l.text))
      )
        return true;
    }
    // A short `sysctl key` answer is one line; otherwise several, most of the paste. The
    // comments of a sysctl.conf count for neither.
    const lines = head.length - comments;
    return kv >= 2 ? kv * 2 >= lines : kv === 1 && lines <= 2;
  },
  parse(lines, ctx) {
    const values: Record<string, Cited> = {};
    const missing: Record<string, Cited> = {};
    const problems: Problem[] = [];
    const content = lines.filter((l) => l.text.trim() !== '');
    const bare = bareKeys(content, ctx);
    const preflight = preflightModules(content);
    const kubeadm = preflight !== null || content.some((l) => PREFLIGHT.test(l.text));
    const file =
      CONF_COMMAND.test(ctx.command ?? '') ||
      (!bare && content.some((l) => l.text.length < MAX_LINE && COMMENT.test(l.text)));
    // Values read in a container's shell are that container's, kept apart from the node's.
    const container: Record<string, Cited> = {};
    // Run in a container (`kubectl exec POD -- sysctl`), or typed in a shell opened in one.
    const execd = CONTAINER_COMMAND.test(ctx.command ?? '') || Boolean(ctx.within);
    let inside = execd;
    for (const l of content) {
      const into = inside ? container : values;
      const key = bare?.get(l);
      if (key) {
        into[key] = { value: l.text.trim(), line: l.n, text: l.text };
        continue;
      }
      // A shell opened in a container with no prompt the split could read (`crictl exec -it ID bash`).
      if (l.text.length <= 500 && CONTAINER_SHELL.test(l.text)) {
        inside = true;
        continue;
      }
      if (inside && !execd && SHELL_EXIT.test(l.text)) {
        inside = false;
        continue;
      }
      if (l.text.length > MAX_LINE) {
        problems.push({ line: l.n, msg: msg(`${K}.badLine`) });
        continue;
      }
      const quoted = ansibleQuoted(l.text);
      if (quoted) {
        // Each quoted line read as sysctl's, cited by the line that carries it.
        for (const q of quoted) {
          const gone = missingKey(q);
          const kv = gone ? null : KV.exec(q);
          if (gone) missing[gone] = { value: gone, line: l.n, text: l.text };
          else if (kv && SYSCTL_LINE.test(q))
            into[dottedKey(kv[1]!)] = { value: kv[2]!.trim(), line: l.n, text: l.text };
        }
        continue;
      }
      const stderr = ansibleStderr(l.text)?.filter((q) => missingKey(q) || toldByTool(q));
      if (stderr?.length) {
        // Each error the command printed, cited by the result line that carries it.
        for (const q of stderr) {
          const told = toldByTool(q);
          const key = told?.key ?? missingKey(q)!;
          if (!told || told.value === null) missing[key] = { value: key, line: l.n, text: l.text };
          else into[key] = { value: told.value, line: l.n, text: l.text };
        }
        continue;
      }
      const miss = missingKey(l.text);
      if (miss) {
        missing[miss] = { value: miss, line: l.n, text: l.text };
        continue;
      }
      const told = toldByTool(l.text);
      if (told) {
        if (told.value === null) missing[told.key] = { value: told.key, line: l.n, text: l.text };
        else into[told.key] = { value: told.value, line: l.n, text: l.text };
        continue;
      }
      const m = KV.exec(l.text) ?? GREP_PROC.exec(l.text);
      if (m && /[./]/.test(m[1]!)) {
        into[dottedKey(m[1]!)] = { value: withoutNote(m[2]!), line: l.n, text: l.text };
      } else if (
        !NOISE.test(l.text) &&
        !EC2RL_NOISE.test(l.text) &&
        !(kubeadm && (KUBEADM_NOISE.test(l.text) || preflight?.lines.includes(l.n)))
      ) {
        problems.push({ line: l.n, msg: msg(`${K}.badLine`) });
      }
    }
    const n = Object.keys(values).length;
    const gone = Object.keys(missing);
    const inContainer = Object.keys(container).length;
    if (n === 0 && inContainer === 0 && gone.length === 0 && !preflight)
      return reject(msg(`${K}.noValues`));
    const facts: SysctlFacts = { values, missing, file };
    if (inContainer > 0) facts.container = container;
    if (preflight) facts.preflightModules = preflight.cited;
    const said =
      preflight && n === 0 && gone.length === 0
        ? msg(`${K}.summaryPreflightModules`, { modules: preflight.cited.value.join(', ') })
        : summary(values, gone, file);
    return accept(facts, capped(problems), said);
  },
});

/** The lines of an Ansible result's `"stderr"` string, unescaped; null when the line is none. */
function ansibleStderr(text: string): string[] | null {
  if (!ANSIBLE_RESULT.test(text)) return null;
  const j = ANSIBLE_JSON_STDERR.exec(text);
  if (!j) return null;
  try {
    return (JSON.parse(`"${j[1]!}"`) as string).split('\n');
  } catch {
    return null;
  }
}

/** The lines of sysctl's output an Ansible sysctl failure message quotes, or null for any other line. */
function ansibleQuoted(text: string): string[] | null {
  let said: string;
  const j = ANSIBLE_JSON_MSG.exec(text);
  if (j) {
    try {
      said = JSON.parse(`"${j[1]!}"`) as string;
    } catch {
      return null;
    }
  } else {
    said = text.trim().replace(/^\*\*|\*\*$/g, '');
  }
  const m = ANSIBLE_SYSCTL.exec(said);
  if (!m) return null;
  return said
    .slice(m[0].length)
    .split('\n')
    .map((q) => q.replace(/\*\*$/, '').trim())
    .filter((q) => q !== '');
}

/**
 * A note the author wrote after a value (`0  <-- 凶手找到了！`, `1（启用）`, `0  (disabled by
 * default)`, `0 # here`): no sysctl value holds an arrow, a full-width parenthesis or a `#` after
 * a blank, nor ends in a parenthesised remark after two blanks.
 */
const NOTE_AFTER = /\s*（.*$|\s+(?:<[-=]+|←|⬅|#)(?:\s.*)?$|\s{2,}(?:\([^()]*\)|[—–]+\s.*)$/;

/** A value without the author's note after it; the value itself when nothing is left. */
function withoutNote(raw: string): string {
  const value = raw.trim();
  const cut = value.replace(NOTE_AFTER, '').trim();
  return cut === '' ? value : cut;
}

/**
 * Commands that print the number of tracked connections, bare: `conntrack -C`, or the entries
 * of `/proc/net/nf_conntrack` (`ip_conntrack` before 2.6.15) or `conntrack -L` counted by
 * `wc -l`. Their number is the kernel's `nf_conntrack_count`.
 */
const COUNT_CONNTRACK =
  /^(?:sudo\s+)?(?:conntrack\s+(?:-C|--count)|(?:cat\s+\/proc\/net\/(?:nf|ip)_conntrack|conntrack\s+(?:-L|--dump)(?:\s+[^|]*)?)\s*\|\s*wc\s+-l)\s*$/;

/** The key whose value a command prints bare: the file `cat /proc/sys/...` names, a count. */
function catPath(ctx: ParseContext): string | null {
  const command = ctx.command?.trim() ?? '';
  if (COUNT_CONNTRACK.test(command)) return 'net.netfilter.nf_conntrack_count';
  const m = CAT_PROC.exec(command);
  return m ? dottedKey(m[2]!) : null;
}

/** Keys of `sysctl -n k1 k2` (values printed bare, in order), or null for any other command. */
function nKeys(ctx: ParseContext): string[] | null {
  const words = ctx.command?.trim().split(/\s+/) ?? [];
  if (words[0] === 'sudo') words.shift();
  if (words[0] !== 'sysctl' || words.some((w) => /[|<>;=*]/.test(w))) return null;
  const flags = words.slice(1).filter((w) => w.startsWith('-'));
  const keys = words.slice(1).filter((w) => !w.startsWith('-'));
  if (
    !flags.some((f) => /^-[a-zA-Z]*n/.test(f)) ||
    flags.some((f) => /^-[a-zA-Z]*[apw]|^--(?:all|load|write)/.test(f))
  )
    return null;
  return keys.length > 0 ? keys.map(dottedKey) : null;
}

/** Lines that are bare values, mapped to the key the echoed command named. */
function bareKeys(content: Line[], ctx: ParseContext): Map<Line, string> | null {
  const path = catPath(ctx);
  const keys = path ? [path] : nKeys(ctx);
  // The poster's `# note` line before the next prompt is no value (`cat` of /proc/sys prints none).
  const printed = content.filter((l) => !NOTE_LINE.test(l.text));
  if (!keys || keys.length !== printed.length) return null;
  const out = new Map<Line, string>();
  printed.forEach((l, i) => {
    if (!missingKey(l.text) && l.text.length <= MAX_LINE && !KV.test(l.text)) out.set(l, keys[i]!);
  });
  return out;
}

/**
 * The modules kubeadm's IPVS check names (the first such check), with the lines the list spans:
 * a list wrapped by the terminal or the paste continues on the next lines up to its `]`.
 */
function preflightModules(content: Line[]): { cited: Cited<string[]>; lines: number[] } | null {
  for (let i = 0; i < content.length; i++) {
    const l = content[i]!;
    if (l.text.length > MAX_LINE || /^\s*[IWEF]\d{4}\s/.test(l.text)) continue;
    const m = PREFLIGHT_MODULES.exec(l.text);
    if (!m) continue;
    let list = m[1]!;
    const lines = [l.n];
    for (let j = i + 1; !m[2] && j < content.length && j <= i + 3; j++) {
      const next = content[j]!.text;
      const end = next.indexOf(']');
      list += ' ' + (end < 0 ? next : next.slice(0, end));
      lines.push(content[j]!.n);
      if (end >= 0) break;
    }
    const modules = list.split(/[\s,]+/).filter((w) => /^[a-z][\w-]*$/i.test(w));
    if (modules.length === 0) continue;
    return { cited: { value: modules, line: l.n, text: l.text }, lines };
  }
  return null;
}

/** A key's state as kubeadm, docker or ec2rl words it: its value, or null when the key is missing. */
function toldByTool(text: string): { key: string; value: string | null } | null {
  const p = PREFLIGHT.exec(text);
  if (p) return { key: dottedKey(p[1]!), value: p[2] === 'does not exist' ? null : '0' };
  const d = DOCKER_DISABLED.exec(text);
  if (d) return { key: `net.bridge.${d[1]}`, value: '0' };
  const e = EC2RL_TCPRECYCLE.exec(text);
  return e ? { key: 'net.ipv4.tcp_tw_recycle', value: /^failure$/i.test(e[1]!) ? '1' : '0' } : null;
}

function missingKey(text: string): string | null {
  const f = NO_FILE.exec(text) ?? SETTING_KEY.exec(text) ?? GO_NO_FILE.exec(text);
  if (f) return dottedKey(f[1]!);
  const u = UNKNOWN_KEY.exec(text);
  const key = u?.[1] ?? u?.[2];
  return key && /[./]/.test(key) ? dottedKey(key) : null; // a sysctl key has a tree: never `__proto__`
}

function summary(values: Record<string, Cited>, gone: string[], file: boolean) {
  const n = Object.keys(values).length;
  const strictRp = Object.keys(values).filter(
    (k) => /\.rp_filter$/.test(k) && !NOTABLE.includes(k) && values[k]!.value === '1',
  );
  const notable = [...NOTABLE.filter((k) => values[k]), ...strictRp.slice(0, 2)]
    .map((k) => `${label(k)} = ${values[k]!.value}`)
    .join(', ');
  const missing = gone.slice(0, 5).map(label).join(', ');
  const params = { n, notable, missing };
  if (file) return msg(notable ? `${K}.summaryFileNotable` : `${K}.summaryFile`, params);
  if (notable && missing) return msg(`${K}.summaryNotableMissing`, params);
  if (missing) return msg(`${K}.summaryMissing`, params);
  if (notable) return msg(`${K}.summaryNotable`, params);
  return msg(`${K}.summary`, params);
}

/** `net.ipv4.tcp_tw_recycle` → `tcp_tw_recycle`; `net.ipv4.conf.all.rp_filter` → `conf.all.rp_filter`. */
function label(key: string): string {
  return key.replace(/^net\.(?:ipv4|ipv6|bridge|netfilter)\./, '');
}

function capped(problems: Problem[]): Problem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const more = problems.length - MAX_PROBLEMS;
  return [...problems.slice(0, MAX_PROBLEMS), { msg: msg(`${K}.moreProblems`, { n: more }) }];
}
