import type { Line, Problem } from '../../engine/types';
import { msg, type Parser } from '../define';

/** Lines longer than this are not read by the Kubernetes-side parsers (binary, minified JSON). */
export const MAX_LINE = 100_000;
/** At most this many problems are listed; the rest are counted in one last message. */
export const MAX_PROBLEMS = 50;

/** A shell prompt with nothing typed after it (`[root@host dir]#`, `user@host:~$`, `$`). */
const BARE_PROMPT =
  /^\s*(?:\[[^\]\n]{1,80}\]|[\w.-]{1,64}@[^\s$#%]{1,120}|[\w./-]{1,80}:[^\s$#%]{0,120})?\s?[$#%]\s*$/;
/** What kubectl itself prints around an output (`Defaulted container ...`, `Warning: ...`). */
const KUBECTL_CHATTER =
  /^(?:Defaulted container "[^"]*" out of: |Found \d+ pods, using pod\/|Warning: (?:short name|spec\.|metadata\.|resource|kubectl |v1 |[\w.]+ is deprecated))/;

/** Lines around an output that are not part of it and are never a problem. */
export function isNoise(text: string): boolean {
  return text.trim() === '' || BARE_PROMPT.test(text) || KUBECTL_CHATTER.test(text);
}

export function readable(l: Line): boolean {
  return l.text.length <= MAX_LINE;
}

/** The first `MAX_PROBLEMS` problems and a count of the rest under `<base>.moreProblems`. */
export function capped(problems: Problem[], base: string): Problem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [
    ...problems.slice(0, MAX_PROBLEMS),
    { msg: msg(`${base}.moreProblems`, { n: problems.length - MAX_PROBLEMS }) },
  ];
}

/**
 * A klog line (`E0101 12:00:00.000000       1 main.go:224] message`), possibly behind the prefix
 * `kubectl logs --timestamps` (RFC 3339), `--prefix` (`[pod/x/c]`), a container runtime's
 * `stderr F` or old glog's `ERROR: logging before flag.Parse:` adds. Groups: level, origin (file:line), message.
 */
export const KLOG =
  /^\s*(?:(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?(?: std(?:out|err) [FP])?|\[[^\]\s]{1,200}\]|ERROR: logging before flag\.Parse:)\s+)?([IWEF])\d{4} \d\d:\d\d:\d\d\.\d+\s+\d+\s+([\w./-]{1,100}:\d+)\]\s?(.*)$/;

/** An object kind as kubectl's commands name it: `po`, `pods`, `svc`, `ep`, `ds`, ... */
export type K8sResource =
  | 'pod'
  | 'service'
  | 'endpoints'
  | 'endpointslice'
  | 'node'
  | 'daemonset'
  | 'deployment'
  | 'replicaset'
  | 'statefulset'
  | 'configmap'
  | 'ingress'
  | 'event';

const RESOURCE_NAMES: [RegExp, K8sResource][] = [
  [/^(?:po|pods?)$/, 'pod'],
  [/^(?:svc|services?)$/, 'service'],
  [/^(?:ep|endpoints)$/, 'endpoints'],
  [/^endpointslices?(?:\.discovery\.k8s\.io)?$/, 'endpointslice'],
  [/^(?:no|nodes?)$/, 'node'],
  [/^(?:ds|daemonsets?)(?:\.apps)?$/, 'daemonset'],
  [/^(?:deploy|deployments?)(?:\.apps)?$/, 'deployment'],
  [/^(?:rs|replicasets?)(?:\.apps)?$/, 'replicaset'],
  [/^(?:sts|statefulsets?)(?:\.apps)?$/, 'statefulset'],
  [/^(?:cm|configmaps?)$/, 'configmap'],
  [/^(?:ing|ingress(?:es)?)(?:\.networking\.k8s\.io)?$/, 'ingress'],
  [/^(?:ev|events?)$/, 'event'],
];

/** `pods` → `pod`; `svc/name` → `service`; unknown names → null. */
export function resourceOf(word: string): K8sResource | null {
  const w = word.toLowerCase().split('/')[0]!;
  for (const [re, r] of RESOURCE_NAMES) if (re.test(w)) return r;
  return null;
}

