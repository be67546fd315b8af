/**
 * Device facts: each device's role, id, rack, pod, ASN, loopback and management address; the
 * simulated upstreams beside them, with their peering link parsed once; VMs placed on their
 * hypervisors with their NICs on tenant segments.
 */
import type { InventoryPath } from '../../diagnostics/diagnostic.js';
import type { Device as InputDevice } from '../../inventory/types.gen.js';
import type { Role } from '../../model/types.js';
import { type Prefix4, parseAddress, parseHostOnPrefix } from '../../net/ipv4.js';
import { parseAddress6, parseHostOnPrefix6 } from '../../net/ipv6.js';
import { own } from '../../util/own.js';
import {
  type AsnPlan,
  deviceAsn,
  loopbackAddress,
  loopbackAddress6,
  mgmtAddress,
  mgmtAddress6,
} from '../allocate.js';
import type { DeviceFacts, SegmentFacts, UpstreamFacts } from '../facts.js';
import { externalRole, fromSitePlan, roleSpec, vmHostRoles } from '../roles.js';
import { type FactsContext, listOf, pastThePool, pastThePool6, suggest } from './context.js';
import type { PlanFacts } from './prefixes.js';

export function deviceFacts(
  ctx: FactsContext,
  pools: PlanFacts['pools'],
  asns: AsnPlan,
): Map<string, DeviceFacts> {
  const devices = new Map<string, DeviceFacts>();
  for (const [name, d] of Object.entries(ctx.site.devices)) {
    const path = ['devices', name];
    const role = d.role as Role;
    const pod = 'pod' in d && d.pod ? d.pod : 1;
    const asnRule = roleSpec(role).asn;
    let asn: number | null = null;
    // a cluster node's AS is its cluster's: set with the clusters (facts/clusters.ts)
    if (asnRule !== null && asnRule !== 'own' && asnRule !== 'per-cluster') {
      if (asnRule === 'shared-superspine' && asns.superspine === undefined && !('asn' in d && d.asn))
        ctx.fail('missing-asn', `super-spine ${name} needs asns.superspine (or its own asn)`, [
          ...path,
          'role',
        ]);
      const derived = 'asn' in d && d.asn ? d.asn : deviceAsn(asnRule, asns, d.id, pod);
      // past the end of asns.pool: wrong, not unusable (checkAsns reports asn-outside-pool)
      asn = derived ?? (asnRule === 'shared-superspine' ? null : asns.pool.first + d.id);
    }
    // an id past the end of a pool is reported by checkAddressesInPools (address-outside-pool)
    let loopback: number | null = null;
    if (fromSitePlan(role) && pools.loopback)
      loopback = loopbackAddress(pools.loopback, d.id) ?? pastThePool(pools.loopback, d.id);
    let loopback6: bigint | null = null;
    if (fromSitePlan(role) && pools.loopback6)
      loopback6 = loopbackAddress6(pools.loopback6, d.id) ?? pastThePool6(pools.loopback6, d.id);
    let mgmt: number | null = null;
    if (d.mgmt) {
      mgmt = parseAddress(d.mgmt) ?? null;
    } else if (pools.mgmt) {
      mgmt = mgmtAddress(pools.mgmt, d.id) ?? pastThePool(pools.mgmt, d.id);
    }
    const mgmt6 = pools.mgmt6 ? (mgmtAddress6(pools.mgmt6, d.id) ?? pastThePool6(pools.mgmt6, d.id)) : null;
    devices.set(name, {
      name,
      role,
      id: d.id,
      rack: 'rack' in d ? d.rack : '',
      pod,
      description: d.description ?? '',
      managed: true,
      asn,
      loopback,
      loopback6,
      mgmt,
      mgmt6,
      hostedOn: 'host' in d ? d.host : null,
      tenant: 'tenant' in d ? d.tenant : null,
      cluster: 'cluster' in d ? d.cluster : null,
      ports: [],
      nics: [],
      given: { mgmt: d.mgmt ?? null, asn: 'asn' in d },
      path,
    });
  }
  return devices;
}

/**
 * The simulated upstreams, sorted by name, each also a device (role `upstream`, not managed).
 * Their `lab.originate` prefixes are parsed later, with the other references.
 */
