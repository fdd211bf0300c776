import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CAUSE_IDS } from '../catalog/causes';
import { COMMANDS } from '../catalog/commands';
import { fillTemplate } from '../engine/shell';
import { forDatapath, forVariant } from '../diagnosis/render';
import { translate } from '../i18n/translate';
import { RULES } from '.';

/**
 * Every copy-ready command, as an operator would get it: each fix of every cause (for each
 * datapath it names) and each step's command, filled with realistic values. It must parse as
 * shell, pass shellcheck, keep no placeholder, and use only flags kubectl accepts.
 */
const VALUES: Record<string, string> = {
  cnins: 'kube-system',
  cnipod: 'calico-node-7xk2p',
  configmap: 'ingress-nginx-controller',
  controller: 'ingress-nginx-controller-5c8d66c76d-abcde',
  ctmax: '262144',
  deploy: 'web',
  deployment: 'web',
  family: 'ipv4',
  gwname: 'public-gw',
  gwns: 'istio-system',
  gwres: 'gateways.networking.istio.io',
  frontend: ':30080',
  host: 'shop.example.com',
  iface: 'flannel.1',
  ifkey: 'flannel/1',
  ingress: 'shop',
  ingressip: '10.0.0.21',
  ingressns: 'ingress-nginx',
  keepalive: '600',
  keepalivetimeout: '60',
  lbvip: '10.0.0.100',
  mtu: '1450',
  name: 'web',
  namespace: 'default',
  nftChain: 'forward',
  nftTable: 'inet filter',
  node: 'node-1',
  nodeip: '192.168.10.21',
  ns: 'default',
  oldmax: '131072',
  pod: 'web-0',
  podcidr: '10.244.0.0/16',
  port: '30080',
  probetimeout: '5',
  realserver: '10.244.1.7:8080',
  selector: 'app=web',
  service: 'web',
  strayhosts: 'old.example.com',
  target: 'db.example.internal',
  targetport: '8080',
  threshold: '5',
  tport: '3306',
  upstream: 'default-web-80',
  upstreamip: '10.244.1.7',
  vip: '10.96.0.10',
  vport: '53',
  workload: 'deployment/web',
};
const DATAPATHS = [undefined, 'iptables', 'ipvs', 'nftables', 'cilium'] as const;
/**
 * The products a fix can be written for: `[gateway=istio] …` lines (the TLS object's product),
 * `[proxy=envoy] …` lines (the proxy whose log is the evidence), `[opens=overlay] …` lines (what
 * the host firewall must let in).
 */
const VARIANTS: Record<string, readonly string[]> = {
  gateway: ['ingress-nginx', 'istio', 'envoy-gateway', 'traefik', 'contour', 'go'],
  proxy: ['nginx', 'envoy', 'traefik'],
  // What the host firewall must open: the NodePort range, the overlay's port, IP-in-IP.
  opens: ['nodeport', 'overlay', 'ipip'],
  // Why kube-proxy stopped: any trouble, or an exit at start on a conntrack setting it cannot write.
  startup: ['other', 'conntrack'],
};
const PARTS = ['now', 'persist', 'verify', 'rollback'] as const;

interface Block {
  name: string;
  code: string;
}

function fixBlocks(): Block[] {
  const out: Block[] = [];
  for (const cause of CAUSE_IDS) {
    const rule = RULES[cause]!;
    const variants = Object.entries(VARIANTS).flatMap(([key, values]) =>
      rule.fix.defaults?.[key] ? values.map((v) => ({ [key]: v })) : [],
    );
    for (const datapath of DATAPATHS) {
      for (const variant of variants.length > 0 ? variants : [{}]) {
        const values = { ...rule.fix.defaults, ...VALUES, ...variant };
        const tag = Object.values(variant)[0];
        for (const part of PARTS) {
          const template = forVariant(forDatapath(rule.fix[part], datapath), values).replace(
            /@\{([\w.-]+)\}/g,
            (_, k: string) => translate('en', `cause.${cause}.fix.${k}`),
          );
          out.push({
            name: `${cause} ${part}${datapath ? ` (${datapath})` : ''}${tag ? ` [${tag}]` : ''}`,
            code: fillTemplate(template, values),
          });
        }
      }
    }
  }
  return out;
}

const BLOCKS = [
  ...fixBlocks(),
  ...Object.entries(COMMANDS).map(([id, c]) => ({
    name: `step ${id}`,
    code: fillTemplate(c.run, VALUES),
  })),
];
// The same text for several datapaths is one block to check.
const UNIQUE = [...new Map(BLOCKS.map((b) => [b.code, b])).values()];

