import { accept, defineParser, msg, reject } from '../define';
import { ProblemList, cite } from '../node-shared/util';
import type { Microk8sInspectFacts, Microk8sService } from './facts';

const K = 'parse.microk8s-inspect';
/** Colour codes the terminal did not render (`\x1b[31m`, or `[31m` once the escape is lost). */
const ANSI = /\x1b?\[\d{1,2}(?:;\d{1,2})*m/g;
const SERVICE =
  /^\s*(?:(FAIL):\s+)?Service (snap\.microk8s\.(daemon-[\w-]+)) is (not )?running\s*$/;
const FORWARD_DROP = /^\s*WARNING:\s+IPtables FORWARD policy is DROP\b/;
/** Its own progress lines, the other warnings and their advice: read past, never a fault. */
const OWN = new RegExp(
  [
    String.raw`^\s*Inspecting \w[\w ]*$`,
    // The shell's prompt, with the command or coming back after it (`[Jan 25 10:42:32 PST] cilium $`).
    String.raw`^\s*(?:\[[^\]]{1,80}\]\s*)?[\w.@:~/-]{0,80}\s?[$#]\s*(?:(?:sudo\s+)?(?:/snap/bin/)?microk8s[.\s]inspect\b.*)?$`,
    String.raw`^\s*(?:Copy|Inspect) [\w ()/.,'-]+$`,
    String.raw`^\s*Gathering system info(?:rmation)?$`,
    String.raw`^\s*(?:Report tarball is at|Building the report tarball)`,
    String.raw`^\s*For more details look at:`,
    String.raw`^\s*(?:WARNING|FAIL):\s`,
    String.raw`^\s*The change can be made persistent with:`,
    String.raw`^\s*(?:File "?/etc/docker|You should create it|Add the following lines|and then restart docker|\{|\}|"insecure-registries")`,
    String.raw`^\s*(?:The cluster may not be functioning|See for example:|cgroups2? enabled|Please ensure cgroups)`,
    String.raw`^\s*(?:sudo ufw allow|printing$|Either redeploy MicroK8s|with: dnf install|by executing the following|grubby |replace it with:|sudo snap install core|sudo mv /usr/bin/snapctl|sudo ln -s)`,
    String.raw`^\s*(?:This is not a valid name|Please change the machine's hostname|Refer to this help document|https?://\S+\s*$)`,
  ].join('|'),
);

/** `microk8s inspect` (or `microk8s.inspect`): its service checks and the FORWARD policy warning. */
export const microk8sInspect = defineParser<'microk8s-inspect', Microk8sInspectFacts>({
  kind: 'microk8s-inspect',
  detect(head) {
    return head.some((l) => {
      const t = l.text.replace(ANSI, '');
      return t.length < 500 && (SERVICE.test(t) || FORWARD_DROP.test(t));
    });
  },
  parse(lines) {
    const problems = new ProblemList(K);
    const services: Microk8sService[] = [];
    let forwardDrop: Microk8sInspectFacts['forwardDrop'] = null;
    for (const l of lines) {
      const t = l.text.replace(ANSI, '');
      if (t.trim() === '' || /^\s*`{3}/.test(t)) continue;
      if (t.length > 2000) {
        problems.add(l.n, 'badLine');
        continue;
      }
      const s = SERVICE.exec(t);
      if (s) {
        services.push({ name: s[3]!, running: !s[4], line: l.n, text: l.text });
        continue;
      }
      if (FORWARD_DROP.test(t)) {
        forwardDrop ??= cite(l.text.trim(), l);
        continue;
      }
      if (OWN.test(t)) continue;
      problems.add(l.n, 'badLine');
    }
    if (services.length === 0 && !forwardDrop) return reject(msg(`${K}.noReport`));
    const names = new Set(services.map((s) => s.name));
    const kubelite = names.has('daemon-kubelite')
      ? true
      : ['daemon-proxy', 'daemon-kubelet', 'daemon-flanneld', 'daemon-docker'].some((n) =>
            names.has(n),
          )
        ? false
        : null;
    const down = services.filter((s) => !s.running).map((s) => s.name);
    return accept(
      { services, forwardDrop, kubelite },
      problems.done(),
      down.length > 0
        ? msg(`${K}.summaryDown`, { n: services.length, down: down.join(', ') })
        : msg(forwardDrop ? `${K}.summaryForwardDrop` : `${K}.summary`, { n: services.length }),
    );
  },
});
