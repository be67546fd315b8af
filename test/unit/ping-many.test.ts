/**
 * The batched pinger of `loopbacks-reachable` (src/verify/checks/ping-many.ts): the script is run
 * for real against this machine's loopback addresses (127/8 answers on lo), and its output read.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { answeredPings, pingManyScript } from '../../src/verify/checks/ping-many.js';

const run = (script: string): string =>
  execFileSync('/bin/sh', ['-c', script], { encoding: 'utf8', stdio: 'pipe' });

describe('pingManyScript', () => {
  it('GIVEN loopback targets THEN every one answers, in one process, one line each', () => {
    const targets = ['127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.44'];
    const out = run(pingManyScript('127.0.0.1', targets));
    expect([...answeredPings(out)].sort()).toEqual(targets);
    expect(out.trim().split('\n')).toHaveLength(targets.length);
  });

  it('GIVEN no time to wait THEN no target counts as answered', () => {
    const out = run(pingManyScript('127.0.0.1', ['127.0.0.1', '127.0.0.2'], 0));
    expect(answeredPings(out).size).toBe(0);
    expect(out.trim().split('\n').sort()).toEqual(['fail 127.0.0.1', 'fail 127.0.0.2']);
  });

  it('GIVEN a source address this machine does not have THEN it exits non-zero and prints no answer', () => {
    let failed = false;
    try {
      run(pingManyScript('192.0.2.254', ['127.0.0.1']));
    } catch (e) {
      failed = true;
      expect(answeredPings(String((e as { stdout: string }).stdout)).size).toBe(0);
    }
    expect(failed).toBe(true);
  });
});

describe('answeredPings', () => {
  it('reads only the ok lines', () => {
    expect([
      ...answeredPings('ok 10.0.0.1\nfail 10.0.0.2\nfail 10.0.0.3 Network is unreachable\nok 10.0.0.4\n'),
    ]).toEqual(['10.0.0.1', '10.0.0.4']);
  });
});

describe('pingManyScript over IPv6 (issue 14)', () => {
  it('GIVEN an IPv6 source THEN it sends ICMPv6 echoes: ::1 answers, an unroutable address does not', () => {
    const out = run(pingManyScript('::1', ['::1', '2001:db8::1']));
    expect([...answeredPings(out)]).toEqual(['::1']);
    expect(out).toMatch(/^fail 2001:db8::1\b/m);
    expect(out.trim().split('\n')).toHaveLength(2);
  });
});
