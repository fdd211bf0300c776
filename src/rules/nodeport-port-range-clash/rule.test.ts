import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';
import { readTestData } from '../../testing/test-data';

const cause = 'nodeport-port-range-clash';
const broken = readTestData('fixtures/54-k8s40920-nodeport-already-used-bind/kube-proxy.log');

describe(cause, () => {
  it('finds kube-proxy failing to open the port (fixture 54) and fills the port into the fix', () => {
    const d = diagnoseTexts({ log: broken });
    expect(verdictOf(d, cause)).toBe('found:high');
    expect(d.findings.find((f) => f.cause === cause)!.fix.now).toContain(':34104');
  });

  it('flags a local port range over the NodePorts, and rules it out once reserved or narrowed', () => {
    const wide =
      'net.ipv4.ip_local_port_range = 1024\t65535\nnet.ipv4.ip_local_reserved_ports = \n';
    expect(verdictOf(diagnoseTexts({ s: wide }), cause)).toBe('found:low');
    expect(
      verdictOf(
        diagnoseTexts({ s: wide.replace('reserved_ports = ', 'reserved_ports = 30000-32767') }),
        cause,
      ),
    ).toBe('ruled-out');
    expect(
      verdictOf(
        diagnoseTexts({
          s: 'net.ipv4.ip_local_port_range = 32768\t60999\nnet.ipv4.ip_forward = 1\n',
        }),
        cause,
      ),
    ).toBe('ruled-out');
  });
});
