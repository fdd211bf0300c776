import type { Line } from '../engine/types';
import { KLOG } from './k8s-common/text';
import { NGINX_ERROR } from './ingress-nginx-log/lines';

/**
 * Log lines whose header says what they are, wherever they stand: klog's
 * (`E0929 05:14:00.545157       1 main.go:204] ...`) and nginx's error head
 * (`2023/03/08 16:02:40 [error] 31#31: ...`), as their parsers read them; logrus' terminal form
 * (`ERRO[0003] ...`), a dmesg stamp (`[ 1423.035722] ...`), a syslog or journal prefix
 * (`Dec 09 06:46:20 node0 kernel: ...`). No sentence starts like one: a line that does was pasted
 * from a log, not written about it.
 */
const STAMPED = new RegExp(
  `^(?:${[
    String.raw`(?:INFO|WARN|ERRO|FATA|DEBU)\[\d{1,8}\] \S`,
    String.raw`\[\s*\d{1,8}\.\d{6}\] \S`,
    String.raw`[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d [\w.-]{1,64} [\w./-]{1,64}(?:\[\d{1,8}\])?: \S`,
  ].join('|')})`,
);
const isLogLine = (text: string) => STAMPED.test(text) || KLOG.test(text) || NGINX_ERROR.test(text);

/** A line as a post frames a log line in its prose: quoted once (`> `), in inline code. */
function bare(text: string): string {
  const t = text.replace(/^\s*>\s?/, '').trim();
  return t.length > 1 && t.startsWith('`') && t.endsWith('`') ? t.slice(1, -1).trim() : t;
}

/** At most this many runs are taken from one paste (a long post, not a log). */
const MAX_RUNS = 5;

/**
 * The runs of consecutive log lines in a paste no parser reads as a whole (an issue's prose with
 * the error it quotes, a list with a log between its items), each without its quote or inline
 * code, keeping their line numbers; empty when there are none.
 */
export function logLineRuns(lines: Line[]): Line[][] {
  const runs: Line[][] = [];
  let run: Line[] = [];
  for (const l of lines) {
    const text = l.text.length > 20_000 ? '' : bare(l.text);
    if (isLogLine(text)) run.push({ n: l.n, text });
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs.slice(0, MAX_RUNS);
}
