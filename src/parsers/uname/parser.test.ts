import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toLines } from '../../engine/lines';
import { factsOf } from '../../testing/facts';
import { parsePaste } from '../registry';
import { uname } from './parser';

const local = (p: string) => readFileSync(new URL(`./fixtures/${p}`, import.meta.url), 'utf8');
const one = (text: string) => {
  const rs = parsePaste(text, 'x');
  expect(rs).toHaveLength(1);
  return rs[0]!;
};

describe('uname', () => {
  it('uname -a on CentOS 7.7', () => {
    const f = factsOf(one(local('uname--a-centos77-jc.txt')), 'uname');
    expect(f.release).toMatchObject({ value: '3.10.0-1062.1.2.el7.x86_64', line: 1 });
    expect(f.version).toEqual({ major: 3, minor: 10, patch: 0 });
    expect(f).toMatchObject({ host: 'localhost.localdomain', machine: 'x86_64' });
  });

  it('uname -r, with or without the prompt, and /proc/version', () => {
    expect(factsOf(one('3.10.0-1062.el7.x86_64'), 'uname').version.major).toBe(3);
    expect(factsOf(one('$ uname -r\n5.4.0'), 'uname').release.value).toBe('5.4.0');
    const p = factsOf(
      one(
        'Linux version 5.15.0-91-generic (buildd@lcy02-amd64-045) (gcc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0) #101-Ubuntu SMP Tue Nov 14 13:30:08 UTC 2023',
      ),
      'uname',
    );
    expect(p.version).toEqual({ major: 5, minor: 15, patch: 0 });
  });

  it('a bare version without the command is not a kernel', () => {
    expect(uname.detect(toLines('1.2.3'), { command: null })).toBe(false);
    expect(uname.detect(toLines('v1.17.4'), { command: 'kubectl version' })).toBe(false);
  });
});
