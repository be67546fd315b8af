/**
 * Which daemons' model parts a device has: the type guards every stage asks instead of its role,
 * so a new role is handled for what it runs. Part of the model types (one home per daemon).
 */
import type { DeepReadonly } from './freeze.js';
import type { Device } from './types.js';

type Dev = DeepReadonly<Device> | Device;

export const speaksBgp = <D extends Dev>(d: D): d is Extract<D, { frr: unknown }> => 'frr' in d;
export const runsVrrp = <D extends Dev>(d: D): d is Extract<D, { keepalived: unknown }> => 'keepalived' in d;
export const runsProxy = <D extends Dev>(d: D): d is Extract<D, { haproxy: unknown }> => 'haproxy' in d;
export const runsOverlay = <D extends Dev>(d: D): d is Extract<D, { ovs: unknown }> => 'ovs' in d;
export const runsDns = <D extends Dev>(d: D): d is Extract<D, { gdnsd?: unknown }> & { gdnsd: object } =>
  'gdnsd' in d && d.gdnsd !== undefined;
