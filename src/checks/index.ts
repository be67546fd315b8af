/**
 * Semantic and redundancy checks of a compiled site. Every check returns located findings and
 * never throws; all run, so one validate shows every problem at once.
 */
import type { SiteFacts } from '../compile/facts.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { ADDRESS_FAMILIES } from '../model/address.js';
import type { SiteModel } from '../model/types.js';
import { checkAddressesInPools, checkDuplicateAddresses, checkOverlaps } from './addressing.js';
import { checkBudgets, checkVrrpTimers } from './budgets.js';
import {
  checkGeneratedNames,
  checkInterfaceSettings,
  checkMgmtInterface,
  checkMtu,
  checkPorts,
  checkVxlanMtu,
} from './cabling.js';
import { checkClusters } from './clusters.js';
import type { Check } from './context.js';
import { checkDataServices } from './data.js';
import { checkHealthChecks } from './health-checks.js';
import { checkHostAddresses } from './host-addresses.js';
import { checkAsns, checkDuplicateIds, checkRouterIds } from './identity.js';
import { checkListeners, checkVipPorts } from './listeners.js';
import { checkPublicVips } from './public-vips.js';
import { checkDualHoming, checkRedundancyGroups } from './redundancy.js';
import { checkRateLimits, checkSegments, checkVipFamilies, checkVrrp } from './services.js';
import { checkSinglePointsOfFailure } from './single-points.js';

/** In the order findings are printed: identity first, since a duplicate id explains later collisions. */
const CHECKS: Check[] = [
  checkDuplicateIds,
  checkRouterIds,
  checkAsns,
  // the addressing checks once per family, IPv4's findings first
  ...ADDRESS_FAMILIES.flatMap((f) => [
    checkDuplicateAddresses(f),
    checkOverlaps(f),
    checkAddressesInPools(f),
  ]),
  checkHostAddresses,
  checkPorts,
  checkMgmtInterface,
  checkGeneratedNames,
  checkMtu,
  checkVxlanMtu,
  checkInterfaceSettings,
  checkSegments,
  checkVrrp,
  checkVrrpTimers,
  checkListeners,
  checkVipPorts,
  checkVipFamilies,
  checkPublicVips,
  checkRateLimits,
  checkHealthChecks,
  checkDataServices,
  checkRedundancyGroups,
  checkDualHoming,
  checkClusters,
  checkBudgets,
];

export function checkSite(
  facts: SiteFacts,
  site: SiteModel,
  opts: { singlePoints?: boolean } = {},
): Diagnostic[] {
  const ids = new Map<number, string[]>();
  for (const d of facts.devices.values()) ids.set(d.id, [...(ids.get(d.id) ?? []), d.name]);
  const duplicateIds = new Set([...ids.values()].filter((names) => names.length > 1).flat());
  const ctx = { facts, site, duplicateIds };
  const findings = CHECKS.flatMap((check) => check(ctx));
  // N-1 of a model the checks found wrong would analyse the mistake: only on a clean site
  if (!opts.singlePoints || findings.some((f) => f.severity === 'error')) return findings;
  return [...findings, ...checkSinglePointsOfFailure(ctx)];
}
