import type { Cited } from '../../engine/types';
import type {
  ContainerFacts,
  EndpointAddress,
  EventFacts,
  EndpointsFacts,
  K8sObject,
  PodSpecFacts,
  PodStatusFacts,
  ProbeFacts,
  ServiceFacts,
  TlsPolicyFacts,
} from './facts';
import { bool, child, entry, items, num, path, text, type Node } from './tree';

type TextOf = (line: number) => string;

const WORKLOADS = new Set(['DaemonSet', 'Deployment', 'StatefulSet', 'ReplicaSet', 'Job']);

/** Objects in a document: itself, or the `items` of a `List` (`kubectl get pods -o yaml`). */
export function objectsOf(doc: Node, textOf: TextOf): K8sObject[] {
  const list = child(doc, 'items');
  if (list?.t === 'seq' && (text(child(doc, 'kind')) ?? 'List').endsWith('List'))
    return list.items.flatMap((n) => (n.t === 'map' ? [objectOf(n, textOf)] : []));
  return doc.t === 'map' && child(doc, 'kind') ? [objectOf(doc, textOf)] : [];
}

function objectOf(n: Node, textOf: TextOf): K8sObject {
  const kind = text(child(n, 'kind')) ?? '';
  const line = entry(n, 'kind')?.line ?? n.line;
  const obj: K8sObject = {
    kind,
    apiVersion: text(child(n, 'apiVersion')),
    name: text(path(n, 'metadata', 'name')),
    namespace: text(path(n, 'metadata', 'namespace')),
    line,
    text: textOf(line),
    labels: strings(path(n, 'metadata', 'labels'), textOf),
  };
  if (kind === 'Service') obj.service = serviceOf(child(n, 'spec'), textOf);
  if (kind === 'Endpoints') obj.endpoints = endpointsOf(n, textOf);
  if (kind === 'EndpointSlice') obj.endpoints = sliceOf(n, textOf);
  if (kind === 'ConfigMap') obj.data = strings(child(n, 'data'), textOf);
  if (kind === 'Event') obj.event = eventOf(n, textOf);
  if (kind === 'Pod') {
    obj.pod = podSpecOf(child(n, 'spec'), obj.labels, child(n, 'status'), textOf);
    obj.podStatus = podStatusOf(child(n, 'status'), textOf);
  }
  const tls = tlsOf(kind, obj.apiVersion ?? '', n, textOf);
  if (tls.length > 0) obj.tls = tls;
  if (WORKLOADS.has(kind)) {
    const template = path(n, 'spec', 'template');
    const labels = strings(path(template, 'metadata', 'labels'), textOf);
    obj.pod = podSpecOf(child(template, 'spec'), labels, undefined, textOf);
  }
  return obj;
}

function eventOf(n: Node, textOf: TextOf): EventFacts {
  const about = child(n, 'involvedObject') ?? child(n, 'regarding');
  const count =
    num(child(n, 'count')) ?? num(path(n, 'series', 'count')) ?? num(child(n, 'deprecatedCount'));
  return {
    type: text(child(n, 'type')),
    reason: text(child(n, 'reason')),
    message: cited(n, 'message', textOf) ?? cited(n, 'note', textOf),
    count: count !== null && count > 0 ? count : 1,
    object: {
      kind: text(child(about, 'kind')),
      name: text(child(about, 'name')),
      namespace: text(child(about, 'namespace')) ?? text(path(n, 'metadata', 'namespace')),
    },
    from:
      text(path(n, 'source', 'component')) ??
      text(child(n, 'reportingController')) ??
      text(child(n, 'reportingComponent')),
  };
}

/** A map of scalars (labels, selector, ConfigMap data) with the line of each key. */
function strings(n: Node | undefined, textOf: TextOf): Record<string, Cited> {
  const out: Record<string, Cited> = Object.create(null);
  if (n?.t !== 'map') return out;
  for (const e of n.entries) {
    const v = e.value.t === 'scalar' ? e.value.raw : null;
    if (v !== null) out[e.key] = { value: v, line: e.line, text: textOf(e.line) };
  }
  return out;
}

function cited(n: Node | undefined, key: string, textOf: TextOf): Cited | null {
  const e = entry(n, key);
  const v = text(e?.value);
  return e && v !== null ? { value: v, line: e.line, text: textOf(e.line) } : null;
}

function citedNum(n: Node | undefined, key: string, textOf: TextOf): Cited<number> | null {
  const e = entry(n, key);
  const v = num(e?.value);
  return e && v !== null ? { value: v, line: e.line, text: textOf(e.line) } : null;
}

