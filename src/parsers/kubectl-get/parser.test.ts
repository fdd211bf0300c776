import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toLines } from '../../engine/lines';
import { parsePaste } from '../registry';
import {
  claimsOnly,
  direct,
  only,
  seed,
  survivesHostileInput,
  textsMatch,
} from '../../testing/parser-checks';
import { readTestData } from '../../testing/test-data';
import { kubectlGet } from './parser';

const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');
const get = (text: string) => only(text, 'kubectl-get');
const gets = (text: string) =>
  parsePaste(text, 'x').map((r) => {
    if (r.kind !== 'kubectl-get' || r.status === 'rejected')
      throw new Error(`not kubectl-get: ${JSON.stringify(r)}`);
    return r;
  });

describe('kubectl-get: real outputs', () => {
  it('fixture 23: calico-node 0/1 with 649 restarts on two workers', () => {
    const r = get(
      readTestData('fixtures/23-calico2720-calico-node-not-ready-workers/kubectl-get-pods.txt'),
    );
    expect(r.status).toBe('parsed');
    expect(r.command).toBe('kubectl get pods --all-namespaces -o wide');
    const [t] = r.facts.tables;
    expect(t!.resource).toBe('pod');
    expect(t!.columns).toEqual([
      'NAMESPACE',
      'NAME',
      'READY',
      'STATUS',
      'RESTARTS',
      'AGE',
      'IP',
      'NODE',
      'NOMINATED NODE',
      'READINESS GATES',
    ]);
    expect(t!.header?.line).toBe(2); // line 1 is the prompt
    const bad = t!.rows.filter((row) => row.ready && row.ready.ready < row.ready.total);
    expect(
      bad.map((row) => [row.cells['NAME'], row.cells['NODE'], row.restarts, row.line]),
    ).toEqual([
      ['calico-node-86mdg', 'node-2', 649, 4],
      ['calico-node-hzcsh', 'node-1', 649, 5],
    ]);
    expect(t!.rows[3]!.cells).toMatchObject({ STATUS: 'Running', 'NOMINATED NODE': '<none>' });
  });

  it('seed 003: tables whose spaces the blog collapsed, and a grep without header', () => {
    const text = local('kubectl-get--seed003-collapsed.txt');
    // Verbatim from the write-up.
    for (const l of text.trimEnd().split('\n')) expect(seed('003')).toContain(l);
    const rs = gets(text);
    expect(rs.map((r) => r.facts.tables[0]!.resource)).toEqual([
      'deployment',
      'replicaset',
      'pod',
      'service',
      'pod',
    ]);
    const pods = rs[2]!.facts.tables[0]!;
    expect(pods.rows).toHaveLength(3);
    expect(pods.rows[0]!.cells).toMatchObject({
      NAME: 'myapp-deploy-5695bb5658-7tgfx',
      IP: '10.244.2.111',
      NODE: 'k8s-node02',
      'NOMINATED NODE': '<none>',
      'READINESS GATES': '<none>',
      LABELS: 'app=myapp,env=test,pod-template-hash=5695bb5658,release=v1',
    });
    const svc = rs[3]!.facts.tables[0]!;
    expect(svc.rows[1]!.cells).toMatchObject({
      NAME: 'myapp-clusterip',
      'CLUSTER-IP': '10.102.246.104',
      'PORT(S)': '8080/TCP',
      SELECTOR: 'app=myapp,release=v1',
    });
    const grep = rs[4]!;
    expect(grep.status).toBe('partial');
    expect(grep.problems[0]!.msg.key).toBe('parse.kubectl-get.noHeader');
    expect(grep.facts.tables[0]!.header).toBeNull();
    expect(grep.facts.tables[0]!.rows.map((row) => [row.cells['NAME'], row.restarts])).toEqual([
      ['kube-proxy-6bfh7', 1],
      ['kube-proxy-6vfkf', 1],
      ['kube-proxy-bvl9n', 1],
    ]);
    expect(grep.facts.tables[0]!.rows[0]!.cells['NAMESPACE']).toBe('kube-system');
  });

  it('seed 003 as a whole: every kubectl get is read, the blog text after it is left out', () => {
    const rs = parsePaste(seed('003'), 'x').filter((r) => r.kind === 'kubectl-get');
    expect(rs.map((r) => r.command)).toEqual([
      'kubectl get deploy -o wide',
      'kubectl get rs -o wide',
      'kubectl get pod -o wide --show-labels',
      'kubectl get svc -o wide',
      "kubectl get pod -A | grep 'kube-proxy'",
    ]);
    for (const r of rs) expect(r.status).not.toBe('rejected');
    const pods = rs[2]!;
    if (pods.status === 'rejected') throw new Error('rejected');
    expect(pods.problems.map((p) => p.msg.key)).toEqual(['parse.kubectl-get.trailing']);
  });

  it('redacted IPs break the alignment: cells are read by whitespace', () => {
    const rs = gets(local('kubectl-get--in250-redacted-svc-ep.txt'));
    expect(rs.map((r) => r.facts.tables[0]!.resource)).toEqual(['ingress', 'service', 'endpoints']);
    expect(rs[1]!.facts.tables[0]!.rows[0]!.cells['PORT(S)']).toBe('80:30760/TCP,1337:31901/TCP');
    expect(rs[2]!.facts.tables[0]!.rows[0]).toMatchObject({
      endpoints: ['x.x.x.x:1337', 'x.x.x.x:80'],
      line: 11,
    });
  });

  it('RESTARTS with "(4m39s ago)", two outputs behind busybox `~ #` prompts', () => {
    const [pods, svc] = gets(local('kubectl-get--cilium20679-restarts-ago.txt'));
    expect(pods!.command).toBe('kubectl get pods -l k8s-app=cilium -n kube-system');
    expect(pods!.status).toBe('parsed');
    expect(
      pods!.facts.tables[0]!.rows.map((row) => [row.restarts, row.cells['RESTARTS'], row.ready]),
    ).toEqual([
      [40, '40 (4m39s ago)', { ready: 0, total: 1 }],
      [40, '40 (4m33s ago)', { ready: 0, total: 1 }],
    ]);
    expect(svc!.command).toBe('kubectl get svc -A -o wide');
    const services = svc!.facts.tables[0]!;
    expect(services.resource).toBe('service');
    expect(services.rows[2]!.cells['PORT(S)']).toBe('53/UDP,53/TCP,9153/TCP');
  });
});

