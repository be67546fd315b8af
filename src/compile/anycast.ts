/**
 * Health-following route injection (anycast) for services that span sites (issue 11,
 * docs/active-active.md "Anycast: the L4 side"). Runs after the sites' compile, on the sites that
 * a `gslb` service names, like gdnsd: each L4 member of the service's tenant in a site announces
 * the service's VIP to the tenant's vRouters only while keepalived holds it, which it does only
 * while it is VRRP master and every virtual server of the VIP has quorum.
 *
 * No daemon of ours: keepalived's checker runs `quorum_up`/`quorum_down` (one `echo` each) that
 * write a file its VRRP instance tracks (`track_file`, weight 0: FAULT while non-zero); the VIP is
 * a /32 (/128) on the segment's interface, so zebra has a connected host route exactly while
 * keepalived holds it, and bgpd redistributes that route through a prefix-list of the VIPs.
 * keepalived killed with SIGKILL leaves its addresses behind: systemd's `ExecStopPost=` (a drop-in
 * rendered from `stopPost`) deletes them whatever way keepalived ended.
 */

import type { SiteInventory } from '../inventory/merge.js';
import type { FrrModel, PrefixList, RouteMap } from '../model/frr.js';
import type { AnycastAnnouncement, AnycastModel, GslbModel } from '../model/gslb.js';
import type { KeepalivedModel, VrrpTrackFile } from '../model/keepalived.js';
import type { SiteModel } from '../model/site.js';
import type { Device, L4lbAnycastDevice, L4lbDevice, VrouterDevice } from '../model/types.js';
import { parsePrefix } from '../net/ipv4.js';
import { deviceAsn, vrrpInstanceName, vrrpInstanceName6 } from './allocate.js';
import { bfdDetectionMs, l4CheckDetectionMs } from './budgets.js';
import type { AnycastPrefix } from './facts.js';
import { vipCleanup } from './keepalived.js';
import { withFrr } from './roles.js';

/** Default of `gslb.services.<s>.anycast.quorum`: healthy real servers (sum of weights) each virtual server of the VIP needs. */
export const ANYCAST_QUORUM = 1;
/**
 * Default of `gslb.services.<s>.anycast.budget`, ms for an L4 member to stop announcing a VIP it
 * cannot serve: the "traffic served by the other site within 3 s".
 */
export const ANYCAST_BUDGET_MS = 3000;
/** Where the quorum files live on an L4 node: `/run/fabric-anycast.<track file>` (tmpfs, gone at boot). */
export const QUORUM_FILE_PREFIX = '/run/fabric-anycast.';
/** The track file of one virtual server's quorum (`vrrp_track_file` name; the file is QUORUM_FILE_PREFIX + it). */
export function quorumTrackName(vrrpInstance: string, port: number): string {
  return `${vrrpInstance}_${port}_quorum`;
}

/** The L4 node's side: the prefix-list of its VIPs, the redistribution and session route-maps. */
export const L4_NAMES = {
  prefixList: 'ANYCAST-VIPS',
  redistribute: 'ANYCAST-CONNECTED',
  group: 'TENANT-VROUTERS',
  in: 'TENANT-VROUTERS-IN',
  out: 'TENANT-VROUTERS-OUT',
} as const;
/** The vRouter's side: its group of L4 nodes and what it accepts from them (their VIPs only). */
export const VROUTER_NAMES = {
  prefixList: 'ANYCAST-VIPS',
  group: 'L4-ANYCAST',
  in: 'L4-ANYCAST-IN',
  out: 'L4-ANYCAST-OUT',
} as const;

const nothingElse = { seq: 100, action: 'deny', matchPrefixList: null, description: 'nothing else' } as const;

/**
 * The service prefixes (`anycast.prefix`) of the services a site offers, with the tenant whose
 * VIPs are inside (the site's facts: its routers' policies pass them, its edges aggregate them).
 */
