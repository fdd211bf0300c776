import { KLOG } from '../k8s-common/text';
import type { CniErrorKind, CniLogFacts } from './facts';

type Cni = NonNullable<CniLogFacts['cni']>;

/** A line of the agent's log, read apart. `level` is null for an informational line. */
export interface CniLine {
  level: string | null;
  message: string;
  /** The CNI the line's format or words give away, if any. */
  cni: Cni | null;
}

const RUNTIME_PREFIX =
  /^\s*(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?(?: std(?:out|err) [FP])? |\[pod\/[^\]\s]{1,200}\] )/;
/** calico-node: `2023-03-04 09:50:19.464 [INFO][9] startup/startup.go 425: message` */
const CALICO = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \[(\w+)\]\[\d+\] (?:[\w./-]+ \d+: )?(.*)$/;
/**
 * cilium (logfmt): `level=warning msg="..." subsys=daemon`, optionally after `time="..."` (logrus,
 * before 1.18) or an unquoted `time=2026-01-03T23:17:26.850182994Z` (slog, 1.18 on); the k3s,
 * rke2 and k0s agents log so too. Fields quoted by hand are sometimes aligned (`level=info  msg=`).
 */
const LOGFMT = /^(?:time=(?:"[^"]*"|\S+) +)?level=(\w+) +msg=("(?:[^"\\]|\\.)*"|\S+)(.*)$/;
/**
 * The bridge-netfilter switch under /proc/sys: only the agents that wire pods to a bridge read or
 * set it (flannel, kube-router, the k3s/rke2/k0s node agent, whose logfmt lines name no CNI).
 */
export const BRIDGE_NF_PROC = /\/proc\/sys\/net\/bridge\/bridge-nf-call-ip6?tables\b/;
const BIRD = /^bird: /;
/** weave-net: `FATA: 2023/07/05 05:09:36.639718 [kube-peers] message` (INFO, DEBU, WARN, ERRO). */
const WEAVE = /^(INFO|DEBU|WARN|ERRO|FATA): \d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d(?:\.\d+)? (.*)$/;
/** Go's own crash report, which every agent (all written in Go) prints as it dies. */
const GO_PANIC = /^(?:panic: |fatal error: |runtime\/cgo: |SIGABRT: |SIGSEGV: )/;
/** The rest of that report: signal, goroutine headers, frames and their file:line. */
const GO_TRACE =
  /^(?:\[signal \S+|goroutine \d+ \[[^\]]*\]:$|created by \S+|\s+\/\S+\.go:\d+(?: \+0x[0-9a-f]+)?$|[\w./-]+(?:\.\(\*?\w+\))?\.\w[\w.]*\(.*\)$|\s*\.\.\.additional frames elided\.\.\.$|(?:PC|rax|rbx|rip|rsp)=0x)/;
const FLANNEL_MARK =
  /flannel|acquire lease|pod cidr not assigned|register network|SubnetManager|subnet\.env|kubeSubnetMgr|etcdEndpoints|br_netfilter|vxlan|VXLAN|Determining IP address of default interface|Using interface with name/;
const CALICO_MARK = /calico|felix|\bBIRD\b|\bBGP\b|confd|IPIP|tunl0/i;
const CILIUM_MARK = /\bsubsys=|cilium/i;
const KUBE_ROUTER_MARK =
  /kube-router|network_(?:routes|policy|services)_controller|health_controller\.go|NetworkServicesController|NetworkRoutingController/;
/** A bare line (no log prefix) that still says something only a CNI agent says. */
const BARE_KNOWN =
  /^(?:Failed to check br_netfilter|calico\/node is not ready|(?:Readiness|Liveness) probe failed: |Calico node (?:started|failed)|(?:ERROR|WARNING): |Skipping datastore connection test|Using autodetected IPv4 address|IPv4 address \S+ discovered on interface|No AS number configured|Using node name:|Terminating$)/;

/**
 * Inline-code backquotes glued to a pasted log line (`` `E0102 09:36:40.43 ... `` opening the
 * first line, a closing one after the last), or a fence on the same line as the output.
 */
const GLUED_HEAD = /^(\s*)`{1,3}(?=\S)/;
const GLUED_TAIL = /(\S)`{1,3}\s*$/;

export function cniLine(raw: string): CniLine | null {
  const text = raw.replace(GLUED_HEAD, '$1').replace(GLUED_TAIL, '$1').replace(RUNTIME_PREFIX, '');
  const k = KLOG.exec(text);
  if (k) {
    // kube-router's own file names first: it speaks BGP too.
    const cni = KUBE_ROUTER_MARK.test(text)
      ? 'kube-router'
      : FLANNEL_MARK.test(k[3]!)
        ? 'flannel'
        : CALICO_MARK.test(k[3]!)
          ? 'calico'
          : null;
    return { level: k[1] === 'I' ? null : k[1]!, message: k[3]!.trim(), cni };
  }
  const c = CALICO.exec(text);
  if (c) {
    const level = /^(?:WARNING|ERROR|FATAL|PANIC)$/.test(c[1]!) ? c[1]! : null;
    return { level, message: c[2]!.trim(), cni: 'calico' };
  }
  const f = LOGFMT.exec(text);
  if (f) {
    const level = /^(?:warn|warning|error|fatal|panic)$/i.test(f[1]!) ? f[1]! : null;
    let message = f[2]!.startsWith('"') ? unquote(f[2]!) : f[2]!;
    const err = / error="((?:[^"\\]|\\.)*)"/.exec(f[3]!);
    if (err) message += `: ${unquote(`"${err[1]}"`)}`;
    return { level, message, cni: CILIUM_MARK.test(text) ? 'cilium' : null };
  }
  if (BIRD.test(text)) return { level: null, message: text, cni: 'calico' };
  const w = WEAVE.exec(text);
  if (w) {
    const level = w[1] === 'WARN' || w[1] === 'ERRO' || w[1] === 'FATA' ? w[1] : null;
    return { level, message: w[2]!.trim(), cni: 'weave' };
  }
  // A Go crash: the process exits (so its pod crash-loops); its frames say which agent it was.
  if (GO_PANIC.test(text)) return { level: 'panic', message: text.trim(), cni: markOf(text) };
  if (GO_TRACE.test(text)) return { level: null, message: text.trim(), cni: markOf(text) };
  if (BARE_KNOWN.test(text.trim())) {
    const t = text.trim();
    const cni = FLANNEL_MARK.test(t) ? 'flannel' : CALICO_MARK.test(t) ? 'calico' : null;
    const quiet =
      !/^(?:Failed|calico\/node is not ready|Calico node failed|ERROR|WARNING|Readiness|Liveness)/.test(
        t,
      );
    return { level: quiet ? null : 'E', message: t, cni };
  }
  return null;
}

