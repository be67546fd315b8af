/** The verify report for people (a table per kind, then every failure) and for machines. */
import { FAMILIES, familyOf } from '../verify/checks/family.js';
import { CHECKS } from '../verify/checks/index.js';
import type { CheckIndex, CheckSpec, ExpectationBase } from '../verify/checks/spec.js';
import type { VerifyResult } from '../verify/run.js';
import { type JunitSuite, junitXml } from './junit.js';
import { table } from './table.js';

type Result = VerifyResult<ExpectationBase>;

/** The results of each kind, in the index's order (the underlay first, the service path last). */
function byKind(
  results: readonly Result[],
  index: CheckIndex = CHECKS,
): [CheckSpec<ExpectationBase>, Result[]][] {
  return index.flatMap((spec) => {
    const rs = results.filter((r) => r.expectation.kind === spec.kind);
    return rs.length ? [[spec, rs] as [CheckSpec<ExpectationBase>, Result[]]] : [];
  });
}

export function verifyText(
  site: string,
  results: readonly Result[],
  seconds: number,
  all = false,
  index: CheckIndex = CHECKS,
): string {
  const failed = results.filter((r) => !r.ok);
  const lines: string[] = [];
  lines.push(
    table(
      ['CHECK', 'PASSED', 'FAILED', 'WHAT'],
      byKind(results, index).map(([spec, rs]) => [
        spec.kind,
        `${rs.filter((r) => r.ok).length}/${rs.length}`,
        rs.filter((r) => !r.ok).length || '-',
        spec.describes,
      ]),
    ),
  );
  const shown = all ? results : failed;
  if (shown.length) {
    lines.push('', all ? 'ALL CHECKS' : 'FAILED');
    lines.push(
      table(
        ['RESULT', 'CHECK', 'DEVICE', 'EXPECTED', 'SEEN'],
        shown.map((r) => [
          r.ok ? 'ok' : 'FAIL',
          r.expectation.kind,
          r.expectation.device,
          r.expectation.title,
          r.detail,
        ]),
      ),
    );
  }
  lines.push(
    '',
    `verify ${site}: ${results.length} checks, ${results.length - failed.length} passed, ${failed.length} failed (${seconds.toFixed(1)} s)`,
  );
  const families = byFamily(results);
  if (families.length > 1)
    lines.push(
      `verify ${site}: by family: ${families.map(([f, rs]) => `${f === 'ipv6' ? 'IPv6' : 'IPv4'} ${rs.filter((r) => r.ok).length}/${rs.length} pass`).join(', ')}`,
    );
  return lines.join('\n');
}

/** The results of each address family that has any, IPv4 first (an IPv4-only site has one). */
function byFamily(results: readonly Result[]): [string, Result[]][] {
  return FAMILIES.flatMap((f) => {
    const rs = results.filter((r) => familyOf(r.expectation) === f);
    return rs.length ? [[f, rs] as [string, Result[]]] : [];
  });
}

/**
 * Progress of the polling rounds: a line when the number of passing checks changes (checks that
 * pass are not tried again, so that is the state), and a last line for the final round when it
 * changed nothing, never one identical line per round.
 */
export class RoundReporter {
  private lastPassed = -1;
  private lastPrinted = 0;
  private last?: { round: number; passed: number; total: number };

  constructor(
    private readonly site: string,
    private readonly print: (line: string) => void,
  ) {}

  readonly onRound = (round: number, passed: number, total: number): void => {
    this.last = { round, passed, total };
    if (passed === this.lastPassed) return;
    this.lastPassed = passed;
    this.lastPrinted = round;
    this.print(`verify ${this.site}: round ${round}: ${passed}/${total} checks pass`);
  };

  /** After the last round: say how long the state stood still, if it did. */
  finish(): void {
    const l = this.last;
    if (!l || l.round === this.lastPrinted) return;
    const rounds = l.round - this.lastPrinted;
    this.print(
      `verify ${this.site}: round ${l.round}: ${l.passed}/${l.total} checks pass (no change in the last ${rounds} round${rounds === 1 ? '' : 's'})`,
    );
  }
}

export function verifyJson(site: string, results: readonly Result[], seconds: number): object {
  return {
    site,
    ok: results.every((r) => r.ok),
    seconds,
    checks: results.length,
    failed: results.filter((r) => !r.ok).length,
    results: results.map((r) => ({
      id: r.expectation.id,
      kind: r.expectation.kind,
      family: familyOf(r.expectation),
      device: r.expectation.device,
      expected: r.expectation.title,
      ok: r.ok,
      seen: r.detail,
      attempts: r.attempts,
      seconds: r.seconds,
    })),
  };
}

export function verifyJunit(site: string, results: readonly Result[], index: CheckIndex = CHECKS): string {
  const suites: JunitSuite[] = byKind(results, index).map(([{ kind }, rs]) => ({
    name: `${site}.${kind}`,
    cases: rs.map((r) => ({
      name: r.expectation.title,
      classname: `${site}.${kind}.${r.expectation.device}`,
      ok: r.ok,
      message: r.detail,
      seconds: r.seconds,
    })),
  }));
  return junitXml(`fabric verify ${site}`, suites);
}