function serviceOf(spec: Node | undefined, textOf: TextOf): ServiceFacts {
  return {
    type: cited(spec, 'type', textOf),
    clusterIP: cited(spec, 'clusterIP', textOf),
    ports: items(child(spec, 'ports')).map((p) => ({
      name: text(child(p, 'name')),
      protocol: text(child(p, 'protocol')),
      port: num(child(p, 'port')),
      targetPort: text(child(p, 'targetPort')),
      nodePort: num(child(p, 'nodePort')),
      line: p.line,
      text: textOf(p.line),
    })),
    externalTrafficPolicy: cited(spec, 'externalTrafficPolicy', textOf),
    internalTrafficPolicy: cited(spec, 'internalTrafficPolicy', textOf),
    healthCheckNodePort: citedNum(spec, 'healthCheckNodePort', textOf),
    selector: strings(child(spec, 'selector'), textOf),
  };
}

function address(a: Node, ip: string | null, textOf: TextOf): EndpointAddress[] {
  if (!ip) return [];
  const ref = child(a, 'targetRef');
  const target = ref ? `${text(child(ref, 'kind')) ?? ''}/${text(child(ref, 'name')) ?? ''}` : null;
  return [{ ip, nodeName: text(child(a, 'nodeName')), target, line: a.line, text: textOf(a.line) }];
}

function ports(list: Node | undefined, textOf: TextOf): EndpointsFacts['ports'] {
  return items(list).map((p) => ({
    name: text(child(p, 'name')),
    port: num(child(p, 'port')),
    protocol: text(child(p, 'protocol')),
    line: p.line,
    text: textOf(p.line),
  }));
}

function endpointsOf(n: Node, textOf: TextOf): EndpointsFacts {
  const subsets = items(child(n, 'subsets'));
  const addrs = (key: string) =>
    subsets.flatMap((s) =>
      items(child(s, key)).flatMap((a) => address(a, text(child(a, 'ip')), textOf)),
    );
  return {
    ready: addrs('addresses'),
    notReady: addrs('notReadyAddresses'),
    ports: subsets.flatMap((s) => ports(child(s, 'ports'), textOf)),
    serviceName: null,
  };
}

function sliceOf(n: Node, textOf: TextOf): EndpointsFacts {
  const ready: EndpointAddress[] = [];
  const notReady: EndpointAddress[] = [];
  for (const ep of items(child(n, 'endpoints'))) {
    // `ready` absent means ready (the API's "unknown is ready" rule).
    const isReady = bool(path(ep, 'conditions', 'ready')) !== false;
    const nodeName = text(child(ep, 'nodeName'));
    for (const a of items(child(ep, 'addresses'))) {
      const ip = text(a);
      const out = address(ep, ip, textOf).map((x) => ({ ...x, nodeName }));
      (isReady ? ready : notReady).push(...out);
    }
  }
  return {
    ready,
    notReady,
    ports: ports(child(n, 'ports'), textOf),
    serviceName: text(path(n, 'metadata', 'labels', 'kubernetes.io/service-name')),
  };
}

function podSpecOf(
  spec: Node | undefined,
  labels: Record<string, Cited>,
  status: Node | undefined,
  textOf: TextOf,
): PodSpecFacts {
  const statuses = items(child(status, 'containerStatuses'));
  const hostNetwork = entry(spec, 'hostNetwork');
  const hn = bool(hostNetwork?.value);
  return {
    hostNetwork:
      hostNetwork && hn !== null
        ? { value: hn, line: hostNetwork.line, text: textOf(hostNetwork.line) }
        : null,
    dnsPolicy: cited(spec, 'dnsPolicy', textOf),
    nodeName: cited(spec, 'nodeName', textOf),
    labels,
    containers: items(child(spec, 'containers')).map((c): ContainerFacts => {
      const name = text(child(c, 'name')) ?? '';
      const st = statuses.find((s) => text(child(s, 'name')) === name);
      return {
        name,
        image: text(child(c, 'image')),
        ports: items(child(c, 'ports')).map((p) => ({
          containerPort: num(child(p, 'containerPort')),
          hostPort: num(child(p, 'hostPort')),
          protocol: text(child(p, 'protocol')),
          name: text(child(p, 'name')),
          line: p.line,
          text: textOf(p.line),
        })),
        liveness: probeOf(entry(c, 'livenessProbe'), textOf),
        readiness: probeOf(entry(c, 'readinessProbe'), textOf),
        ready: bool(child(st, 'ready')),
        restartCount: st ? citedNum(st, 'restartCount', textOf) : null,
        line: c.line,
        text: textOf(c.line),
      };
    }),
  };
}

