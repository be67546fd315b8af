/**
 * Which probes run during a failover, derived from the model through verify's own checks (so
 * the paths probed are the paths verify proves): ICMP between leaf loopbacks of different
 * racks, ICMP between VMs on different hypervisors (one per pair of hypervisors and segment),
 * ICMP from every upstream to every VIP it sends HTTP to (the only pings that cross an edge: an
 * edge's failure is measured on them), and HTTP to every VIP from every upstream (its URLs in
 * turn). A ping measures both directions of its path, so a pair is pinged from one end only.
 * In each address family the site has (issue 14): an IPv6 probe is verify's IPv6 expectation,
 * and its id says `IPv6` where the address does not already show it.
 */
import { rackSwitchRoles } from '../compile/roles.js';
import type { DeepReadonly } from '../model/freeze.js';
import { DATA_KINDS, type DataKind, runsRabbitmq, tenantOf } from '../model/runs.js';
import type { SiteModel } from '../model/types.js';
import { formatAddress, isNetworkOrBroadcast, nth, parseAddress, parsePrefix } from '../net/ipv4.js';
import { formatAddress6, nth6, parseAddress6, parsePrefix6 } from '../net/ipv6.js';
import { runsProxy, runsVrrp } from '../verify/checks/model.js';
import { deriveExpectations } from '../verify/expectations.js';
import type { SharedInternet } from '../verify/shared-internet.js';
import { dataPlans } from '../whatif/data-services.js';

// the kinds by name, as src/whatif/data-services.ts takes them
const [, , RABBITMQ] = DATA_KINDS;

/** 10 ms between pings (issue 10). */
export const PING_INTERVAL_MS = 10;
/** A ping or request not answered this long after it was sent counts as failed. */
export const PROBE_TIMEOUT_MS = 1000;
/** 20 requests per second per URL (issue 10: at least 20). */
export const HTTP_INTERVAL_MS = 50;

export interface PingProbe {
  kind: 'ping';
  id: string;
  /** Node the probe runs in. */
  device: string;
  /** Source address (`ping -I`), or undefined for the node's own choice. */
  source?: string;
  address: string;
  /** The device answering; none for a VIP (it moves to the other balancer of its pair). */
  target?: string;
  /** Sent by an upstream to a VIP: the only pings that cross an edge. */
  upstream?: boolean;
  /** `ipv6` for an IPv6 probe (verify's expectation's family); none for IPv4. */
  family?: 'ipv6';
}

export interface HttpProbe {
  kind: 'http';
  id: string;
  device: string;
  /** The upstream's client address (verify's), then the extra ones the probe rotates through. */
  sources: string[];
  /**
   * Every URL of one VIP the upstream reaches (verify's HTTP paths: each scheme, each route), in
   * turn: the VIP gets its 20 requests per second, each URL a share of them.
   */
  urls: { url: string; insecure: boolean }[];
  family?: 'ipv6';
}

/**
 * A data service's VIP, from the client's side (docs/data-tier.md): a write or a read every
 * HTTP_INTERVAL_MS, through one HAProxy's frontend of the VIP, from the tenant's L4 balancer
 * (where the L4 pair sends the VIP's connections from), in the service's protocol: Redis (`SET` /
 * `GET`, a new connection each), PostgreSQL through PgBouncer (`select txid_current()`, which a
 * replica refuses, / `select 1`, on connections kept as a pool keeps them) or AMQP (a persistent
 * message to a worker's quorum queue on a confirm channel kept open, confirmed by the queue's
 * leader: failover/probes.ts).
 */
