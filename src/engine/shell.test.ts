import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fillTemplate, shellQuote } from './shell';

describe('shell quoting', () => {
  it('leaves plain words alone and quotes the rest', () => {
    expect(shellQuote('31710')).toBe('31710');
    expect(shellQuote('k8s-node03.example.com')).toBe('k8s-node03.example.com');
    expect(shellQuote("a b'c")).toBe(`'a b'\\''c'`);
    expect(shellQuote('')).toBe("''");
  });

  it('round-trips any string through a real sh', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !s.includes('\0')),
        (s) => {
          expect(execFileSync('sh', ['-c', `printf %s ${shellQuote(s)}`]).toString()).toBe(s);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('fills placeholders, marking missing values visibly', () => {
    expect(fillTemplate('ss -ltn sport = :{port} on {node}', { port: '31710' })).toBe(
      'ss -ltn sport = :31710 on <NODE>',
    );
    expect(fillTemplate('echo {x}', { x: '$(reboot)' })).toBe("echo '$(reboot)'");
  });

  it("leaves curl's own %{variables} alone", () => {
    expect(fillTemplate("curl -w '%{http_code}\\n' http://h:{port}/", { port: '31710' })).toBe(
      "curl -w '%{http_code}\\n' http://h:31710/",
    );
  });
});