describe('kubectl-get: the command typed as the first line, short of its name', () => {
  // antrea 2784 and 2785 (test-data/cases/440, 441): `get pods` without `kubectl`, and the `k` alias.
  it('`get pods  -n kube-system` and `k get pods -n kube-system` head the table they printed', () => {
    const bare = get(
      '```\nget pods  -n kube-system\nNAME                                 READY   STATUS             RESTARTS   AGE\nantrea-agent-5vjxs                   1/2     CrashLoopBackOff   40         3h21m\n```\n',
    );
    expect(bare.status).toBe('parsed');
    expect(bare.facts.tables[0]!.rows[0]!.restarts).toBe(40);
    const alias = get(
      'k get pods -n kube-system\nNAME                 READY   STATUS    RESTARTS   AGE\nantrea-agent-24snw   1/2     Running   0          99m\n...\n',
    );
    expect(alias.status).toBe('partial'); // the `...` the poster cut the listing with
    expect(alias.command).toBe('k get pods -n kube-system');
    expect(alias.facts.tables[0]!.rows[0]!.ready).toEqual({ ready: 1, total: 2 });
  });

  it('prose that starts with the same words is no command', () => {
    const no = (text: string) =>
      expect(kubectlGet.detect(toLines(text), { command: null })).toBe(false);
    no('get pods running again after the reboot\nthen it failed');
    no('k is the alias I use for kubectl\nNothing else here');
  });
});