function probeOf(e: { line: number; value: Node } | undefined, textOf: TextOf): ProbeFacts | null {
  if (!e || e.value.t !== 'map') return null;
  const p = e.value;
  const http = child(p, 'httpGet');
  const tcp = child(p, 'tcpSocket');
  const exec = child(p, 'exec');
  const grpc = child(p, 'grpc');
  const port = text(child(http ?? tcp ?? grpc, 'port'));
  const host = text(child(http ?? tcp, 'host')) ?? '';
  const path = text(child(http, 'path'));
  let kind: ProbeFacts['kind'] = 'other';
  let target = '';
  if (http) {
    kind = 'http-get';
    const scheme = (text(child(http, 'scheme')) ?? 'HTTP').toLowerCase();
    target = `${scheme}://${host}:${port ?? ''}${path ?? ''}`;
  } else if (tcp) {
    kind = 'tcp-socket';
    target = `tcp ${host}:${port ?? ''}`;
  } else if (exec) {
    kind = 'exec';
    target = `exec ${items(child(exec, 'command'))
      .map((x) => text(x) ?? '')
      .join(' ')}`;
  } else if (grpc) {
    kind = 'grpc';
    target = `grpc :${port ?? ''}`;
  }
  return {
    kind,
    target,
    port,
    path,
    timeoutSeconds: num(child(p, 'timeoutSeconds')),
    periodSeconds: num(child(p, 'periodSeconds')),
    failureThreshold: num(child(p, 'failureThreshold')),
    line: e.line,
    text: textOf(e.line),
  };
}

function podStatusOf(status: Node | undefined, textOf: TextOf): PodStatusFacts {
  const ready = items(child(status, 'conditions')).find((c) => text(child(c, 'type')) === 'Ready');
  return {
    phase: cited(status, 'phase', textOf),
    podIP: cited(status, 'podIP', textOf),
    hostIP: cited(status, 'hostIP', textOf),
    ready: ready ? cited(ready, 'status', textOf) : null,
  };
}

/** Where each gateway keeps its TLS settings, and the keys it names them by. */
const TLS_PLACES: {
  product: TlsPolicyFacts['product'];
  kind: string;
  api: RegExp;
  blocks: (n: Node) => { line: number; node: Node | undefined }[];
  keys: [ciphers: string, min: string, max: string];
  serverOrder: boolean;
}[] = [
  {
    product: 'istio',
    kind: 'Gateway',
    api: /^networking\.istio\.io\//,
    blocks: (n) =>
      items(path(n, 'spec', 'servers')).flatMap((s) => {
        const e = entry(s, 'tls');
        return e ? [{ line: e.line, node: e.value }] : [];
      }),
    keys: ['cipherSuites', 'minProtocolVersion', 'maxProtocolVersion'],
    serverOrder: true,
  },
  {
    product: 'envoy-gateway',
    kind: 'ClientTrafficPolicy',
    api: /^gateway\.envoyproxy\.io\//,
    blocks: (n) => {
      const e = entry(child(n, 'spec'), 'tls');
      return e ? [{ line: e.line, node: e.value }] : [];
    },
    keys: ['ciphers', 'minVersion', 'maxVersion'],
    serverOrder: true,
  },
  {
    product: 'traefik',
    kind: 'TLSOption',
    api: /^traefik\./,
    blocks: (n) => {
      const e = entry(n, 'spec');
      return e ? [{ line: e.line, node: e.value }] : [];
    },
    keys: ['cipherSuites', 'minVersion', 'maxVersion'],
    serverOrder: false,
  },
  {
    product: 'contour',
    kind: 'ContourConfiguration',
    api: /^projectcontour\.io\//,
    blocks: (n) => {
      const tls = path(n, 'spec', 'envoy', 'tls');
      return tls ? [{ line: tls.line, node: tls }] : [];
    },
    keys: ['cipherSuites', 'minimumProtocolVersion', 'maximumProtocolVersion'],
    serverOrder: true,
  },
];

function tlsOf(kind: string, api: string, n: Node, textOf: TextOf): TlsPolicyFacts[] {
  // The kind is enough when apiVersion was cut from the paste; a wrong API group is not.
  const place = TLS_PLACES.find((p) => p.kind === kind && (api === '' || p.api.test(api)));
  if (!place) return [];
  const [ck, mink, maxk] = place.keys;
  return place.blocks(n).flatMap(({ line, node }) => {
    const list = entry(node, ck);
    const suites = items(list?.value).flatMap((x) => (text(x) !== null ? [text(x)!] : []));
    const ciphers =
      list && suites.length > 0
        ? { value: suites, line: list.line, text: textOf(list.line) }
        : null;
    const minVersion = cited(node, mink, textOf);
    const maxVersion = cited(node, maxk, textOf);
    if (!ciphers && !minVersion && !maxVersion) return [];
    return [
      {
        product: place.product,
        ciphers,
        minVersion,
        maxVersion,
        serverOrder: place.serverOrder,
        line,
        text: textOf(line),
      },
    ];
  });
}