export function upstreamFacts(
  ctx: FactsContext,
  devices: Map<string, DeviceFacts>,
  mgmtPool: Prefix4 | undefined,
): Map<string, UpstreamFacts> {
  const upstreams = new Map<string, UpstreamFacts>();
  for (const [name, u] of Object.entries(ctx.site.upstreams).sort(([a], [b]) => a.localeCompare(b))) {
    const path = ['upstreams', name];
    const ours = parseHostOnPrefix(u.address);
    const theirs = parseAddress(u.peer);
    // the schema admits only well-formed addresses: this is a guard, not a message users meet
    if (!ours || theirs === undefined) {
      ctx.fail(
        'bad-address',
        `upstream ${name}: write address like 192.0.2.1/31 and peer like 192.0.2.0`,
        path,
      );
      continue;
    }
    let ipv6: UpstreamFacts['ipv6'] = null;
    if (u.address6 !== undefined || u.peer6 !== undefined) {
      const ours6 = u.address6 === undefined ? undefined : parseHostOnPrefix6(u.address6);
      const theirs6 = u.peer6 === undefined ? undefined : parseAddress6(u.peer6);
      // each one given says what is wrong with it; a missing one is said at the other
      if (u.address6 !== undefined && !ours6)
        ctx.fail(
          'bad-address',
          `upstream ${name}: address6 '${u.address6}' is not an IPv6 address with its link's length; write it like 2001:db8:ffff::1/127`,
          [...path, 'address6'],
        );
      if (u.peer6 !== undefined && theirs6 === undefined)
        ctx.fail(
          'bad-address',
          `upstream ${name}: peer6 '${u.peer6}' is not an IPv6 address; write it like '2001:db8:ffff::' (quoted)`,
          [...path, 'peer6'],
        );
      if (ours6 && theirs6 !== undefined)
        ipv6 = { link: ours6.prefix, ours: ours6.address, theirs: theirs6, originate: [] };
      else if (u.address6 === undefined || u.peer6 === undefined)
        ctx.fail(
          'bad-address',
          `upstream ${name}: an IPv6 session needs both address6 (like 2001:db8:ffff::1/127) and peer6 (like 2001:db8:ffff::); add ${u.address6 === undefined ? 'address6' : 'peer6'}`,
          [...path, u.address6 === undefined ? 'peer6' : 'address6'],
        );
    }
    upstreams.set(name, {
      name,
      asn: u.asn,
      edge: u.edge,
      interface: u.interface,
      peerInterface: u.peer_interface ?? 'eth1',
      link: ours.prefix,
      ours: ours.address,
      theirs,
      accept: u.accept ?? 'default',
      password: u.password?.secret ?? null,
      originate: [],
      ipv6,
      path,
    });
    if (devices.has(name)) {
      ctx.fail(
        'duplicate-name',
        `upstream '${name}' has the name of a device; names must be unique in the site`,
        path,
        true,
      );
      continue;
    }
    devices.set(name, {
      name,
      role: externalRole(),
      id: u.id,
      rack: '',
      pod: 1,
      description: u.description ?? `upstream AS${u.asn}`,
      managed: false,
      asn: u.asn,
      loopback: null,
      loopback6: null,
      mgmt: mgmtPool ? (mgmtAddress(mgmtPool, u.id) ?? pastThePool(mgmtPool, u.id)) : null,
      // the lab's management network, where the simulated upstreams live, is IPv4 only
      mgmt6: null,
      hostedOn: null,
      tenant: null,
      cluster: null,
      ports: [],
      nics: [],
      given: { mgmt: null, asn: false },
      path,
    });
  }
  return upstreams;
}

/** Names of the devices of these roles. */
export function namesOf(devices: Map<string, DeviceFacts>, roles: readonly Role[]): string[] {
  return [...devices.values()].filter((d) => roles.includes(d.role)).map((d) => d.name);
}

/**
 * Places each VM on its hypervisor (a role that runs OVS: a VM's NICs are ports of its host's
 * OVS), in its rack and pod, and resolves its NICs to tenant segments.
 */
export function placeVms(
  ctx: FactsContext,
  devices: Map<string, DeviceFacts>,
  segments: { segments: Map<string, SegmentFacts>; unusable: Set<string> },
): void {
  const vmHosts = vmHostRoles();
  for (const d of devices.values()) {
    if (!roleSpec(d.role).hosted || d.hostedOn === null || d.tenant === null) continue;
    const input = own(ctx.site.devices, d.name) as Extract<InputDevice, { host: string }>;
    const host = devices.get(d.hostedOn);
    if (!host) {
      const hvs = namesOf(devices, vmHosts);
      ctx.fail(
        'unknown-device',
        `${d.name} runs on unknown host '${d.hostedOn}'${suggest(d.hostedOn, hvs)} (hypervisors: ${listOf(hvs)})`,
        [...d.path, 'host'],
      );
    } else if (!vmHosts.includes(host.role)) {
      ctx.fail('wrong-role', `${d.name} runs on '${host.name}', which is a ${host.role}, not a hypervisor`, [
        ...d.path,
        'host',
      ]);
    } else {
      d.rack = host.rack;
      d.pod = host.pod;
    }
    const tenant = own(ctx.site.tenants, d.tenant);
    if (!tenant) {
      ctx.fail(
        'unknown-tenant',
        `${d.name} belongs to unknown tenant '${d.tenant}'${suggest(
          d.tenant,
          Object.keys(ctx.site.tenants).sort((a, b) => a.localeCompare(b)),
        )}`,
        [...d.path, 'tenant'],
      );
      continue;
    }
    nicFacts(ctx, d, input, Object.keys(tenant.segments), segments);
  }
}

