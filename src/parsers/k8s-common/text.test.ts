import { describe, expect, it } from 'vitest';
import { kubectlArgs, typedCommand } from './text';

describe('k8s-common: commands typed without a prompt', () => {
  it('takes kubectl under its aliases k and kc when a kubectl verb follows', () => {
    // kubernetes/ingress-nginx#6135 (cmoulliard): `kc` is kubectl there.
    expect(typedCommand('kc get endpoints,svc,ingress -n ci')).toBe(
      'kc get endpoints,svc,ingress -n ci',
    );
    expect(kubectlArgs('kc get endpoints,svc,ingress -n ci', 'get')).toEqual([
      'endpoints,svc,ingress',
      '-n',
      'ci',
    ]);
    expect(typedCommand('k get pods -n x')).toBe('k get pods -n x');
  });

  it('takes no other word for kubectl, nor kc without a kubectl verb', () => {
    expect(typedCommand('kc')).toBeNull();
    expect(typedCommand('kc something else')).toBeNull();
    expect(typedCommand('kcc get pods')).toBeNull();
    expect(kubectlArgs('kcadm.sh get realms', 'get')).toBeNull();
  });

  it('takes a command written as a line of Markdown inline code above its output', () => {
    // kubernetes/kubernetes#118461 (spoiler0): the caption of the fenced `get pods` below it.
    expect(typedCommand('`kubectl get pods -n kube-system -o wide`')).toBe(
      'kubectl get pods -n kube-system -o wide',
    );
    expect(typedCommand('`kubectl get ep -A`:')).toBe('kubectl get ep -A');
    // Inline code inside a sentence, or code that is not a command, is prose.
    expect(typedCommand('Run `kubectl get pods` to see')).toBeNull();
    expect(typedCommand('`kube-proxy-r88js`')).toBeNull();
    expect(typedCommand('``')).toBeNull();
  });
});
