import { cite, defineRule, finding, noEvidence, ruledOut, type RuleContext } from '../rule';
import type { Cited, Evidence } from '../../engine/types';
import { unique } from '../combine/evidence';
import type { PingRun } from '../../parsers/ping-mtu/facts';

const K = 'cause.dns-search-domain-leak.verdict';
/**
 * Provider and local domains that resolve only their own hosts (GCE, AWS, Azure and its national
 * clouds: `internal.chinacloudapp.cn`, `internal.cloudapp.de`, `internal.usgovcloudapp.net`;
 * OpenStack, home routers).
 */
const PRIVATE_SUFFIX =
  /(?:^|\.)(?:internal|compute\.internal|ec2\.internal|cloudapp\.net|internal\.(?:chinacloudapp\.cn|cloudapp\.de|usgovcloudapp\.net)|reddog\.microsoft\.com|openstacklocal|novalocal|localdomain|local|lan|home|intranet|corp|localhost)$/;
/** `localhost` and names under it: resolvers answer them all with the loopback address. */
const LOOPBACK_DOMAIN = /(?:^|\.)localhost\.?$/i;
/** Top-level labels of public names: every two-letter country code and the common generic ones. */
const PUBLIC_TLD =
  /^(?:[a-z]{2}|com|net|org|info|biz|gov|edu|mil|int|io|app|dev|cloud|online|site|tech|xyz|top|asia)$/;

/** Generic top-level labels only: `com` in `example.com.cn` is a registry's second level. */
const GENERIC_TLD = /^(?:com|net|org|info|biz|io|app|dev|cloud|online|site|tech|xyz|top)$/;

/**
 * Top-level domains open to anyone's registration: country codes, the generic ones and the common
 * newer ones. One of them alone in a search list turns `gitlab.com` into `gitlab.com.<tld>`, a
 * name any registrant may hold (domain parkers answer such names with a wildcard record).
 */
const OPEN_TLD =
  /^(?:[a-z]{2}|com|net|org|info|biz|io|app|dev|cloud|online|site|tech|xyz|top|asia|pro|name|mobi|shop|store|club|live|life|world|space|website|fun|email|network|domains|link|click|page|zone|digital|media|one|host|services|solutions|systems|company|group)$/;

interface Search {
  source: string;
  domains: string[];
  line: Cited<string[]>;
  ndots: Evidence | null;
  clusterDomain: string | null;
}

/**
 * With `ndots:5` a short name (and most FQDNs) is first tried with every search domain. When
 * one of those domains answers names it does not own (a wildcard record, another environment's
 * zone), the lookup succeeds with the wrong address. The proof is an answer under a search
 * domain for a name that was not meant to be there.
 */
export default defineRule({
  cause: 'dns-search-domain-leak',
  needs: ['dns-answer', 'resolv-conf', 'ping-mtu'],
  check(ctx) {
    const searches = searchesOf(ctx);
    const nameservers = ctx
      .of('resolv-conf')
      .flatMap((r) => r.facts.nameservers.map((n) => n.value));
    const asAsked: Evidence[] = [];
    for (const { source, facts } of ctx.of('dns-answer')) {
      if (facts.status !== 'answer') continue;
      const query = facts.query?.replace(/\.$/, '') ?? null;
      for (const rec of facts.answers) {
        const name = rec.name.replace(/\.$/, '').toLowerCase();
        const leak = leakOf(name, query, searches);
        if (!leak) {
          if (!query || name === query.toLowerCase() || isClusterName(name, searches))
            asAsked.push(cite(source, rec));
          continue;
        }
        const s = leak.search;
        const server = facts.server;
        // The cluster's DNS is the first nameserver of a pod; an answer from another one left the cluster.
        const outside = server && nameservers.length > 1 && server.value !== nameservers[0];
        const evidence = unique([
          cite(source, rec),
          ...(server && (outside || leak.clusterDomain) ? [cite(source, server)] : []),
          ...(s ? [{ source: s.source, line: s.line.line, text: s.line.text }] : []),
          ...(s?.ndots ? [s.ndots] : []),
        ]);
        return finding(
          leak.confident ? 'high' : 'medium',
          {
            key: `${K}.${leak.clusterDomain ? 'clusterDomainAnswersOutside' : 'strayDomain'}`,
            params: { name: leak.name, domain: leak.domain, answer: name },
          },
          evidence,
          { name: leak.name, domain: leak.domain },
        );
      }
    }
    // `ping NAME` prints the name the resolver answered: `PING NAME.suffix (address)`.
    for (const { source, facts } of ctx.of('ping-mtu'))
      for (const run of facts.runs) {
        const p = pingLeak(run, searches);
        // The name as asked says nothing of the address (`PING x (::1)` under a `localhost`
        // search domain prints x): ping never rules the cause out.
        if (!p || p === 'as-asked') continue;
        const s = p.search;
        return finding(
          looksLikeFqdn(p.domain) ? 'high' : 'medium',
          {
            key: `${K}.pingSuffix`,
            params: {
              name: p.name,
              domain: p.domain,
              answer: run.resolved!,
              address: run.address ?? '?',
            },
          },
          unique([
            cite(source, run),
            ...(s ? [{ source: s.source, line: s.line.line, text: s.line.text }] : []),
            ...(s?.ndots ? [s.ndots] : []),
          ]),
          { name: p.name, domain: p.domain },
        );
      }
    if (asAsked.length > 0) return ruledOut({ key: `${K}.answersAsAsked` }, asAsked.slice(0, 3));
    return fromResolvConfAlone(ctx, searches);
  },
  fix: {
    now: "# @{absolute}\nkubectl -n {ns} exec {pod} -- nslookup {name}.\n# @{where}\ngrep -nE '^[[:space:]]*(search|domain)' /etc/resolv.conf",
    persist:
      "# @{node}\nsudo sed -i.net-triage.bak -E 's/^[[:space:]]*(search|domain)[[:space:]]/# &/' /etc/resolv.conf\n# @{manager}\n# @{pods}\nkubectl -n {ns} rollout restart {workload}",
    verify:
      'kubectl -n {ns} exec {pod} -- cat /etc/resolv.conf\nkubectl -n {ns} exec {pod} -- nslookup {name}',
    rollback: 'sudo cp /etc/resolv.conf.net-triage.bak /etc/resolv.conf',
    defaults: { ns: 'NAMESPACE', pod: 'POD', name: 'NAME' },
  },
});