export function anycastPrefixes(gslb: GslbModel, site: string): AnycastPrefix[] {
  const out = new Map<string, AnycastPrefix>();
  for (const s of gslb.services) {
    const parsed = s.anycast?.prefix ? parsePrefix(s.anycast.prefix) : undefined;
    if (!parsed || parsed.hostBits) continue; // compileGslb reported it
    for (const m of s.sites)
      if (m.site === site)
        out.set(`${m.tenant} ${parsed.prefix.text}`, { prefix: parsed.prefix, tenant: m.tenant });
  }
  return [...out.values()].sort(
    (a, b) => a.prefix.network - b.prefix.network || a.tenant.localeCompare(b.tenant),
  );
}

/**
 * Each L4 member of a service's tenant, in every compiled site the service names, gets anycast.
 * Returns the members, `<site>/<device>`: they now run FRR too, so what the site compile derived
 * from their daemons (kernel settings, snmpd) must be derived again (`rederived` in site.ts).
 */
export function attachAnycast(
  sites: SiteModel[],
  gslb: GslbModel,
  inventories: readonly SiteInventory[],
): Set<string> {
  const gainedFrr = new Set<string>();
  for (const site of sites) {
    const inv = inventories.find((s) => s.name === site.name);
    const offered = gslb.services.flatMap((s) =>
      s.anycast
        ? s.sites.filter((m) => m.site === site.name).map((m) => ({ service: s.name, ...s.anycast!, ...m }))
        : [],
    );
    if (!inv || offered.length === 0) continue;
    const [first, last] = inv.asns.pool.split('-').map(Number) as [number, number];
    const plan = { edge: 0, spine: 0, superspine: undefined, pool: { first, last } };
    const byTenant = new Map<string, typeof offered>();
    for (const o of offered) byTenant.set(o.tenant, [...(byTenant.get(o.tenant) ?? []), o]);
    for (const [tenant, services] of byTenant) {
      const l4 = site.devices.filter((d): d is L4lbDevice => d.role === 'l4lb' && d.tenant === tenant);
      const routers = site.devices.filter(
        (d): d is VrouterDevice => d.role === 'vrouter' && d.tenant === tenant,
      );
      const members = l4.flatMap((d) => {
        const asn = deviceAsn('per-device', plan, d.id, 1);
        const announced = anycastVips(d, tenant, services);
        return asn === undefined || announced.length === 0 ? [] : [{ d, asn, announced }];
      });
      for (const { d, asn, announced } of members) {
        attachL4(site, d, asn, announced, routers);
        gainedFrr.add(`${site.name}/${d.name}`);
      }
      for (const r of routers) attachVrouter(r, members);
    }
  }
  return gainedFrr;
}

interface Announced extends AnycastAnnouncement {
  /** The service's budget (ms). */
  budget: number;
  /** The VIP's address and the interface keepalived holds it on. */
  address: string;
  dev: string;
}

/** The VIPs of the services on this L4 member, with the instances that hold them. */
function anycastVips(
  d: L4lbDevice,
  tenant: string,
  services: readonly { service: string; vip: string; quorum: number; budget: number }[],
): Announced[] {
  const out: Announced[] = [];
  for (const s of services) {
    const name4 = vrrpInstanceName(tenant, `vip_${s.vip}`);
    for (const inst of d.keepalived.vrrpInstances) {
      if (inst.name !== name4 && inst.name !== vrrpInstanceName6(name4)) continue;
      const vip = inst.virtualIpaddress[0];
      if (!vip) continue;
      const v6 = inst.family === 'ipv6';
      out.push({
        service: s.service,
        family: inst.family,
        prefix: `${vip.address}/${v6 ? 128 : 32}`,
        vrrpInstance: inst.name,
        quorum: s.quorum,
        announced: !v6,
        budget: s.budget,
        address: vip.address,
        dev: vip.dev,
      });
    }
  }
  return out.sort((a, b) => a.family.localeCompare(b.family) || a.prefix.localeCompare(b.prefix));
}