function nicFacts(
  ctx: FactsContext,
  d: DeviceFacts,
  input: Extract<InputDevice, { host: string }>,
  known: string[],
  { segments, unusable }: { segments: Map<string, SegmentFacts>; unusable: Set<string> },
): void {
  const uplinkOnly = roleSpec(d.role).uplinkNic;
  for (const [nic, n] of Object.entries(input.nics).sort(([a], [b]) => nicOrder(a) - nicOrder(b))) {
    const path: InventoryPath = [...d.path, 'nics', nic];
    if (n.uplink) {
      if (n.segment || n.address || n.address6)
        ctx.fail('bad-nic', `${d.name} ${nic}: an uplink NIC has no segment or address`, path);
      if (!uplinkOnly)
        ctx.fail(
          'bad-nic',
          `${d.name} ${nic}: only a vRouter has an uplink NIC; attach it to a segment`,
          path,
        );
      d.nics.push({ name: nic, segment: null, on: null, address: null, address6: null, path });
      continue;
    }
    if (!n.segment || (!n.address && !n.address6)) {
      ctx.fail(
        'bad-nic',
        `${d.name} ${nic}: a NIC needs a segment and an address (or uplink: true on a vRouter)`,
        path,
      );
      continue;
    }
    const key = `${d.tenant}/${n.segment}`;
    if (unusable.has(key)) continue;
    const on = segments.get(key);
    if (!on) {
      ctx.fail(
        'unknown-segment',
        `${d.name} ${nic}: tenant ${d.tenant} has no segment '${n.segment}'${suggest(n.segment, known)} (segments: ${known.join(', ')})`,
        [...path, 'segment'],
      );
      continue;
    }
    if (!familiesMatch(ctx, `${d.name} ${nic}`, on, n, path)) continue;
    d.nics.push({
      name: nic,
      segment: key,
      on,
      address: n.address === undefined ? null : (parseAddress(n.address) ?? null),
      address6: n.address6 === undefined ? null : (parseAddress6(n.address6) ?? null),
      path,
    });
  }
  if (uplinkOnly && d.nics.filter((n) => n.segment === null).length !== 1)
    ctx.fail('bad-nic', `vRouter ${d.name} needs exactly one NIC with uplink: true`, [...d.path, 'nics']);
}

/**
 * Whether an address is given for each family the segment carries and for no other, reporting
 * the first one missing or out of place: `address` with `subnet`, `address6` with `subnet6`.
 * An IPv6 text in `address6` that `ip-address` rejects is reported here too (the schema checks
 * only its characters).
 */
export function familiesMatch(
  ctx: FactsContext,
  what: string,
  on: SegmentFacts,
  given: { address?: string; address6?: string },
  path: InventoryPath,
): boolean {
  const want = (field: 'address' | 'address6', has: boolean, subnet: string, example: string) => {
    if (has && given[field] === undefined) {
      ctx.fail(
        'missing-address',
        `${what}: segment ${on.key} carries ${subnet}; give ${field} (${example})`,
        path,
      );
      return false;
    }
    if (!has && given[field] !== undefined) {
      const family = field === 'address' ? 'IPv4' : 'IPv6';
      ctx.fail('wrong-family', `${what}: segment ${on.key} has no ${family} subnet; remove ${field}`, [
        ...path,
        field,
      ]);
      return false;
    }
    return true;
  };
  const ok4 = want('address', on.subnet !== null, on.subnet?.text ?? '', 'a host address of it');
  const ok6 = want('address6', on.subnet6 !== null, on.subnet6?.text ?? '', 'a host address of it');
  if (!ok4 || !ok6) return false;
  if (given.address6 !== undefined && parseAddress6(given.address6) === undefined) {
    ctx.fail('bad-address', `'${given.address6}' is not an IPv6 address; write it like 2001:db8::5`, [
      ...path,
      'address6',
    ]);
    return false;
  }
  return true;
}

function nicOrder(nic: string): number {
  return Number(nic.replace(/\D/g, ''));
}
