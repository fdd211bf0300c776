import { cite, defineRule, finding, noEvidence, ruledOut, type RuleContext } from '../rule';
import type { Confidence, Evidence } from '../../engine/types';
import { kernelOf, olderThan } from '../combine/kernel';

const K = 'cause.vxlan-checksum-offload.verdict';
const FEATURE = 'tx-checksum-ip-generic';
/** flannel.1, flannel-v6.1, vxlan.calico, vxlan-v6.calico, cilium_vxlan, weave's vxlan-6784, OVS vxlan_sys_4789. */
const VXLAN_DEVICE = /vxlan|^flannel[.-]/i;
/** Linux/flannel/Cilium default, IANA (Calico, OVS), weave fastdp. */
const VXLAN_PORTS = new Set(['8472', '4789', '6784']);
/** tcpdump names the VXLAN ports when it is not given -nn. */
const PORT_NAMES: Record<string, string> = { otv: '8472', vxlan: '4789' };
/** torvalds/linux ea64d8d6c675 ("netfilter: nat: never update the UDP checksum when it's 0"), in 5.7. */
const FIXED_IN: [number, number] = [5, 7];

interface DeviceState {
  iface: string;
  /** The device's name was not in the paste (nor answered): maybe not the VXLAN device. */
  guessed: boolean;
  /** Lines that show the offload on, or an `ethtool -K` that just turned it off (it was on). */
  wasOn: Evidence[];
  /** A listing showed it on: the broken state itself, not only the fix that undid it. */
  listedOn: boolean;
  /** The latest state: a listing (`ethtool -k`) or a change (`ethtool -K`). */
  last: { value: 'on' | 'off'; listing: boolean; evidence: Evidence } | null;
}

/**
 * A VXLAN device that computes UDP checksums in software offload (`tx-checksum-ip-generic: on`)
 * sends packets that iptables/IPVS SNAT'd with a broken outer checksum on kernels before 5.7;
 * the peer drops them ("UDP: bad checksum ... to ...:8472"), so only traffic crossing nodes
 * through a Service times out.
 */
