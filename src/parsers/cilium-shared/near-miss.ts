import type { Line, Msg } from '../../engine/types';

/** The command runs a Cilium or Hubble tool (in a pod through kubectl exec, or on the node). */
const CILIUM_COMMAND = /(?:^|[\s/"'])(?:cilium(?:-dbg|-health)?|hubble)["']?\s+\w/;

const has = (head: Line[], re: RegExp) => head.some((l) => l.text.length < 2000 && re.test(l.text));
const first = (head: Line[]) => head.find((l) => l.text.trim() !== '')?.text.trim() ?? '';

/**
 * Near misses of the Cilium outputs (see ../near-miss.ts): the agent or kubectl refusing, the
 * tool missing, and related outputs the parsers do not read. The message says what to run.
 */
export const CILIUM_NEAR_MISSES: {
  kind: string;
  detect(head: Line[], command: string | null): boolean;
  msg: Msg;
}[] = [
  {
    // `Error: Cannot get status: Get "http:///var/run/cilium/cilium.sock/v1/healthz": dial unix ...`
    kind: 'cilium-status',
    detect: (head) =>
      has(head, /dial unix \/var\/run\/cilium\/cilium\.sock|^\s*Is the agent running\?\s*$/),
    msg: { key: 'parse.nearMiss.ciliumAgentDown' },
  },
  {
    // `bash: cilium-dbg: command not found`, `exec: "cilium-dbg": executable file not found in $PATH`
    kind: 'cilium-status',
    detect: (head) =>
      has(
        head,
        /\b(?:cilium(?:-dbg)?|hubble)(?:: (?:command )?not found|"?: executable file not found)/,
      ),
    msg: { key: 'parse.nearMiss.ciliumNotFound' },
  },
  {
    // `error: unable to upgrade connection: container not found ("cilium-agent")`
    kind: 'cilium-status',
    detect: (head, command) =>
      CILIUM_COMMAND.test(command ?? '') &&
      /^(?:error: |Error from server|OCI runtime exec failed|command terminated with exit code)/.test(
        first(head),
      ),
    msg: { key: 'parse.nearMiss.ciliumExecFailed' },
  },
  {
    kind: 'cilium-service',
    detect: (head) =>
      /^[[{]/.test(first(head)) && has(head, /"(?:frontend-address|backend-addresses)"/),
    msg: { key: 'parse.nearMiss.ciliumServiceJson' },
  },
  {
    kind: 'cilium-monitor',
    detect: (head) =>
      /^\{"(?:flow|time|type)"/.test(first(head)) && has(head, /"(?:verdict|drop_reason|reason)"/),
    msg: { key: 'parse.nearMiss.ciliumFlowsJson' },
  },
  {
    // `cilium-dbg shell -- db/show frontends` (1.17+): the agent's own table of the same frontends.
    kind: 'cilium-service',
    detect: (head) => has(head, /^\s*Address\s+Type\s+ServiceName\s+PortName\s+Backends\b/),
    msg: { key: 'parse.nearMiss.ciliumDbShow' },
  },
  {
    kind: 'cilium-status',
    detect: (head) => has(head, /^\s*Probe time:\s+\S/) && has(head, /^\s*Nodes:\s*$/),
    msg: { key: 'parse.nearMiss.ciliumHealth' },
  },
];
