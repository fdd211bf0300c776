import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';
import { readRules } from '../../testing/read-rules';
import { TEST_DATA } from '../../testing/test-data';

const cause = 'cilium-kpr-frontend-missing';
const verdict = (pastes: Record<string, string>) => verdictOf(diagnoseTexts(pastes), cause);
// cilium/hubble#349: the agent's whole `cilium service list` and `kubectl get svc -o wide` of
// the Service it was asked about (10.97.237.54:8080, present with one backend).
const hubble349 = readFileSync(
  join(TEST_DATA, 'cases/123-hubble349-cilium-service-list-clusterip-present/terminal.txt'),
  'utf8',
);
// cilium/cilium#44301: the whole service list of a kind node (no NodePort frontend in it).
const kind = readRules(
  'cilium-kpr-frontend-missing/fixtures/broken--cilium44301-kind-nodeport-absent.txt',
);
const svc = (...rows: string[]) =>
  ['NAMESPACE   NAME   TYPE   CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE', ...rows, ''].join('\n');

describe(`${cause} without a port or address given`, () => {
  it('rules it out when the pasted Service has its ClusterIP frontend', () => {
    expect(verdict({ hubble349 })).toBe('ruled-out');
  });

  it('finds a pasted Service whose ClusterIP the whole table lacks, beside one it has', () => {
    const get = svc(
      'default   hubble-relay   ClusterIP   10.96.62.28   <none>   80/TCP   5m',
      'default   web   ClusterIP   10.96.200.17   <none>   80/TCP   5m',
    );
    expect(verdict({ kind, get })).toBe('found:medium');
  });

  it('says nothing when none of the pasted Services is in the table (another cluster)', () => {
    const get = svc('default   web   ClusterIP   10.43.200.17   <none>   80/TCP   5m');
    expect(verdict({ kind, get })).toBe('no-evidence');
  });

  it('counts a missing NodePort only when the replacement serves NodePorts', () => {
    const get = svc('default   hubble-relay   NodePort   10.96.62.28   <none>   80:30080/TCP   5m');
    // No NodePort frontend at all and no status: kube-proxy may serve it.
    expect(verdict({ kind, get })).toBe('ruled-out');
    const status =
      'KubeProxyReplacement:    True   [eth0   172.19.0.2 fc00:c111::2 fe80::42:acff:fe13:2 (Direct Routing)]\n';
    expect(verdict({ kind, get, status })).toBe('found:medium');
  });

  // cilium/cilium#11448: `kubectl describe svc kubernetes` beside the agent's whole table.
  const case11448 = (f: string) =>
    readFileSync(
      join(
        TEST_DATA,
        'cases/620-cilium11448-service-list-kubernetes-frontend-present-dummy-iface',
        f,
      ),
      'utf8',
    );
  const described = (name: string, ip: string, port: string, nodePort?: string) =>
    [
      `Name:              ${name}`,
      'Namespace:         default',
      'Selector:          app=web',
      `Type:              ${nodePort ? 'NodePort' : 'ClusterIP'}`,
      `IP:                ${ip}`,
      `Port:              <unset>  ${port}/TCP`,
      `TargetPort:        8080/TCP`,
      ...(nodePort ? [`NodePort:          <unset>  ${nodePort}/TCP`] : []),
      'Endpoints:         10.244.1.7:8080',
      'Events:            <none>',
      '',
    ].join('\n');

  it('reads the Service of `kubectl describe svc`: its ClusterIP present in the table', () => {
    const pastes = {
      describe: case11448('describe-svc.txt'),
      list: case11448('cilium-service-list.txt'),
    };
    expect(verdict(pastes)).toBe('ruled-out');
  });

  it('finds a described Service whose ClusterIP or NodePort the whole table lacks', () => {
    const relay = described('hubble-relay', '10.96.62.28', '80');
    expect(verdict({ kind, relay, web: described('web', '10.96.200.17', '80') })).toBe(
      'found:medium',
    );
    const np = described('np', '10.96.62.28', '80', '30080');
    const status = 'KubeProxyReplacement:    True   [eth0   172.19.0.2 (Direct Routing)]\n';
    expect(verdict({ kind, np, status })).toBe('found:medium');
    // Headless (`IP: None`): no frontend to look for.
    expect(verdict({ kind, relay, h: described('h', 'None', '80') })).toBe('ruled-out');
  });

  it('ignores headless and ExternalName Services', () => {
    const get = svc(
      'default   hubble-relay   ClusterIP   10.96.62.28   <none>   80/TCP   5m',
      'default   db   ClusterIP   None   <none>   5432/TCP   5m',
      'default   ext   ExternalName   <none>   example.com   <none>   5m',
    );
    expect(verdict({ kind, get })).toBe('ruled-out');
  });
});
