/**
 * A degraded fabric: the devices and links that have failed. Derivation and the eBGP simulation
 * take one and answer for the fabric that is left (`fabric whatif`, a gate during maintenance).
 * Empty by default: the intact fabric.
 */
import type { DeepReadonly } from '../model/freeze.js';
import type { SiteModel } from '../model/types.js';
import { oncePer } from '../util/once-per.js';

export interface Down {
  /** Failed devices, by name. A VM fails with its hypervisor (the model's `failureDomain`). */
  devices: ReadonlySet<string>;
  /**
   * Failed links, each named by either of its ends as `device:interface` (`leaf1a:eth1` or
   * `spine1:eth3` name the same cable).
   */
  links: ReadonlySet<string>;
}

/** Nothing has failed: the intact fabric. */
export const NOTHING_DOWN: Down = Object.freeze({ devices: new Set<string>(), links: new Set<string>() });

export function isIntact(down: Down): boolean {
  return down.devices.size === 0 && down.links.size === 0;
}

/** How a link end is named in `Down.links`. */
export function linkEnd(device: string, iface: string): string {
  return `${device}:${iface}`;
}

/**
 * Every device that is down: the failed ones and those whose failure domain holds one of them
 * (the VMs of a failed hypervisor).
 */
export function failedDevices(site: DeepReadonly<SiteModel>, down: Down): ReadonlySet<string> {
  if (down.devices.size === 0) return NONE;
  // asked several times per scenario (derivation, each family's simulation): once per `down`
  const last = failedOf.get(down);
  if (last?.site === site) return last.failed;
  // the devices whose failure domain holds a failed one, in the site's order
  const { members, position } = domainsOf(site);
  const at: number[] = [];
  for (const name of down.devices) for (const i of members.get(name) ?? []) at.push(i);
  at.sort((a, b) => a - b);
  const failed = new Set<string>();
  for (const i of at) failed.add(position[i]!);
  failedOf.set(down, { site, failed });
  return failed;
}

/**
 * Per site: per device name, the positions (in `site.devices`) of the devices whose failure
 * domain holds it, and each position's name. A failure of one device of a 5,000-device site
 * reads a few entries instead of every device's failure domain.
 */
const domainsOf = oncePer((site: DeepReadonly<SiteModel>) => {
  const members = new Map<string, number[]>();
  site.devices.forEach((d, i) => {
    for (const f of new Set(d.failureDomain)) {
      const list = members.get(f);
      if (list) list.push(i);
      else members.set(f, [i]);
    }
  });
  return { members, position: site.devices.map((d) => d.name) };
});

const NONE: ReadonlySet<string> = new Set();
const failedOf = new WeakMap<Down, { site: DeepReadonly<SiteModel>; failed: ReadonlySet<string> }>();

/** Whether the cable between these two ends has failed (named by either end). */
export function linkDown(
  down: Down,
  a: { device: string; interface: string },
  b: { device: string; interface: string },
): boolean {
  return down.links.has(linkEnd(a.device, a.interface)) || down.links.has(linkEnd(b.device, b.interface));
}
