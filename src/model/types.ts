/**
 * The compiled fabric model: plain, serialisable, fully resolved data. Every address, ASN, VRID,
 * interface name, neighbor and priority is decided by compile and only printed by templates.
 * Lists are sorted by compile, so `fabric show --json` lists things in config order.
 *
 * Field names follow the daemons' own nouns (routerBgp.neighbors, vrrpInstances, virtualServers,
 * frontends), and the same name is used by the compile function, the template partial and the
 * golden file.
 */

export * from './address.js';
export * from './budgets.js';
export * from './device.js';
export * from './frr.js';
export * from './haproxy.js';
export * from './k8s.js';
export * from './keepalived.js';
export * from './ovs.js';
export * from './postgres.js';
export * from './rabbitmq.js';
export * from './redis.js';
export * from './secrets.js';
export * from './site.js';
export * from './snmpd.js';
