/**
 * FRR in the push transaction: `vtysh -C` checks a staged frr.conf; FRR restarts when its
 * daemons file changes what runs (decided by the caller from the device's current file:
 * push/frr-daemons.ts), and frr-reload.py applies a new frr.conf in place otherwise.
 */
import { stagedAt } from '../steps.js';
import type { StagedFile, TransactionDecisions, TransactionSteps } from '../types.js';
import { FRR_CONF } from './paths.js';

const RELOAD = `/usr/lib/frr/frr-reload.py --reload ${FRR_CONF} >> "$dir/log" 2>&1`;

export function frrSteps(
  files: readonly StagedFile[],
  decided: TransactionDecisions,
): Partial<TransactionSteps> {
  const conf = stagedAt(files, FRR_CONF);
  const restart = decided.frrRestart;
  return {
    validate: conf
      ? [
          `vtysh -C -f files/${conf} > validate-frr.out 2>&1 || { echo "frr.conf rejected by vtysh -C: $(grep -m1 -i -E 'line|error|unknown' validate-frr.out)"; ok=1; }`,
        ]
      : [],
    reload: restart
      ? ['systemctl restart frr || return 1']
      : [
          'if ! systemctl is-active --quiet frr; then',
          '  systemctl start frr || return 1',
          ...(conf ? ['else', `  ${RELOAD} || return 1`] : []),
          'fi',
        ],
    healthy: [`vtysh -c 'show version' > /dev/null 2>&1 || down="$down frr"`],
    reloadPrevious: [
      'if was_active frr; then',
      ...(restart
        ? ['  systemctl restart frr || rc=1']
        : [
            `  if [ -f ${FRR_CONF} ] && systemctl is-active --quiet frr; then`,
            `    ${RELOAD} || rc=1`,
            '  else',
            '    # no file to reload from (or FRR not running): start it as it was',
            '    systemctl restart frr || rc=1',
            '  fi',
          ]),
      'else',
      '  systemctl stop frr > /dev/null 2>&1 || :',
      'fi',
    ],
    healthyPrevious: [
      `if was_active frr; then vtysh -c 'show version' > /dev/null 2>&1 || down="$down frr"; fi`,
    ],
  };
}
