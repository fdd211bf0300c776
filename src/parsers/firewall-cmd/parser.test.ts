import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { factsOf } from '../../testing/facts';
import { parsePaste } from '../registry';

const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');
const one = (text: string) => {
  const rs = parsePaste(text, 'x');
  expect(rs).toHaveLength(1);
  return rs[0]!;
};

describe('firewall-cmd', () => {
  it('a zone that opens the NodePort range', () => {
    const s = one(local('firewall-cmd--kubeadm-ha-nodeport-range.txt'));
    const f = factsOf(s, 'firewall-cmd');
    expect(s.status).toBe('parsed');
    expect(s.command).toBe('firewall-cmd --list-all --zone=public');
    const z = f.zones[0]!;
    expect(z).toMatchObject({
      active: true,
      isDefault: false,
      target: 'default',
      masquerade: false,
    });
    expect(z.name).toMatchObject({ value: 'public', line: 2 });
    expect(z.interfaces).toEqual(['ens2f1', 'ens1f0', 'nm-bond']);
    expect(z.ports.at(-1)).toEqual({ port: '30000-32767', proto: 'tcp', line: 8 });
    expect(z.fields.services?.value).toBe('ssh dhcpv6-client');
  });

  it('a zone without the NodePort range; --list-all-zones with rich rules', () => {
    const f = factsOf(one(local('firewall-cmd--k8smaster-no-nodeports.txt')), 'firewall-cmd');
    expect(f.zones[0]!.ports).toEqual([]);
    expect(f.zones[0]!.services).toEqual(['dhcpv6-client', 'kubernetes', 'ssh']);
    const all = factsOf(
      one(
        'block\n  target: %%REJECT%%\n  icmp-block-inversion: no\n  interfaces: \n  rich rules: \n\ntrusted (default, active)\n  target: ACCEPT\n  interfaces: eth0\n  services: \n  ports: \n  rich rules: \n\trule family="ipv4" source address="10.0.0.0/8" port port="30080" protocol="tcp" reject',
      ),
      'firewall-cmd',
    );
    expect(all.zones.map((z) => [z.name.value, z.target, z.isDefault])).toEqual([
      ['block', '%%REJECT%%', false],
      ['trusted', 'ACCEPT', true],
    ]);
    expect(all.zones[1]!.richRules[0]?.value).toMatch(/^rule family="ipv4"/);
  });
});

describe('firewall-cmd: --list-all-zones', () => {
  it('reads a multi-line forward-ports list and the rich rules under it', () => {
    const s = one(local('firewall-cmd--insights-core-forward-ports.txt'));
    const f = factsOf(s, 'firewall-cmd');
    expect(s.status).toBe('parsed');
    const pub = f.zones.find((z) => z.name.value === 'public')!;
    expect(pub).toMatchObject({ active: true, isDefault: true, interfaces: ['eno1'] });
    expect(pub.forwardPorts.map((p) => p.value)).toEqual([
      'port=80:proto=tcp:toport=12345:toaddr=',
      'port=81:proto=tcp:toport=1234:toaddr=',
      'port=83:proto=tcp:toport=456:toaddr=10.72.47.45',
    ]);
    expect(pub.richRules).toHaveLength(4);
  });
});
