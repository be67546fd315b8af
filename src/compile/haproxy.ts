/**
 * HAProxy for a tenant's L7 pair: TLS termination, path routing to application backends, a
 * per-client rate limit, health checks. Frontends bind on the address the L4 balancers send
 * traffic to (the NIC in the L4 gateway segment), and on its IPv6 address too where it has one
 * (the real server of an IPv6 VIP); backends reach each application VM on the NIC in a segment
 * the L7 device shares with it, over IPv4 (a proxy's client family is not its servers').
 */
import type {
  AddressFamily,
  HaproxyBackend,
  HaproxyBind,
  HaproxyFrontend,
  HaproxyModel,
  HaproxyPeerFrontend,
} from '../model/types.js';
import { formatAddress } from '../net/ipv4.js';
import { formatAddress6 } from '../net/ipv6.js';
import { compileDataTier } from './data-tier.js';
import { DEFAULT_RESPONSE_TIMEOUT_S, type L7BackendFacts } from './facts/tenants.js';
import { type DeviceFacts, type SiteFacts, tenantOf } from './facts.js';
import { withValue } from './ip-family.js';
import { healthCheck } from './keepalived.js';
import { checkTimers, compileTimers, toMs } from './timers.js';

export const HAPROXY_STATS_SOCKET = '/run/haproxy/admin.sock';
export const HAPROXY_CERT_DIR = '/etc/haproxy/certs';
/**
 * Where a reload leaves the servers' health for the new process (`show servers state`): without
 * it the new process starts every check afresh, and one slow first check per server (fall 2,
 * fastinter) takes it down for a down interval — 503s for a path whose servers all flapped.
 */
export const HAPROXY_SERVER_STATE = '/var/lib/haproxy/server-state';
/**
 * The health frontend the L4 balancers check (keepalived HTTP_GET): its own port on the address
 * the L4 balancers send to, so it needs no route, rate limit or TLS of the service frontends.
 */
export const HAPROXY_HEALTH = { name: 'fabric_health', port: 8404, uri: '/fabric-health' } as const;
/**
 * Where the other members of the L7 pair send a request whose backend has no server UP here
 * (docs/failover.md, "A HAProxy back before its servers"): its own port on the same address as
 * the health frontend, the header naming the backend.
 */
export const HAPROXY_PEER = { name: 'fabric_peer', port: 8405, header: 'X-Fabric-Backend' } as const;
/** Clients tracked per rate-limited frontend (100k entries: ~5 MB of HAProxy memory). */
const RATE_LIMIT_TABLE_SIZE = '100k';

export function compileHaproxy(facts: SiteFacts, d: DeviceFacts): HaproxyModel {
  const tenant = tenantOf(facts, d);
  const l7 = tenant?.l7;
  const l4 = tenant?.l4;
  const bindNic = l4 ? d.nics.find((n) => n.segment === l4.gateway.key) : undefined;
  const bindAddress = bindNic?.address != null ? formatAddress(bindNic.address) : '*';
  // the same frontends on the NIC's IPv6 address, where it has one: the IPv6 VIP's real servers
  const bindAddress6 = bindNic?.address6 != null ? formatAddress6(bindNic.address6) : null;
  const frontends: HaproxyFrontend[] = [];
  const certificates: HaproxyModel['certificates'] = [];
  for (const [name, f] of [...(l7?.frontends ?? [])].sort(([a], [b]) => a.localeCompare(b))) {
    const transparent = bindAddress !== '*';
    const binds4: HaproxyFrontend['binds'] = [
      {
        family: 'ipv4',
        address: bindAddress,
        port: f.http ?? 80,
        certificate: null,
        transparent,
        v6only: false,
      },
    ];
    if (f.certificate) {
      const file = `certs/${name}.pem`;
      certificates.push({
        file,
        path: `${HAPROXY_CERT_DIR}/${name}.pem`,
        secret: { secret: f.certificate.secret, use: 'tls-bundle' },
      });
      binds4.push({
        family: 'ipv4',
        address: bindAddress,
        port: f.https ?? 443,
        certificate: `${HAPROXY_CERT_DIR}/${name}.pem`,
        transparent,
        v6only: false,
      });
    }
    frontends.push({
      name,
      // IPv4 first, then the same ports on the IPv6 address
      binds: [
        ...binds4,
        ...(bindAddress6 === null
          ? []
          : binds4.map((b) => ({
              ...b,
              family: 'ipv6' as const,
              address: bindAddress6,
              transparent: true,
              v6only: true,
            }))),
      ],
      rateLimit: f.rate_limit
        ? {
            requests: f.rate_limit.requests,
            period: f.rate_limit.period,
            table: name,
            tableSize: RATE_LIMIT_TABLE_SIZE,
            tableType: bindAddress6 === null ? 'ip' : 'ipv6',
            denyStatus: 429, // Too Many Requests (RFC 6585)
          }
        : null,
      routes: (f.routes ?? []).map((r, i) => ({
        acl: `route${i + 1}`,
        pathPrefix: r.path,
        backend: r.backend,
      })),
      defaultBackend: f.default_backend,
    });
  }
  const peer = peerFrontend(facts, d, l7?.members ?? [], l4?.gateway.key);
  const timers = compileTimers(facts.inventory);
  const backends = compileBackends(d, l7?.backends ?? [], timers, peer);
  return {
    statsSocket: HAPROXY_STATS_SOCKET,
    serverStateFile: HAPROXY_SERVER_STATE,
    maxconn: 4096,
    // TLS 1.0 and 1.1 are deprecated (RFC 8996)
    tls: { minVersion: 'TLSv1.2', noTlsTickets: true },
    // forwardfor: the application VMs see the client's address in X-Forwarded-For
    defaults: { mode: 'http', options: ['httplog', 'dontlognull', 'forwardfor'] },
    // `check`: the site's check timeout (HAProxy has one `timeout check` per section)
    timeouts: {
      connect: timers.haproxyRetries.connectTimeoutMs,
      client: 30000,
      // every backend prints its own (response_timeout)
      server: DEFAULT_RESPONSE_TIMEOUT_S * 1000,
      httpRequest: 10000,
      check: toMs(timers.checks.timeoutS),
    },
    retries: {
      count: timers.haproxyRetries.retries,
      retryOn: timers.haproxyRetries.retryOn,
      redispatch: timers.haproxyRetries.redispatch,
    },
    frontends,
    // an IPv6-only L4 gateway segment still has the health frontend, on its IPv6 address
    health:
      bindAddress === '*' && bindAddress6 === null
        ? null
        : {
            ...HAPROXY_HEALTH,
            address: bindAddress,
            ...withValue('address6', bindAddress6),
            servers: backends.flatMap((b) => b.servers.map((s) => ({ backend: b.name, server: s.name }))),
          },
    peerFrontend:
      peer && backends.length ? { ...peer.frontend, backends: backends.map((b) => b.name) } : null,
    backends,
    ...compileDataTier(tenant, d, bindAddress, timers),
    certificates,
  };
}

