/**
 * What a running site must show, derived from the compiled model (and the routing simulation
 * over it), never from a hand-written list. Each expectation names the device it is checked on
 * and says in plain words what it expects, so a failure names what is wrong. The kinds live in
 * `checks/`, one module each, listed by `checks/index.ts`.
 */
import type { DeepReadonly } from '../model/freeze.js';
import type { SiteModel } from '../model/types.js';
import { CHECKS, type DeriveOptions, deriveChecks, type Expectation } from './checks/index.js';
import type { ExpectationBase } from './checks/spec.js';

export type { BfdPeer } from './checks/bfd-peer.js';
export type { BgpIdentity } from './checks/bgp-identity.js';
export type { BgpSession } from './checks/bgp-session.js';
export type { Ecmp } from './checks/ecmp.js';
export type { HaproxyBackends } from './checks/haproxy-backends.js';
export type { HttpPath } from './checks/http-path.js';
export type { Expectation } from './checks/index.js';
export type { LoopbacksReachable } from './checks/loopbacks-reachable.js';
export type { OverlayPing } from './checks/overlay-ping.js';
export type { ExpectationBase } from './checks/spec.js';
export type { VipAnswers } from './checks/vip-answers.js';
export type { VrrpMaster } from './checks/vrrp-master.js';
export type { VxlanTunnels } from './checks/vxlan-tunnels.js';

export type ExpectationKind = Expectation['kind'];

/** Order in which kinds are reported: the underlay first, the service path last. */
export const KIND_ORDER: readonly ExpectationKind[] = CHECKS.map((c) => c.kind);

/** Every expectation of the site (of the fabric left when `opts.down` has failed). */
export function deriveExpectations<E extends ExpectationBase = Expectation>(
  site: DeepReadonly<SiteModel>,
  opts: DeriveOptions<E> = {},
): E[] {
  return deriveChecks(site, opts);
}
