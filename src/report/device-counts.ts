/**
 * What a device count counts. validate counts every device of the site, render the devices that
 * get files (the configured ones and the lab's simulated upstreams), push and drift the configured
 * ones, the lab every node: each command says which, in the same words.
 */
import type { DeepReadonly } from '../model/freeze.js';
import type { Device, SiteModel } from '../model/types.js';
import { plural } from '../util/plural.js';

export interface DeviceCounts {
  total: number;
  /** Managed devices running daemons fabric configures: what push changes and drift reads. */
  configured: number;
  /** Application VMs: lab nodes and real servers, no daemon of fabric's. */
  vms: number;
  /** The lab's simulated upstreams: rendered for the lab, never pushed. */
  labUpstreams: number;
  /** Anything else fabric does not configure. */
  other: number;
}

export function deviceCounts(
  site: DeepReadonly<SiteModel>,
  only: (d: DeepReadonly<Device>) => boolean = () => true,
): DeviceCounts {
  const c: DeviceCounts = { total: 0, configured: 0, vms: 0, labUpstreams: 0, other: 0 };
  for (const d of site.devices) {
    if (!only(d)) continue;
    c.total++;
    if (d.managed && d.daemons.length > 0) c.configured++;
    // only the lab's simulated upstreams are unmanaged; a VM is hosted and runs nothing of fabric's
    else if (!d.managed) c.labUpstreams++;
    else if (d.hostedOn !== null) c.vms++;
    else c.other++;
  }
  return c;
}

/** "26 devices (20 configured, 4 VMs, 2 lab upstreams)"; no parentheses when all are configured. */
export function describeDeviceCounts(c: DeviceCounts): string {
  const parts = [
    `${c.configured} configured`,
    c.vms ? plural(c.vms, 'VM') : '',
    c.labUpstreams ? plural(c.labUpstreams, 'lab upstream') : '',
    c.other ? `${c.other} not configured` : '',
  ].filter(Boolean);
  const total = plural(c.total, 'device');
  return c.configured === c.total ? total : `${total} (${parts.join(', ')})`;
}