/** keepalived (host-route VIPs, quorum files tracked, the systemd clean-up) and FRR on an L4 member. */
function attachL4(
  site: SiteModel,
  d: L4lbDevice,
  asn: number,
  announced: Announced[],
  routers: VrouterDevice[],
): void {
  const ka = d.keepalived as KeepalivedModel;
  const trackFiles: VrrpTrackFile[] = [];
  for (const a of announced) {
    const inst = ka.vrrpInstances.find((i) => i.name === a.vrrpInstance)!;
    inst.virtualIpaddress = inst.virtualIpaddress.map((v) =>
      v.address === a.address ? { ...v, prefixLength: a.family === 'ipv6' ? 128 : 32 } : v,
    );
    const own: string[] = [];
    for (const vs of ka.virtualServers) {
      if (vs.address !== a.address) continue;
      const name = quorumTrackName(a.vrrpInstance, vs.port);
      const file = `${QUORUM_FILE_PREFIX}${name}`;
      vs.quorum = {
        count: a.quorum,
        up: `/bin/sh -c 'echo 0 > ${file}'`,
        down: `/bin/sh -c 'echo 1 > ${file}'`,
      };
      trackFiles.push({ name, file, initValue: 1 });
      own.push(name);
    }
    inst.trackFiles = own.sort();
  }
  ka.vrrpTrackFiles = trackFiles.sort((a, b) => a.name.localeCompare(b.name));
  // after keepalived ends: its VIPs go (the announcement with them), and every quorum file says
  // "none" again, so the next keepalived faults until its checks prove quorum (init_file does not
  // overwrite: a reload must not fault the VIP, and a checker faster than the VRRP process at
  // start must not be overwritten)
  ka.stopPost = [
    ...vipCleanup(ka.vrrpInstances),
    ...ka.vrrpTrackFiles.map((f) => `/bin/sh -c 'echo ${f.initValue} > ${f.file}'`),
  ];

  const segment = ka.vrrpInstances.find((i) => i.name === announced[0]!.vrrpInstance)!.segment;
  const { frr, peers } = l4Frr(site, d, asn, announced, routers, segment);
  const a = d as L4lbAnycastDevice;
  a.frr = frr;
  d.daemons = withFrr(d.daemons);
  const checks = ka.virtualServers.flatMap((vs) => vs.realServers.map((r) => l4CheckDetectionMs(r.check)));
  const reaction = site.timers.routingReactionMs;
  a.anycast = {
    announcements: announced.map(({ address: _a, dev: _d, budget: _b, ...a }) => a),
    peers,
    quorumLostMs: Math.max(0, ...checks) + reaction,
    keepalivedDeadMs: reaction,
    nodeDeadMs: bfdDetectionMs(site.timers.bfdFabric) + reaction,
    // the tightest budget of the services it announces
    budget: Math.min(...announced.map((x) => x.budget)),
  };
}

/** FRR on an L4 member: eBGP (IPv4) to each vRouter on the VIPs' segment, the VIPs redistributed, nothing taken. */
function l4Frr(
  site: SiteModel,
  d: L4lbDevice,
  asn: number,
  announced: readonly Announced[],
  routers: readonly VrouterDevice[],
  segment: string,
): { frr: FrrModel; peers: AnycastModel['peers'] } {
  const myAddress = addressOn(d, segment);
  const peers = routers
    .map((r) => ({ device: r.name, address: addressOn(r, segment), remoteAs: r.frr.routerBgp.asn }))
    .filter((p): p is { device: string; address: string; remoteAs: number } => p.address !== null)
    .sort((a, b) => a.device.localeCompare(b.device));
  const template = routers[0]?.frr;
  const v4 = announced.filter((a) => a.announced);
  const prefixLists: PrefixList[] = [
    {
      name: L4_NAMES.prefixList,
      entries: v4.map((a, i) => ({
        seq: 5 * (i + 1),
        action: 'permit',
        prefix: a.prefix,
        ge: null,
        le: null,
      })),
    },
  ];
  const routeMaps: RouteMap[] = [
    {
      name: L4_NAMES.redistribute,
      entries: [
        { seq: 10, action: 'permit', matchPrefixList: L4_NAMES.prefixList, description: null },
        nothingElse,
      ],
    },
    {
      name: L4_NAMES.in,
      entries: [
        {
          seq: 10,
          action: 'deny',
          matchPrefixList: null,
          description: 'nothing: the default gateway is the vRouters VIP',
        },
      ],
    },
    {
      name: L4_NAMES.out,
      entries: [
        { seq: 10, action: 'permit', matchPrefixList: L4_NAMES.prefixList, description: null },
        nothingElse,
      ],
    },
  ];
  const frr: FrrModel = {
    defaultsProfile: 'traditional',
    hostname: d.name,
    log: { file: '/var/log/frr/frr.log', level: 'informational' },
    daemons: { bgpd: true, bfdd: true, agentx: false },
    kernelNexthopGroups: template?.kernelNexthopGroups ?? true,
    interfaces: [],
    staticRoutes: [],
    prefixLists,
    routeMaps,
    bfdProfiles: (template?.bfdProfiles ?? []).filter((p) => p.name === 'fabric').map((p) => ({ ...p })),
    routerBgp: {
      asn,
      routerId: myAddress ?? '',
      timers: {
        keepalive: site.timers.bgp.keepaliveS,
        hold: site.timers.bgp.holdS,
        connectRetry: site.timers.bgp.connectRetryS,
        updateDelay: 0,
      },
      logNeighborChanges: true,
      bestpath: { asPathMultipathRelax: false },
      peerGroups: [
        {
          name: L4_NAMES.group,
          description: 'the tenant vRouters (anycast VIPs)',
          bfdProfile: 'fabric',
          routeMapIn: L4_NAMES.in,
          routeMapOut: L4_NAMES.out,
        },
      ],
      neighbors: peers.map((p) => ({
        peer: p.address,
        unnumbered: false,
        peerGroup: L4_NAMES.group,
        remoteAs: p.remoteAs,
        description: p.device,
        peerDevice: p.device,
        password: null,
        updateSource: null,
      })),
      ipv4Unicast: {
        networks: [],
        aggregates: [],
        maximumPaths: 1,
        defaultOriginate: [],
        redistributeConnected: L4_NAMES.redistribute,
      },
    },
  };
  return { frr, peers };
}

