import { describe, expect, it } from 'vitest';
import { parsePaste } from '../registry';
import { seed } from '../../testing/parser-checks';

const first = (text: string) => parsePaste(text, 'x')[0]!;

describe('Kubernetes-side near misses', () => {
  it('jsonpath / go-template output says to paste the whole object', () => {
    expect(
      first('$ kubectl get svc web -o jsonpath={.spec.clusterIP}\n10.96.12.34\n'),
    ).toMatchObject({
      kind: 'kubectl-jsonpath',
      status: 'rejected',
      problems: [{ msg: { key: 'parse.nearMiss.kubectl-jsonpath' } }],
    });
    expect(
      first("$ kubectl get svc web -o=go-template='{{.spec.clusterIP}}'\n10.96.12.34\n").kind,
    ).toBe('kubectl-jsonpath');
  });

  it('`-o name` lists and `kubectl apply` output', () => {
    expect(first('pod/web-1\npod/web-2\nservice/web\n').kind).toBe('kubectl-name');
    expect(first('deployment.apps/web created\nservice/web unchanged\n').kind).toBe(
      'kubectl-apply',
    );
    const applies = parsePaste(seed('003'), 'x').filter((s) => s.kind === 'kubectl-apply');
    expect(applies.map((s) => s.command)).toEqual([
      'kubectl apply -f myapp-deploy.yaml',
      'kubectl apply -f myapp-svc-ClusterIP.yaml',
    ]);
  });

  it('the log of a component no parser reads says which logs to paste', () => {
    const r = first(
      '$ kubectl -n kube-system logs coredns-5c98db65d4-m8wls\n.:53\n[INFO] plugin/reload: Running configuration MD5 = 4e235fcc3696966e76816bcd9034ebc7\nCoreDNS-1.6.7\n',
    );
    expect(r).toMatchObject({
      kind: 'kubectl-logs',
      status: 'rejected',
      problems: [{ msg: { key: 'parse.nearMiss.kubectl-logs' } }],
    });
  });

  it("fields grep'd out of `-o yaml` are read as part of the object; list items say to paste it whole", () => {
    const grepped =
      "$ kubectl -n ingress-nginx get ds ingress-nginx-controller -o yaml | grep -E 'dnsPolicy|hostNetwork'\n      dnsPolicy: ClusterFirst\n      hostNetwork: true\n";
    expect(first(grepped)).toMatchObject({
      kind: 'k8s-object',
      status: 'partial',
      problems: [
        {
          msg: {
            key: 'parse.k8s-object.fragment',
            params: { object: 'DaemonSet/ingress-nginx-controller' },
          },
        },
      ],
    });
    expect(first('  externalTrafficPolicy: Local\n  healthCheckNodePort: 31904\n')).toMatchObject({
      kind: 'k8s-object',
      problems: [{ msg: { params: { object: 'Service/?' } } }],
    });
    expect(first('        - containerPort: 80\n          hostPort: 80\n').kind).toBe(
      'k8s-fragment',
    );
    // YAML-looking lines of no Kubernetes object stay unknown
    expect(first('foo: bar\nbaz: qux\n').kind).toBeNull();
  });
});
