/**
 * Which L4 member announces an anycast VIP, and why (issue 11: "which site announces which VIP
 * and why"; docs/active-active.md "verify and drift of the announcements"). On each L4 member
 * that announces a VIP, three things must agree: the quorum files keepalived's checker writes
 * (`0` quorum, `1` none), whether keepalived holds the VIP (its /32 on the segment's interface),
 * and what bgpd sends each of the tenant's vRouters. The member announces exactly while it holds
 * the VIP, and holds it only with quorum; a member that announces a VIP it does not hold is the
 * anycast trap (traffic drawn to a site that drops it), one that holds the VIP without quorum
 * means keepalived no longer tracks its quorum files. The quorum the model expects follows what
 * is down: a virtual server keeps quorum while the healthy real servers' weights reach its
 * `quorum`, a real server (an HAProxy member) being healthy while it is up and one of its
 * application servers is (its `/fabric-health` fails only when none is). An IPv6 VIP, held as a
 * /128 under the same quorum but not announced yet, is checked for its quorum and the VIP alone.
 */
import { quorumTrackName } from '../../compile/anycast.js';
import type { DeepReadonly } from '../../model/freeze.js';
import type { L4lbAnycastDevice } from '../../model/types.js';
import { interfaceAddresses, LINUX } from '../../observe/linux.js';
import { familyField, familyId, familyOf } from './family.js';
import { FILED_UNDER, runsProxy } from './model.js';
import { type CheckSpec, type DeriveContext, type ExpectationBase, fail, pass, readJson } from './spec.js';

export interface AnycastAnnounce extends ExpectationBase {
  kind: 'anycast-announce';
  /** The VIP as announced, `203.0.113.10/32`, and its address. */
  prefix: string;
  address: string;
  /** The interface keepalived holds it on. */
  dev: string;
  vrrpInstance: string;
  /** The quorum files the instance tracks, with the port of the virtual server that writes each. */
  quorumFiles: { port: number; file: string }[];
  /**
   * The vRouters that are up, by their address on the VIP's segment (the BGP neighbor); none for
   * an IPv6 VIP, which keepalived holds as a /128 under the same quorum but FRR does not announce
   * yet (the sessions are IPv4): its check is the quorum and the VIP alone.
   */
  peers: { device: string; address: string }[];
  /**
   * Whether the model expects quorum: false when, with what is down, some virtual server of the
   * VIP lacks healthy real servers (the member must then neither hold nor announce it).
   */
  quorum: boolean;
  /** When `quorum` is false: the ports without it, for the title. */
  withoutQuorum: number[];
}

/** Prints each quorum file as `<path> <value>` (`missing` when there is none). */
export function quorumCommand(files: readonly { file: string }[]): string {
  return `for f in ${files.map((f) => f.file).join(' ')}; do printf '%s ' "$f"; cat "$f" 2>/dev/null || echo missing; done`;
}

export function advertisedCommand(peer: string): string {
  return `vtysh -c 'show bgp ipv4 unicast neighbors ${peer} advertised-routes json'`;
}

/** Each file's first word (`0`, `1`, `missing`), by path; files the output does not name are absent. */
export function parseQuorumFiles(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const [path, value] = line.trim().split(/\s+/);
    if (path && value !== undefined) out.set(path, value);
  }
  return out;
}

/** Whether an HAProxy member answers its `/fabric-health`: up, and one of its servers up. */
function realServerHealthy(ctx: DeriveContext, device: string): boolean {
  if (ctx.isDown(device)) return false;
  const d = ctx.byName.get(device);
  const health = d && runsProxy(d) ? d.haproxy.health : null;
  if (!health || health.servers.length === 0) return true;
  return health.servers.some((s) => !ctx.isDown(s.server));
}

/** What the expectation says: an announced VIP, or an IPv6 one held under quorum alone. */
function titleOf(
  device: string,
  a: { prefix: string; service: string; announced: boolean },
  vrouters: string,
  ports: number[],
  withoutQuorum: number[],
): string {
  const vip = `${a.prefix} (${a.service})`;
  if (withoutQuorum.length)
    return `${device} ${a.announced ? 'neither holds nor announces' : 'does not hold'} ${vip}: no quorum on ${withoutQuorum.join(', ')} with what is down`;
  return a.announced
    ? `${device} announces ${vip} to ${vrouters} exactly while it holds the VIP, which it may with quorum on ${ports.join(', ')}`
    : `${device} holds ${vip} only with quorum on ${ports.join(', ')} (not announced: the sessions are IPv4)`;
}

