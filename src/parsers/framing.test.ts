import { describe, expect, it } from 'vitest';
import { fixtureFiles } from '../testing/parser-checks';
import { readTestData } from '../testing/test-data';
import { parsePaste, type SectionResult } from './registry';

/** What a reader sees of a paste: each part's kind, status, summary and facts. */
const reading = (rs: SectionResult[]) =>
  rs.map((r) =>
    r.status === 'rejected'
      ? { kind: r.kind, status: r.status }
      : { kind: r.kind, status: r.status, summary: r.summary, facts: r.facts },
  );

const eachLine = (text: string, f: (line: string, i: number) => string) =>
  text
    .replace(/\r?\n$/, '')
    .split(/\r?\n/)
    .map(f)
    .join('\n');

// The ways real pastes arrive decorated: the output must read the same inside each.
const FRAMINGS: Record<string, (text: string) => string> = {
  'a Markdown code block (4 spaces)': (t) => eachLine(t, (l) => (l ? `    ${l}` : l)),
  'a chat quote': (t) => eachLine(t, (l) => `> ${l}`),
  'pdsh / clush host labels': (t) => eachLine(t, (l) => `k8s-node03: ${l}`),
  'docker compose service labels': (t) => eachLine(t, (l) => `kube-proxy_1  | ${l}`),
  'grep -n line numbers': (t) => eachLine(t, (l, i) => `${i + 101}:${l}`),
  'grep -Hn file and line': (t) => eachLine(t, (l, i) => `/tmp/out.txt:${i + 1}:${l}`),
  'CRLF and colour codes': (t) => eachLine(t, (l) => `\x1b[0m${l}\r`),
  'Docker json-file log records': (t) =>
    eachLine(t, (l, i) =>
      JSON.stringify({
        log: `${l}\n`,
        stream: 'stderr',
        time: `2021-01-02T10:00:${10 + (i % 50)}Z`,
      }),
    ),
};

// Fixtures of one line or two say too little to tell framing from output (by design).
const files = fixtureFiles().filter(
  (f) =>
    readTestData(`fixtures/${f}`)
      .split('\n')
      .filter((l) => l.trim()).length >= 3,
);

describe.each(Object.entries(FRAMINGS))('inside %s', (_, frame) => {
  it.each(files)('%s reads as it does bare', (file) => {
    const text = readTestData(`fixtures/${file}`);
    expect(reading(parsePaste(frame(text), 'x'))).toEqual(reading(parsePaste(text, 'x')));
  });
});
