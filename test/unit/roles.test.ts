/**
 * The role table (src/compile/roles.ts) covers every role of the schema, orders push sensibly,
 * and is what the compiled model says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PEER_GROUPS, peerGroupFor } from '../../src/compile/frr/peer-groups.js';
import {
  externalRole,
  ROLES,
  type RoleSpec,
  redundantRoles,
  roleSpec,
  upstreamPeerRoles,
} from '../../src/compile/roles.js';
import type { Role } from '../../src/model/types.js';
import { REPO } from '../support/cli.js';
import { compileExample } from '../support/render.js';

interface SchemaDef {
  oneOf?: { $ref: string }[];
  properties?: { role?: { const?: string } };
}

function schemaRoles(): string[] {
  const schema = JSON.parse(readFileSync(join(REPO, 'schema', 'inventory.schema.json'), 'utf8')) as {
    definitions: Record<string, SchemaDef>;
  };
  const defs = new Map(Object.entries(schema.definitions));
  return (defs.get('Device')?.oneOf ?? []).map((ref) => {
    const role = defs.get(ref.$ref.split('/').pop()!)?.properties?.role?.const;
    if (!role) throw new Error(`${ref.$ref} has no role const`);
    return role;
  });
}

const roles = Object.keys(ROLES) as Role[];

describe('the role table', () => {
  it('GIVEN the schema THEN the table has exactly its device roles and the lab upstream', () => {
    const fromSchema = schemaRoles();
    expect(fromSchema.length).toBeGreaterThanOrEqual(10);
    expect([...roles].sort()).toEqual([...fromSchema, 'upstream'].sort());
  });

  it('GIVEN a table missing a role THEN it does not type-check', () => {
    const { vm: _vm, ...withoutVm } = ROLES;
    // @ts-expect-error: 'vm' is missing, and Role comes from the generated inventory types
    const incomplete: Record<Role, RoleSpec> = withoutVm;
    expect(Object.keys(incomplete)).not.toContain('vm');
  });

  it('THEN every role has its own tier, and a device changes after what it uplinks to or runs on', () => {
    expect(new Set(roles.map((r) => roleSpec(r).tier)).size).toBe(roles.length);
    for (const r of roles) {
      for (const up of roleSpec(r).uplinksTo)
        expect(roleSpec(up).tier, `${r} → ${up}`).toBeLessThan(roleSpec(r).tier);
      if (roleSpec(r).hosted) expect(roleSpec('hypervisor').tier, r).toBeLessThan(roleSpec(r).tier);
    }
  });

  it('GIVEN the example THEN each device carries its role’s tier, daemons and failure domain', () => {
    const { model } = compileExample();
    for (const site of model!.sites)
      for (const d of site.devices) {
        const spec = roleSpec(d.role);
        expect(d.tier, d.name).toBe(spec.tier);
        // snmpd where the inventory configures SNMP, gdnsd on a GSLB zone's servers: not the role's
        expect(
          d.daemons.filter((x) => x !== 'snmpd' && x !== 'gdnsd'),
          d.name,
        ).toEqual([...spec.daemons]);
        expect(d.failureDomain, d.name).toEqual(spec.hosted ? [d.name, d.hostedOn] : [d.name]);
      }
  });
});

describe('the role table decides per role', () => {
  it('THEN exactly one role is external, and it is the one whose devices are not managed', () => {
    const external = roles.filter((r) => roleSpec(r).external);
    expect(external).toEqual([externalRole()]);
    const { model } = compileExample();
    for (const site of model!.sites)
      for (const d of site.devices) expect(d.managed, d.name).toBe(d.role !== externalRole());
  });

  it('GIVEN two BGP roles cabled together THEN each end finds a peer group; a role without BGP has none', () => {
    for (const me of roles)
      for (const peer of [...roleSpec(me).uplinksTo])
        if (roleSpec(me).bgp && roleSpec(peer).bgp) {
          expect(PEER_GROUPS[peerGroupFor(me, peer, false).name as keyof typeof PEER_GROUPS]).toBeDefined();
          expect(peerGroupFor(peer, me, false).name, `${peer} → ${me}`).toBeTruthy();
        }
    const noBgp = roles.filter((r) => roleSpec(r).bgp === null);
    expect(noBgp.length).toBeGreaterThan(0);
    for (const r of noBgp) expect(() => peerGroupFor(roles[0]!, r, false)).toThrow(/no BGP session/);
  });

  it('GIVEN an upstream that sends the full table THEN its group accepts FULL-TABLE, else DEFAULT-ONLY', () => {
    const edge = upstreamPeerRoles()[0]!;
    expect(peerGroupFor(edge, externalRole(), true).acceptPrefixList).toBe('FULL-TABLE');
    expect(peerGroupFor(edge, externalRole(), false).acceptPrefixList).toBe('DEFAULT-ONLY');
  });

  it('GIVEN the example THEN every role with a redundancy row forms its groups, in table order', () => {
    const { model } = compileExample();
    const site = model!.sites.find((s) => s.name === 'idc-a')!;
    const kinds = [...new Set(site.redundancyGroups.map((g) => g.kind))];
    const fromTable = redundantRoles()
      .map(({ spec }) => spec.kind)
      .filter((k) => kinds.includes(k));
    expect(kinds.slice(0, fromTable.length)).toEqual(fromTable);
    expect(fromTable.length).toBeGreaterThanOrEqual(4);
  });

  it('THEN each role is drawn in a zone its other columns agree with (fabric docs reads `place`)', () => {
    const hostedZones = ['gateway', 'l4', 'l7', 'app'];
    for (const [role, spec] of Object.entries(ROLES) as [Role, RoleSpec][]) {
      expect(spec.place === 'internet', role).toBe(spec.external);
      expect(spec.place === 'border', role).toBe(spec.peersWithUpstreams);
      expect(hostedZones.includes(spec.place), role).toBe(spec.hosted);
      expect(['compute', 'data'].includes(spec.place), role).toBe(spec.uplinkCable === 'host');
      expect(spec.place === 'compute', role).toBe(spec.daemons.includes('ovs'));
      if (spec.place === 'rack') expect(spec.redundancy?.by, role).toBe('rack');
    }
    const placed = new Set(Object.values(ROLES).map((s: RoleSpec) => s.place));
    expect([...placed].sort()).toEqual([
      'app',
      'border',
      'compute',
      'core',
      'data',
      'gateway',
      'internet',
      'l4',
      'l7',
      'rack',
    ]);
  });
});
