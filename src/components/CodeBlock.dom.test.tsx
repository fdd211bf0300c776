import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { CodeBlock } from './CodeBlock';
import { useLang } from '../stores/lang';

const CODE =
  "# a comment may name <VALUE>\ncurl -m 3 -sS -o /dev/null -w '%{http_code}\\n' http://<NODEIP>:30080/";

describe('CodeBlock with a value the wizard does not know', () => {
  beforeEach(() => useLang.getState().setLang('en'));

  it('asks for it beside the block, and offers no copy until it is given', () => {
    render(<CodeBlock code={CODE} label="Verify" />);
    expect(screen.queryByRole('button', { name: /Copy/ })).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('NODEIP');
    // Only what the command needs is asked for, not what a comment names.
    expect(screen.queryByTestId('hole-VALUE')).toBeNull();
    fireEvent.change(screen.getByLabelText('Value for NODEIP'), {
      target: { value: '192.168.10.21' },
    });
    expect(screen.getByText(/http:\/\/192\.168\.10\.21:30080\//)).toBeTruthy();
    expect(screen.getByRole('button', { name: /Copy/ })).toBeTruthy();
  });

  it('quotes what is typed, so a value cannot run as a command', () => {
    render(<CodeBlock code="ping <TARGET>" />);
    fireEvent.change(screen.getByLabelText('Value for TARGET'), {
      target: { value: 'x; reboot' },
    });
    expect(screen.getByText("ping 'x; reboot'")).toBeTruthy();
  });

  it('asks in Chinese too', () => {
    useLang.getState().setLang('zh-CN');
    render(<CodeBlock code="ping <TARGET>" />);
    expect(screen.getByLabelText('TARGET 的值')).toBeTruthy();
  });
});
