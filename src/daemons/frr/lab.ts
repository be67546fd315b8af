/**
 * FRR in a lab node: up when watchfrr and zebra run. An enabled daemon that cannot run on this
 * machine (ldpd without MPLS) is reported in the detail, not as a failure of the node.
 */
import type { LabProbe } from '../types.js';
import { FRR_DAEMONS_FILE } from './paths.js';

/** FRR's daemons in frrcommon.sh order; zebra and staticd always run (FRR 8.4). */
const FRR_DAEMONS = [
  'zebra',
  'bgpd',
  'ripd',
  'ripngd',
  'ospfd',
  'ospf6d',
  'isisd',
  'babeld',
  'pimd',
  'pim6d',
  'ldpd',
  'nhrpd',
  'eigrpd',
  'sharpd',
  'pbrd',
  'staticd',
  'bfdd',
  'fabricd',
  'vrrpd',
  'pathd',
];

export function frrLabStatus({ has, readFile, reported }: LabProbe): { up: boolean; detail: string } {
  const daemonsFile = readFile(FRR_DAEMONS_FILE) ?? '';
  const enabled = FRR_DAEMONS.filter(
    (d) => d === 'zebra' || d === 'staticd' || new RegExp(`^${d}=(?!no\\b|0\\b)\\S`, 'm').test(daemonsFile),
  );
  const missing = ['watchfrr', ...enabled].filter((d) => !has(d));
  const up = has('watchfrr') && has('zebra');
  let detail = missing.length ? `not running: ${missing.join(' ')}` : 'ok';
  const why = /\(([^)]*MPLS[^)]*)\)/.exec(reported)?.[1];
  if (missing.includes('ldpd') && why) detail += ` (${why})`;
  return { up, detail };
}
