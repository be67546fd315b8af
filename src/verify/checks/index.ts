/**
 * The index of check kinds (anchor: AVD's `_anta/index.py`): every kind `fabric` checks, one
 * module each, in the order reports list them. Verify, the push gates, drift and the reports
 * loop over it; each takes an index as a parameter (this one by default), so a kind added to a
 * copy of it (a test's toy kind) reaches all of them. Recipe: docs/architecture.md, "How to add
 * a check kind".
 */
import type { DeepReadonly } from '../../model/freeze.js';
import type { SiteModel } from '../../model/types.js';
import { type Down, failedDevices, isIntact, NOTHING_DOWN } from '../down.js';
import { type RoutingExpectation, simulateRouting } from '../routing.js';
import type { SharedInternet } from '../shared-internet.js';
import { anycastAnnounce } from './anycast-announce.js';
import { bfdPeer } from './bfd-peer.js';
import { bgpFiltered } from './bgp-filtered.js';
import { bgpIdentity } from './bgp-identity.js';
import { bgpSession } from './bgp-session.js';
import { conditionalAdvertisement } from './conditional-advertisement.js';
import { dataBackends } from './data-backends.js';
import { ecmp } from './ecmp.js';
import { etcdHealth } from './etcd-health.js';
import { gslbAnswers } from './gslb-answers.js';
import { haproxyBackends } from './haproxy-backends.js';
import { httpPath } from './http-path.js';
import { kernelEcmp } from './kernel-ecmp.js';
import { loopbacksReachable } from './loopbacks-reachable.js';
import { overlayPing } from './overlay-ping.js';
import { patroniCluster } from './patroni-cluster.js';
import { pgReplication } from './pg-replication.js';
import { rabbitmqCluster } from './rabbitmq-cluster.js';
import { replicaLag } from './replica-lag.js';
import { sentinelView } from './sentinel-view.js';
import type { CheckIndex, CheckSpec, DeriveContext, ExpectationBase } from './spec.js';
import { vipAnswers } from './vip-answers.js';
import { vrrpMaster } from './vrrp-master.js';
import { vxlanTunnels } from './vxlan-tunnels.js';

// the underlay first, the service path last
const KINDS = [
  bgpIdentity,
  bgpSession,
  bfdPeer,
  bgpFiltered,
  conditionalAdvertisement,
  ecmp,
  kernelEcmp,
  loopbacksReachable,
  vxlanTunnels,
  vrrpMaster,
  anycastAnnounce,
  haproxyBackends,
  dataBackends,
  sentinelView,
  replicaLag,
  pgReplication,
  patroniCluster,
  etcdHealth,
  rabbitmqCluster,
  gslbAnswers,
  overlayPing,
  vipAnswers,
  httpPath,
] as const;

/** An expectation of any kind of the index, discriminated by `kind`. */
export type Expectation = ReturnType<(typeof KINDS)[number]['derive']>[number];

export const CHECKS: CheckIndex<Expectation> = KINDS;

/** The tools that run checks (`CheckSpec.runs`). */
export type CheckTool = keyof CheckSpec<ExpectationBase>['runs'];

export interface DeriveOptions<E extends ExpectationBase> {
  /** Failed devices and links: the expectations of the fabric that is left. @default nothing */
  down?: Down;
  /** @default CHECKS */
  index?: CheckIndex<E>;
  /** Only the kinds this tool runs. @default every kind */
  tool?: CheckTool;
  /**
   * The intact fabric's simulated routing, when the caller has it already (`fabric whatif` runs
   * one scenario after another). @default simulated here
   */
  intact?: RoutingExpectation;
  /**
   * The lab's shared internet, when the site is verified in a lab of several sites
   * (src/verify/shared-internet.ts). @default the site's own upstreams
   */
  sharedInternet?: SharedInternet;
  /**
   * The sites the lab runs, when the checks run in a lab (verify, `lab up --wait`): a GSLB server
   * there reaches only their VIPs. @default every site (real devices: drift)
   */
  labSites?: readonly string[];
}

/** The real index, typed for a caller that passes its own kinds' type. */
function indexOr<E extends ExpectationBase>(index: CheckIndex<E> | undefined): CheckIndex<E> {
  return index ?? (CHECKS as unknown as CheckIndex<E>);
}

/** Per site: its devices by name and their positions (a site never changes once compiled). */
const lookups = new WeakMap<DeepReadonly<SiteModel>, Pick<DeriveContext, 'byName' | 'position'>>();

export function lookupsOf(site: DeepReadonly<SiteModel>): Pick<DeriveContext, 'byName' | 'position'> {
  let l = lookups.get(site);
  if (!l) {
    l = {
      byName: new Map(site.devices.map((d) => [d.name, d])),
      position: new Map(site.devices.map((d, i) => [d.name, i])),
    };
    lookups.set(site, l);
  }
  return l;
}

/** What every kind's derivation shares: the model, what is down, and the routing simulation. */
export function deriveContext(
  site: DeepReadonly<SiteModel>,
  down: Down = NOTHING_DOWN,
  intact: RoutingExpectation = simulateRouting(site),
  sharedInternet?: SharedInternet,
  labSites?: readonly string[],
): DeriveContext {
  const failed = failedDevices(site, down);
  return {
    site,
    ...lookupsOf(site),
    down,
    degraded: !isIntact(down),
    isDown: (name) => failed.has(name),
    routing: isIntact(down) ? intact : simulateRouting(site, down),
    intact,
    ...(sharedInternet ? { sharedInternet } : {}),
    ...(labSites ? { labSites: new Set(labSites) } : {}),
  };
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -Infinity) - (b[i] ?? -Infinity);
    if (d) return d;
  }
  return 0;
}

/**
 * What a running site must show, derived from the compiled model (and the routing simulation
 * over it), for the fabric left when `down` has failed: a failed device's checks disappear, its
 * peers lose their sessions to it, ECMP narrows, routes through it vanish, a VRRP backup becomes
 * master. A check that disappears while the device it runs on is up names a service lost.
 */
export function deriveChecks<E extends ExpectationBase = Expectation>(
  site: DeepReadonly<SiteModel>,
  opts: DeriveOptions<E> = {},
): E[] {
  const ctx = deriveContext(site, opts.down, opts.intact, opts.sharedInternet, opts.labSites);
  const listed = indexOr(opts.index)
    .filter((spec) => !opts.tool || spec.runs[opts.tool])
    .flatMap((spec, kindIndex) =>
      spec
        .derive(ctx)
        .map((e, n) => ({ e, key: [spec.stage, ...(spec.sortKey?.(e, ctx) ?? [])], kindIndex, n })),
    );
  listed.sort((a, b) => compareKeys(a.key, b.key) || a.kindIndex - b.kindIndex || a.n - b.n);
  return listed.map((l) => l.e);
}

/** The spec of a kind in an index. */
export function specOf<E extends ExpectationBase>(
  e: Pick<E, 'kind'>,
  index?: CheckIndex<E>,
): CheckSpec<E> | undefined {
  return indexOr(index).find((spec) => spec.kind === e.kind);
}

export { indexOr };
