import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allPaths } from '../engine/replay';
import { readTestData } from '../testing/test-data';
import { TREES, TREE_IDS } from '../tree';
import { decodeShare, encodeShare, toBase64Url, MAX_JSON_BYTES } from './codec';
import type { SharePayload } from './schema';
import { LANGS } from '../i18n/resources';
import { translate } from '../i18n/translate';

const SYSCTL = readTestData('fixtures/07-haomeiwen-sysctl-twrecycle-nodeport/sysctl.txt');
const NETSTAT = readTestData('fixtures/27-insights-netstat-s-healthy-rhel7/netstat-s.txt');
const token = (json: unknown) =>
  `v1.${toBase64Url(deflateSync(Buffer.from(typeof json === 'string' ? json : JSON.stringify(json))))}`;

describe.each(TREE_IDS.map((id) => ({ id, tree: TREES[id] })))('share links of $id', ({ tree }) => {
  const paths = allPaths(tree);
  it.each(paths.map((p) => [p.nodes.join(' > '), p] as const))('%s round-trips', async (_, p) => {
    // Every step the path visits, and the same path with real outputs in its pastes.
    for (const node of p.nodes) {
      const payload: SharePayload = {
        ...p.state,
        tree: tree.id as SharePayload['tree'],
        node,
        lang: 'en',
      };
      expect(await decodeShare(await encodeShare(payload))).toEqual({ ok: true, payload });
    }
    const pastes = Object.fromEntries(
      Object.keys(p.state.pastes).map((n, i) => [n, i % 2 ? NETSTAT : SYSCTL]),
    );
    const full: SharePayload = {
      ...p.state,
      pastes,
      tree: tree.id as SharePayload['tree'],
      node: p.nodes.at(-1)!,
      lang: 'zh-CN',
    };
    expect(await decodeShare(await encodeShare(full))).toEqual({ ok: true, payload: full });
  });
});

