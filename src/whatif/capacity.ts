/**
 * N+1 capacity of the hypervisors. The model places each VM on one hypervisor and says nothing of
 * CPU or memory, so whether a lost hypervisor's VMs fit on the others cannot be computed: this
 * says which VMs need a new home and how many hypervisors are left to take them.
 */
import type { DeepReadonly } from '../model/freeze.js';
import type { SiteModel } from '../model/types.js';
import { oncePer } from '../util/once-per.js';
import type { Impact } from './types.js';

export const CAPACITY_NOTE =
  'The model has no CPU or memory figures for hypervisors or VMs: N+1 capacity lists the VMs a ' +
  'failure leaves without a hypervisor and the hypervisors left, not whether they fit.';

/** Per site: the hypervisors that host VMs. */
const hostsOf = oncePer(
  (site: DeepReadonly<SiteModel>) => new Set(site.devices.flatMap((d) => (d.hostedOn ? [d.hostedOn] : []))),
);

export function capacityImpact(site: DeepReadonly<SiteModel>, isDown: (name: string) => boolean): Impact[] {
  const hosts = hostsOf(site);
  const lostHosts = [...hosts].filter(isDown).sort();
  if (!lostHosts.length) return [];
  const vms = site.devices.filter((d) => d.hostedOn && lostHosts.includes(d.hostedOn)).map((d) => d.name);
  const left = [...hosts].filter((h) => !isDown(h)).length;
  if (!left)
    return [{ severity: 'breaks', service: 'capacity', detail: `no hypervisor left for ${vms.length} VMs` }];
  return [
    {
      severity: 'degraded',
      service: 'capacity',
      detail: `${vms.length} VMs (${vms.join(', ')}) to re-home on the ${left} hypervisors left (capacity unknown)`,
    },
  ];
}