describe('kubectl-get: rows without header or command, read by their shape', () => {
  const noHeader = (t: ReturnType<typeof get>) =>
    t.problems.map((p) => p.msg.key).filter((k) => k.endsWith('noHeaderShape'));

  it('one -o wide pod row quoted on its own (calico 4466)', () => {
    const t = get(local('kubectl-get--calico4466-headerless-wide-row.txt'));
    const row = t.facts.tables[0]!.rows[0]!;
    expect(t.facts.tables[0]!.resource).toBe('pod');
    expect(row.cells).toMatchObject({
      NAME: 'calico-node-j5qp2',
      STATUS: 'CrashLoopBackOff',
      NODE: 'generalai-a100-0',
    });
    expect(row).toMatchObject({ ready: { ready: 0, total: 1 }, restarts: 931 });
    expect(noHeader(t)).toHaveLength(1);
  });

  it('the same row as the thread posted it, wrapped in double quotes (calico 4466)', () => {
    const t = get(local('kubectl-get--calico4466-quoted-row.txt'));
    const row = t.facts.tables[0]!.rows[0]!;
    expect(t.facts.tables[0]!.resource).toBe('pod');
    expect(row.cells).toMatchObject({ NAME: 'calico-node-j5qp2', NODE: 'generalai-a100-0' });
    expect(row).toMatchObject({ ready: { ready: 0, total: 1 }, restarts: 931, line: 1 });
    // A quote inside a line is the output's own (jsonpath, go-template): not unwrapped.
    expect(parsePaste('"a" "b"\n', 'x')[0]!.kind).not.toBe('kubectl-get');
  });

  it('rows of --all-namespaces kept by a grep (kubespray 3264)', () => {
    const t = get(local('kubectl-get--kubespray3264-grep-calico-A.txt'));
    expect(t.facts.tables[0]!.columns[0]).toBe('NAMESPACE');
    expect(t.facts.tables[0]!.rows.map((r) => r.ready?.ready)).toEqual([1, 0, 0, 0]);
  });

  it('RESTARTS with "(5m ago)", and node rows', () => {
    const pods = get(
      'kube-proxy-7xk2p   0/1   CrashLoopBackOff   12 (3m ago)   40m\nkube-proxy-9qz4d   1/1   Running   0   40m',
    );
    expect(pods.facts.tables[0]!.rows.map((r) => r.restarts)).toEqual([12, 0]);
    const nodes = get(
      'k8s-node01   Ready      <none>          12d   v1.28.2\nk8s-node03   NotReady   <none>          12d   v1.28.2',
    );
    expect(nodes.facts.tables[0]!.resource).toBe('node');
    expect(nodes.facts.tables[0]!.rows[1]!.cells['STATUS']).toBe('NotReady');
  });

  it('kubectl get events -A rows cut from the middle of the block (ingress-nginx 12796)', () => {
    const t = get(local('kubectl-get--in12796-headerless-events-A.txt'));
    const table = t.facts.tables[0]!;
    expect(table.resource).toBe('event');
    expect(table.columns).toEqual([
      'NAMESPACE',
      'LAST SEEN',
      'TYPE',
      'REASON',
      'OBJECT',
      'MESSAGE',
    ]);
    expect(table.rows).toHaveLength(6);
    expect(table.rows[0]!.cells).toMatchObject({
      NAMESPACE: 'nginx-ingress',
      TYPE: 'Normal',
      REASON: 'Killing',
      OBJECT: 'pod/nginx-controller-ingress-nginx-controller-6cd8944c67-nfb69',
      MESSAGE: 'Container controller failed liveness probe, will be restarted',
    });
    // the message keeps its quotes and spaces whole
    expect(table.rows[2]!.cells['MESSAGE']).toMatch(/^Container image ".*" already present/);
    expect(noHeader(t)).toHaveLength(1);
    // without -A: the age first
    const one = get(
      '5m    Warning   BackOff   pod/web-7d9f   Back-off restarting failed container',
    );
    expect(one.facts.tables[0]!.columns[0]).toBe('LAST SEEN');
    expect(one.facts.tables[0]!.rows[0]!.cells['REASON']).toBe('BackOff');
  });

  it('kubectl get events -o wide --watch-only: rows sized anew, off the header (kube-router 831)', () => {
    const t = get(
      [
        'LAST SEEN   TYPE      REASON      OBJECT                  SUBOBJECT                      SOURCE          MESSAGE                                                         FIRST SEEN   COUNT   NAME',
        '1s          Warning   Unhealthy   pod/kube-router-79cfz   spec.containers{kube-router}   kubelet, m9c7   Liveness probe failed: HTTP probe failed with statuscode: 500   32m          19      kube-router-79cfz.15ea1773401aa1d2',
        '0s          Warning   Unhealthy         pod/kube-router-xvmbq        spec.containers{kube-router}   kubelet, m14c12   Liveness probe failed: HTTP probe failed with statuscode: 500                                                                                                            81m          46      kube-router-xvmbq.15ea14d08040c443',
      ].join('\n'),
    );
    const rows = t.facts.tables[0]!.rows;
    expect(rows).toHaveLength(2);
    expect(rows[1]!.cells).toMatchObject({
      OBJECT: 'pod/kube-router-xvmbq',
      SOURCE: 'kubelet, m14c12',
      MESSAGE: 'Liveness probe failed: HTTP probe failed with statuscode: 500',
      'FIRST SEEN': '81m',
      COUNT: '46',
    });
    // A row whose cells cannot be told apart by their gaps (a message with double blanks) stays
    // no row.
    const odd = get(
      'LAST SEEN   TYPE      REASON      OBJECT    SUBOBJECT            SOURCE        MESSAGE    FIRST SEEN   COUNT   NAME\n' +
        '1s          Warning   Unhealthy   pod/x     spec.containers{x}   kubelet, n1   message    32m          19      x.1\n' +
        '0s   Warning   Unhealthy   pod/x   spec.containers{x}   kubelet, n1   a  message  with  gaps   81m   46   x.1',
    );
    expect(odd.facts.tables[0]!.rows).toHaveLength(1);
  });

  it('event look-alikes are not kubectl get events', () => {
    const claims = (text: string) => kubectlGet.detect(toLines(text), { command: null });
    // `kubectl describe` event rows start with the type, not an age
    expect(
      claims(
        '  Warning  Unhealthy  8m1s (x11 over 20m)    kubelet, node-1  Liveness probe failed: timeout',
      ),
    ).toBe(false);
    // no kind/name object, or no message
    expect(claims('5m   Warning   BackOff   web-7d9f   Back-off restarting')).toBe(false);
    expect(claims('5m   Warning   BackOff   pod/web-7d9f')).toBe(false);
    // a capitalised first cell is no namespace
    expect(claims('Default   5m   Warning   BackOff   pod/web   Back-off')).toBe(false);
  });

  it('never guesses from rows of different shapes or from look-alikes', () => {
    const claims = (text: string) => kubectlGet.detect(toLines(text), { command: null });
    expect(claims('web-1   1/1   Running   0   5d\nsome other line that is prose')).toBe(false);
    expect(claims('tcp   0/0   Running   0   5d   extra')).toBe(false); // wrong cell count
    expect(claims('eth0   1500   Running   0')).toBe(false);
  });
});

