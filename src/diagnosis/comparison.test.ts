import { describe, expect, it } from 'vitest';
import { parsePaste } from '../parsers/registry';
import { readTestData } from '../testing/test-data';
import { compareWithGood } from './comparison';
import { diagnose } from './diagnose';
import { diagnosisToMarkdown } from './markdown';

const failing = readTestData('fixtures/07-haomeiwen-sysctl-twrecycle-nodeport/sysctl.txt');
const working = failing.replace('net.ipv4.tcp_tw_recycle = 1', 'net.ipv4.tcp_tw_recycle = 0');

function exported(good: string, lang: 'en' | 'zh-CN') {
  const bad = parsePaste(failing, 'kernel');
  const compared = compareWithGood(parsePaste(good, 'good:*'), bad)!;
  const d = diagnose('nodeport-one-node', bad, { node: 'k8s-node03' }, lang);
  return diagnosisToMarkdown(d, lang, compared.comparison, 'k8s-node01');
}

describe('the comparison in the Markdown export', () => {
  it('has the difference table, its cause named', () => {
    const md = exported(working, 'en');
    expect(md).toContain('## Compared with the node that works');
    expect(md).toContain(
      '| What | this node | the node that works (k8s-node01) | a cause this difference explains |',
    );
    expect(md).toMatch(
      /\| net\.ipv4\.tcp_tw_recycle \| 1 \| 0 \| tcp_tw_recycle [^|]+ \(`tcp-tw-recycle-nat`\) \|/,
    );
    expect(exported(working, 'zh-CN')).toContain('## 与正常节点的对比');
  });

  it('identical outputs: no difference, said once', () => {
    const md = exported(failing, 'en');
    expect(md).toContain('The two nodes show no difference in what was pasted for both.');
    expect(md).not.toContain('| What |');
  });

  it('outputs of different commands on the two nodes: nothing compared, not "no difference"', () => {
    const bad = parsePaste('# iptables-save\n*filter\n:FORWARD DROP [0:0]\nCOMMIT\n', 'rules');
    const compared = compareWithGood(parsePaste(working, 'good:*'), bad)!;
    expect(compared.comparison.compared).toEqual([]);
    const md = diagnosisToMarkdown(
      diagnose('nodeport-one-node', bad, {}, 'en'),
      'en',
      compared.comparison,
    );
    expect(md).toContain('Nothing was compared');
    expect(md).not.toContain('show no difference');
  });

  it('nothing readable from the node that works: no comparison at all', () => {
    expect(compareWithGood(parsePaste('garbage \u001b[31m\r\n', 'good:*'), [])).toBeNull();
    expect(compareWithGood([], parsePaste(failing, 'kernel'))).toBeNull();
  });
});
