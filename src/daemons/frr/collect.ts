/**
 * FRR's reads in drift's collect: one vtysh for the running configuration and the JSON the
 * runtime checks ask for (vtysh spends ~30 ms building its command tree each time it starts).
 */
import type { DeepReadonly } from '../../model/freeze.js';
import type { Device } from '../../model/types.js';
import { FRR, FRR_FAMILY } from '../../observe/frr.js';
import type { CommandResult } from '../../observe/runner.js';

/** FRR's reads in one vtysh: the text first, then the JSON of the daemons least likely to be down. */
export const FRR_COMBINED = {
  command:
    "vtysh -c 'show running-config' -c 'show ip route json' -c 'show bfd peers json' -c 'show bgp ipv4 unicast summary json'",
  json: [FRR.routes, FRR.bfdPeers, FRR.bgpSummary] as const,
};

/**
 * The same vtysh with the IPv6 family's reads after IPv4's (issue 14), for a device that routes
 * IPv6: its IPv6 checks cost no vtysh of their own. An IPv4-only device keeps `FRR_COMBINED`.
 */
export const FRR_COMBINED6 = {
  command: `${FRR_COMBINED.command} -c 'show ipv6 route json' -c 'show bgp ipv6 unicast summary json'`,
  json: [...FRR_COMBINED.json, FRR_FAMILY.ipv6.routes, FRR_FAMILY.ipv6.bgpSummary] as const,
};

/** The combined read of a device: with IPv6's where its BGP has `address-family ipv6 unicast`. */
export function frrCombinedOf(d: DeepReadonly<Device>): typeof FRR_COMBINED | typeof FRR_COMBINED6 {
  return 'frr' in d && d.frr.routerBgp.ipv6Unicast ? FRR_COMBINED6 : FRR_COMBINED;
}

/** The end of the JSON value that starts at `i` (an object or array), or -1. */
function jsonEnd(text: string, i: number): number {
  let depth = 0;
  let inString = false;
  for (let j = i; j < text.length; j++) {
    const c = text[j];
    if (inString) {
      if (c === '\\') j++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  return -1;
}

/**
 * Splits the combined vtysh output: the running configuration (through its `end` line), then
 * one JSON value per command. vtysh stops at the first command whose daemon is down, so fewer
 * values may follow; each is accepted only if it has its command's shape (routes: an object;
 * BFD peers: an array; BGP summary: an object).
 */
export function splitFrrCombined(r: CommandResult): {
  running: string | null;
  json: Map<string, CommandResult>;
} {
  const json = new Map<string, CommandResult>();
  const text = r.stdout;
  const end = /^end$/m.exec(text);
  if (!text.includes('Current configuration:') || !end) return { running: null, json };
  const running = text.slice(0, end.index + 3);
  let rest = text.slice(end.index + 3);
  // IPv4's commands are a prefix of the IPv6 read's: an IPv4 read's output simply ends sooner
  for (const command of FRR_COMBINED6.json) {
    const start = rest.search(/\S/);
    if (start < 0) break;
    const stop = jsonEnd(rest, start);
    if (stop < 0) break;
    const value = rest.slice(start, stop);
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      break;
    }
    const isArray = Array.isArray(parsed);
    const shapeOk =
      command === FRR.bfdPeers ? isArray : !isArray && typeof parsed === 'object' && parsed !== null;
    if (!shapeOk) break;
    json.set(command, { code: 0, stdout: value, stderr: '' });
    rest = rest.slice(stop);
  }
  return { running, json };
}
