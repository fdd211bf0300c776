import { accept, defineParser, msg, reject } from '../define';
import { ProblemList, content } from '../node-shared/util';
import type { IptablesBackend, IptablesVersion, IptablesVersionFacts } from './facts';

const K = 'parse.iptables-version';
/**
 * What `iptables -V` prints: `iptables v1.8.7 (nf_tables)`, `iptables v1.8.4 (legacy)`,
 * `iptables v1.4.21` (before 1.8: legacy, unnamed). The other binaries of the package print
 * the same line under their own name (`ip6tables`, `iptables-save`, `iptables-legacy`...).
 */
const VERSION_LINE =
  /^\s*(ip6?tables(?:-(?:save|restore|legacy|nft|legacy-save|nft-save|legacy-restore|nft-restore))?) v(\d+\.\d+(?:\.\d+)?)(?: \((nf_tables|legacy)\))?\s*$/;
const MAX_LINES = 6;
/** Commands that run iptables inside a container or in another process's mount namespace. */
const CONTAINER_COMMAND =
  /\b(?:docker|podman|nerdctl|crictl|ctr)\s+(?:container\s+)?(?:run|exec)\b|\bkubectl\b.*\bexec\b|\bnsenter\b.*\s-(?:t|-target)\b/;

/** The backend a version line names, or legacy for an iptables older than 1.8 (it had no other). */
export function backendOf(version: string, named: string | undefined): IptablesBackend | null {
  if (named === 'nf_tables' || named === 'legacy') return named;
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major < 1 || (major === 1 && minor < 8) ? 'legacy' : null;
}

/** `iptables -V` / `--version`: the version and backend (nf_tables or legacy) of the host's iptables. */
export const iptablesVersion = defineParser<'iptables-version', IptablesVersionFacts>({
  kind: 'iptables-version',
  detect(head) {
    // A few version lines and nothing else (`iptables -V; ip6tables -V`).
    return (
      head.length > 0 && head.length <= MAX_LINES && head.every((l) => VERSION_LINE.test(l.text))
    );
  },
  parse(lines, ctx) {
    const problems = new ProblemList(K);
    const versions: IptablesVersion[] = [];
    for (const l of content(lines)) {
      const m = l.text.length <= 200 ? VERSION_LINE.exec(l.text) : null;
      const backend = m ? backendOf(m[2]!, m[3]) : null;
      if (!m || !backend) {
        // 1.8 and later always name the backend: a line without it was cut or retyped.
        problems.add(l.n, 'badLine');
        continue;
      }
      versions.push({
        binary: m[1]!,
        version: m[2]!,
        backend,
        stated: m[3] !== undefined,
        line: l.n,
        text: l.text,
      });
    }
    if (versions.length === 0) return reject(msg(`${K}.noVersion`));
    const main = versions.find((v) => /^ip6?tables$/.test(v.binary)) ?? versions[0]!;
    const backend = { value: main.backend, line: main.line, text: main.text };
    // Typed in the command itself (`docker exec kube-proxy iptables -V`) or in a container shell
    // the paste opened earlier (`docker run --rm -ti IMAGE sh`, then `# iptables -V`).
    const inContainer = CONTAINER_COMMAND.test(ctx.command ?? '') || Boolean(ctx.within);
    return accept(
      { versions, backend, inContainer },
      problems.done(),
      msg(`${K}.${main.stated ? 'summary' : 'summaryOld'}`, {
        binary: main.binary,
        version: main.version,
        backend: main.backend,
      }),
    );
  },
});
