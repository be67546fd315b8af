/**
 * Which probes run during a failover, derived from the model through verify's own checks (so
 * the paths probed are the paths verify proves): ICMP between leaf loopbacks of different
 * racks, ICMP between VMs on different hypervisors (one per pair of hypervisors and segment),
 * and HTTP to every VIP URL from every upstream.
 */
import type { DeepReadonly } from '../model/freeze.js';
import type { SiteModel } from '../model/types.js';
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
  /** The device answering. */
  target: string;
}

export interface HttpProbe {
  kind: 'http';
  id: string;
  device: string;
  source: string;
  url: string;
  insecure: boolean;
}

export type Probe = PingProbe | HttpProbe;

type Site = DeepReadonly<SiteModel>;

export function deriveProbes(site: Site): Probe[] {
  const byName = new Map(site.devices.map((d) => [d.name, d]));
  const probes: Probe[] = [];
  const overlayPairs = new Set<string>();
  for (const e of deriveExpectations(site)) {
    if (e.kind === 'loopbacks-reachable') {
      const rack = byName.get(e.device)?.rack;
      for (const t of e.targets) {
        const td = byName.get(t.device);
        if (td?.role !== 'leaf' || td.rack === rack) continue;
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
      probes.push({
        kind: 'http',
        id: `http ${e.device}→${e.url}`,
        device: e.device,
        source: e.source,
        url: e.url,
        insecure: e.insecure,
      });
    }
  }
  return probes;
}

/** The devices a probe depends on as its own ends (not the path between). */
export function probeEnds(p: Probe): string[] {
  return p.kind === 'ping' ? [p.device, p.target] : [p.device];
}