/** Search lists in effect, with the cluster domain when the list has the pod pattern `<ns>.svc.D svc.D D`. */
function searchesOf(ctx: RuleContext): Search[] {
  return ctx.of('resolv-conf').flatMap(({ source, facts }) => {
    if (!facts.search) return [];
    const domains = facts.search.value.map((d) => d.replace(/\.$/, '').toLowerCase());
    const svc = domains.find((d) => d.startsWith('svc.') && domains.includes(d.slice(4)));
    const ndots = facts.options.ndots;
    return [
      {
        source,
        domains,
        line: facts.search,
        ndots: ndots ? cite(source, ndots) : null,
        clusterDomain: svc ? svc.slice(4) : null,
      },
    ];
  });
}

/** `svc.ns.svc.D`, `pod.svc.ns.svc.D` (headless) and `a-b-c-d.ns.pod.D`: names the cluster DNS owns. */
function isClusterName(name: string, searches: Search[]): boolean {
  const domains = searches.map((s) => s.clusterDomain).filter((d): d is string => d !== null);
  if (domains.length === 0) domains.push('cluster.local');
  return domains.some((d) => {
    if (!name.endsWith(`.${d}`)) return false;
    const labels = name.slice(0, -d.length - 1).split('.');
    const kind = labels.at(-1);
    if (kind === 'svc') return labels.length === 3 || labels.length === 4;
    if (kind === 'pod') return labels.length === 3;
    return false;
  });
}

interface Leak {
  name: string;
  domain: string;
  search: Search | null;
  clusterDomain: boolean;
  confident: boolean;
}

/** The answer is a name with a search domain appended, which the operator did not mean. */
function leakOf(name: string, query: string | null, searches: Search[]): Leak | null {
  if (query && name === query.toLowerCase()) return null;
  for (const s of searches) {
    // The longest domain that the name ends with is the one the resolver appended.
    const domain = [...s.domains]
      .sort((a, b) => b.length - a.length)
      .find((d) => name.endsWith(`.${d}`));
    if (!domain) continue;
    const asked = name.slice(0, -domain.length - 1);
    if (query && asked !== query.toLowerCase()) continue;
    const cd = s.clusterDomain;
    const inCluster = cd !== null && (domain === cd || domain.endsWith(`.${cd}`));
    if (inCluster) {
      if (isClusterName(name, searches)) return null;
      // An external name expanded under the cluster domain and answered anyway: that domain resolves outside.
      return { name: asked, domain, search: s, clusterDomain: true, confident: true };
    }
    if (PRIVATE_SUFFIX.test(domain)) continue;
    return {
      name: asked,
      domain,
      search: s,
      clusterDomain: false,
      confident: looksLikeFqdn(asked),
    };
  }
  // Without a resolv.conf: the name asked came back with a suffix appended.
  if (
    query &&
    searches.length === 0 &&
    name.startsWith(`${query.toLowerCase()}.`) &&
    looksLikeFqdn(query)
  ) {
    const domain = name.slice(query.length + 1);
    return { name: query, domain, search: null, clusterDomain: false, confident: false };
  }
  // Neither the name asked nor a resolv.conf (`kubectl logs` of a pod whose command was the
  // lookup): a whole public name under a generic top-level label, with a further domain of two
  // labels or more appended (`google.com.home.net`), is such an expansion. A country code after
  // the generic label (`example.com.cn`) is one registry name, not an appended domain.
  if (!query && searches.length === 0) {
    const labels = name.split('.');
    for (let i = 2; i <= labels.length - 2; i++) {
      if (!GENERIC_TLD.test(labels[i - 1]!)) continue;
      const asked = labels.slice(0, i).join('.');
      const domain = labels.slice(i).join('.');
      if (isClusterName(name, searches) || !looksLikeFqdn(domain)) continue;
      return { name: asked, domain, search: null, clusterDomain: false, confident: false };
    }
  }
  return null;
}

