/**
 * FRR in the push transaction: `vtysh -C` checks a staged frr.conf; FRR restarts when its
 * daemons file changes what runs (decided by the caller from the device's current file:
 * push/frr-daemons.ts), and frr-reload.py applies a new frr.conf in place otherwise.
 */
import { stagedAt } from '../steps.js';
import type { StagedFile, TransactionDecisions, TransactionSteps } from '../types.js';
import { FRR_CONF } from './paths.js';

const RELOAD = `/usr/lib/frr/frr-reload.py --reload ${FRR_CONF} >> "$dir/log" 2>&1`;

/**
 * After FRR (re)starts: a router solicitation (RFC 4861 4.1) on every interface with a BGP
 * unnumbered neighbor, twice. zebra learns a neighbor's link-local address, which unnumbered
 * BGP connects to, only from its router advertisements; its neighbors send those every
 * `ra-interval` (10 s with BGP unnumbered), but answer a solicitation at once (zebra's fast
 * retransmit). Without it a restarted FRR waited 0–10 s per session, and the health gate with
 * it: 7–9.5 s for one hypervisor's two sessions. python3 is there wherever frr-reload.py is.
 */
const SOLICIT: string[] = [
  'frr_solicit() {',
  `  ifaces=$(sed -n 's/^ *neighbor \\([^ ]*\\) interface.*/\\1/p' ${FRR_CONF} 2>/dev/null | sort -u)`,
  '  [ -n "$ifaces" ] || return 0',
  "  for i in $(seq 40); do vtysh -c 'show bgp summary json' > /dev/null 2>&1 && break; sleep 0.25; done",
  '  for i in 1 2; do',
  `    python3 - $ifaces >> "$dir/log" 2>&1 <<'EOF' || :`,
  'import socket, sys',
  'for name in sys.argv[1:]:',
  '    try:',
  '        i = socket.if_nametoindex(name)',
  '        s = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6)',
  '        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_HOPS, 255)',
  '        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, i)',
  '        s.sendto(bytes([133, 0, 0, 0, 0, 0, 0, 0]), ("ff02::2", 0, 0, i))',
  '    except OSError as e:',
  '        print("router solicitation on %s: %s" % (name, e))',
  'EOF',
  '    sleep 0.5',
  '  done',
  '}',
];

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
      ? ['systemctl restart frr || return 1', 'frr_solicit']
      : [
          'if ! systemctl is-active --quiet frr; then',
          '  systemctl start frr || return 1',
          '  frr_solicit',
          ...(conf ? ['else', `  ${RELOAD} || return 1`] : []),
          'fi',
        ],
    functions: SOLICIT,
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
