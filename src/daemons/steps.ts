/**
 * Shell lines several drivers share in the push transaction and the lab: a systemd unit that
 * reloads in place when it runs and starts otherwise, and a daemon that is healthy while its
 * process runs.
 */
import type { LabProbe, TransactionSteps } from './types.js';

/** Reload (or start) the unit after a push, and bring its previous state back on a restore. */
export function reloadableUnit(
  unit: string,
): Pick<TransactionSteps, 'reload' | 'healthy' | 'reloadPrevious' | 'healthyPrevious'> {
  const reloadOrStart = (fail: string) =>
    `if systemctl is-active --quiet ${unit}; then systemctl reload ${unit} || ${fail}; else systemctl start ${unit} || ${fail}; fi`;
  // -x: a daemon that is a script (Patroni runs as `python3 /usr/bin/patroni`) is found by its name too
  const runs = `pidof -x ${unit} > /dev/null`;
  return {
    reload: [reloadOrStart('return 1')],
    healthy: [`${runs} || down="$down ${unit}"`],
    reloadPrevious: [
      `if was_active ${unit}; then`,
      `  ${reloadOrStart('rc=1')}`,
      'else',
      `  systemctl stop ${unit} > /dev/null 2>&1 || :`,
      'fi',
    ],
    healthyPrevious: [`if was_active ${unit}; then ${runs} || down="$down ${unit}"; fi`],
  };
}

/**
 * A unit's reload steps with `systemctl daemon-reload` first when one of its systemd drop-ins is
 * among the staged files: systemd reads a changed drop-in only then.
 */
export function withDropIns(
  files: readonly { n: string; target: string }[],
  dropIns: readonly string[],
  unit: Pick<TransactionSteps, 'reload' | 'reloadPrevious'>,
): Pick<TransactionSteps, 'reload' | 'reloadPrevious'> {
  const changed = dropIns.some((d) => stagedAt(files, d) !== null);
  return {
    reload: [...(changed ? ['systemctl daemon-reload || return 1'] : []), ...(unit.reload ?? [])],
    reloadPrevious: [...(changed ? ['systemctl daemon-reload || rc=1'] : []), ...(unit.reloadPrevious ?? [])],
  };
}

/** Up in a lab node while its one process runs; the node init says why when it is not. */
export function oneProcessStatus(process: string): (probe: LabProbe) => {
  up: boolean;
  detail: string;
  unconfigured?: true;
} {
  return ({ has, reported }) => {
    const up = has(process);
    return {
      up,
      detail: up ? 'ok' : reported,
      ...(!up && reported.startsWith('unconfigured') ? { unconfigured: true as const } : {}),
    };
  };
}

/** The first staged file with this target, or of any target when none is given. */
export function stagedAt(files: readonly { n: string; target: string }[], target?: string): string | null {
  return files.find((f) => target === undefined || f.target === target)?.n ?? null;
}