/**
 * What a ping's `PING resolved (address)` line says of the name asked: `as-asked` when it came
 * back as typed (or under the cluster domain, as cluster names are meant to), a leak when a name
 * that was complete already (a cluster Service name, or an FQDN under a public top-level label)
 * came back with a domain appended. Without the command, a whole cluster Service name followed by
 * more labels can only be such an expansion. A trailing dot forbids search domains: no leak.
 */
function pingLeak(run: PingRun, searches: Search[]): Leak | 'as-asked' | null {
  const resolved = run.resolved;
  if (!resolved) return null;
  const typed = run.asked?.toLowerCase() ?? null;
  const asked = typed?.replace(/\.$/, '') ?? null;
  if (asked !== null && (resolved === asked || typed!.endsWith('.')))
    return resolved === asked ? 'as-asked' : null;
  const clusterDomains = searches.map((s) => s.clusterDomain).filter((d): d is string => !!d);
  if (clusterDomains.length === 0) clusterDomains.push('cluster.local');
  let name: string | null = null;
  if (asked !== null) {
    if (resolved.startsWith(`${asked}.`)) name = asked;
  } else
    for (const cd of clusterDomains) {
      const at = resolved.indexOf(`.svc.${cd}.`);
      if (at > 0) name = resolved.slice(0, at + `.svc.${cd}`.length);
    }
  if (name === null) return null;
  const domain = resolved.slice(name.length + 1);
  const inCluster = clusterDomains.some((cd) => domain === cd || domain.endsWith(`.${cd}`));
  if (inCluster) return isClusterName(resolved, searches) ? 'as-asked' : null;
  if (!isClusterName(name, searches) && !looksLikeFqdn(name)) return null; // a short name meant to be expanded
  const search = searches.find((s) => s.domains.includes(domain)) ?? null;
  return { name, domain, search, clusterDomain: false, confident: true };
}

/** `zk.inner.xxx.cn`: a name that was complete already (ends in a public top-level label). */
function looksLikeFqdn(name: string): boolean {
  const labels = name.toLowerCase().split('.');
  return labels.length >= 2 && PUBLIC_TLD.test(labels.at(-1)!);
}

/** A search entry that is a whole top-level domain open to registration (`search DOMAINS`). */
function isBareOpenTld(domain: string): boolean {
  return !domain.includes('.') && OPEN_TLD.test(domain);
}

/** No answer pasted: a node's resolv.conf whose search list holds a public (wildcard-prone) domain. */
function fromResolvConfAlone(ctx: RuleContext, searches: Search[]) {
  const clean: Evidence[] = [];
  for (const s of searches) {
    const stray = s.domains.filter(
      (d) =>
        !(s.clusterDomain && (d === s.clusterDomain || d.endsWith(`.${s.clusterDomain}`))) &&
        (!PRIVATE_SUFFIX.test(d) || LOOPBACK_DOMAIN.test(d)),
    );
    // `localhost` answers for every name under it (RFC 6761 6.3: `x.localhost` is loopback), so
    // with ndots:5 each external name is first tried, and answered, as `<name>.localhost`.
    const publicStray = stray.filter(
      (d) => looksLikeFqdn(d) || LOOPBACK_DOMAIN.test(d) || isBareOpenTld(d),
    );
    // A public domain trailing the search list (a node's own, or a pod's inherited from its
    // node): with ndots:5 names are tried under it before they are tried as given.
    if (publicStray.length > 0) {
      const where = s.clusterDomain === null ? 'nodeSearch' : 'podSearch';
      return finding(
        'low',
        {
          key: `${K}.${isBareOpenTld(publicStray[0]!) ? 'bareTld' : where}`,
          params: { domain: publicStray[0]! },
        },
        [
          { source: s.source, line: s.line.line, text: s.line.text },
          ...(s.clusterDomain !== null && s.ndots ? [s.ndots] : []),
        ],
        { domain: publicStray[0]! },
      );
    }
    if (stray.length === 0) clean.push({ source: s.source, line: s.line.line, text: s.line.text });
  }
  if (clean.length > 0) return ruledOut({ key: `${K}.onlyClusterDomains` }, clean);
  for (const { source, facts } of ctx.of('resolv-conf'))
    if (!facts.search) {
      const commented = facts.commented.find((c) => /^\s*#+\s*(?:search|domain)\b/.test(c.text));
      return ruledOut(
        { key: `${K}.noSearch` },
        commented
          ? [cite(source, commented)]
          : facts.nameservers.slice(0, 1).map((n) => cite(source, n)),
      );
    }
  return noEvidence;
}
