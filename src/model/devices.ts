/** Questions about the compiled model that several stages ask the same way. */
import type { DeepReadonly } from './freeze.js';
import type { Device, SiteModel } from './types.js';

/**
 * The devices fabric configures, and so the ones push changes, gates check and drift reads:
 * managed, with at least one daemon of fabric's (not application VMs, not the lab's simulated
 * upstreams).
 */
export function configuredDevices(site: DeepReadonly<SiteModel>): DeepReadonly<Device>[] {
  return site.devices.filter((d) => d.managed && d.daemons.length > 0);
}