/** The application backends, each reaching its servers on a segment this member shares with them. */
function compileBackends(
  d: DeviceFacts,
  l7Backends: L7BackendFacts[],
  timers: ReturnType<typeof compileTimers>,
  peer: ReturnType<typeof peerFrontend>,
): HaproxyBackend[] {
  const myKeys = new Set(d.nics.map((n) => n.segment));
  const backends: HaproxyBackend[] = [];
  for (const b of [...l7Backends].sort((x, y) => x.name.localeCompare(y.name))) {
    const check = healthCheck(b.check, timers.checks);
    const t = checkTimers(timers.checks, b.check);
    const servers = b.servers
      .map((s) => {
        const nic = s.nics.find((n) => n.segment !== null && myKeys.has(n.segment));
        return nic?.address != null
          ? { name: s.name, address: formatAddress(nic.address), port: b.port }
          : undefined;
      })
      .filter((s): s is NonNullable<typeof s> => !!s);
    backends.push({
      name: b.name,
      balance: b.balance,
      httpCheck:
        check.kind === 'http' && check.path !== null ? { path: check.path, expectStatus: 200 } : null,
      checkInterval: toMs(t.intervalS),
      timeoutServerMs: toMs(b.responseTimeoutS),
      l7RetryOnly: timers.haproxyRetries.l7RetryOnly,
      serverCheck: {
        fastinter: toMs(t.fastIntervalS),
        downinter: toMs(t.downIntervalS),
        rise: t.rise,
        fall: t.fall,
        shutdownSessionsOnDown: timers.haproxyRetries.shutdownSessionsOnDown,
      },
      servers,
      // "none of its servers UP" needs a server to name (HaproxyBackend.lastResort)
      lastResort:
        peer && servers.length
          ? { frontend: peer.frontend.name, header: peer.frontend.header, peers: peer.others }
          : null,
    });
  }
  return backends;
}

type HaproxyBackendPeer = NonNullable<HaproxyBackend['lastResort']>['peers'][number];

/**
 * This member's peer frontend and the other members of its L7 pair, each on its NIC in the L4
 * gateway segment (where the health frontend listens too): IPv4 when every member has an IPv4
 * address there, else IPv6 when every member has one; null without an L4 segment or a peer.
 */
function peerFrontend(
  facts: SiteFacts,
  d: DeviceFacts,
  members: string[],
  segment: string | undefined,
): {
  frontend: Omit<HaproxyPeerFrontend, 'backends'>;
  others: HaproxyBackendPeer[];
} | null {
  if (segment === undefined || !members.includes(d.name) || members.length < 2) return null;
  const nics = members.map((m) => ({
    name: m,
    nic: (m === d.name ? d : facts.devices.get(m))?.nics.find((n) => n.segment === segment),
  }));
  const family: AddressFamily | null = nics.every((n) => n.nic?.address != null)
    ? 'ipv4'
    : nics.every((n) => n.nic?.address6 != null)
      ? 'ipv6'
      : null;
  if (family === null) return null;
  const bind = (n: (typeof nics)[number]): HaproxyBind => ({
    family,
    address: family === 'ipv4' ? formatAddress(n.nic!.address!) : formatAddress6(n.nic!.address6!),
    port: HAPROXY_PEER.port,
    certificate: null,
    transparent: true,
    v6only: family === 'ipv6',
  });
  const mine = bind(nics.find((n) => n.name === d.name)!);
  const others = nics
    .filter((n) => n.name !== d.name)
    .map((n) => ({ name: `peer_${n.name}`, bind: bind(n), source: { family, address: mine.address } }));
  return {
    frontend: {
      name: HAPROXY_PEER.name,
      bind: mine,
      peers: others.map((o) => o.bind.address),
      header: HAPROXY_PEER.header,
    },
    others,
  };
}
