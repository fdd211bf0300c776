import type { Line } from '../../engine/types';
import type { DescribeEvent, DescribeProbe } from './facts';

/** `Type  Reason  Age  From  Message` (1.10+) or `FirstSeen LastSeen Count From ...` (older). */
export const EVENTS_HEADER =
  /^(?:Type\s+Reason\s+Age\s+From\s+Message|FirstSeen\s+LastSeen\s+Count\s+From\s+(?:SubObjectPath\s+)?Type\s+Reason\s+Message)\s*$/;

const AGE = String.raw`(<unknown>|<invalid>|\S+(?: \(x\d+ over \S+\))?)`;
/** Columns padded by two or more spaces; From may hold one space (`kubelet, node1`). */
const ROW = new RegExp(
  String.raw`^\s*(Normal|Warning)\s+(\S+)\s+${AGE}\s{2,}(\S+(?: \S+)?)\s{2,}(.*)$`,
);
/** An Age kubectl prints (`39m`, `9m44s`, `5d4h`, `<unknown>`), with its repeat count. */
const AGE_LIKE = String.raw`(<unknown>|<invalid>|\d+[smhdy](?:\d+[smhd])*(?: \(x\d+ over \S+\))?)`;
/**
 * The same row with its padding collapsed to single spaces (a blog copy); such a copy may also
 * leave the Age column out (`Warning Unhealthy kubelet Liveness probe failed: ...`), so the
 * Age is taken only when it looks like one.
 */
const ROW_COLLAPSED = new RegExp(
  String.raw`^\s*(Normal|Warning)\s+(\S+)\s+(?:${AGE_LIKE}\s+)?((?:kubelet|default-scheduler|[\w-]+-controller|[\w-]+)(?:, \S+)?)\s+(.*)$`,
);
/** `7m  7m  1  {kubelet 10.0.0.1}  spec.containers{x}  Normal  Created  Created container` */
const ROW_OLD =
  /^\s*(\S+)\s+(\S+)\s+(\d+)\s+(\{[^}]*\}|\S+)\s+(?:([\w.]*\{[^}]*\})\s+)?(Normal|Warning)\s+(\S+)\s+(.*)$/;

/**
 * Inline-code backquotes glued to a row quoted on its own (`` `Warning  Unhealthy  83s ...` ``),
 * the opening one before the Type, the closing one after the message.
 */
const GLUED_HEAD = /^(\s*)`{1,3}(?=(?:Normal|Warning)\s)/;
const GLUED_TAIL = /(\S)`{1,3}\s*$/;

export function eventOf(raw: string, l: Line): DescribeEvent | null {
  const head = raw.replace(GLUED_HEAD, '$1');
  // The closing one: after a glued opening one, or unpaired (the code span began rows above).
  const unpaired = (head.match(/`/g)?.length ?? 0) % 2 === 1;
  const text = head !== raw || unpaired ? head.replace(GLUED_TAIL, '$1') : raw;
  const m = ROW.exec(text) ?? ROW_COLLAPSED.exec(text);
  if (m) {
    const [, type, reason, age = '', from, message] = m;
    const x = /\(x(\d+) over/.exec(age);
    return event(
      type!,
      reason!,
      age.replace(/ \(x.*$/, ''),
      x ? Number(x[1]) : 1,
      from!,
      message!,
      l,
    );
  }
  const o = ROW_OLD.exec(text);
  if (o) {
    const [, , last, count, from, , type, reason, message] = o;
    return event(type!, reason!, last!, Number(count), from!, message!, l);
  }
  return null;
}

function event(
  type: string,
  reason: string,
  age: string,
  count: number,
  from: string,
  message: string,
  l: Line,
): DescribeEvent {
  const p = /^(Liveness|Readiness|Startup) probe failed: (.*)$/.exec(message.trim());
  let probe: DescribeEvent['probe'] = null;
  if (p) {
    const url = /(?:Get|Post|Head) "?(https?:\/\/[^\s"]+?)"?(?::\s|$|\s)/.exec(p[2]!);
    const dial = /dial tcp ([\d.]+:\d+|\[[\da-f:]+\]:\d+)/i.exec(p[2]!);
    const target = url?.[1] ?? dial?.[1] ?? null;
    const port = target ? /:(\d+)(?:\/|$)/.exec(target) : null;
    probe = {
      kind: p[1]!.toLowerCase() as 'liveness' | 'readiness' | 'startup',
      target,
      port: port ? Number(port[1]) : null,
    };
  }
  return {
    type,
    reason,
    age,
    count,
    from,
    message: message.trim(),
    probe,
    line: l.n,
    text: l.text,
  };
}

/** `http-get http://:10254/healthz delay=10s timeout=1s period=10s #success=1 #failure=3`. */
export function probeOf(value: string, l: Line): DescribeProbe | null {
  const m = /^(http-get|tcp-socket|exec|grpc)\s+(.*?)(?=\s+delay=|$)/.exec(value.trim());
  if (!m && !value.trim()) return null;
  const target = m?.[2]?.trim() ?? value.trim();
  const port = /:(\d+)(?:\/|$|\s)/.exec(target);
  const opt = (k: string) => {
    const o = new RegExp(String.raw`(?:^|\s)#?${k}=(\d+)`).exec(value);
    return o ? Number(o[1]) : null;
  };
  return {
    kind: (m?.[1] as DescribeProbe['kind']) ?? 'other',
    target,
    port: port ? Number(port[1]) : null,
    timeoutSeconds: opt('timeout'),
    periodSeconds: opt('period'),
    failureThreshold: opt('failure'),
    line: l.n,
    text: l.text,
  };
}
