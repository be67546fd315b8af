/**
 * What kind of link a cable of the model is, for the people who count and pull them: a VM's NIC
 * is virtual (a port on its hypervisor's vswitch), and the simulated internet between the
 * upstreams exists in the lab only; the rest are cables someone pulls.
 */
import type { Cable } from './site.js';

export function isVirtualNic(c: Pick<Cable, 'kind'>): boolean {
  return c.kind === 'vm-uplink' || c.kind === 'vm-port';
}

/** The lab's link between two simulated upstreams (their shared internet): no cable of the site. */
export function isLabOnly(c: Pick<Cable, 'kind'>): boolean {
  return c.kind === 'internet';
}

export function isPhysical(c: Pick<Cable, 'kind'>): boolean {
  return !isVirtualNic(c) && !isLabOnly(c);
}
