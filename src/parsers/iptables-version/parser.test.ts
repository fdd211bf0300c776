import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toLines } from '../../engine/lines';
import { factsOf } from '../../testing/facts';
import { parsePaste } from '../registry';
import { backendOf, iptablesVersion } from './parser';

const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');
const one = (text: string) => {
  const rs = parsePaste(text, 'x');
  expect(rs).toHaveLength(1);
  return rs[0]!;
};

describe('iptables -V: real outputs', () => {
  it('nf_tables (dockur/windows#85) and legacy (kubernetes#71305)', () => {
    const nft = one(local('iptables-version--dockurwindows85-nf-tables.txt'));
    expect(nft).toMatchObject({ kind: 'iptables-version', command: 'iptables --version' });
    expect(factsOf(nft, 'iptables-version').backend).toEqual({
      value: 'nf_tables',
      line: 2,
      text: 'iptables v1.8.8 (nf_tables)',
    });
    const legacy = factsOf(
      one(local('iptables-version--k8s71305-uablrek-legacy.txt')),
      'iptables-version',
    );
    expect(legacy.versions).toEqual([
      expect.objectContaining({ binary: 'iptables', version: '1.8.2', backend: 'legacy' }),
    ]);
  });

  it('before 1.8 there was only legacy, unnamed (kubernetes#71305, vm77)', () => {
    const f = factsOf(
      one(local('iptables-version--k8s71305-vm77-before-1-8.txt')),
      'iptables-version',
    );
    expect(f.versions[0]).toMatchObject({ version: '1.6.1', backend: 'legacy', stated: false });
  });
});

describe('iptables -V inside a container', () => {
  it('kubernetes#92275: `docker run IMAGE iptables -V` is the image’s iptables', () => {
    const rs = parsePaste(local('iptables-version--k8s92275-docker-run-images.txt'), 'x');
    expect(rs.map((r) => r.kind)).toEqual(['iptables-version', 'iptables-version']);
    const [old, next] = rs.map((r) => factsOf(r, 'iptables-version'));
    expect(old).toMatchObject({ inContainer: true, backend: { value: 'legacy' } });
    expect(next).toMatchObject({ inContainer: true, backend: { value: 'nf_tables' } });
  });

  it('kubectl exec and nsenter into a pid are containers; chroot /host and sudo are not', () => {
    const where = (command: string) =>
      factsOf(one(`$ ${command}\niptables v1.8.7 (nf_tables)`), 'iptables-version').inContainer;
    expect(where('kubectl -n kube-system exec kube-proxy-x -- iptables -V')).toBe(true);
    expect(where('nsenter -t $(pidof kube-proxy) -m iptables -V')).toBe(true);
    expect(where('sudo iptables -V')).toBe(false);
    expect(where('chroot /host iptables --version')).toBe(false);
  });

  it('a version typed in a container shell opened earlier is the container’s (zhangguanzhang, 2022)', () => {
    const rs = parsePaste(
      [
        '$ docker run --rm -ti --privileged -v /run/xtables.lock:/run/xtables.lock \\',
        '    -v /lib/modules:/lib/modules \\',
        '    registry.aliyuncs.com/k8sxio/kube-proxy:v1.21.11 sh',
        '# iptables -V',
        'iptables v1.8.5 (legacy)',
        '# iptables -t nat -S',
        '-P PREROUTING ACCEPT',
        '-P INPUT ACCEPT',
        '-P OUTPUT ACCEPT',
        '-P POSTROUTING ACCEPT',
        '# exit',
        '$ iptables -V',
        'iptables v1.8.4 (nf_tables)',
      ].join('\n'),
      'x',
    );
    expect(rs.map((r) => r.kind)).toEqual([
      'iptables-version',
      'iptables-save',
      'iptables-version',
    ]);
    expect(factsOf(rs[0]!, 'iptables-version')).toMatchObject({ inContainer: true });
    // The nat table listed there is the container's own network namespace's, not the node's.
    expect(factsOf(rs[1]!, 'iptables-save').elsewhere).toMatch(/^docker run /);
    expect(factsOf(rs[2]!, 'iptables-version')).toMatchObject({
      inContainer: false,
      backend: { value: 'nf_tables' },
    });
  });
});

describe('iptables -V: edges', () => {
  it('several binaries; the plain iptables line is the host backend', () => {
    const f = factsOf(
      one(
        'iptables-save v1.8.4 (legacy)\niptables v1.8.7 (nf_tables)\nip6tables v1.8.7 (nf_tables)',
      ),
      'iptables-version',
    );
    expect(f.versions.map((v) => v.binary)).toEqual(['iptables-save', 'iptables', 'ip6tables']);
    expect(f.backend?.value).toBe('nf_tables');
  });

  it('reads backends from versions', () => {
    expect(backendOf('1.4.21', undefined)).toBe('legacy');
    expect(backendOf('1.8.7', 'nf_tables')).toBe('nf_tables');
    // 1.8 always names it: a line without one is not trusted.
    expect(backendOf('1.8.7', undefined)).toBeNull();
  });

  it('does not claim error lines, kube-proxy logs or long pastes', () => {
    const no = (text: string) =>
      expect(iptablesVersion.detect(toLines(text), { command: null })).toBe(false);
    no(
      "iptables v1.6.0: can't initialize iptables table `nat': Table does not exist (do you need to insmod?)",
    );
    no('iptables v1.8.7 (nf_tables)\nChain INPUT (policy ACCEPT)');
    no('Client Version: v1.16.6');
    no(Array.from({ length: 7 }, () => 'iptables v1.8.7 (nf_tables)').join('\n'));
  });
});
