import type { Parser } from '../define';
import { cniLog } from '../cni-log/parser';
import type { CniLogFacts } from '../cni-log/facts';
import { curlV } from '../curl-v/parser';
import type { CurlFacts } from '../curl-v/facts';
import { ingressNginxLog } from '../ingress-nginx-log/parser';
import type { IngressNginxLogFacts } from '../ingress-nginx-log/facts';
import { k8sObject } from '../k8s-object/parser';
import type { K8sObjectFacts } from '../k8s-object/facts';
import { kubectlDescribe } from '../kubectl-describe/parser';
import type { KubectlDescribeFacts } from '../kubectl-describe/facts';
import { kubectlGet } from '../kubectl-get/parser';
import type { KubectlGetFacts } from '../kubectl-get/facts';
import { nginxTls } from '../nginx-tls/parser';
import type { NginxTlsFacts } from '../nginx-tls/facts';
import { proxyLog } from '../proxy-log/parser';

/** Facts of the Kubernetes- and ingress-side kinds (merged into the registry's FactsByKind). */
export interface K8sFactsByKind {
  'k8s-object': K8sObjectFacts;
  'kubectl-describe': KubectlDescribeFacts;
  'kubectl-get': KubectlGetFacts;
  'ingress-nginx-log': IngressNginxLogFacts;
  /** Envoy (Istio, Contour) and Traefik logs, read into the facts of an ingress-nginx log. */
  'proxy-log': IngressNginxLogFacts;
  'cni-log': CniLogFacts;
  'nginx-tls': NginxTlsFacts;
  'curl-v': CurlFacts;
}
export type K8sKind = keyof K8sFactsByKind;

/**
 * The Kubernetes-side parsers in the order the registry asks them: whole documents and
 * `kubectl` outputs (told by their shape) first, then logs (told by their markers), then
 * TLS settings, and curl last (it takes any output of a `curl` command line).
 */
export const K8S_PARSERS: { [K in K8sKind]: Parser<K, K8sFactsByKind[K]> }[K8sKind][] = [
  k8sObject,
  kubectlDescribe,
  kubectlGet,
  ingressNginxLog,
  proxyLog,
  cniLog,
  nginxTls,
  curlV,
];