/** A vRouter's sessions to the L4 members: it accepts their VIPs only, sends them nothing. */
function attachVrouter(
  r: VrouterDevice,
  members: readonly { d: L4lbDevice; asn: number; announced: Announced[] }[],
): void {
  const segmentOf = (d: L4lbDevice) =>
    d.keepalived.vrrpInstances.find(
      (i) => 'anycast' in d && i.name === d.anycast.announcements[0]?.vrrpInstance,
    )?.segment ?? '';
  const neighbors = members.flatMap(({ d, asn }) => {
    const address = addressOn(d, segmentOf(d));
    return address === null
      ? []
      : [
          {
            peer: address,
            unnumbered: false,
            peerGroup: VROUTER_NAMES.group,
            remoteAs: asn,
            description: d.name,
            peerDevice: d.name,
            password: null,
            updateSource: null,
          },
        ];
  });
  if (neighbors.length === 0) return;
  const vips = [
    ...new Set(members.flatMap((m) => m.announced.filter((a) => a.announced).map((a) => a.prefix))),
  ].sort();
  const frr = r.frr;
  frr.prefixLists.push({
    name: VROUTER_NAMES.prefixList,
    entries: vips.map((prefix, i) => ({ seq: 5 * (i + 1), action: 'permit', prefix, ge: null, le: null })),
  });
  frr.routeMaps.push(
    {
      name: VROUTER_NAMES.in,
      entries: [
        { seq: 10, action: 'permit', matchPrefixList: VROUTER_NAMES.prefixList, description: null },
        nothingElse,
      ],
    },
    {
      name: VROUTER_NAMES.out,
      entries: [
        {
          seq: 10,
          action: 'deny',
          matchPrefixList: null,
          description: 'nothing: they route by the gateway VIP',
        },
      ],
    },
  );
  frr.routerBgp.peerGroups.push({
    name: VROUTER_NAMES.group,
    description: 'the tenant L4 members (anycast VIPs)',
    bfdProfile: 'fabric',
    routeMapIn: VROUTER_NAMES.in,
    routeMapOut: VROUTER_NAMES.out,
  });
  frr.routerBgp.neighbors.push(...neighbors.sort((a, b) => a.peerDevice.localeCompare(b.peerDevice)));
}

/** The device's IPv4 address on a tenant segment (`tenant/segment`), or null. */
function addressOn(d: Device, segment: string): string | null {
  const nic = d.interfaces.find((i) => i.segment === segment);
  return nic?.addresses.find((a) => a.family === 'ipv4')?.address ?? null;
}
