import { listsModule } from '../../parsers/lsmod/facts';
import { cite, defineRule, finding, noEvidence, ruledOut } from '../rule';
import type { Evidence } from '../../engine/types';
import type { LsmodFacts } from '../../parsers/lsmod/facts';

const K = 'cause.ipvs-modules-missing.verdict';
/** kube-proxy telling it found no IPVS support (module list, builtin check, netlink family). */
const NO_MODULES =
  /required kernel modules are not loaded|no builtin kernel ipvs support|ipvs family information|ipvs is not enabled in your kernel|modprobe:? .*\bip_vs/i;
/** kube-proxy giving up on IPVS, for whatever reason (1.8-1.25 fall back, newer ones exit). */
const GAVE_UP =
  /can't (?:use|determine whether to use) (?:the )?ipvs|ipvs proxier will not be used|trying iptables proxier/i;
/** A reason that is not the modules: ipset missing, a bad scheduler (the same fallback, less sure). */
const OTHER_REASON = /ipset|scheduler/i;
/**
 * The IPVS proxier running, but the kernel refusing each virtual server with ENOENT: it answers
 * so when the service's scheduler module (`ip_vs_sed`, `ip_vs_lc`, ...) is not loaded ("IPVS:
 * Scheduler module ip_vs_X not found" in dmesg), or IPVS itself is gone.
 */
const NO_SCHEDULER = /Failed to (?:add|create) IPVS service\b.*no such file or directory/i;
const SCHEDULERS = ['ip_vs_rr', 'ip_vs_wrr', 'ip_vs_sh'];

/**
 * kube-proxy asked for IPVS but found no IPVS support: it logs why and falls back to iptables
 * (or, from 1.26, refuses to start). `lsmod` shows which modules are not loaded.
 */
