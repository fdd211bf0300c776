import type { Shape } from './shape';
import type en from './walk-cite.en';

/** 诊断结论中引用的数据包走查：它印证或排除了某个原因。 */
export default {
  walkCite: {
    drop: '从集群外发往 {{target}} 的数据包被第 {{line}} 行丢弃：`{{rule}}`',
    reject: '从集群外发往 {{target}} 的数据包被第 {{line}} 行拒绝（{{with}}）：`{{rule}}`',
    untranslated:
      '从集群外发往 {{target}} 的数据包经过 kube-proxy 的 Service 规则后没有被转换：没有规则把它发往 Pod，由节点自己接收（第 {{line}} 行：`{{rule}}`）。',
    dnat: '从集群外发往 {{target}} 的数据包被发往 {{endpoints}}（第 {{line}} 行：`{{rule}}`）：kube-proxy 为它写的规则存在，且有 Endpoint。',
  },
} satisfies Shape<typeof en>;
