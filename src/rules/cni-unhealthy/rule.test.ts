import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';
import { readRules } from '../../testing/read-rules';
import { readTestData } from '../../testing/test-data';

const cause = 'cni-unhealthy';
const pods = readTestData(
  'fixtures/23-calico2720-calico-node-not-ready-workers/kubectl-get-pods.txt',
);
const table = (rows: string) =>
  `NAMESPACE     NAME                READY   STATUS    RESTARTS   AGE   IP              NODE     NOMINATED NODE   READINESS GATES\n${rows}`;
const row = (name: string, ready: string, status: string, restarts: number, node: string) =>
  `kube-system   ${name}   ${ready}     ${status}   ${restarts}          7d    192.168.50.10   ${node}   <none>           <none>\n`;

describe(cause, () => {
  it('finds calico-node not ready with 649 restarts (fixture 23), high, naming the pod for the fix', () => {
    const d = diagnoseTexts({ pods });
    expect(verdictOf(d, cause)).toBe('found:high');
    const f = d.findings.find((x) => x.cause === cause)!;
    expect(f.evidence.map((e) => e.line)).toEqual([4, 5]);
    expect(f.fix.now).toContain('describe pod calico-node-86mdg');
  });

  it('weighs the operator’s node: its healthy agent rules it out, a sick one elsewhere is low', () => {
    expect(verdictOf(diagnoseTexts({ pods }, { node: 'node-1' }), cause)).toBe('found:high');
    expect(verdictOf(diagnoseTexts({ pods }, { node: 'k8s-master' }), cause)).toBe('ruled-out');
  });

  it('reads restarts: many alone are low, climbing between two pastes is high', () => {
    const a = table(row('calico-node-q267c', '1/1', 'Running', 12, 'node-1'));
    expect(verdictOf(diagnoseTexts({ a }), cause)).toBe('found:low');
    const b = table(row('calico-node-q267c', '1/1', 'Running', 14, 'node-1'));
    expect(verdictOf(diagnoseTexts({ a, b }), cause)).toBe('found:high');
  });

  it('does not count the controllers or operators, only the per-node agents', () => {
    const t = table(
      row('calico-kube-controllers-59f54d6bbc-w4w6f', '0/1', 'CrashLoopBackOff', 40, 'node-1') +
        row('calico-node-q267c', '1/1', 'Running', 0, 'node-1'),
    );
    expect(verdictOf(diagnoseTexts({ t }), cause)).toBe('ruled-out');
  });
  // The fixture of cloud-native-setup#88 was low before: a FATAL line ends the agent, so one is
  // enough for medium (it crash-loops), whatever CNI wrote it.
  it('a fatal line or a Go panic of any agent is medium: the agent exits and crash-loops', () => {
    const weave = readRules('cni-unhealthy/fixtures/broken--kthw321-weave-fata-peers.txt');
    const panic = readRules('cni-unhealthy/fixtures/broken--kuberouter941-go-panic.txt');
    const info = readRules('cni-unhealthy/fixtures/healthy--weave3593-info-peers.txt');
    expect(verdictOf(diagnoseTexts({ weave }), cause)).toBe('found:medium');
    expect(verdictOf(diagnoseTexts({ panic }), cause)).toBe('found:medium');
    expect(verdictOf(diagnoseTexts({ info }), cause)).toBe('no-evidence');
  });
});
