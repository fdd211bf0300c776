import { describe, expect, it } from 'vitest';
import { toLines } from '../../engine/lines';
import { readJson } from './json';
import { child, items, path, text, type Node } from './tree';
import { readYaml } from './yaml';

const yaml = (s: string) => readYaml(toLines(s));
const one = (s: string): Node => {
  const docs = yaml(s).docs;
  expect(docs).toHaveLength(1);
  return docs[0]!;
};
/** The tree as plain data, to compare with what JSON.parse gives. */
const plain = (n: Node | undefined): unknown => {
  if (!n) return undefined;
  if (n.t === 'map') return Object.fromEntries(n.entries.map((e) => [e.key, plain(e.value)]));
  if (n.t === 'seq') return n.items.map(plain);
  return n.v;
};

describe('YAML subset', () => {
  it('reads block maps and both sequence indentations, with lines', () => {
    const n = one(
      [
        'spec:',
        '  containers:',
        '  - name: a',
        '    args:',
        '      - "--x=1"',
        '      - --y',
        '    ports:',
        '    - containerPort: 80 # http',
        '      protocol: TCP',
        '  hostNetwork: true',
      ].join('\n'),
    );
    expect(plain(n)).toEqual({
      spec: {
        containers: [
          { name: 'a', args: ['--x=1', '--y'], ports: [{ containerPort: 80, protocol: 'TCP' }] },
        ],
        hostNetwork: true,
      },
    });
    expect(items(path(n, 'spec', 'containers'))[0]!.line).toBe(3);
    expect(path(n, 'spec', 'hostNetwork')!.line).toBe(10);
  });

  it('reads quoted, multi-line plain and block scalars, flow collections and documents', () => {
    const r = yaml(
      [
        'a: "x: \\"y\\"\\t"',
        "b: 'it''s'",
        'c: one',
        '  two',
        'd: |',
        '  l1',
        '    l2',
        '',
        'e: >-',
        '  f1',
        '  f2',
        'f: {k: v, n: [1, 2]}',
        'g: []',
        'h: ~',
        'i: "1.10"',
        '---',
        'kind: Second',
      ].join('\n'),
    );
    expect(r.docs).toHaveLength(2);
    expect(plain(r.docs[0])).toEqual({
      a: 'x: "y"\t',
      b: "it's",
      c: 'one two',
      d: 'l1\n  l2\n',
      e: 'f1 f2',
      f: { k: 'v', n: [1, 2] },
      g: [],
      h: null,
      i: '1.10',
    });
    expect(text(child(r.docs[1], 'kind'))).toBe('Second');
  });

  it('tells a flattened mapping: empty keys followed by siblings, duplicate keys', () => {
    const r = yaml('metadata:\nname: x\nspec:\ntype: A\nname: y');
    expect(r.emptyKeys.map((k) => k.key)).toEqual(['metadata', 'spec']);
    expect(r.duplicates).toEqual([{ key: 'name', line: 5 }]);
  });

  it('refuses bad indentation, tabs and an alias bomb with the line', () => {
    expect(() => yaml('a:\n  b: 1\n c: 2')).toThrow(expect.objectContaining({ key: 'yamlIndent' }));
    expect(() => yaml('a:\n\tb: 1')).toThrow(expect.objectContaining({ key: 'yamlTab', line: 2 }));
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      bomb.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const started = Date.now();
    expect(() => yaml(bomb.join('\n'))).toThrow(
      expect.objectContaining({ key: 'aliasBomb', line: 3 }),
    );
    expect(Date.now() - started).toBeLessThan(100);
    expect(plain(one('a: &x [1, 2]\nb: *x'))).toEqual({ a: [1, 2], b: [1, 2] });
  });

  it('unwraps Markdown bold around a whole item, key-value or value, and nothing else', () => {
    expect(
      plain(
        one(['a:', '- **10.0.0.1**', '- x', 'c:', '  **ready: false**', 'd: **yes**'].join('\n')),
      ),
    ).toEqual({ a: ['10.0.0.1', 'x'], c: { ready: false }, d: 'yes' });
    // An alias stays an alias; asterisks inside a value or half a pair are the value's own.
    expect(plain(one('a: &x 1\nb: *x\nc: 2**3**\nd: "**q**"'))).toEqual({
      a: 1,
      b: 1,
      c: '2**3**',
      d: '**q**',
    });
    expect(() => yaml('e: **x')).toThrow(expect.objectContaining({ key: 'yamlSyntax', line: 1 }));
  });

  it('limits nesting depth (blocks and flows)', () => {
    const deep = Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1';
    expect(() => yaml(deep)).toThrow(expect.objectContaining({ key: 'tooDeep' }));
    expect(() => yaml(`a: ${'['.repeat(500)}`)).toThrow(
      expect.objectContaining({ key: 'tooDeep' }),
    );
  });
});

describe('JSON with lines', () => {
  it('gives the same tree as JSON.parse, each node with its line', () => {
    const src = JSON.stringify(
      { kind: 'Service', spec: { ports: [{ port: 80, name: 'a\\"b\u00e9' }], x: null, ok: true } },
      null,
      2,
    );
    const n = readJson(toLines(src));
    expect(plain(n)).toEqual(JSON.parse(src));
    expect(items(path(n, 'spec', 'ports'))[0]!.line).toBe(5);
  });

  it('refuses broken JSON with its line and deep nesting', () => {
    expect(() => readJson(toLines('{\n  "a": 1,\n  "b": }'))).toThrow(
      expect.objectContaining({ key: 'jsonSyntax', line: 3 }),
    );
    expect(() => readJson(toLines('['.repeat(10_000)))).toThrow(
      expect.objectContaining({ key: 'tooDeep' }),
    );
  });
});
