/** The push report for people (src/report/push.ts), from the report data alone. */
import { describe, expect, it } from 'vitest';
import type { PushReport } from '../../src/push/report.js';
import { emptyReport } from '../../src/push/result.js';
import { pushText } from '../../src/report/push.js';

function report(patch: Partial<PushReport>): PushReport {
  return { ...emptyReport('idc-a', '20261201T000000Z-abcd', false), ...patch };
}

const failure = (i: number, blamed: string[]) => ({
  id: `bgp-session|leaf1a|${i}`,
  expected: `leaf1a BGP session ${i} Established`,
  seen: 'Active',
  passedBefore: true,
  blamed,
});

describe('push text report', () => {
  it('GIVEN a dry run THEN the waves, what keeps devices apart, the diffs, the changing devices only, and the summary line', () => {
    const text = pushText(
      report({
        dryRun: true,
        result: 'planned',
        message: 'dry run: 1 of 2 devices change, in 1 wave; nothing was changed',
        waves: [{ index: 1, devices: ['leaf1a'], gate: null }],
        constraints: ['leaf-pair-r1: at most 1 of leaf1a, leaf1b at once, so leaf1b not with leaf1a'],
        devices: [
          {
            device: 'leaf1a',
            status: 'planned',
            wave: 1,
            changes: ['/etc/frr/frr.conf'],
            config: 'untouched',
            detail: '',
          },
          { device: 'leaf1b', status: 'unchanged', wave: null, changes: [], config: 'untouched', detail: '' },
        ],
        diffs: [{ device: 'leaf1a', target: '/etc/frr/frr.conf', diff: '--- a\n+++ b\n' }],
      }),
      true,
    );
    expect(text.split('\n')).toEqual([
      'wave plan (1 wave):',
      '  1. leaf1a',
      'kept apart:',
      '  leaf-pair-r1: at most 1 of leaf1a, leaf1b at once, so leaf1b not with leaf1a',
      '--- a',
      '+++ b',
      'DEVICE  WAVE  STATUS   CONFIG     CHANGES            DETAIL',
      'leaf1a  1     planned  untouched  /etc/frr/frr.conf',
      'push idc-a 20261201T000000Z-abcd: planned: dry run: 1 of 2 devices change, in 1 wave; nothing was changed (0 s: read 0, stage 0, validate 0, apply 0, gates 0)',
    ]);
  });

  it('GIVEN a push (not a dry run) without --diff THEN no constraints and no diffs are printed', () => {
    const text = pushText(
      report({
        waves: [{ index: 1, devices: ['leaf1a'], gate: null }],
        constraints: ['leaf-pair-r1: …'],
        diffs: [{ device: 'leaf1a', target: '/etc/frr/frr.conf', diff: '--- a\n+++ b\n' }],
      }),
      false,
    );
    expect(text).not.toContain('kept apart');
    expect(text).not.toContain('+++ b');
  });

  it('GIVEN a gate with 25 failures THEN the first 20 are named, each with whom it is laid to, and --json is pointed to', () => {
    const failures = Array.from({ length: 25 }, (_, i) => failure(i, i === 0 ? ['leaf1a'] : []));
    const text = pushText(
      report({
        result: 'failed',
        waves: [{ index: 1, devices: ['leaf1a'], gate: { ok: false, checks: 30, seconds: 15, failures } }],
      }),
      false,
    );
    expect(text).toContain('gate after wave 1: 5/30 checks pass (15.0 s)');
    expect(text).toContain('  (the first 20 of 25 failures; --json lists them all)');
    expect(text).toContain('  FAIL leaf1a BGP session 0 Established: Active (laid to leaf1a)');
    expect(text).toContain(
      "  FAIL leaf1a BGP session 19 Established: Active (involves none of the wave's devices)",
    );
    expect(text).not.toContain('session 20 ');
  });
});