/** The agent a line names (a Go frame's package path, a message's own words). */
function markOf(text: string): Cni | null {
  if (KUBE_ROUTER_MARK.test(text)) return 'kube-router';
  if (/projectcalico|\bcalico\b|felix/i.test(text)) return 'calico';
  if (/\bcilium\b/i.test(text)) return 'cilium';
  if (/flannel/i.test(text)) return 'flannel';
  if (/weaveworks|\bweave\b/i.test(text)) return 'weave';
  return null;
}

function unquote(s: string): string {
  try {
    return JSON.parse(s) as string;
  } catch {
    return s.slice(1, -1);
  }
}

const KINDS: [RegExp, CniErrorKind][] = [
  [/br_netfilter|bridge-nf-call-ip6?tables/i, 'br-netfilter-missing'],
  [/BIRD is not ready|BGP not established|bird\.ctl|BIRDv?6? socket/i, 'bird-not-ready'],
  [
    /\bIPAM\b|no IP addresses available|pod cidr not assigned|failed to acquire lease|failed to (?:allocate|assign|get) (?:an )?IP|range is full|IP ?pool|allocate.*(?:block|address)/i,
    'ipam',
  ],
  // The agent finds no interface (or address) to carry the pod network and exits: flannel with
  // no default route or an `--iface` that matches nothing, calico-node's IP autodetection.
  [
    /Failed to find any valid interface|failed to get default interface|Unable to find default route|Could not find valid interface matching|Failed to find interface to use that matches|No interface with given IP found|error looking up interface|(?:Unable to auto-?detect|Couldn't autodetect|Failed to autodetect) (?:an )?IPv[46] address/i,
    'no-interface',
  ],
  [
    /dial tcp \S+: (?:i\/o timeout|connect: (?:connection refused|no route to host|operation not permitted))|Unable to contact k8s api-server|error retrieving pod spec|Failed to (?:list|watch) \*v\d|Unauthorized|x509: |connection to the server .* was refused|apiserver/i,
    'api-unreachable',
  ],
];

export function classify(message: string): CniErrorKind {
  const head = message.slice(0, 2000); // a message's kind shows early; long lines stay cheap
  return KINDS.find(([re]) => re.test(head))?.[1] ?? 'other';
}
