import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { FindingCard } from './FindingCard';
import type { Sources } from './EvidenceList';
import { diagnoseTexts } from '../../testing/diagnose-text';
import { useLang } from '../../stores/lang';
import { readTestData } from '../../testing/test-data';

const SYSCTL = readTestData('fixtures/07-haomeiwen-sysctl-twrecycle-nodeport/sysctl.txt');
const PASTES = { 'sysctl.txt': SYSCTL };
const sources: Sources = {
  label: (s) => `paste ${s}`,
  text: (s) => PASTES[s as keyof typeof PASTES],
};

function card(lang: 'en' | 'zh-CN' = 'en') {
  useLang.getState().setLang(lang);
  const d = diagnoseTexts(PASTES, { port: '31710' }, 'nodeport-one-node', lang);
  const finding = d.findings.find((f) => f.cause === 'tcp-tw-recycle-nat');
  if (!finding) throw new Error('the fixture must prove tcp-tw-recycle-nat');
  render(<FindingCard finding={finding} sources={sources} />);
  return { finding, article: screen.getByRole('article') };
}

describe('FindingCard', () => {
  beforeEach(() => useLang.getState().setLang('en'));

  it('names the cause, its confidence, and quotes the evidence lines with their numbers', () => {
    const { finding, article } = card();
    expect(article.getAttribute('data-cause-id')).toBe('tcp-tw-recycle-nat');
    expect(within(article).getByRole('heading', { level: 3 }).textContent).toMatch(
      /tcp_tw_recycle/,
    );
    expect(article.querySelector('.badge.conf')!.textContent).toMatch(/high|medium|low/i);
    const lines = [...article.querySelectorAll('code.line')];
    expect(lines.map((l) => l.textContent)).toContain('net.ipv4.tcp_tw_recycle = 1');
    for (const [i, e] of finding.evidence.entries())
      expect(lines[i]!.getAttribute('data-line')).toBe(String(e.line));
  });

  it('opens an evidence line in its paste, marked', () => {
    const { article } = card();
    expect(article.querySelector('.in-paste')).toBeNull();
    const show = within(article).getAllByRole('button', { name: 'Show in its paste' })[0]!;
    fireEvent.click(show);
    expect(show.getAttribute('aria-expanded')).toBe('true');
    // The whole two-line paste, the cited line marked.
    const inPaste = article.querySelector('.in-paste')!;
    expect(inPaste.textContent).toMatch(
      /1 net\.ipv4\.tcp_timestamps = 1\n\s*2 net\.ipv4\.tcp_tw_recycle = 1/,
    );
    expect(inPaste.querySelector('.cited')!.textContent).toMatch(/tcp_tw_recycle = 1/);
  });

  it('gives the fix in four copyable parts and its risk', () => {
    const { finding, article } = card();
    const parts = article.querySelectorAll('.fix-part');
    expect(parts).toHaveLength(4);
    expect(parts[0]!.querySelector('code')!.textContent).toBe(finding.fix.now);
    expect(finding.fix.now).toMatch(/sysctl -w net\.ipv4\.tcp_tw_recycle=0/);
    expect(within(article).getAllByRole('button', { name: /Copy/ }).length).toBeGreaterThanOrEqual(
      4,
    );
    expect(article.querySelector('.risk')!.textContent).toMatch(/Low/);
  });

  it('in Chinese, the title, the why and the fix comments are Chinese', () => {
    const { article } = card('zh-CN');
    expect(within(article).getByRole('heading', { level: 3 }).textContent).toMatch(
      /[\u4e00-\u9fff]/,
    );
    expect(article.querySelector('.finding-why')!.textContent).toMatch(/[\u4e00-\u9fff]/);
    expect(article.querySelector('.fix')!.textContent).toMatch(/#[^\n]*[\u4e00-\u9fff]/);
  });
});