export interface DataProbe {
  kind: 'data';
  id: string;
  device: string;
  /** The HAProxy that holds the VIP while all are up (its VRRP master): an end of the probe, as a ping's target. */
  via: string;
  /** The VIP's address and port, which the HAProxy pair holds and binds. */
  address: string;
  port: number;
  role: 'write' | 'read';
  protocol: DataKind;
  /** `<tenant>/<service>`: whose password the probe authenticates with, when `auth`. */
  service: string;
  auth: boolean;
  /** The role it logs in as (PostgreSQL, RabbitMQ); null for Redis. */
  user: string | null;
  /** RabbitMQ: the quorum queue it publishes to (a worker's, the first the definitions declare). */
  queue?: { vhost: string; name: string };
  /** `ipv6` for a data VIP's IPv6 address (`address6`), through the same frontend's IPv6 bind. */
  family?: 'ipv6';
}

export type Probe = PingProbe | HttpProbe | DataProbe;

type Site = DeepReadonly<SiteModel>;

export interface ProbeOptions {
  /**
   * The upstreams' pings to the VIPs (default: on). `lab failover` needs them to time an edge's
   * failure; a push injects none, and their HTTP probes cross the edges as well.
   */
  upstreamPings?: boolean;
  /**
   * The data services' writes and reads through each HAProxy (default: off). `lab failover`
   * measures a member's loss on them; a push's traffic is the fabric's and the web's.
   */
  dataProbes?: boolean;
  /**
   * In a lab of several sites: what the shared upstreams do (an anycast VIP is answered by either
   * site, src/verify/shared-internet.ts), so that an upstream's HTTP probe asks only what it must get.
   */
  sharedInternet?: SharedInternet;
}

export function deriveProbes(site: Site, options: ProbeOptions = {}): Probe[] {
  const byName = new Map(site.devices.map((d) => [d.name, d]));
  const probes: Probe[] = [];
  // every probe by its id: an upstream's ping and HTTP client to a VIP are made once, then found again
  const byId = new Map<string, Probe>();
  const add = (p: Probe) => {
    probes.push(p);
    byId.set(p.id, p);
  };
  // pairs already pinged, either way round: `a|b|family` and `hvA|hvB|segment|family`, sorted
  const pinged = new Set<string>();
  const firstTime = (...key: string[]) => {
    const k = key.join('|');
    return !pinged.has(k) && Boolean(pinged.add(k));
  };
  for (const e of deriveExpectations(site, { sharedInternet: options.sharedInternet })) {
    const family = e.family === 'ipv6' ? ({ family: 'ipv6' } as const) : {};
    // ` (IPv6)` after a ping's id whose addresses are device names; a URL shows its family itself
    const v6 = e.family === 'ipv6' ? ' (IPv6)' : '';
    if (e.kind === 'loopbacks-reachable') {
      const rack = byName.get(e.device)?.rack;
      for (const t of e.targets) {
        const td = byName.get(t.device);
        if (!td || !rackSwitchRoles().includes(td.role) || td.rack === rack) continue;
        if (!firstTime(...[e.device, t.device].sort(), e.family ?? 'ipv4')) continue;
        add({
          kind: 'ping',
          id: `ping ${e.device}→${t.device}${v6}`,
          device: e.device,
          source: e.source,
          address: t.address,
          target: t.device,
          ...family,
        });
      }
    } else if (e.kind === 'overlay-ping') {
      const to = byName.get(e.target)?.hostedOn;
      const segment = e.id.split(':').at(-3) ?? ''; // overlay:[ipv6:]<segment>:<from>:<to>
      if (!firstTime(...[e.hypervisor, to ?? ''].sort(), segment, e.family ?? 'ipv4')) continue;
      add({
        kind: 'ping',
        id: `ping ${e.device}→${e.target} (${segment}${e.family === 'ipv6' ? ', IPv6' : ''})`,
        device: e.device,
        address: e.address,
        target: e.target,
        ...family,
      });
    } else if (e.kind === 'http-path' && e.source) {
      const host = new URL(e.url).hostname;
      const vip = host.replace(/^\[(.*)\]$/, '$1'); // an IPv6 host without its brackets
      const id = `ping ${e.device}→${vip}`;
      if (options.upstreamPings !== false && !byId.has(id))
        add({
          kind: 'ping',
          id,
          device: e.device,
          source: e.source,
          address: vip,
          upstream: true,
          ...family,
        });
      // one client per upstream and VIP, its URLs in turn: 20 requests/s per VIP. A client per
      // URL was 16 × 20 requests/s on idc-a made dual-stack, more than the lab's 2 vCPUs carried
      const httpId = `http ${e.device}→${host}`;
      const stream = byId.get(httpId);
      if (stream?.kind === 'http') stream.urls.push({ url: e.url, insecure: e.insecure });
      else
        add({
          kind: 'http',
          id: httpId,
          device: e.device,
          sources: [e.source],
          urls: [{ url: e.url, insecure: e.insecure }],
          ...family,
        });
    }
  }
  if (options.dataProbes) probes.push(...dataProbes(site));
  return withSpareSources(site, probes);
}