export default defineRule({
  cause: 'vxlan-checksum-offload',
  needs: ['ethtool-k', 'kernel-log', 'tcpdump'],
  check(ctx) {
    const devices = new Map<string, DeviceState>();
    for (const { source, facts } of ctx.of('ethtool-k')) {
      const named = facts.interface?.value ?? null;
      if (named && !VXLAN_DEVICE.test(named)) continue; // eth0 and friends may offload freely
      const answered = VXLAN_DEVICE.test(ctx.vars.iface ?? '') ? ctx.vars.iface! : null;
      const key = named ?? answered ?? '?';
      const d = devices.get(key) ?? {
        iface: key,
        guessed: key === '?',
        wasOn: [],
        listedOn: false,
        last: null,
      };
      devices.set(key, d);
      const listed = facts.features[FEATURE];
      if (listed) {
        const ev = cite(source, listed);
        if (listed.value === 'on' && !listed.fixed) {
          d.wasOn.push(ev);
          d.listedOn = true;
        }
        d.last = { value: listed.value, listing: true, evidence: ev };
      }
      const changed = facts.changes[FEATURE];
      if (changed) {
        const ev = cite(source, changed);
        // `Actual changes:` lists only features that flipped: turned off means it was on.
        if (changed.value === 'off') d.wasOn.push(ev);
        d.last = { value: changed.value, listing: false, evidence: ev };
      }
    }

    const badChecksums: Evidence[] = [];
    let badCount = 0;
    for (const { source, facts } of ctx.of('kernel-log')) {
      const ev = facts.events['udp-bad-checksum'];
      if (!ev) continue;
      const n = Object.entries(facts.badChecksumPorts)
        .filter(([p]) => VXLAN_PORTS.has(p))
        .reduce((s, [, c]) => s + c, 0);
      if (n === 0) continue;
      badCount += n;
      const lines = [...ev.examples, ev.last].filter((c) => vxlanPortOf(c.text));
      for (const c of lines)
        if (!badChecksums.some((e) => e.source === source && e.line === c.line))
          badChecksums.push(cite(source, c));
    }

    const kernel = kernelOf(ctx);
    const affectedKernel = kernel ? olderThan(kernel, ...FIXED_IN) : null;
    const kernelEv = kernel ? [kernel.evidence] : [];
    const bad = badChecksums.slice(0, 4);
    // A capture's bad checksums on the VXLAN port show the broken state too (beside a change
    // that turned the offload off, they are what the change was for).
    const captured = captureBadChecksums(ctx);
    const brokenShown = badCount > 0 || captured.n > 0;
    const shownEv = badCount > 0 ? bad : captured.evidence.slice(0, 2);

    // Prefer a named VXLAN device over a listing whose interface we had to guess.
    const states = [...devices.values()].sort((a, b) => Number(a.guessed) - Number(b.guessed));
    // A change that turned it off counts as "it was on" only beside the broken state itself.
    const on = states.find(
      (d) => d.last?.value === 'on' || (d.last?.listing === false && (d.listedOn || brokenShown)),
    );
    if (on) {
      const evidence = [...on.wasOn.slice(0, 2), ...shownEv, ...kernelEv];
      const vars = on.guessed ? undefined : { iface: on.iface };
      let confidence: Confidence = 'medium';
      if (badCount > 0 || affectedKernel === true) confidence = 'high';
      else if (affectedKernel === false) confidence = 'low';
      if (on.guessed) confidence = badCount > 0 ? 'medium' : 'low';
      const key = on.last?.value === 'on' ? 'on' : 'justTurnedOff';
      return finding(
        confidence,
        { key: `${K}.${key}`, params: { iface: on.iface } },
        evidence,
        vars,
      );
    }

    // `ethtool -K ... off` alone shows the fix applied, not the broken state: without a listing
    // that showed it on or bad checksums (kernel log or capture), it is no finding.
    const turnedOff = states.find((d) => d.last?.value === 'off' && !d.last.listing);
    if (turnedOff?.last && !brokenShown)
      return ruledOut({ key: `${K}.fixApplied`, params: { iface: turnedOff.iface } }, [
        turnedOff.last.evidence,
      ]);

    const offNow = states.find((d) => d.last?.value === 'off' && d.last.listing);
    if (offNow?.last) {
      const vars = offNow.guessed ? undefined : { iface: offNow.iface };
      if (offNow.wasOn.length > 0)
        return finding(
          'medium',
          { key: `${K}.fixedInSession`, params: { iface: offNow.iface } },
          [...offNow.wasOn.slice(0, 2), offNow.last.evidence, ...bad],
          vars,
        );
      if (badCount > 0)
        return finding(
          'low',
          { key: `${K}.offButBadChecksums`, params: { iface: offNow.iface } },
          [offNow.last.evidence, ...bad],
          vars,
        );
      return ruledOut({ key: `${K}.off`, params: { iface: offNow.iface } }, [offNow.last.evidence]);
    }

    if (badCount > 0)
      return finding(
        affectedKernel === true ? 'high' : 'medium',
        { key: `${K}.badChecksums`, params: { n: badCount } },
        [...bad, ...kernelEv],
      );
    // A capture's `bad udp cksum` on the VXLAN port: on the receiving node that is the bug, on
    // the sending one it may only be offload that fills the checksum after the capture point.
    if (captured.n > 0)
      return finding(
        affectedKernel === false ? 'low' : 'medium',
        { key: `${K}.captureBadChecksums`, params: { n: captured.n } },
        [...captured.evidence, ...kernelEv],
      );
    return noEvidence;
  },
  fix: {
    now: 'sudo ethtool -K {iface} tx-checksum-ip-generic off',
    persist: [
      '# @{unit}',
      "sudo tee /etc/systemd/system/net-triage-{iface}-tx-csum-off.service >/dev/null <<'EOF'",
      '[Unit]',
      'Description=Turn off tx checksum offload on {iface} (VXLAN SNAT checksum bug)',
      'After=sys-devices-virtual-net-{iface}.device',
      'BindsTo=sys-devices-virtual-net-{iface}.device',
      '[Service]',
      'Type=oneshot',
      'ExecStart=/sbin/ethtool -K {iface} tx-checksum-ip-generic off',
      '[Install]',
      'WantedBy=sys-devices-virtual-net-{iface}.device',
      'EOF',
      'sudo systemctl daemon-reload',
      'sudo systemctl enable --now net-triage-{iface}-tx-csum-off.service',
      '# @{kernel}',
    ].join('\n'),
    verify: [
      'ethtool -k {iface} | grep tx-checksum-ip-generic   # @{expectOff}',
      "dmesg -T | grep -c 'bad checksum'   # @{noNewErrors}",
    ].join('\n'),
    rollback: [
      'sudo systemctl disable --now net-triage-{iface}-tx-csum-off.service',
      'sudo rm /etc/systemd/system/net-triage-{iface}-tx-csum-off.service',
      'sudo systemctl daemon-reload',
      'sudo ethtool -K {iface} tx-checksum-ip-generic on',
    ].join('\n'),
    defaults: { iface: 'flannel.1' },
  },
});

function vxlanPortOf(text: string): boolean {
  const m = / to \S+:(\d+)/.exec(text);
  return m ? VXLAN_PORTS.has(m[1]!) : false;
}

/**
 * `tcpdump -vv` lines with a bad UDP checksum on a VXLAN port. Datagrams too small to carry a
 * tunnelled frame are probes sent to the port (nc, a test script), not VXLAN traffic: they say
 * nothing about the overlay's checksums.
 */
function captureBadChecksums(ctx: RuleContext) {
  let n = 0;
  const evidence: Evidence[] = [];
  for (const { source, facts } of ctx.of('tcpdump')) {
    let here = 0;
    const { ports, tooShortForTunnel } = facts.badChecksum;
    for (const [port, count] of Object.entries(ports))
      if (VXLAN_PORTS.has(PORT_NAMES[port] ?? port)) here += count - (tooShortForTunnel[port] ?? 0);
    if (here === 0) continue; // this capture's bad checksums are on other ports
    n += here;
    for (const c of facts.badChecksum.examples.slice(0, 3)) evidence.push(cite(source, c));
  }
  return { n, evidence };
}
