import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';
import { readTestData } from '../../testing/test-data';

const cause = 'br-netfilter-off';

describe(cause, () => {
  it('finds flannel refusing to start without br_netfilter (fixture 09)', () => {
    const log = readTestData('fixtures/09-flannel2166-br-netfilter-missing/kube-flannel.log');
    expect(verdictOf(diagnoseTexts({ log }), cause)).toBe('found:high');
  });

  it('finds bridge-nf-call-iptables = 0 and a missing key', () => {
    const off = 'net.bridge.bridge-nf-call-iptables = 0\nnet.ipv4.ip_forward = 1\n';
    expect(verdictOf(diagnoseTexts({ s: off }), cause)).toBe('found:high');
    const missing =
      'net.ipv4.ip_forward = 1\nsysctl: cannot stat /proc/sys/net/bridge/bridge-nf-call-iptables: No such file or directory\n';
    expect(verdictOf(diagnoseTexts({ s: missing }), cause)).toBe('found:high');
  });

  it('rules it out when the sysctl is 1 (fixture 12), even next to an old CNI error', () => {
    const on = readTestData('fixtures/12-k8sbosh16-bridge-nf-call-on-healthy/sysctl.txt');
    const log = readTestData('fixtures/09-flannel2166-br-netfilter-missing/kube-flannel.log');
    expect(verdictOf(diagnoseTexts({ on, log }), cause)).toBe('ruled-out');
  });

  it('reads a DNS reply dropped as coming from an unexpected source (nixpkgs 98766)', () => {
    const nslookup = readFileSync(
      new URL(
        '../../parsers/dns-answer/fixtures/dns-answer--nixpkgs98766-unexpected-source.txt',
        import.meta.url,
      ),
      'utf8',
    );
    expect(verdictOf(diagnoseTexts({ nslookup }), cause)).toBe('found:medium');
    // the sysctl at 1 says the bridge passes iptables: the odd reply has another cause
    const on = 'net.bridge.bridge-nf-call-iptables = 1\n';
    expect(verdictOf(diagnoseTexts({ nslookup, on }), cause)).toBe('ruled-out');
    // a plain timeout is no sign of it
    const timeout = ';; connection timed out; no servers could be reached\n';
    expect(verdictOf(diagnoseTexts({ timeout }), cause)).toBe('no-evidence');
  });

  it('reads lsmod: loaded rules it out, absent from a whole list is medium, a filtered list says nothing', () => {
    const loaded =
      'Module                  Size  Used by\nbr_netfilter           22256  0\nbridge                146976  1 br_netfilter\n';
    expect(verdictOf(diagnoseTexts({ l: loaded }), cause)).toBe('ruled-out');
    const absent =
      'Module                  Size  Used by\nbridge                146976  0\nstp                    12976  1 bridge\nllc                    14552  2 stp,bridge\n';
    expect(verdictOf(diagnoseTexts({ l: absent }), cause)).toBe('found:medium');
    const filtered =
      '$ lsmod | grep ip_vs\nip_vs_rr               12600  0\nip_vs                 145497  2 ip_vs_rr\n';
    expect(verdictOf(diagnoseTexts({ l: filtered }), cause)).toBe('no-evidence');
  });
});