/**
 * Per data VIP, a probe of its role from the first L4 balancer of the tenant (a device of the
 * tenant with IPVS virtual servers); none for a tenant without one. Every member of the HAProxy
 * pair binds the VIP (the pair holds it with VRRP), so one probe per VIP address (its IPv6 one
 * too, `address6`), through the member that holds it while all are up: the intended master of the
 * VRRP instance holding that address.
 */
function dataProbes(site: Site): DataProbe[] {
  const client = (tenant: string | null) =>
    site.devices.find((d) => runsVrrp(d) && d.keepalived.virtualServers.length && tenantOf(d) === tenant)
      ?.name;
  const plans = new Map(dataPlans(site).map((p) => [p.service, p]));
  const holder = (tenant: string | null, address: string) =>
    site.devices.find(
      (d) =>
        runsProxy(d) &&
        runsVrrp(d) &&
        tenantOf(d) === tenant &&
        d.keepalived.vrrpInstances.some(
          (i) => i.intendedMaster && i.virtualIpaddress.some((a) => a.address === address),
        ),
    )?.name;
  const out = new Map<string, DataProbe>();
  for (const d of site.devices) {
    if (!runsProxy(d)) continue;
    const tenant = tenantOf(d);
    const from = client(tenant);
    if (!from) continue;
    for (const f of d.haproxy.tcpFrontends)
      for (const b of f.binds) {
        const service = `${tenant}/${f.service}`;
        const plan = plans.get(service);
        const via = holder(tenant, b.address) ?? d.name;
        if (!plan || out.has(`${tenant} ${b.address}:${b.port}`)) continue;
        const queue = plan.kind === RABBITMQ ? queueOf(site, service) : undefined;
        // a RabbitMQ service without a queue has nothing a publish could be confirmed by
        if (plan.kind === RABBITMQ && !queue) continue;
        const v6 = b.family === 'ipv6';
        out.set(`${tenant} ${b.address}:${b.port}`, {
          kind: 'data',
          id: `${plan.kind} ${from}→${via} ${v6 ? `[${b.address}]` : b.address}:${b.port} (${service} ${f.vipRole})`,
          device: from,
          via,
          address: b.address,
          port: b.port,
          role: f.vipRole,
          protocol: plan.kind,
          service,
          auth: plan.auth,
          user: plan.clientUser,
          ...(queue ? { queue } : {}),
          ...(v6 ? { family: 'ipv6' as const } : {}),
        });
      }
  }
  return [...out.values()];
}

/** A RabbitMQ service's first quorum queue, from a member's definitions (what its workers consume). */
function queueOf(site: Site, service: string): { vhost: string; name: string } | undefined {
  const member = site.devices.find((d) => runsRabbitmq(d) && d.rabbitmq.service === service);
  const q = member && runsRabbitmq(member) ? member.rabbitmq.definitions.queues[0] : undefined;
  return q ? { vhost: q.vhost, name: q.name } : undefined;
}

