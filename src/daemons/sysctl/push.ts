/**
 * Kernel settings in the push transaction: every key of the staged file must exist on the device
 * (under /proc/sys), the file is applied with `sysctl -p`, and healthy means every value it sets
 * is live. The live values of its keys are saved first, so a restore puts them back (restoring
 * the file alone would leave the new values in the kernel).
 */
import { stagedAt } from '../steps.js';
import type { StagedFile, TransactionSteps } from '../types.js';

export const SYSCTL_CONF = '/etc/sysctl.d/90-fabric.conf';

/** The live values of the staged file's keys before the push, as a file `sysctl -p` reads. */
const PREVIOUS = 'previous/sysctl-values';

const FUNCTIONS = [
  '# sysctl_keys FILE: the keys a sysctl.conf sets',
  'sysctl_keys() { sed -n \'s/^[[:space:]]*\\([^#;[:space:]][^=[:space:]]*\\)[[:space:]]*=.*/\\1/p\' "$1"; }',
  '# sysctl_missing FILE: the keys this kernel does not have (no file under /proc/sys)',
  'sysctl_missing() {',
  '  for sysctl_k in $(sysctl_keys "$1"); do',
  '    [ -e "/proc/sys/$(printf \'%s\' "$sysctl_k" | tr . /)" ] || printf \' %s\' "$sysctl_k"',
  '  done',
  '}',
  '# sysctl_each FILE FN: FN for each setting of FILE that is not live, with $sysctl_k and $sysctl_v set',
  'sysctl_each() {',
  '  while IFS= read -r sysctl_line; do',
  '    case "$sysctl_line" in "" | "#"* | ";"*) continue ;; esac',
  "    sysctl_k=$(printf '%s\\n' \"$sysctl_line\" | sed 's/=.*//; s/[[:space:]]//g')",
  "    sysctl_v=$(printf '%s\\n' \"$sysctl_line\" | sed 's/^[^=]*=//; s/[[:space:]][[:space:]]*/ /g; s/^ //; s/ $//')",
  '    [ "$(sysctl -n "$sysctl_k" 2>/dev/null | sed \'s/[[:space:]][[:space:]]*/ /g\')" = "$sysctl_v" ] || "$2"',
  '  done < "$1"',
  '}',
  '# sysctl_differ FILE: the keys whose live value is not the one FILE sets',
  'sysctl_differ() { sysctl_each "$1" sysctl_name; }',
  'sysctl_name() { printf \' %s\' "$sysctl_k"; }',
  '# sysctl_restore FILE: write back only what differs (a setting the kernel refuses was never changed)',
  'sysctl_restore() { sysctl_rc=0; sysctl_each "$1" sysctl_write; return $sysctl_rc; }',
  'sysctl_write() { sysctl -q -w "$sysctl_k=$sysctl_v" > /dev/null || sysctl_rc=1; }',
];

export function sysctlSteps(files: readonly StagedFile[]): Partial<TransactionSteps> {
  // its one file (its target is SYSCTL_CONF on a device)
  const staged = stagedAt(files);
  const check = (file: string, down: string) => [
    `sysctl_d=$(sysctl_differ ${file}); [ -z "$sysctl_d" ] || ${down}`,
  ];
  return {
    validate: staged
      ? [
          `sysctl_m=$(sysctl_missing files/${staged}); [ -z "$sysctl_m" ] || { echo "sysctl.conf: no such kernel setting on this device:$sysctl_m"; ok=1; }`,
        ]
      : [],
    backup: staged ? [`sysctl -e $(sysctl_keys files/${staged}) > ${PREVIOUS} 2>/dev/null || :`] : [],
    reload: [`sysctl -q -p ${SYSCTL_CONF} > /dev/null || return 1`],
    healthy: check(SYSCTL_CONF, 'down="$down sysctl($sysctl_d )"'),
    reloadPrevious: [`if [ -s ${PREVIOUS} ]; then sysctl_restore ${PREVIOUS} || rc=1; fi`],
    healthyPrevious: [
      `if [ -s ${PREVIOUS} ]; then`,
      ...check(PREVIOUS, 'down="$down sysctl($sysctl_d )"').map((l) => `  ${l}`),
      'fi',
    ],
    functions: FUNCTIONS,
  };
}