describe('kubectl-get: formats', () => {
  it('collapsed RESTARTS "4 (2d ago)" and ENDPOINTS "<none>" / "+ 1 more..."', () => {
    const pods = direct(
      kubectlGet,
      'NAME READY STATUS RESTARTS AGE\nweb-1 0/1 CrashLoopBackOff 4 (2d ago) 9d',
    );
    if (pods.status === 'rejected') throw new Error('rejected');
    expect(pods.facts.tables[0]!.rows[0]).toMatchObject({
      restarts: 4,
      cells: { RESTARTS: '4 (2d ago)', AGE: '9d' },
    });
    const ep = direct(
      kubectlGet,
      [
        'NAME       ENDPOINTS                                               AGE',
        'web        <none>                                                  3d',
        'api        10.244.0.36:80,10.244.0.37:80,10.244.0.38:80 + 1 more...   3d',
      ].join('\n'),
    );
    if (ep.status === 'rejected') throw new Error('rejected');
    expect(ep.facts.tables[0]!.rows.map((r) => [r.endpoints, r.moreEndpoints])).toEqual([
      [[], 0],
      [['10.244.0.36:80', '10.244.0.37:80', '10.244.0.38:80'], 1],
    ]);
  });

  it('a middle column printed blank is an empty cell (old `get ep` without addresses)', () => {
    // kubernetes/kubernetes#30785: kube-dns pods 3/3 Running but not Ready.
    const ep = direct(
      kubectlGet,
      'NAME       ENDPOINTS   AGE\nkube-dns               53m',
      'kubectl --namespace=kube-system get ep kube-dns',
    );
    if (ep.status === 'rejected') throw new Error('rejected');
    expect(ep.facts.tables[0]!.rows[0]).toMatchObject({
      endpoints: [],
      cells: { NAME: 'kube-dns', ENDPOINTS: '', AGE: '53m' },
    });
    // Healthy counterpart: a listed address stays a listed address.
    const ok = direct(kubectlGet, 'NAME       ENDPOINTS      AGE\nkube-dns   10.2.2.4:53    53m');
    if (ok.status === 'rejected') throw new Error('rejected');
    expect(ok.facts.tables[0]!.rows[0]!.endpoints).toEqual(['10.2.2.4:53']);
    // A row whose values slid off the header's places is not read as a blank cell.
    const slid = direct(
      kubectlGet,
      'NAME       ENDPOINTS   AGE\napi-server-x  10.0.0.1:80 5m\nweb                    10.0.0.2:80  5m',
    );
    if (slid.status === 'rejected') throw new Error('rejected');
    expect(slid.facts.tables[0]!.rows.map((r) => r.cells['ENDPOINTS'])).toEqual([
      '10.0.0.1:80',
      '10.0.0.2:80',
    ]);
    // The last column blank, or a blank row, is not made into cells.
    const short = direct(kubectlGet, 'NAME       ENDPOINTS   AGE\nkube-dns   10.2.2.4:53');
    expect(short.status === 'rejected' || short.facts.tables[0]!.rows.length === 0).toBe(true);
  });

  it('`kubectl get all`: one table per kind, kinds from the name prefixes', () => {
    const text = [
      'NAME                       READY   STATUS    RESTARTS   AGE',
      'pod/web-7d4b9c-abcde       1/1     Running   0          2m',
      '',
      'NAME                 TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)        AGE',
      'service/web          NodePort    10.96.12.34    <none>        80:31710/TCP   2m',
    ].join('\n');
    const out = direct(kubectlGet, text, 'kubectl get all');
    if (out.status === 'rejected') throw new Error('rejected');
    expect(out.status).toBe('parsed');
    expect(out.facts.tables.map((t) => [t.resource, t.rows[0]!.resource])).toEqual([
      ['pod', 'pod'],
      ['service', 'service'],
    ]);
  });

  it('"No resources found" is an answer; a kubectl error is a rejection that says it', () => {
    const none = get('$ kubectl get pods -n web\nNo resources found in web namespace.\n');
    expect(none.facts).toMatchObject({ tables: [], noResources: { line: 2 } });
    expect(none.summary.key).toBe('parse.kubectl-get.summaryNone');
    const [err] = parsePaste(
      '$ kubectl get pods\nError from server (Forbidden): pods is forbidden: User "x" cannot list resource "pods"\n',
      'x',
    );
    expect(err).toMatchObject({
      kind: 'kubectl-get',
      status: 'rejected',
      problems: [{ msg: { key: 'parse.kubectl-get.kubectlError' } }],
    });
  });

  it('does not claim look-alike tables', () => {
    const no = (text: string, command: string | null = null) =>
      expect(kubectlGet.detect(toLines(text), { command })).toBe(false);
    no('NAME MAJ:MIN RM SIZE RO TYPE MOUNTPOINT\nsda 8:0 0 40G 0 disk');
    no('CONTAINER ID   IMAGE   COMMAND   CREATED   STATUS   PORTS   NAMES');
    no('Prot LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port Forward Weight');
    no('10.96.0.1', 'kubectl get svc kubernetes -o jsonpath={.spec.clusterIP}');
  });
});

describe('kubectl-get: only kubectl tables are claimed', () => {
  claimsOnly(kubectlGet, ['23-calico2720-calico-node-not-ready-workers/kubectl-get-pods.txt']);
});

describe('kubectl-get: texts', () => {
  textsMatch('kubectl-get', [readFileSync(new URL('./parser.ts', import.meta.url), 'utf8')]);
});

describe('kubectl-get: hostile input', () => {
  survivesHostileInput(
    kubectlGet,
    [
      'NAMESPACE     NAME                                       READY   STATUS    RESTARTS   AGE    IP                NODE         NOMINATED NODE   READINESS GATES',
      'kube-system   calico-node-86mdg                          0/1     Running   649        7d     192.168.50.12     node-2       <none>           <none>',
      'cilium-48vnb   0/1     CrashLoopBackOff   40 (4m39s ago)   176m',
      'NAME ENDPOINTS AGE',
      'api 10.0.0.1:80,10.0.0.2:80 + 1 more... 3d',
      'No resources found in default namespace.',
      'random text',
    ],
    { commands: [null, 'kubectl get pods -A -o wide', "kubectl get pod -A | grep 'kube-proxy'"] },
  );
});
