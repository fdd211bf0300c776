import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';
import { readTestData } from '../../testing/test-data';

const cause = 'etp-local-no-endpoint';
const broken = readTestData(
  'fixtures/13-charmed489-etp-local-no-local-endpoints/iptables-save.txt',
);

// kube-proxy 1.24+: the drop sits in filter KUBE-EXTERNAL-SERVICES with the port on it.
const filterDrop = `*filter
:KUBE-EXTERNAL-SERVICES - [0:0]
-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "web/shop:http has no local endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 31999 -j DROP
COMMIT
`;
const healthy = `*nat
:KUBE-NODEPORTS - [0:0]
:KUBE-XLB-NLDKPDYL22EOGGDT - [0:0]
-A KUBE-NODEPORTS -p tcp -m comment --comment "default/nginx-loadbalancer-local:" -m tcp --dport 31610 -j KUBE-XLB-NLDKPDYL22EOGGDT
-A KUBE-XLB-NLDKPDYL22EOGGDT -m comment --comment "Balancing rule 0 for default/nginx-loadbalancer-local:" -j KUBE-SEP-ABCDEFGHIJKLMNOP
COMMIT
`;

describe(cause, () => {
  it('finds the "has no local endpoints" drop of fixture 13, sure when it is the operator\'s port', () => {
    expect(verdictOf(diagnoseTexts({ ipt: broken }), cause)).toBe('found:medium');
    const d = diagnoseTexts({ ipt: broken }, { port: '31610' });
    expect(verdictOf(d, cause)).toBe('found:high');
    const f = d.findings.find((x) => x.cause === cause)!;
    expect(f.evidence.map((e) => e.line)).toEqual([3, 5]);
    expect(f.fix.persist).toContain('kubectl -n default patch svc nginx-loadbalancer-local');
  });

  it("finds the filter-table form of newer kube-proxy by port, the walk through kube-proxy's jumps to it", () => {
    // The grep holds no INPUT chain: the walk assumes kube-proxy's jump to KUBE-EXTERNAL-SERVICES.
    const d = diagnoseTexts({ ipt: filterDrop }, { port: '31999' });
    expect(verdictOf(d, cause)).toBe('found:high');
    expect(d.findings.find((x) => x.cause === cause)!.evidence.map((e) => e.line)).toEqual([3]);
  });

  it("does not blame another service's drop", () => {
    expect(verdictOf(diagnoseTexts({ ipt: filterDrop }, { port: '30080' }), cause)).toBe(
      'no-evidence',
    );
  });

  it("rules it out when the port's chain reaches a local endpoint", () => {
    expect(verdictOf(diagnoseTexts({ ipt: healthy }, { port: '31610' }), cause)).toBe('ruled-out');
  });
});