describe('decodeShare on broken links', () => {
  const good: SharePayload = {
    tree: 'nodeport-one-node',
    node: 'node',
    lang: 'en',
    answers: { port: '31710' },
    pastes: {},
  };

  it('says which version an old or newer link is', async () => {
    expect(await decodeShare('v0.abc')).toEqual({
      ok: false,
      error: { code: 'version', version: 'v0' },
    });
    expect(await decodeShare('v2.abc')).toEqual({
      ok: false,
      error: { code: 'version', version: 'v2' },
    });
  });

  it('calls an empty, truncated or re-typed link corrupt', async () => {
    const t = await encodeShare({ ...good, pastes: { pods: SYSCTL } });
    expect(await decodeShare('')).toEqual({ ok: false, error: { code: 'empty' } });
    expect(await decodeShare('hello')).toEqual({ ok: false, error: { code: 'corrupt' } });
    for (const cut of [t.length - 1, t.length - 5, Math.floor(t.length / 2), 4])
      expect(await decodeShare(t.slice(0, cut))).toMatchObject({ ok: false });
    expect(await decodeShare(`${t.slice(0, 20)}!${t.slice(21)}`)).toEqual({
      ok: false,
      error: { code: 'corrupt' },
    });
  });

  it('refuses a link that names unknown steps, symptoms or values, and never trusts __proto__', async () => {
    const bad = [
      { ...good, tree: 'no-such-tree' },
      { ...good, node: 'nowhere' },
      { ...good, answers: { port: 31710 } },
      { ...good, answers: { port: '99999' } },
      { ...good, answers: { node: 'a;rm -rf /' } },
      { ...good, answers: { mode: 'userspace' } },
      { ...good, answers: { nowhere: 'x' } },
      { ...good, pastes: { pods: 5 } },
      { ...good, pastes: { port: 'text' } },
      { ...good, lang: 'fr' },
      { ...good, redacted: 'yes' },
      { ...good, pastes: { pods: 'raw' }, omitted: { steps: [], diagnosis: null } },
      { ...good, omitted: { steps: [{ node: 'port', status: 'flying' }], diagnosis: null } },
      {
        ...good,
        omitted: {
          steps: [],
          diagnosis: { results: [{ cause: 'nope', type: 'finding' }], inputs: [] },
        },
      },
      [],
      null,
      '"text"',
    ];
    for (const json of bad) {
      const r = await decodeShare(token(json));
      expect(r.ok, JSON.stringify(json)).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('invalid');
    }
    const proto = await decodeShare(
      token(
        '{"tree":"nodeport-one-node","node":"port","lang":"en","answers":{"__proto__":"x"},"pastes":{}}',
      ),
    );
    expect(proto.ok).toBe(false);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('stops inflating a deflate bomb', async () => {
    const bomb = token(`{"tree":"${'a'.repeat(MAX_JSON_BYTES + 10)}"}`);
    expect(bomb.length).toBeLessThan(20_000);
    expect(await decodeShare(bomb)).toEqual({ ok: false, error: { code: 'too-large' } });
  });

  it('never throws on random strings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (s) => {
        for (const t of [s, `v1.${s}`]) {
          const r = await decodeShare(t);
          expect(typeof r.ok).toBe('boolean');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on mutated links, and a mutated link is refused or still a valid one', async () => {
    const t = await encodeShare({ ...good, pastes: { pods: SYSCTL, 'proxy-log': null } });
    const chars = 'ABCxyz019-_=.%~ é';
    await fc.assert(
      fc.asyncProperty(
        fc.nat(t.length - 1),
        fc.nat(t.length),
        fc.constantFrom(...chars),
        fc.constantFrom('flip', 'insert', 'delete', 'cut'),
        async (at, to, c, how) => {
          const m =
            how === 'flip'
              ? t.slice(0, at) + c + t.slice(at + 1)
              : how === 'insert'
                ? t.slice(0, at) + c + t.slice(at)
                : how === 'delete'
                  ? t.slice(0, at) + t.slice(at + 1)
                  : t.slice(0, Math.min(at, to));
          const r = await decodeShare(m);
          if (r.ok && m !== t) expect(r.payload.tree).toBe('nodeport-one-node');
          if (how === 'cut' && m !== t) expect(r.ok).toBe(false);
        },
      ),
      { numRuns: 400 },
    );
  });
});

// The payload of a real link made before the dictionaries were split by namespace (taken from a
// browser test run), when a rule's words were keyed `rule.<cause>.<word>`.
const BEFORE_NAMESPACES = {
  tree: 'nodeport-one-node',
  node: 'verdict',
  lang: 'en',
  answers: { port: '31710', node: 'k8s-node03', mode: 'unknown' },
  pastes: { pods: null, 'proxy-log': '', 'ipvs-table': null, kernel: '', counters: '' },
  omitted: {
    steps: [
      { node: 'port', status: 'answered' },
      { node: 'node', status: 'answered' },
      { node: 'mode', status: 'answered' },
      { node: 'pods', status: 'skipped' },
      { node: 'proxy-log', status: 'pasted' },
      { node: 'ipvs-table', status: 'skipped' },
      { node: 'kernel', status: 'pasted' },
      { node: 'counters', status: 'pasted' },
      { node: 'verdict', status: 'outcome' },
    ],
    diagnosis: {
      results: [
        {
          cause: 'tcp-tw-recycle-nat',
          type: 'finding',
          confidence: 'high',
          why: { key: 'rule.tcp-tw-recycle-nat.why' },
          evidence: [{ source: 'kernel', line: 2, text: 'net.ipv4.tcp_tw_recycle = 1' }],
        },
        {
          cause: 'ipvs-modules-missing',
          type: 'ruled-out',
          because: { key: 'rule.ipvs-modules-missing.usingIpvs' },
          evidence: [{ source: 'proxy-log', line: 3, text: 'Using ipvs Proxier.' }],
        },
      ],
      inputs: [{ source: 'kernel', kind: 'sysctl', ok: true }],
    },
  },
};

describe('links made before the dictionaries were split by namespace', () => {
  it('open with their verdicts in words, not raw keys', async () => {
    const r = await decodeShare(token(BEFORE_NAMESPACES));
    if (!r.ok) throw new Error(r.error.code);
    const results = r.payload.omitted!.diagnosis!.results;
    const keys = results.map((v) => ('why' in v ? v.why.key : v.because.key));
    expect(keys).toEqual([
      'cause.tcp-tw-recycle-nat.verdict.why',
      'cause.ipvs-modules-missing.verdict.usingIpvs',
    ]);
    for (const key of keys) for (const lang of LANGS) expect(translate(lang, key)).not.toBe(key);
  });
});
