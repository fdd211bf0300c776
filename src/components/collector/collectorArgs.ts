import type { SymptomId } from '../../catalog/causes';
import { shellQuote } from '../../engine/shell';
import { isValid } from '../../engine/validate';

const SYMPTOM_ARG: Record<SymptomId, string> = {
  'nodeport-one-node': 'nodeport',
  'clusterip-ipvs-timeout': 'clusterip',
  'pod-external-intermittent': 'pod-external',
  'ingress-5xx': 'ingress',
};

/** collect.sh's options for a symptom class and the answers so far (validated, quoted). */
export function collectorArgs(symptom: SymptomId | null, vars: Record<string, string>): string {
  const args = ['-s', symptom ? SYMPTOM_ARG[symptom] : 'all'];
  if (vars.port && isValid('nodeport', vars.port)) args.push('-p', vars.port);
  if (vars.iface && vars.iface !== 'other' && /^[\w.@-]+$/.test(vars.iface))
    args.push('-i', vars.iface);
  if (vars.target && isValid('host', vars.target)) args.push('-t', vars.target);
  return args.map(shellQuote).join(' ');
}

/** The one-liners to show: run a downloaded copy, or fetch it from where the app is served. */
export function collectorCommands(args: string, base: string | null): string[] {
  const run = `sudo sh collect.sh ${args} > net-triage.txt`;
  if (!base) return [run];
  const url = new URL('collect.sh', base).href;
  return [`curl -fsSL ${shellQuote(url)} | sudo sh -s -- ${args} > net-triage.txt`, run];
}
