/**
 * Which probes run during a failover, derived from the model through verify's own checks (so
 * the paths probed are the paths verify proves): ICMP between leaf loopbacks of different
 * racks, ICMP between VMs on different hypervisors (one per pair of hypervisors and segment),
 * ICMP from every upstream to every VIP it sends HTTP to (the only pings that cross an edge: an
 * edge's failure is measured on them), and HTTP to every VIP URL from every upstream.
 */
import { rackSwitchRoles } from '../compile/roles.js';
import type { DeepReadonly } from '../model/freeze.js';
import type { SiteModel } from '../model/types.js';
import { formatAddress, isNetworkOrBroadcast, nth, parseAddress, parsePrefix } from '../net/ipv4.js';
import { runsProxy } from '../verify/checks/model.js';
import { deriveExpectations } from '../verify/expectations.js';

/** 10 ms between pings (issue 10). */
export const PING_INTERVAL_MS = 10;
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
}

export interface HttpProbe {
  kind: 'http';
  id: string;
  device: string;
  /** The upstream's client address (verify's), then the extra ones the probe rotates through. */
  sources: string[];
  url: string;
  insecure: boolean;
}

export type Probe = PingProbe | HttpProbe;

type Site = DeepReadonly<SiteModel>;

export interface ProbeOptions {
  /**
   * The upstreams' pings to the VIPs (default: on). `lab failover` needs them to time an edge's
   * failure; a push injects none, and their HTTP probes cross the edges as well.
   */
  upstreamPings?: boolean;
}

export function deriveProbes(site: Site, options: ProbeOptions = {}): Probe[] {
  const byName = new Map(site.devices.map((d) => [d.name, d]));
  const probes: Probe[] = [];
  const overlayPairs = new Set<string>();
  for (const e of deriveExpectations(site)) {
    // IPv4 probes only: lab failover's pings and requests are not measured over IPv6 yet (issue 14)
    if (e.family) continue;
    if (e.kind === 'loopbacks-reachable') {
      const rack = byName.get(e.device)?.rack;
      for (const t of e.targets) {
        const td = byName.get(t.device);
        if (!td || !rackSwitchRoles().includes(td.role) || td.rack === rack) continue;
        probes.push({
          kind: 'ping',
          id: `ping ${e.device}→${t.device}`,
          device: e.device,
          source: e.source,
          address: t.address,
          target: t.device,
        });
      }
    } else if (e.kind === 'overlay-ping') {
      const to = byName.get(e.target)?.hostedOn;
      const segment = e.id.split(':')[1] ?? ''; // overlay:<segment>:<from>:<to>
      const pair = `${e.hypervisor}>${to}>${segment}`;
      if (overlayPairs.has(pair)) continue;
      overlayPairs.add(pair);
      probes.push({
        kind: 'ping',
        id: `ping ${e.device}→${e.target} (${segment})`,
        device: e.device,
        address: e.address,
        target: e.target,
      });
    } else if (e.kind === 'http-path' && e.source) {
      const url = e.url;
      const vip = new URL(url).hostname;
      const id = `ping ${e.device}→${vip}`;
      if (options.upstreamPings !== false && !probes.some((p) => p.id === id))
        probes.push({ kind: 'ping', id, device: e.device, source: e.source, address: vip, upstream: true });
      probes.push({
        kind: 'http',
        id: `http ${e.device}→${url}`,
        device: e.device,
        sources: [e.source],
        url,
        insecure: e.insecure,
      });
    }
  }
  return withSpareSources(site, probes);
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
  const next = new Map<string, number>();
  return probes.map((p) => {
    if (p.kind !== 'http') return p;
    const originate = site.ipPlan.find((e) => e.kind === 'lab-originate' && e.device === p.device)?.prefix;
    const prefix = originate ? parsePrefix(originate)?.prefix : undefined;
    const client = parseAddress(p.sources[0]!);
    if (!prefix || client === undefined) return p;
    const sources: string[] = [];
    let offset = next.get(p.device) ?? client - prefix.network + 1;
    while (sources.length < perUrl) {
      const a = nth(prefix, offset++);
      if (a === undefined || isNetworkOrBroadcast(prefix, a)) break;
      sources.push(formatAddress(a));
    }
    next.set(p.device, offset);
    return sources.length === perUrl ? { ...p, sources } : p;
  });
}

/** The devices a probe depends on as its own ends (not the path between). */
export function probeEnds(p: Probe): string[] {
  return p.kind === 'ping' && p.target ? [p.device, p.target] : [p.device];
}