export default defineRule({
  cause: 'ipvs-modules-missing',
  needs: ['kube-proxy-log', 'lsmod', 'ipvsadm', 'sysctl'],
  check(ctx) {
    const complaints: Evidence[] = [];
    let modules = false;
    let other = false;
    let scheduler = false;
    let fellBack: Evidence | null = null;
    let usingIpvs: Evidence | null = null;
    for (const { source, facts } of ctx.of('kube-proxy-log')) {
      let lastComplaint = 0;
      for (const e of facts.entries) {
        const refused = NO_SCHEDULER.test(e.message);
        const m = refused || NO_MODULES.test(e.message);
        if (!m && !GAVE_UP.test(e.message)) continue;
        complaints.push(cite(source, e));
        modules ||= m && !refused;
        scheduler ||= refused;
        other ||= !m && OTHER_REASON.test(e.message);
        lastComplaint = e.line;
      }
      const p = facts.proxier;
      if (p && p.value === 'ipvs' && p.line > lastComplaint) usingIpvs = cite(source, p);
      else if (p && p.value !== 'ipvs' && lastComplaint > 0) fellBack = cite(source, p);
    }
    const lsmod = missingModules(ctx.of('lsmod'));
    // kubeadm's preflight on this node: the modules it found neither loaded nor built in.
    const preflight = ctx
      .of('sysctl')
      .flatMap(({ source, facts }) =>
        facts.preflightModules ? [{ ev: cite(source, facts.preflightModules), facts }] : [],
      )[0];

    if (complaints.length > 0 && !usingIpvs) {
      const evidence = [
        ...complaints.slice(0, 4),
        ...(fellBack ? [fellBack] : []),
        ...lsmod.missingEv,
      ];
      // kube-proxy refused IPVS for ipset or a scheduler, not the modules: the same fallback.
      const ipset = other && !modules && lsmod.missing.length === 0;
      // Only the kernel's refusals: the proxier runs, its virtual servers are not created.
      const refusedOnly = scheduler && !modules && !other && !fellBack;
      return finding(
        modules || lsmod.missing.includes('ip_vs') ? 'high' : 'medium',
        {
          key: `${K}.${ipset ? 'otherReason' : fellBack ? 'fellBack' : refusedOnly ? 'vsRefused' : 'log'}`,
          params: { proxier: fellBack ? proxierOf(fellBack.text) : '' },
        },
        evidence,
      );
    }
    const table = ctx
      .of('ipvsadm')
      .flatMap(({ source, facts }) =>
        facts.services[0] ? [cite(source, facts.services[0])] : [],
      )[0];
    if (lsmod.missing.length > 0 && !usingIpvs && !table) {
      const vs = lsmod.missing.includes('ip_vs');
      return finding(
        vs ? 'medium' : 'low',
        {
          key: `${K}.${vs ? 'lsmodNoIpvs' : 'lsmodNoScheduler'}`,
          params: { modules: lsmod.missing.join(', ') },
        },
        lsmod.missingEv.length > 0 ? lsmod.missingEv : lsmod.presentEv.slice(0, 3),
      );
    }
    // kube-proxy may still load them itself when they exist for this kernel: not certain.
    if (preflight && !usingIpvs && !table && lsmod.presentEv.length === 0) {
      const mods = preflight.facts.preflightModules!.value;
      return finding(
        mods.includes('ip_vs') ? 'medium' : 'low',
        { key: `${K}.kubeadm`, params: { modules: mods.join(', ') } },
        [preflight.ev],
      );
    }
    if (usingIpvs) return ruledOut({ key: `${K}.usingIpvs` }, [usingIpvs]);
    // Virtual servers exist: IPVS works here (built into the kernel if lsmod lacks it).
    if (table) return ruledOut({ key: `${K}.tableProgrammed` }, [table]);
    if (lsmod.presentEv.length > 0 && lsmod.judged)
      return ruledOut({ key: `${K}.loaded` }, lsmod.presentEv.slice(0, 4));
    return noEvidence;
  },
  fix: {
    now: [
      '# @{builtin}',
      'grep -E \'ip_vs|nf_conntrack\' "/lib/modules/$(uname -r)/modules.builtin"',
      'for m in ip_vs ip_vs_rr ip_vs_wrr ip_vs_sh nf_conntrack; do sudo modprobe -- "$m"; done',
      'kubectl -n kube-system delete pod -l k8s-app=kube-proxy --field-selector spec.nodeName={node}',
    ].join('\n'),
    persist: [
      "printf '%s\\n' ip_vs ip_vs_rr ip_vs_wrr ip_vs_sh nf_conntrack | sudo tee /etc/modules-load.d/ipvs.conf",
      '# @{older}',
      'sudo systemctl restart systemd-modules-load.service',
      '# @{migrate}',
      'kubectl -n kube-system get configmap kube-proxy -o yaml | grep -n -e "mode:"',
    ].join('\n'),
    verify: [
      'lsmod | grep -e ip_vs -e nf_conntrack',
      "kubectl -n kube-system logs \"$(kubectl -n kube-system get pods -l k8s-app=kube-proxy --field-selector spec.nodeName={node} -o name)\" --tail=500 | grep -i -e 'Using ipvs Proxier' -e 'ipvs' -e 'Proxier'",
      'sudo ipvsadm -Ln | head',
    ].join('\n'),
    rollback: 'sudo rm /etc/modules-load.d/ipvs.conf   # @{rollback}',
    defaults: { node: 'NODE_NAME' },
  },
});

function proxierOf(text: string): string {
  return /Using (\w+) Proxier/i.exec(text)?.[1] ?? '';
}

/**
 * Which IPVS modules `lsmod` shows missing. A grep-filtered listing only proves a module absent
 * when the grep pattern would have matched it (`lsmod | grep ip_vs` says nothing of nf_conntrack).
 */
function missingModules(pastes: { source: string; facts: LsmodFacts }[]) {
  const missing: string[] = [];
  const missingEv: Evidence[] = [];
  const presentEv: Evidence[] = [];
  let judged = false;
  for (const { source, facts } of pastes) {
    const has = (m: string) => facts.modules[m] !== undefined;
    const covers = (m: string) => listsModule(facts, m);
    const wanted = ['ip_vs', ...SCHEDULERS];
    const conntrack = ['nf_conntrack', 'nf_conntrack_ipv4'];
    for (const m of wanted) {
      if (has(m)) presentEv.push(cite(source, facts.modules[m]!));
      else if (covers(m) && !missing.includes(m)) missing.push(m);
    }
    if (!conntrack.some(has) && conntrack.every(covers)) missing.push('nf_conntrack');
    judged ||= wanted.every((m) => has(m) || covers(m));
    // The proof of a missing module is the listing itself: cite its first rows.
    if (missing.length > 0 && missingEv.length === 0) {
      const rows = Object.values(facts.modules).slice(0, 2);
      for (const r of rows) missingEv.push(cite(source, r));
    }
  }
  return { missing, missingEv, presentEv, judged };
}
