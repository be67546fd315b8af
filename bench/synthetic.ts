/**
 * Synthetic fabric generator for benchmarks and tests: a 5-stage Clos (super-spines, pods of
 * spines and leaf pairs, optional hypervisors) plus an edge pair with two upstreams, as a valid
 * multi-file inventory (one site file, one file per pod) that `fabric validate` accepts.
 *
 * Numbering is fixed so that every value fits its pool: ids are handed out in order from 2
 * (offset 1 of pools.mgmt is the gateway), pools are /16 (ids go up to 65535), per-device ASNs
 * come from a 4-byte private range.
 *
 * Run directly to write an inventory for a manual `fabric validate -i DIR`:
 *   node --import tsx bench/synthetic.ts --out DIR [--devices N | --superspines … --pods … …]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import type { Device, InventoryFile } from '../src/inventory/types.gen.js';

export interface Shape {
  superspines: number;
  pods: number;
  spinesPerPod: number;
  /** Leaves per pod, in racks of two; with an odd count the last rack of each pod has three. */
  leavesPerPod: number;
  /** Hypervisors per rack, each cabled to every leaf of its rack. */
  hostsPerRack: number;
}

export const SITE = 'synth';

/** Arista AVD's published 5K benchmark shape: 12 + 18 × (12 + 265) = 4998 switches, + the edge pair. */
export const AVD_5K: Shape = {
  superspines: 12,
  pods: 18,
  spinesPerPod: 12,
  leavesPerPod: 265,
  hostsPerRack: 0,
};

/** Managed devices of a shape: switches, hosts and the edge pair (upstreams are not counted). */
export function deviceCount(s: Shape): number {
  const racks = Math.floor(s.leavesPerPod / 2);
  return 2 + s.superspines + s.pods * (s.spinesPerPod + s.leavesPerPod + racks * s.hostsPerRack);
}

/**
 * A shape of about `n` devices with AVD's proportions: 12 super-spines, pods of 12 spines and
 * ~265 leaves; the leaf count per pod is fitted so the total lands close to `n`.
 */
export function shapeFor(n: number, hostsPerRack = 0): Shape {
  const fixed = 2 + AVD_5K.superspines; // edge pair + super-spines
  const perPod = AVD_5K.spinesPerPod + AVD_5K.leavesPerPod;
  const pods = Math.max(1, Math.round((n - fixed) / perPod));
  // each pod: 12 spines, L leaves, floor(L/2) racks of hosts
  const leavesPerPod = Math.round(((n - fixed) / pods - AVD_5K.spinesPerPod) / (1 + hostsPerRack / 2));
  if (leavesPerPod < 2)
    throw new Error(`--devices ${n} is too small for the AVD shape; give the shape flags`);
  return { ...AVD_5K, pods, leavesPerPod, hostsPerRack };
}

function check(s: Shape): void {
  const ints = Object.entries(s).filter(([, v]) => !Number.isInteger(v) || v < 0);
  if (ints.length) throw new Error(`shape: ${ints.map(([k]) => k).join(', ')} must be whole numbers >= 0`);
  if (s.pods < 1 || s.pods > 255)
    throw new Error('shape: pods must be 1 to 255 (pod is 1..255 in the schema)');
  if (s.spinesPerPod < 1) throw new Error('shape: at least one spine per pod');
  if (s.leavesPerPod < 2) throw new Error('shape: at least one leaf pair per pod');
  if (s.pods > 1 && s.superspines < 1) throw new Error('shape: several pods need super-spines to join them');
  // ids run from 2 up to 65535 (a /16 pool), and the two upstreams take two of them
  if (deviceCount(s) + 2 > 65534) throw new Error('shape: more than 65532 devices do not fit the device ids');
}

