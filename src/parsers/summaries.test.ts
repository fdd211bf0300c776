import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTestData } from '../testing/test-data';
import { parsePaste } from './registry';

/** A paste's summary names its key fact, not only how many lines it had. */
const rule = (p: string) => readFileSync(new URL(`../rules/${p}`, import.meta.url), 'utf8');
const summaryOf = (text: string) => {
  const s = parsePaste(text, 'x').find((r) => r.status !== 'rejected');
  if (!s || !('summary' in s)) throw new Error('nothing parsed');
  return s.summary;
};

describe('paste summaries say the key fact', () => {
  it('ipvsadm names the virtual servers without a real server', () => {
    const s = summaryOf(rule('ipvs-no-real-servers/fixtures/broken--k8s70493-empty-vs.txt'));
    expect(s.key).toBe('parse.ipvsadm.summaryEmpty');
    expect(s.params?.which).toMatch(/^TCP 10\.109\.131\.66:6379/);
  });

  it('iptables-save counts kube-proxy Services, NodePorts and REJECTs for Services without endpoints', () => {
    const s = summaryOf(rule('service-no-endpoints/fixtures/broken--weave3392-kube-services.txt'));
    expect(s.key).toBe('parse.iptables-save.summaryKubeProxy');
    expect(Number(s.params?.noEndpoints)).toBeGreaterThanOrEqual(3);
    const charmed = summaryOf(
      readTestData('fixtures/13-charmed489-etp-local-no-local-endpoints/iptables-save.txt'),
    );
    expect(charmed.key).toBe('parse.iptables-save.summaryKubeProxy');
    expect(Number(charmed.params?.nodePorts)).toBeGreaterThan(0);
    expect(Number(charmed.params?.services)).toBeGreaterThan(0);
    // A host firewall dump without kube-proxy keeps the plain summary.
    expect(
      summaryOf('*filter\n:INPUT DROP [0:0]\n-A INPUT -p tcp --dport 22 -j ACCEPT\nCOMMIT\n').key,
    ).toBe('parse.iptables-save.summary');
  });

  it('kubectl get says what is not ready, the most restarts and Services without endpoints', () => {
    const pods = summaryOf(rule('cni-unhealthy/fixtures/broken--cilium20679-crashloop.txt'));
    expect(pods.key).toBe('parse.kubectl-get.summaryAttention');
    expect(Number(pods.params?.notReady) + Number(pods.params?.restarts)).toBeGreaterThan(0);
    const ep = summaryOf(
      'NAME      ENDPOINTS   AGE\nweb       <none>      5m\napi       10.244.1.5:80   5m\n',
    );
    expect(ep).toMatchObject({
      key: 'parse.kubectl-get.summaryAttention',
      params: { noEndpoints: 1 },
    });
    const healthy = summaryOf(
      'NAME    READY   STATUS    RESTARTS   AGE\nweb-1   1/1     Running   0          5m\n',
    );
    expect(healthy.key).toBe('parse.kubectl-get.summary');
  });
});
