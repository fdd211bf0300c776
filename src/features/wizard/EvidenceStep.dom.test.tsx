import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { EvidenceStep } from './EvidenceStep';
import { TREES, nodeKey } from '../../tree';
import { COMMANDS } from '../../catalog/commands';
import type { EvidenceNode } from '../../engine/tree';
import { pasteView, type PasteView } from '../../diagnosis/paste-view';
import { parsePaste } from '../../parsers/registry';
import { useLang } from '../../stores/lang';
import { readTestData } from '../../testing/test-data';

// The worker, replaced by the same parsing on this thread; a test can make it fail.
const worker = vi.hoisted(() => ({ fail: 0, calls: 0 }));
vi.mock('../../worker/client', () => ({
  parseOffThread: (text: string, source: string): Promise<PasteView> => {
    worker.calls++;
    if (worker.fail > 0) {
      worker.fail--;
      return Promise.reject(new Error('the worker stopped'));
    }
    return Promise.resolve(pasteView(parsePaste(text, source)));
  },
}));

const SYSCTL = readTestData('fixtures/07-haomeiwen-sysctl-twrecycle-nodeport/sysctl.txt');
const NODE = 'kernel';
const SPEC = TREES['nodeport-one-node'].nodes[NODE] as EvidenceNode;

function step(props: { busy?: boolean; initial?: string } = {}) {
  const onDone = vi.fn<(text: string | null) => void>();
  render(
    <EvidenceStep
      node={NODE}
      textKey={nodeKey('nodeport-one-node', NODE)}
      spec={SPEC}
      vars={{ port: '31710', node: 'k8s-node03' }}
      initial={props.initial}
      busy={props.busy ?? false}
      onDone={onDone}
    />,
  );
  return { onDone, box: screen.getByTestId('evidence-paste') };
}

describe('EvidenceStep', () => {
  beforeEach(() => {
    useLang.getState().setLang('en');
    worker.fail = 0;
    worker.calls = 0;
  });

  it('is an evidence step of the tree (the test reads the real one)', () => {
    expect(SPEC.type).toBe('evidence');
  });

  it('shows the command to run, reads a paste, and hands it on', async () => {
    const { onDone, box } = step();
    expect(document.querySelector('.code-big code')!.textContent).toBe(COMMANDS[SPEC.command!].run);
    expect(screen.getByRole('button', { name: 'Continue' })).toHaveProperty('disabled', true);
    fireEvent.change(box, { target: { value: SYSCTL } });
    expect(await screen.findByText(/Recognised/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(onDone).toHaveBeenCalledWith(SYSCTL);
  });

  it('skipping hands on nothing', () => {
    const { onDone } = step();
    fireEvent.click(screen.getByRole('button', { name: /Skip/ }));
    expect(onDone).toHaveBeenCalledWith(null);
  });

  it('a worker failure is an alert with a retry, never "Reading…" for ever', async () => {
    worker.fail = 1;
    const { box } = step();
    fireEvent.change(box, { target: { value: SYSCTL } });
    const alert = await screen.findByTestId('worker-failed');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(screen.queryByText('Reading the output…')).toBeNull();
    fireEvent.click(screen.getByTestId('worker-retry'));
    expect(await screen.findByText(/Recognised/)).toBeTruthy();
    expect(screen.queryByTestId('worker-failed')).toBeNull();
    expect(worker.calls).toBe(2);
  });

  it('while the step is submitted, it takes no second submit', () => {
    const { onDone } = step({ busy: true, initial: SYSCTL });
    const cont = screen.getByRole('button', { name: 'Continue' });
    expect(cont.closest('fieldset')!.disabled).toBe(true);
    fireEvent.submit(cont.closest('form')!);
    expect(onDone).not.toHaveBeenCalled();
  });
});
