/**
 * OVS in the push transaction: ovs.sh is an idempotent description, re-run to apply it; a
 * restore to a device that had none removes what fabric added (ovs_forget), and is checked
 * against the bridges that existed before the push.
 */
import { stagedAt } from '../steps.js';
import type { StagedFile, TransactionSteps } from '../types.js';

export const OVS_SH = '/etc/fabric/ovs.sh';

const apply = (fail: string) => [
  `if [ -f ${OVS_SH} ]; then`,
  `  sh ${OVS_SH} >> "$dir/log" 2>&1 || ${fail}`,
  'else',
  `  ovs_forget || ${fail}`,
  'fi',
];

export function ovsSteps(files: readonly StagedFile[]): Partial<TransactionSteps> {
  const script = stagedAt(files);
  return {
    validate: script
      ? [
          `sh -n files/${script} || { echo "ovs.sh has a syntax error"; ok=1; }`,
          'ovs-vsctl --no-wait --timeout=5 --dry-run --may-exist add-br br-int > /dev/null 2>&1 || { echo "ovs-vsctl cannot reach ovsdb-server"; ok=1; }',
        ]
      : [],
    reload: apply('return 1'),
    healthy: ['ovs-vsctl --timeout=5 br-exists br-int || down="$down ovs(br-int)"'],
    reloadPrevious: apply('rc=1'),
    healthyPrevious: [
      'for br in $(cat previous/ovs-bridges 2>/dev/null); do',
      '  ovs-vsctl --timeout=5 br-exists "$br" || down="$down ovs($br)"',
      'done',
    ],
    backup: ['ovs-vsctl --bare --columns=name list bridge > previous/ovs-bridges 2>/dev/null || :'],
    functions: [
      '# ovs_forget: after restoring a device that had no OVS description, remove what fabric added:',
      '# its managed ports (and their VXLAN devices) and any bridge that did not exist before',
      'ovs_forget() {',
      '  for port in $(ovs-vsctl --bare --columns=name find port external_ids:fabric=managed); do',
      '    ovs-vsctl --if-exists del-port "$port"',
      '    case "$port" in vxlan*) ip link del dev "$port" 2>/dev/null || true ;; esac',
      '  done',
      '  for br in $(ovs-vsctl list-br); do',
      '    grep -qx "$br" previous/ovs-bridges 2>/dev/null || ovs-vsctl --if-exists del-br "$br"',
      '  done',
      '}',
    ],
  };
}