describe('every copy-ready command works as written', () => {
  it('leaves no placeholder: every value a command needs is there', () => {
    // Comments may name a value for the reader (`--conntrack-min=<VALUE>`); commands may not.
    const commands = (code: string) => code.replace(/(?:^|\s)#.*$/gm, '');
    const left = UNIQUE.flatMap((b) =>
      [
        ...commands(b.code).matchAll(
          /<[A-Z][A-Z0-9_]*>|\b(?:NODE_NAME|NAMESPACE|SERVICE|NODE_PORT)\b/g,
        ),
      ].map((m) => `${b.name}: ${m[0]}`),
    );
    expect(left).toEqual([]);
  });

  it.each(UNIQUE.map((b) => [b.name, b.code]))('%s parses as shell', (_, code) => {
    const r = spawnSync('bash', ['-n'], { input: code, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('passes shellcheck', () => {
    const probe = spawnSync('shellcheck', ['--version'], { encoding: 'utf8' });
    if (probe.error) throw new Error('shellcheck is not installed: apt-get install -y shellcheck');
    const bad = UNIQUE.flatMap((b) => {
      const r = spawnSync('shellcheck', ['-s', 'bash', '-f', 'gcc', '-'], {
        input: b.code,
        encoding: 'utf8',
      });
      return r.status === 0 ? [] : [`${b.name}:\n${r.stdout}`];
    });
    expect(bad).toEqual([]);
    // A process per block: room for a loaded machine.
  }, 120_000);

  it('uses only flags kubectl accepts', () => {
    const help = kubectlHelp();
    const bad = UNIQUE.flatMap((b) =>
      kubectlCalls(b.code).flatMap(({ sub, flags }) => {
        const text = help(sub);
        if (text === null) return [`${b.name}: kubectl ${sub.join(' ')} is not a command`];
        return flags
          .filter((f) => !accepts(text, f))
          .map((f) => `${b.name}: kubectl ${sub.join(' ')} has no ${f}`);
      }),
    );
    expect(bad).toEqual([]);
  }, 120_000);

  it('never restarts or deletes a whole namespace’s workloads unnamed', () => {
    const broad = UNIQUE.filter((b) =>
      /kubectl\b[^\n|;&]*\brollout restart (?:deployment|daemonset|statefulset)\b(?!\/| [a-z0-9])/.test(
        b.code,
      ),
    );
    expect(broad.map((b) => b.name)).toEqual([]);
  });
});

/** `kubectl` invocations (also inside `$(…)`): the subcommand words and the flags used. */
function kubectlCalls(code: string): { sub: string[]; flags: string[] }[] {
  const out: { sub: string[]; flags: string[] }[] = [];
  for (const m of code.matchAll(/\bkubectl\s+([^\n|;&)]*)/g)) {
    const words = m[1]!.match(/'[^']*'|"[^"]*"|\$\([^)]*\)|\S+/g) ?? [];
    const sub: string[] = [];
    const flags: string[] = [];
    let expectValue = false;
    for (const w of words) {
      if (w === '--') break; // what follows runs in the container
      if (w.startsWith('-')) {
        flags.push(w.replace(/=.*$/, ''));
        // `-n kube-system`, `-l app=x`, `-o name`, `-c agent`: the next word is its value.
        expectValue =
          /^-[nlocf]$|^--(?:namespace|selector|output|container|field-selector|tail|type|patch)$/.test(
            w,
          );
        continue;
      }
      if (expectValue) {
        expectValue = false;
        continue;
      }
      // Subcommands are plain lower-case words before any argument (`rollout restart`).
      if (sub.length < 2 && /^[a-z][a-z-]*$/.test(w) && isSubcommand([...sub, w])) sub.push(w);
      else if (sub.length === 0) sub.push(w);
      else break;
    }
    out.push({ sub, flags });
  }
  return out;
}

const TWO_WORD = new Set(['rollout restart', 'rollout status', 'config view', 'auth can-i']);
function isSubcommand(words: string[]): boolean {
  return words.length === 1 || TWO_WORD.has(words.join(' '));
}

/** `kubectl <sub> --help`, cached; null when kubectl does not know the command. */
function kubectlHelp(): (sub: string[]) => string | null {
  const probe = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  if (probe.error)
    throw new Error('kubectl is not installed: apt-get install -y kubernetes-client');
  const cache = new Map<string, string | null>();
  const global = spawnSync('kubectl', ['options'], { encoding: 'utf8' }).stdout;
  return (sub) => {
    const key = sub.join(' ');
    if (!cache.has(key)) {
      const r = spawnSync('kubectl', [...sub, '--help'], { encoding: 'utf8' });
      cache.set(key, r.status === 0 ? `${r.stdout}\n${global}` : null);
    }
    return cache.get(key)!;
  };
}

/** Whether the help text lists the flag (`--tail=-1`, `-n, --namespace=''`, `-c, --container`). */
function accepts(help: string, flag: string): boolean {
  const long = flag.startsWith('--');
  const re = long
    ? new RegExp(`(?:^|\\s|,)${flag.replace(/[-]/g, '\\-')}(?:=|\\s|$|\\[)`, 'm')
    : new RegExp(`(?:^|\\s)${flag.replace(/[-]/g, '\\-')},`, 'm');
  return re.test(help);
}
