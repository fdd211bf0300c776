import { describe, expect, it } from 'vitest';
import { diagnoseTexts, verdictOf } from '../../testing/diagnose-text';
import { readRules } from '../../testing/read-rules';

const cause = 'ipvs-conn-reuse-delay';
const reuse = readRules('ipvs-conn-reuse-delay/fixtures/broken--edenmal-ipvs-sysctls.txt');
const off = readRules('ipvs-conn-reuse-delay/fixtures/fixed--edenmal-reuse-off.txt');
const uname = (release: string) => `${release}\n`;
const verdict = (pastes: Record<string, string>) => verdictOf(diagnoseTexts(pastes), cause);

describe(cause, () => {
  it('finds conn_reuse_mode=1 with vs.conntrack=1; sure on a kernel before 5.9', () => {
    expect(verdict({ reuse })).toBe('found:medium');
    expect(verdict({ reuse, u: uname('3.10.0-1160.el7.x86_64') })).toBe('found:high');
  });

  it('is not applicable from kernel 5.9 on', () => {
    expect(verdict({ reuse, u: uname('5.9.1-arch1-1') })).toBe('not-applicable');
  });

  it('rules it out with conn_reuse_mode=0 or vs.conntrack=0', () => {
    expect(verdict({ off })).toBe('ruled-out');
    const noCt =
      'net.ipv4.vs.conn_reuse_mode = 1\nnet.ipv4.vs.conntrack = 0\nnet.ipv4.vs.expire_nodest_conn = 0\n';
    expect(verdict({ noCt })).toBe('ruled-out');
  });

  it('is only a hint without vs.conntrack and kernel', () => {
    const only =
      'net.ipv4.vs.conn_reuse_mode = 1\nnet.ipv4.ip_forward = 1\nnet.ipv4.tcp_keepalive_time = 7200\n';
    expect(verdict({ only })).toBe('found:low');
  });
});
