import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { factsOf } from '../../testing/facts';
import { readTestData } from '../../testing/test-data';
import { parsePaste } from '../registry';

const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');
const one = (text: string) => {
  const rs = parsePaste(text, 'x');
  expect(rs).toHaveLength(1);
  return rs[0]!;
};

describe('microk8s-inspect: real outputs', () => {
  it('the FORWARD warning of MicroK8s 1.15 (microk8s 541)', () => {
    const s = one(
      readTestData(
        'cases/262-microk8s541-inspect-warning-forward-policy-drop/microk8s-inspect.txt',
      ),
    );
    expect(s.status).toBe('parsed');
    const f = factsOf(s, 'microk8s-inspect');
    expect(f.services.map((x) => x.name)).toContain('daemon-proxy');
    expect(f.services.every((x) => x.running)).toBe(true);
    expect(f.forwardDrop).toMatchObject({ line: 18 });
    expect(f.forwardDrop?.value).toMatch(/^WARNING: {2}IPtables FORWARD policy is DROP/);
    expect(f.kubelite).toBe(false);
  });

  it('a timestamped prompt and trailing spaces after the warning (microk8s 295)', () => {
    const s = one(local('microk8s-inspect--microk8s295-prompt-forward-drop.txt'));
    expect(s.status).toBe('parsed');
    const f = factsOf(s, 'microk8s-inspect');
    expect(f.services).toHaveLength(7);
    expect(f.forwardDrop).not.toBeNull();
    expect(f.kubelite).toBe(false);
  });

  it('services that are not running (microk8s 341)', () => {
    const s = one(local('microk8s-inspect--microk8s341-proxy-kubelet-fail.txt'));
    expect(s.status).toBe('parsed');
    const f = factsOf(s, 'microk8s-inspect');
    expect(f.services.filter((x) => !x.running).map((x) => x.name)).toEqual([
      'daemon-proxy',
      'daemon-kubelet',
    ]);
    expect(f.forwardDrop).toBeNull();
    if (s.status !== 'rejected') expect(s.summary.key).toBe('parse.microk8s-inspect.summaryDown');
  });

  it('the kubelite layout of 1.21 and later, with its newer progress lines (core-addons 251)', () => {
    const s = one(local('microk8s-inspect--coreaddons251-kubelite-dqlite.txt'));
    expect(s.status).toBe('parsed');
    const f = factsOf(s, 'microk8s-inspect');
    expect(f.kubelite).toBe(true);
    expect(f.forwardDrop).toBeNull();
  });
});

describe('microk8s-inspect: framing and near misses', () => {
  it('colour codes left in the paste, with or without the escape byte', () => {
    for (const esc of ['\x1b', '']) {
      const text = `Inspecting services\n  Service snap.microk8s.daemon-kubelite is running\n${esc}[31m FAIL: ${esc}[0m Service snap.microk8s.daemon-containerd is not running\n${esc}[0;33m WARNING: ${esc}[0m IPtables FORWARD policy is DROP. Consider enabling traffic forwarding with: sudo iptables -P FORWARD ACCEPT \nThe change can be made persistent with: sudo apt-get install iptables-persistent`;
      const s = one(text);
      expect(s.status).toBe('parsed');
      const f = factsOf(s, 'microk8s-inspect');
      expect(f.services.map((x) => [x.name, x.running])).toEqual([
        ['daemon-kubelite', true],
        ['daemon-containerd', false],
      ]);
      expect(f.forwardDrop?.line).toBe(4);
      expect(f.kubelite).toBe(true);
    }
  });

  it('other services and prose are not microk8s inspect', () => {
    expect(parsePaste('Service nginx is running', 'x')[0]?.kind).not.toBe('microk8s-inspect');
    expect(
      parsePaste('The FORWARD policy is DROP on this host, see iptables -S', 'x')[0]?.kind,
    ).not.toBe('microk8s-inspect');
  });
});
