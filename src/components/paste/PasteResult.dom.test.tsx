import { describe, expect, it, beforeEach } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { PasteResult } from './PasteResult';
import { pasteView } from '../../diagnosis/paste-view';
import { parsePaste } from '../../parsers/registry';
import { useLang } from '../../stores/lang';
import { readTestData } from '../../testing/test-data';

const SYSCTL = readTestData('fixtures/07-haomeiwen-sysctl-twrecycle-nodeport/sysctl.txt');
const NETSTAT = readTestData('fixtures/27-insights-netstat-s-healthy-rhel7/netstat-s.txt');
const view = (text: string) => pasteView(parsePaste(text, 'paste'));

describe('PasteResult', () => {
  beforeEach(() => useLang.getState().setLang('en'));

  it('names what a real paste was read as, with its facts', () => {
    render(<PasteResult paste={view(SYSCTL)} />);
    const item = screen.getByTestId('paste-result').querySelector('[data-kind="sysctl"]');
    expect(item).not.toBeNull();
    expect(item!.getAttribute('data-status')).toBe('parsed');
    expect(item!.textContent).toMatch(/Recognised/);
    expect(item!.textContent).toMatch(/tcp_tw_recycle|key/i);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says why a paste was not understood, as an alert', () => {
    render(<PasteResult paste={view('hello\nthis is not a command output\n')} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(/not/i);
    expect(alert.textContent).not.toMatch(/parse\./); // a message, not a raw key
  });

  it('notes a paste of another output than the step asked for', () => {
    render(<PasteResult paste={view(SYSCTL)} wanted={['ipvsadm']} />);
    expect(screen.getByText(/This step asks for/i)).toBeTruthy();
  });

  it('tells a filter-table listing at a step that needs the nat table, and only there', () => {
    const FILTER = readTestData(
      'fixtures/48-rke485-forward-policy-drop-counter-nodeport/iptables-L-FORWARD.txt',
    );
    const { unmount } = render(<PasteResult paste={view(FILTER)} tables={['nat']} />);
    expect(screen.getByTestId('wrong-table').textContent).toMatch(
      /filter table.*nat table.*iptables -t nat -L -n -v/,
    );
    unmount();
    render(<PasteResult paste={view(FILTER)} tables={['filter']} />);
    expect(screen.queryByTestId('wrong-table')).toBeNull();
  });

  it('shows what grew between two pastes of the same counters', () => {
    const later = NETSTAT.replace('456 outgoing packets dropped', '498 outgoing packets dropped');
    const paste = pasteView([...parsePaste(NETSTAT, 'a'), ...parsePaste(later, 'b')]);
    render(<PasteResult paste={paste} />);
    expect(within(screen.getByTestId('deltas')).getByText(/\+42/)).toBeTruthy();
  });

  it('speaks Chinese when the language is Chinese', () => {
    useLang.getState().setLang('zh-CN');
    render(<PasteResult paste={view(SYSCTL)} />);
    expect(screen.getByTestId('paste-result').textContent).toMatch(/[\u4e00-\u9fff]/);
  });
});
