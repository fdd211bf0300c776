import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';
import { TEST_DATA } from '../../testing/test-data';

const cause = 'service-no-endpoints';
// projectcalico/calico#2024: the failing NodePort, kube-proxy rejecting it.
const rejected = `# iptables-save | grep 31218
-A KUBE-SERVICES -p tcp -m comment --comment "bad-srv:management-port has no endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 31218 -j REJECT --reject-with icmp-port-unreachable
-A KUBE-NODEPORTS -p tcp -m comment --comment "bad-srv:management-port" -m tcp --dport 31218 -j KUBE-MARK-MASQ
-A KUBE-NODEPORTS -p tcp -m comment --comment "bad-srv:management-port" -m tcp --dport 31218 -j KUBE-SVC-GQKCP75KCV7PRX6J
`;
const clusterIp = `-A KUBE-SERVICES -d 10.109.72.150/32 -p tcp -m comment --comment "default/hazel-management-service: has no endpoints" -m tcp --dport 8080 -j REJECT --reject-with icmp-port-unreachable
-A KUBE-SERVICES -d 10.105.194.19/32 -p tcp -m comment --comment "default/ace: has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable
-A KUBE-SERVICES -d 10.106.241.185/32 -p tcp -m comment --comment "flux/flux: has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable
`;
const svcEp = (endpoints: string) => `$ kubectl get svc -A
NAMESPACE   NAME   TYPE       CLUSTER-IP     EXTERNAL-IP   PORT(S)        AGE
shop        web    NodePort   10.96.12.34    <none>        80:30760/TCP   39m
$ kubectl get ep -A
NAMESPACE   NAME   ENDPOINTS        AGE
shop        web    ${endpoints}   47m
`;

describe(cause, () => {
  it('finds kube-proxy rejecting the operator’s NodePort, high, with its service for the fix', () => {
    const d = diagnoseTexts({ r: rejected }, { port: '31218' });
    expect(verdictOf(d, cause)).toBe('found:high');
    expect(d.findings.find((x) => x.cause === cause)!.fix.now).toContain('get endpoints bad-srv');
  });

  it('ties a ClusterIP reject to the operator’s VIP and port, not to other Services on port 80', () => {
    const d = diagnoseTexts({ r: clusterIp }, { vip: '10.105.194.19', vport: '80' });
    expect(verdictOf(d, cause)).toBe('found:high');
    const f = d.findings.find((x) => x.cause === cause)!;
    expect(f.evidence).toHaveLength(1);
    expect(f.fix.now).toContain('-n default get endpoints ace');
  });

  it('without the operator’s port: medium for a few rejected Services', () => {
    expect(verdictOf(diagnoseTexts({ r: clusterIp }), cause)).toBe('found:medium');
  });

  it('ties kubectl svc (80:30760) to its endpoints: <none> is high, addresses rule it out', () => {
    expect(verdictOf(diagnoseTexts({ k: svcEp('<none>') }, { port: '30760' }), cause)).toBe(
      'found:high',
    );
    expect(verdictOf(diagnoseTexts({ k: svcEp('10.244.1.7:80') }, { port: '30760' }), cause)).toBe(
      'ruled-out',
    );
  });

  it('says the node’s view is stale when kube-proxy rejects a Service that has endpoints', () => {
    const r = `-A KUBE-SERVICES -p tcp -m comment --comment "shop/web:http has no endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30760 -j REJECT --reject-with icmp-port-unreachable\n`;
    const d = diagnoseTexts({ r, k: svcEp('10.244.1.7:80') }, { port: '30760' });
    expect(verdictOf(d, cause)).toBe('found:high');
    expect(d.findings.find((x) => x.cause === cause)!.why.key).toBe(
      'cause.service-no-endpoints.verdict.staleView',
    );
  });

  it('rules it out when the NodePort’s rules lead to the Service chain', () => {
    const ok = rejected.split('\n').slice(2).join('\n');
    expect(verdictOf(diagnoseTexts({ r: ok }, { port: '31218' }), cause)).toBe('ruled-out');
  });

  it('reads a redacted comment in capitals (kubernetes#87887) as kube-proxy’s reject', () => {
    const r = `-A KUBE-SERVICES -d 10.100.134.208/32 -p tcp -m comment --comment "YYYY/XXX:eai-pcp-port has no endpoints" -m tcp --dport 11930 -j REJECT --reject-with icmp-port-unreachable\n`;
    const d = diagnoseTexts({ r }, { vip: '10.100.134.208', vport: '11930' });
    expect(verdictOf(d, cause)).toBe('found:high');
    expect(d.findings.find((x) => x.cause === cause)!.fix.now).toContain(
      '-n YYYY get endpoints XXX',
    );
  });

  it('ignores the always-empty leader-election Endpoints of kube-system', () => {
    const ep = `NAMESPACE     NAME                      ENDPOINTS   AGE
kube-system   kube-controller-manager   <none>      16d
kube-system   kube-scheduler            <none>      16d
`;
    expect(verdictOf(diagnoseTexts({ ep }), cause)).not.toMatch(/^found/);
  });
});

