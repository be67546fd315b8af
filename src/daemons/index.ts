/**
 * The daemon drivers, one per daemon fabric configures (frr, keepalived, haproxy, redis, etcd, patroni, pgbouncer,
 * rabbitmq-server, amqp-worker, gdnsd, ovs, snmpd),
 * and sysctl, the kernel settings of a device (not a daemon: it applies by the device's model).
 * Render, push, drift and the lab loop over these instead of naming daemons; each of their entry
 * points takes a registry, this one by default, so a new daemon is one more entry here (and its
 * templates, schema and model part). In the order their steps run.
 */
import { own } from '../util/own.js';
import { amqpWorker } from './amqp-worker/index.js';
import { etcd } from './etcd/index.js';
import { frr } from './frr/index.js';
import { gdnsd } from './gdnsd/index.js';
import { haproxy } from './haproxy/index.js';
import { keepalived } from './keepalived/index.js';
import { ovs } from './ovs/index.js';
import { patroni } from './patroni/index.js';
import { pgbouncer } from './pgbouncer/index.js';
import { rabbitmqServer } from './rabbitmq-server/index.js';
import { redis } from './redis/index.js';
import { snmpd } from './snmpd/index.js';
import { sysctl } from './sysctl/index.js';
import type { DaemonDriver, DaemonRegistry, DeviceView } from './types.js';

// sysctl first: the kernel settings are in place before the daemons reload on top of them;
// etcd before patroni (Patroni needs the store), patroni before pgbouncer (its server);
// rabbitmq-server before amqp-worker (a worker on a member's VM consumes from it)
export const DAEMONS = {
  sysctl,
  frr,
  keepalived,
  haproxy,
  redis,
  etcd,
  patroni,
  pgbouncer,
  'rabbitmq-server': rabbitmqServer,
  'amqp-worker': amqpWorker,
  gdnsd,
  ovs,
  snmpd,
} as const;

/** A daemon fabric configures: the one name every stage uses. */
export type Daemon = keyof typeof DAEMONS;

/**
 * The drivers of a device: those of the settings its model asks for (`appliesTo`: its kernel
 * settings), then those of the daemons it runs, in the device's order. A name without a driver
 * is a compile bug, not bad input: it fails loudly here rather than being skipped.
 */
export function driversOf(d: DeviceView, registry: DaemonRegistry = DAEMONS): DaemonDriver[] {
  const settings = Object.values(registry).filter((driver) => driver.appliesTo?.(d));
  const daemons = d.daemons.map((name) => {
    const driver = own(registry, name);
    if (!driver) throw new Error(`no driver for daemon "${name}" (src/daemons/index.ts)`);
    return driver;
  });
  return [...settings, ...daemons.filter((driver) => !settings.includes(driver))];
}

/** The driver of a daemon by name, or undefined. */
export function driverOf(name: string, registry: DaemonRegistry = DAEMONS): DaemonDriver | undefined {
  return own(registry, name);
}
