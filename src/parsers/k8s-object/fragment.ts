import type { Line } from '../../engine/types';
import type { ParseContext } from '../define';
import { kubectlArgs, resourceOf } from '../k8s-common/text';

/** A line that only marks fields left out: `...`, `…`, `# ...`. */
const ELISION = /^\s*(?:#\s*)?(?:\.{3,}|…+)\s*$/;
/** `key: value` lines as YAML prints fields (no list items: their nesting cannot be told). */
const FIELD = /^[a-zA-Z][\w.-]{0,62}:(?:\s+\S.*)?$/;
/** Fields of a pod spec or a Service spec that say the lines came from a Kubernetes object. */
const SPEC_FIELD =
  /^(?:dnsPolicy|hostNetwork|nodeName|serviceAccountName|restartPolicy|clusterIP|externalTrafficPolicy|internalTrafficPolicy|healthCheckNodePort|sessionAffinity|type):/;
const SERVICE_FIELD =
  /^(?:clusterIP|externalTrafficPolicy|internalTrafficPolicy|healthCheckNodePort|sessionAffinity):/;
const KINDS: Record<string, string> = {
  pod: 'Pod',
  service: 'Service',
  daemonset: 'DaemonSet',
  deployment: 'Deployment',
  statefulset: 'StatefulSet',
  replicaset: 'ReplicaSet',
};
const WORKLOADS = new Set(['DaemonSet', 'Deployment', 'StatefulSet', 'ReplicaSet']);

/** Flags of `kubectl get` that take the next word as their value. */
const VALUE_FLAG =
  /^(?:-n|--namespace|-o|--output|-l|--selector|-c|--container|--context|--kubeconfig|-s|--server)$/;

/** The words of `kubectl get` arguments that are not flags nor flag values: `ds`, `name`. */
function positional(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (VALUE_FLAG.test(args[i]!)) i += 1;
    else if (!args[i]!.startsWith('-')) out.push(args[i]!);
  }
  return out;
}

export interface Fragment {
  /** The kind and name the command names, when it does. */
  kind: string;
  name: string | null;
  /** The fragment placed in an object of that kind, fit for the YAML reader. */
  lines: Line[];
}

/**
 * `kubectl get ds x -o yaml | grep -E 'dnsPolicy|hostNetwork'`: spec fields without their
 * object, all at one level. They are read as part of the object the command names (a Pod when
 * it names none), so the rules still see them; the paste stays partial.
 */
export function fragmentOf(lines: Line[], ctx: ParseContext): Fragment | null {
  // `...` / `…` where the poster cut the fields around (YAML's document end, never in a spec).
  const filled = lines.filter((l) => l.text.trim() !== '' && !ELISION.test(l.text));
  if (filled.length === 0 || filled.length > 40) return null;
  const indent = /^\s*/.exec(filled[0]!.text)![0];
  if (!filled.every((l) => l.text.startsWith(indent) && FIELD.test(l.text.slice(indent.length))))
    return null;
  if (!filled.some((l) => SPEC_FIELD.test(l.text.trim()))) return null;
  const [what, named] = positional(kubectlArgs(ctx.command, 'get') ?? []);
  const resource = what ? resourceOf(what) : null;
  // With no command to name it, the fields tell a Service from a pod spec.
  const serviceFields = filled.some((l) => SERVICE_FIELD.test(l.text.trim()));
  const kind = (resource && KINDS[resource]) ?? (serviceFields ? 'Service' : 'Pod');
  const name = (what?.includes('/') ? what.split('/')[1] : named) ?? null;
  // Where a pod spec sits in the object: `spec` of a Pod, `spec.template.spec` of a workload.
  const wrap = WORKLOADS.has(kind) ? ['spec:', '  template:', '    spec:'] : ['spec:'];
  const pad = ' '.repeat(wrap.length * 2);
  const made = (text: string): Line => ({ n: 0, text });
  return {
    kind,
    name,
    lines: [
      made(`kind: ${kind}`),
      made('metadata:'),
      ...(name ? [made(`  name: ${name}`)] : []),
      ...wrap.map(made),
      ...filled.map((l) => ({ n: l.n, text: pad + l.text.slice(indent.length) })),
    ],
  };
}
