import type { Line, Msg } from '../../engine/types';
import { isNoise, kubectlArgs } from './text';

/** Near misses of the Kubernetes side (see ../near-miss.ts); asked after every parser said no. */
export const K8S_NEAR_MISSES: {
  kind: string;
  detect(head: Line[], command: string | null): boolean;
  msg: Msg;
}[] = [
  {
    kind: 'kubectl-jsonpath',
    detect: (_head, command) =>
      /(?:^|\s)(?:-o|--output)[\s=]*['"]?(?:jsonpath|go-template)/.test(
        kubectlArgs(command, 'get')?.join(' ') ?? '',
      ),
    msg: { key: 'parse.nearMiss.kubectl-jsonpath' },
  },
  {
    kind: 'kubectl-name',
    detect: (head) =>
      content(head).every((t) => /^[a-z][\w-]*(?:\.[\w.-]+)?\/[\w.:-]+$/.test(t)) &&
      content(head).length > 0,
    msg: { key: 'parse.nearMiss.kubectl-name' },
  },
  {
    kind: 'kubectl-apply',
    detect: (head) =>
      content(head).length > 0 &&
      content(head).every((t) =>
        /^[a-z][\w-]*(?:\.[\w.-]+)?\/[\w.:-]+ (?:created|configured|unchanged|deleted|patched|edited|labeled|annotated|scaled|restarted|serverside-applied)(?: \(dry run\))?$/.test(
          t,
        ),
      ),
    msg: { key: 'parse.nearMiss.kubectl-apply' },
  },
  {
    // `kubectl get ds x -o yaml | grep -E 'dnsPolicy|hostNetwork'`: fields without their object.
    kind: 'k8s-fragment',
    detect: (head) => {
      const lines = content(head);
      return (
        lines.length > 0 &&
        lines.every((t) => YAML_FIELD.test(t)) &&
        lines.some((t) => OBJECT_FIELD.test(t))
      );
    },
    msg: { key: 'parse.nearMiss.k8s-fragment' },
  },
  {
    kind: 'kubectl-logs',
    detect: (_head, command) => kubectlArgs(command, 'logs') !== null,
    msg: { key: 'parse.nearMiss.kubectl-logs' },
  },
];

/** `key: value` as YAML prints a field (a list item's first field too). */
const YAML_FIELD = /^(?:- )?[a-zA-Z][\w.-]{0,62}:(?:\s+\S.*)?$/;
/** Fields of a Pod spec or a Service that say a line came from a Kubernetes object. */
const OBJECT_FIELD =
  /^(?:- )?(?:dnsPolicy|hostNetwork|nodeName|containerPort|hostPort|clusterIP|externalTrafficPolicy|internalTrafficPolicy|targetPort|nodePort|healthCheckNodePort|apiVersion|kind):/;

function content(head: Line[]): string[] {
  return head.filter((l) => !isNoise(l.text)).map((l) => l.text.trim());
}