/** What the synthetic site carries besides its shape. */
export interface SyntheticOptions {
  /**
   * Dual-stack (issue 14), as test/fixtures/dual-stack writes a site: IPv6 loopback and
   * management pools, an IPv6 announce prefix, an IPv6 session beside the IPv4 one with each
   * upstream. The IPv4 side is the same as without it. The shapes have no tenants, so there
   * are no segments, gateways or VIPs to give an IPv6 address.
   * @default false
   */
  dualStack?: boolean;
}

/** The inventory as plain objects: `files` maps a file name to its content. */
export function syntheticInventory(
  shape: Shape,
  options: SyntheticOptions = {},
): { files: Record<string, InventoryFile>; devices: number } {
  check(shape);
  const ds = options.dualStack === true;
  const { superspines: SS, pods, spinesPerPod: S, leavesPerPod: L, hostsPerRack: H } = shape;
  let nextId = 2;
  const id = () => nextId++;
  const eth = (n: number) => `eth${n}`;
  const spine = (pod: number, s: number) => `p${pod}-spine${s}`;

  // Port plan. Super-spine: eth((pod-1)*S + s) to each spine. Spine: eth1..ethSS up, then
  // eth(SS+i) to leaf i of its pod, then (pod 1 only) the two edges. Leaf: eth1..ethS up to the
  // spines, eth(S+h) down to host h of its rack. Edge: eth1..ethS to pod 1's spines, eth(S+1) upstream.
  const site: InventoryFile = {
    site: SITE,
    description: `Synthetic ${SS} super-spines, ${pods} pods of ${S} spines + ${L} leaves`,
    asns: {
      edge: 4201002000,
      spine: 4201000000, // + pod - 1
      superspine: 4201001000,
      pool: '4200000000-4200999999', // + id
    },
    // IPv6 from the documentation prefix 2001:db8::/32 (RFC 3849); a /64 holds every id
    pools: {
      loopback: '10.0.0.0/16',
      mgmt: '198.18.0.0/16',
      ...(ds ? { loopback6: '2001:db8:1::/64', mgmt6: '2001:db8:18::/64' } : {}),
    },
    prefixes: { announce: ['203.0.113.0/24'], ...(ds ? { announce6: ['2001:db8:100::/48'] } : {}) },
    defaults: { mtu: 9000, bfd: { interval: 80, multiplier: 3 }, ovs: { datapath: 'netdev' } },
    upstreams: {},
    devices: {},
  };
  const siteDevices = site.devices!;
  for (const e of [1, 2]) {
    const uplinks: Record<string, string> = {};
    for (let s = 1; s <= S; s++) uplinks[eth(s)] = `${spine(1, s)}:${eth(SS + L + e)}`;
    siteDevices[`edge${e}`] = { role: 'edge', id: id(), rack: `edge-net${e}`, uplinks };
  }
  for (const e of [1, 2])
    site.upstreams![`isp${e}`] = {
      id: id(),
      asn: 64495 + e, // documentation ASNs 64496, 64497
      edge: `edge${e}`,
      interface: eth(S + 1),
      address: `192.0.2.${2 * e - 1}/31`,
      peer: `192.0.2.${2 * e - 2}`,
      // RFC 6164: a /127 between routers
      ...(ds ? { address6: `2001:db8:ffff:${e}::1/127`, peer6: `2001:db8:ffff:${e}::` } : {}),
      password: { secret: `isp${e}-bgp` },
      accept: 'default',
      lab: {
        originate: [`198.51.100.${(e - 1) * 128}/25`],
        ...(ds ? { originate6: [`2001:db8:f${e}::/48`] } : {}),
      },
    };
  for (let k = 1; k <= SS; k++) siteDevices[`ss${k}`] = { role: 'superspine', id: id(), rack: `core${k}` };

  const files: Record<string, InventoryFile> = { 'site.yaml': site };
  for (let pod = 1; pod <= pods; pod++) {
    const devices: Record<string, Device> = {};
    for (let s = 1; s <= S; s++) {
      const uplinks: Record<string, string> = {};
      for (let k = 1; k <= SS; k++) uplinks[eth(k)] = `ss${k}:${eth((pod - 1) * S + s)}`;
      devices[spine(pod, s)] = {
        role: 'spine',
        id: id(),
        rack: `p${pod}-net${s}`,
        pod,
        ...(SS ? { uplinks } : {}),
      };
    }
    // racks of two leaves; an odd leaf joins the last rack (a lone leaf in a rack is an error)
    const racks = Math.floor(L / 2);
    let leaf = 0;
    for (let r = 1; r <= racks; r++) {
      const rack = `p${pod}-r${r}`;
      const members = r === racks && L % 2 ? ['a', 'b', 'c'] : ['a', 'b'];
      const names: string[] = [];
      for (const m of members) {
        leaf++;
        const uplinks: Record<string, string> = {};
        for (let s = 1; s <= S; s++) uplinks[eth(s)] = `${spine(pod, s)}:${eth(SS + leaf)}`;
        const name = `p${pod}-leaf${r}${m}`;
        names.push(name);
        devices[name] = { role: 'leaf', id: id(), rack, pod, uplinks };
      }
      for (let h = 1; h <= H; h++) {
        const uplinks: Record<string, string> = {};
        names.forEach((n, i) => {
          uplinks[eth(i + 1)] = `${n}:${eth(S + h)}`;
        });
        devices[`p${pod}-r${r}-hv${h}`] = { role: 'hypervisor', id: id(), rack, uplinks };
      }
    }
    files[`pod${String(pod).padStart(3, '0')}.yaml`] = { site: SITE, devices };
  }
  return { files, devices: nextId - 2 - 2 }; // ids handed out, less the two upstreams
}