function derive(ctx: DeriveContext): AnycastAnnounce[] {
  return ctx.site.devices.flatMap((device) => {
    if (!('anycast' in device) || !device.anycast || ctx.isDown(device.name)) return [];
    const d = device as DeepReadonly<L4lbAnycastDevice>;
    const peers = d.anycast.peers
      .filter((p) => !ctx.isDown(p.device))
      .map((p) => ({ device: p.device, address: p.address }));
    return d.anycast.announcements.flatMap((a) => {
      const vip = d.keepalived.vrrpInstances.find((i) => i.name === a.vrrpInstance)?.virtualIpaddress[0];
      if (!vip) return [];
      const servers = d.keepalived.virtualServers.flatMap((vs) =>
        vs.address === vip.address && vs.quorum ? [{ ...vs, quorum: vs.quorum }] : [],
      );
      const quorumFiles = servers.flatMap((vs) => {
        const track = d.keepalived.vrrpTrackFiles?.find(
          (f) => f.name === quorumTrackName(a.vrrpInstance, vs.port),
        );
        return track ? [{ port: vs.port, file: track.file }] : [];
      });
      const withoutQuorum = servers
        .filter((vs) => {
          const healthy = vs.realServers.filter((r) => realServerHealthy(ctx, r.device));
          return healthy.reduce((sum, r) => sum + r.weight, 0) < vs.quorum.count;
        })
        .map((vs) => vs.port);
      const vrouters = peers.map((p) => p.device).join(', ') || 'no vRouter';
      return [
        {
          kind: 'anycast-announce' as const,
          id: familyId('anycast-announce', a.family, `${d.name}:${a.prefix}`),
          device: d.name,
          title: titleOf(
            d.name,
            a,
            vrouters,
            servers.map((s) => s.port),
            withoutQuorum,
          ),
          prefix: a.prefix,
          address: vip.address,
          dev: vip.dev,
          vrrpInstance: a.vrrpInstance,
          quorumFiles,
          peers: a.announced ? peers : [],
          quorum: withoutQuorum.length === 0,
          withoutQuorum,
          ...familyField(a.family),
        },
      ];
    });
  });
}

export const anycastAnnounce: CheckSpec<AnycastAnnounce> = {
  kind: 'anycast-announce',
  describes:
    'an anycast VIP announced by the L4 member that holds it, held only with quorum (the quorum files, the VIP, what bgpd sends)',
  // a push's keepalived restart resets the quorum files until the checks run again (stopPost):
  // a gate would read that as a fault; verify and drift judge the settled state
  runs: { verify: true, gates: false, drift: true },
  stage: 6,
  derive,
  async evaluate(e, round) {
    const files = parseQuorumFiles((await round.read(e.device, quorumCommand(e.quorumFiles))).stdout);
    const lost = e.quorumFiles.filter((f) => files.get(f.file) !== '0');
    const lostText = lost.map((f) => `${f.port} (${f.file}: ${files.get(f.file) ?? 'unread'})`).join(', ');
    const addrs = await readJson(round, e.device, LINUX.addresses(e.dev), 'ip addr');
    if ('error' in addrs) return fail(addrs.error);
    const v6 = familyOf(e) === 'ipv6';
    const held = interfaceAddresses(addrs.value, familyOf(e)).includes(`${e.address}/${v6 ? 128 : 32}`);
    const sentTo: string[] = [];
    const notSentTo: string[] = [];
    for (const p of e.peers) {
      const r = await readJson<{ advertisedRoutes?: Record<string, unknown> }>(
        round,
        e.device,
        advertisedCommand(p.address),
        `advertised routes to ${p.address}`,
      );
      if ('error' in r) return fail(r.error);
      (e.prefix in (r.value?.advertisedRoutes ?? {}) ? sentTo : notSentTo).push(p.device);
    }
    const quorumText = lost.length ? `no quorum on ${lostText}` : 'quorum on every port';
    if (!held && sentTo.length)
      return fail(
        `announces ${e.prefix} to ${sentTo.join(', ')} without holding it on ${e.dev} (${quorumText}): traffic drawn to this site is dropped`,
        'stale',
      );
    if (held && lost.length)
      return fail(
        `holds ${e.prefix} with ${quorumText}: keepalived should have faulted ${e.vrrpInstance} (track_file)`,
        'held-without-quorum',
      );
    if (held && notSentTo.length)
      return fail(
        `holds ${e.prefix} but does not announce it to ${notSentTo.join(', ')}${sentTo.length ? ` (sent to ${sentTo.join(', ')})` : ''}: this site's share of the VIP is lost`,
        'not-announced',
      );
    if (lost.length && e.quorum)
      return fail(
        `${quorumText}: ${e.prefix} withdrawn here although its real servers should be healthy (keepalived's checks fail, or its checker has not run)`,
        'quorum-lost',
      );
    if (!lost.length && !e.quorum)
      return fail(
        `quorum files say quorum on ${e.withoutQuorum.join(', ')}, expected none with what is down: keepalived's checker has not seen the failure`,
        'quorum-kept',
      );
    if (held)
      return pass(
        `holds ${e.prefix}, ${v6 ? 'announced to no vRouter (IPv6)' : `announces it to ${sentTo.join(', ') || 'no vRouter'}`}; ${quorumText}`,
      );
    return pass(
      lost.length
        ? `withdrawn, as expected: ${quorumText}`
        : `${v6 ? 'does not hold' : 'neither holds nor announces'} ${e.prefix} (the other member is master); ${quorumText}, ready to take over`,
    );
  },
  reads: (e) => [
    { device: e.device, command: quorumCommand(e.quorumFiles) },
    { device: e.device, command: LINUX.addresses(e.dev) },
    ...e.peers.map((p) => ({ device: e.device, command: advertisedCommand(p.address) })),
  ],
  about: (e) => [e.device, ...e.peers.map((p) => p.device)],
  siteWide: false,
  filed: (e) => ({ daemon: FILED_UNDER.vrrp, section: `vrrp_instance ${e.vrrpInstance}` }),
  // announcing what it cannot serve blackholes traffic; a share lost is served by the other site
  severity: (code) => (code === 'stale' || code === 'held-without-quorum' ? 'critical' : 'major'),
};
