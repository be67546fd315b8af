/**
 * How long a VRRP pair's virtual addresses are held by nobody when its master fails: silently
 * (the backup's Master_Down_Interval) or by a tracked script (a priority-0 advert). The formulas of
 * the VRRP budgets (budgets.ts); pure.
 */
import type { VrrpScript } from '../model/types.js';

/** The backup's skew time, s: (256 − priority) / 256 of an advert (v3) or of a second (v2). */
function skewS(version: 2 | 3, advertS: number, backupPriority: number): number {
  return ((256 - backupPriority) / 256) * (version === 3 ? advertS : 1);
}

/**
 * The backup's Master_Down_Interval (RFC 5798 section 6.1; RFC 3768 section 6.1 for v2):
 * 3 × advert + skew.
 */
export function vrrpMasterDownMs(version: 2 | 3, advertS: number, backupPriority: number): number {
  return Math.ceil((3 * advertS + skewS(version, advertS, backupPriority)) * 1000);
}

/**
 * A master whose tracked script fails: keepalived notices at the script's `fall`-th failed run,
 * the first at most `interval` after the failure, then sends a priority-0 advert, on which the
 * backup takes over after its skew time (RFC 5798 section 6.4.2).
 */
export function vrrpScriptFaultMs(
  script: Pick<VrrpScript, 'interval' | 'fall'>,
  version: 2 | 3,
  advertS: number,
  backupPriority: number,
): number {
  return Math.ceil((script.interval * script.fall + skewS(version, advertS, backupPriority)) * 1000);
}