/** Writes the inventory into `dir` (created if needed); returns the managed device count. */
export function writeSyntheticInventory(dir: string, shape: Shape, options: SyntheticOptions = {}): number {
  const { files, devices } = syntheticInventory(shape, options);
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files))
    writeFileSync(join(dir, name), `# Generated by bench/synthetic.ts\n${stringify(content)}`);
  return devices;
}

/** Shape options shared with bench/render.ts: --devices N, or the explicit shape flags; --dual-stack. */
export const SHAPE_OPTIONS = {
  devices: { type: 'string' },
  'dual-stack': { type: 'boolean' },
  superspines: { type: 'string' },
  pods: { type: 'string' },
  spines: { type: 'string' },
  leaves: { type: 'string' },
  hosts: { type: 'string' },
} as const;

export function shapeFromArgs(
  v: Partial<Record<Exclude<keyof typeof SHAPE_OPTIONS, 'dual-stack'>, string>>,
): Shape {
  const num = (name: string, s: string | undefined) => {
    if (s === undefined) return undefined;
    const n = Number(s);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got '${s}'`);
    return n;
  };
  const hosts = num('hosts', v.hosts) ?? 0;
  const base =
    v.devices !== undefined
      ? shapeFor(num('devices', v.devices)!, hosts)
      : { ...AVD_5K, hostsPerRack: hosts };
  return {
    superspines: num('superspines', v.superspines) ?? base.superspines,
    pods: num('pods', v.pods) ?? base.pods,
    spinesPerPod: num('spines', v.spines) ?? base.spinesPerPod,
    leavesPerPod: num('leaves', v.leaves) ?? base.leavesPerPod,
    hostsPerRack: hosts,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { ...SHAPE_OPTIONS, out: { type: 'string' } } });
  if (!values.out)
    throw new Error('usage: synthetic.ts --out DIR [--devices N | shape flags] [--dual-stack]');
  const shape = shapeFromArgs(values);
  const dualStack = values['dual-stack'] === true;
  const n = writeSyntheticInventory(values.out, shape, { dualStack });
  process.stderr.write(
    `${values.out}: ${n} devices ${JSON.stringify(shape)}${dualStack ? ' dual-stack' : ''}\n`,
  );
}