/** The words of a `kubectl VERB ...` command line after the verb (flags included), or null. */
export function kubectlArgs(command: string | null, verb: string): string[] | null {
  if (!command) return null;
  const words = command.split('|')[0]!.trim().split(/\s+/);
  while (words[0] === 'sudo' || /^\w+=/.test(words[0] ?? '')) words.shift();
  if (!/^(?:kubectl|kc?|oc|microk8s\.kubectl|k3s)$/.test(words[0] ?? '')) return null;
  words.shift();
  if (words[0] === 'kubectl') words.shift(); // `k3s kubectl`, `microk8s kubectl`
  // Global flags may come before the verb: `kubectl -n kube-system get pods`.
  const rest: string[] = [];
  let seen = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!seen && w === verb) {
      seen = true;
      continue;
    }
    if (!seen && /^-(?:n|-namespace|-context|-kubeconfig|s|-server)$/.test(w)) {
      rest.push(w, words[i + 1] ?? '');
      i += 1;
      continue;
    }
    if (!seen && !w.startsWith('-')) return null;
    rest.push(w);
  }
  return seen ? rest : null;
}

/**
 * A command typed without a recognised prompt (`➜  kubectl logs x`, `~~> curl ...`, or bare);
 * also kubectl under its usual aliases `k` and `kc` when a kubectl verb follows (`k get pods -n
 * x`, `kc get endpoints,svc -n ci`), and `get <resource>` with the tool's name left off
 * (`get pods  -n kube-system`).
 */
const TYPED =
  /^\s*(?:[^\w\s[\]"'<>(){}]{1,3}\s+){0,2}((?:sudo\s+)?(?:kubectl|curl|k3s kubectl|microk8s kubectl|kc?(?=\s+(?:get|describe|logs|exec|top|-n)\s))\s.*|get\s+(?:po|pods?|svc|services?|ep|endpoints|endpointslices?|no|nodes?|ds|daemonsets?|deploy|deployments?|ing|ingress(?:es)?|ev|events?|cm|configmaps?)(?:\s+-.*)?)$/;

/**
 * A line that is only Markdown inline code, as issue posts caption the block below with the
 * command that printed it (`` `kubectl get pods -n kube-system -o wide` ``, maybe with a colon).
 */
const INLINE_CODE = /^\s*`([^`]+)`\s*[:：]?\s*$/;

/** The command of a line that is a command typed without a prompt the splitter knows, or null. */
export function typedCommand(text: string): string | null {
  if (text.length >= 2000) return null;
  const inner = INLINE_CODE.exec(text)?.[1] ?? text;
  return TYPED.exec(inner)?.[1]?.trim() ?? null;
}

/**
 * When the first content line is the command itself (pasted without a prompt the splitter
 * knows), returns the lines after it and that command; otherwise the lines and the context as given.
 */
export function leadingCommand(
  lines: Line[],
  command: string | null,
): { lines: Line[]; command: string | null } {
  const i = lines.findIndex((l) => l.text.trim() !== '');
  const typed = i >= 0 ? typedCommand(lines[i]!.text) : null;
  if (!typed) return { lines, command };
  return { lines: lines.slice(i + 1), command: command ?? typed };
}

/** The parser, reading a command typed on the paste's first line as the section's command. */
export function withLeadingCommand<K extends string, F>(p: Parser<K, F>): Parser<K, F> {
  return {
    kind: p.kind,
    detect(head, ctx) {
      const { lines, command } = leadingCommand(head, ctx.command);
      return lines.length > 0 && p.detect(lines, { ...ctx, command });
    },
    parse(all, ctx) {
      const { lines, command } = leadingCommand(all, ctx.command);
      const out = p.parse(lines, { ...ctx, command });
      return command && command !== ctx.command ? { ...out, command } : out;
    },
    ...(p.split ? { split: p.split } : {}),
  };
}

/**
 * kubectl's list of endpoints as `get ep` and `describe` print it (`a:1,b:2 + 3 more...`,
 * `<none>`): the addresses shown, and how many more it left out.
 */
export function endpointList(text: string): { addresses: string[]; more: number } {
  const t = text.trim();
  const more = Number(/\+ (\d+) more/.exec(t)?.[1] ?? 0);
  if (t === '<none>' || t === '<unset>') return { addresses: [], more };
  const shown = t.replace(/\s*\+ \d+ more.*$/, '').split(',');
  return { addresses: shown.filter((e) => e !== ''), more };
}