describe(`${cause}: kubectl describe svc`, () => {
  // kubernetes/ingress-nginx#3923: one `Endpoints:` line per port, both <none>.
  const describe2 = [
    'Name:                     ingress-nginx',
    'Namespace:                ingress',
    'Selector:                 name=ingress-nginx',
    'Type:                     NodePort',
    'IP:                       10.107.105.34',
    'Port:                     http  80/TCP',
    'TargetPort:               80/TCP',
    'NodePort:                 http  31185/TCP',
    'Endpoints:                <none>',
    'Port:                     https  443/TCP',
    'TargetPort:               443/TCP',
    'NodePort:                 https  30724/TCP',
    'Endpoints:                <none>',
    'Session Affinity:         None',
    'Events:                   <none>',
    '',
  ].join('\n');

  it('names a Service with two empty ports once, and cites both lines', () => {
    const d = diagnoseTexts({ describe2 });
    const f = d.findings.find((x) => x.cause === cause)!;
    expect(f.why.params).toMatchObject({ services: 'ingress-nginx' });
    expect(f.evidence).toHaveLength(2);
    const up = d.findings.find((x) => x.cause === 'upstream-no-endpoints');
    if (up) expect(up.why.params).toMatchObject({ service: 'ingress-nginx', n: 1 });
  });

  it('says nothing of a described Service whose ports have endpoints', () => {
    const ok = describe2
      .replace(/<none>\nPort/, '10.244.1.5:80\nPort')
      .replace(
        /Endpoints: {16}<none>\nSession/,
        'Endpoints:                10.244.1.5:443\nSession',
      );
    expect(verdictOf(diagnoseTexts({ ok }), cause)).not.toMatch(/^found/);
  });
});

const ciliumVerdict = (pastes: Record<string, string>) => verdictOf(diagnoseTexts(pastes), cause);
const fromCase = (dir: string, file: string) =>
  readFileSync(join(TEST_DATA, 'cases', dir, file), 'utf8');
// imroc/tke-guide: `kubectl get svc kubernetes-intranet` and the agent's tables, where each of
// its frontends (ClusterIP, NodePort 30965, LoadBalancer) has no backend.
const TKE = '284-tkeguide-zh-cilium-service-list-frontends-no-backends-endpointslice-present';
const tkeSvc = fromCase(TKE, 'kubectl-get-svc.txt');
const tkeList = fromCase(TKE, 'cilium-service-list.txt');
// cilium/hubble#349: the Service's ClusterIP frontend with one backend.
const hubble349 = fromCase('123-hubble349-cilium-service-list-clusterip-present', 'terminal.txt');

describe(`${cause}: Cilium frontends of the pasted Services, no port or address given`, () => {
  it('finds a listed Service whose every frontend has no backend (tke-guide)', () => {
    expect(ciliumVerdict({ svc: tkeSvc, list: tkeList })).toBe('found:medium');
  });

  it('stays quiet when the listed Service has a backend (hubble#349)', () => {
    expect(ciliumVerdict({ hubble349 })).not.toMatch(/^found/);
  });

  it('stays quiet without the Service list: an empty frontend alone names no Service', () => {
    expect(ciliumVerdict({ list: tkeList })).not.toMatch(/^found/);
  });

  it('stays quiet when the Service is not in the table (another cluster)', () => {
    const other =
      'NAME   TYPE   CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nweb   ClusterIP   10.43.1.2   <none>   8080/TCP   1d\n';
    expect(ciliumVerdict({ svc: other, list: tkeList })).not.toMatch(/^found/);
  });
});