/** Requests per second one client address may send to the site's HAProxy frontends (their rate limit). */
export function clientRateLimit(site: Site): number | undefined {
  const rates = site.devices.flatMap((d) =>
    runsProxy(d)
      ? d.haproxy.frontends.flatMap((f) => {
          const m = f.rateLimit && /^(\d+)(ms|s|m|h)?$/.exec(f.rateLimit.period);
          if (!f.rateLimit || !m) return [];
          const seconds =
            Number(m[1]) * ({ ms: 0.001, s: 1, m: 60, h: 3600 } as Record<string, number>)[m[2] ?? 'ms']!;
          return [f.rateLimit.requests / seconds];
        })
      : [],
  );
  return rates.length ? Math.min(...rates) : undefined;
}

/**
 * The site's own rate limit (per client address) is below the probes' rate: each URL then
 * rotates through enough addresses of the upstream's lab-originated prefix to stay at half the
 * limit per address. The run adds them to the upstream's loopback (and removes them).
 */
function withSpareSources(site: Site, probes: Probe[]): Probe[] {
  const limit = clientRateLimit(site);
  const wanted = 1000 / HTTP_INTERVAL_MS;
  if (limit === undefined || limit / 2 >= wanted) return probes;
  const perUrl = Math.ceil(wanted / (limit / 2));
  // per upstream and family: the offset of the next spare address in its lab-originated prefix
  const next = new Map<string, number>();
  return probes.map((p) => {
    if (p.kind !== 'http') return p;
    const v6 = p.family === 'ipv6';
    const key = `${p.device} ${v6 ? 'ipv6' : 'ipv4'}`;
    const originates = site.ipPlan.filter((e) => e.kind === 'lab-originate' && e.device === p.device);
    const originate = originates.find((e) => e.prefix.includes(':') === v6)?.prefix;
    const spare = originate && spareAddresses(originate, p.sources[0]!, perUrl, next.get(key));
    if (!spare) return p;
    next.set(key, spare.next);
    return spare.addresses.length === perUrl ? { ...p, sources: spare.addresses } : p;
  });
}

/**
 * `count` host addresses of `prefix` from `offset` (default: the one after `client`), and the
 * offset after them; undefined when the client is not of the prefix's family.
 */
function spareAddresses(
  prefix: string,
  client: string,
  count: number,
  offset?: number,
): { addresses: string[]; next: number } | undefined {
  const hosts = hostsOf(prefix);
  const c = hosts?.offset(client);
  if (!hosts || c === undefined) return undefined;
  const addresses: string[] = [];
  let at = offset ?? c + 1;
  while (addresses.length < count) {
    const a = hosts.nth(at++);
    if (a === undefined) break;
    addresses.push(a);
  }
  return { addresses, next: at };
}

/** A prefix's hosts in its family: an address's offset in it, and its `i`th usable address. */
function hostsOf(prefix: string) {
  type Hosts = { offset(address: string): number | undefined; nth(i: number): string | undefined };
  const p6 = prefix.includes(':') ? parsePrefix6(prefix)?.prefix : undefined;
  if (p6)
    return {
      offset: (a) => {
        const x = parseAddress6(a);
        return x === undefined ? undefined : Number(x - p6.network);
      },
      nth: (i) => {
        const a = nth6(p6, i);
        return a === undefined ? undefined : formatAddress6(a);
      },
    } satisfies Hosts;
  const p = prefix.includes(':') ? undefined : parsePrefix(prefix)?.prefix;
  if (!p) return undefined;
  return {
    offset: (a) => {
      const x = parseAddress(a);
      return x === undefined ? undefined : x - p.network;
    },
    // the network and broadcast addresses are no client's
    nth: (i) => {
      const a = nth(p, i);
      return a === undefined || isNetworkOrBroadcast(p, a) ? undefined : formatAddress(a);
    },
  } satisfies Hosts;
}

/** The devices a probe depends on as its own ends (not the path between). */
export function probeEnds(p: Probe): string[] {
  if (p.kind === 'data') return [p.device, p.via];
  return p.kind === 'ping' && p.target ? [p.device, p.target] : [p.device];
}
