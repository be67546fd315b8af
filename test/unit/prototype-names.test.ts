/**
 * Names that are JavaScript's own properties. A device, segment, tenant, gateway, service,
 * backend, upstream, rack or secret may be called `constructor` (the schema accepts it), so every
 * stage must look names up as data: the renamed reference site must validate, render, export
 * and plan exactly like the original. Names the schema refuses (`__proto__`, `toString`, …) are
 * located errors, never a crash and never a changed prototype.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planLab } from '../../src/lab/plan/lab-plan.js';
import { parseTopologyText } from '../../src/lab/topology/parse.js';
import { runPipeline } from '../../src/pipeline.js';
import { planWaves } from '../../src/push/waves.js';
import { exportTopology } from '../../src/topology/clab.js';
import { deriveExpectations } from '../../src/verify/expectations.js';
import { REPO, runFabric } from '../support/cli.js';
import { renderExample } from '../support/render.js';
import { tempDir } from '../support/tmp.js';

/** Names Object.prototype gives every plain object; only `constructor` is a legal fabric name. */
const PROTOTYPE_NAMES = [
  'constructor',
  'toString',
  '__proto__',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
];

/** Renames whole names only: `shop` but not `shop-vrrp`, `app` but not `app1`. */
function rename(text: string, renames: Record<string, string>): string {
  let out = text;
  for (const [from, to] of Object.entries(renames))
    out = out.replace(new RegExp(`(?<![\\w-])${from.replace(/[-]/g, '\\-')}(?![\\w-])`, 'g'), to);
  return out;
}

/** The reference inventory (and its secrets) with some names replaced, in a fresh folder: idc-b and
 * the gslb section are renamed with idc-a, so the names they share stay one. */
function renamedSite(renames: Record<string, string>): { inventory: string; secrets: string } {
  const dir = tempDir('fabric-proto-');
  const inventory = join(dir, 'inventory');
  cpSync(join(REPO, 'inventory'), inventory, { recursive: true });
  for (const f of readdirSync(inventory))
    writeFileSync(join(inventory, f), rename(readFileSync(join(inventory, f), 'utf8'), renames));
  const secrets = join(dir, 'secrets.yaml');
  writeFileSync(secrets, rename(readFileSync(join(REPO, 'secrets.yaml'), 'utf8'), renames));
  return { inventory, secrets };
}

/** Every kind of user name, each variant renaming at most one name per namespace. */
const VARIANTS: Record<string, string>[] = [
  // a VM, a segment (the L4 gateway's), an L4 service and L7 frontend, a backend, a rack, a secret
  { app1: 'constructor', lbnet: 'constructor', www: 'constructor', web: 'constructor', r1: 'constructor' },
  { 'shop-vrrp': 'constructor' },
  // a tenant, a segment with a vRouter gateway, a hypervisor
  { shop: 'constructor', public: 'constructor', hv1: 'constructor' },
  // an upstream, a segment of application VMs, a backend
  { isp1: 'constructor', app: 'constructor', api: 'constructor' },
  ...['edge1', 'spine1', 'leaf1a', 'vr1', 'lb1', 'web1', 'st1'].map((d) => ({ [d]: 'constructor' })),
];

function summary(inventory: string, secrets: string) {
  const [r] = renderExample(inventory, secrets).filter((s) => s.site.name === 'idc-a');
  return r!;
}

describe('names that are JavaScript object properties', () => {
  const original = summary(join(REPO, 'inventory'), join(REPO, 'secrets.yaml'));
  const originalFiles = original.rendered.files.map((f) => `${f.device}/${f.file}`);

  for (const renames of VARIANTS) {
    const label = Object.entries(renames)
      .map(([a, b]) => `${a}→${b}`)
      .join(', ');
    it(`GIVEN idc-a with ${label} WHEN validated, rendered, exported and planned THEN it works like the original`, () => {
      const { inventory, secrets } = renamedSite(renames);
      const r = runPipeline(inventory);
      expect(r.inputErrors.map((d) => d.message)).toEqual([]);
      expect(r.findings.map((d) => `${d.code} ${d.message}`)).toEqual(
        original.findings.map((d) => `${d.code} ${rename(d.message, renames)}`),
      );

      const { site, rendered, manifest } = summary(inventory, secrets);
      // the same files on the same devices, under their new names
      expect(rendered.files.map((f) => `${f.device}/${f.file}`).sort()).toEqual(
        originalFiles.map((f) => rename(f, renames)).sort(),
      );
      expect(site.devices.length).toBe(original.site.devices.length);
      expect(site.cables.length).toBe(original.site.cables.length);
      expect(site.redundancyGroups.length).toBe(original.site.redundancyGroups.length);
      expect(deriveExpectations(site).length).toBe(deriveExpectations(original.site).length);

      const renderedDir = join(inventory, '..', 'out', 'idc-a');
      for (const f of rendered.files) {
        mkdirSync(dirname(join(renderedDir, f.device, f.file)), { recursive: true });
        writeFileSync(join(renderedDir, f.device, f.file), f.content);
      }
      const topologyPath = join(inventory, '..', 'lab', 'idc-a.clab.yml');
      const text = exportTopology(site, {
        topologyPath,
        renderedDir,
        manifest,
        empty: false,
      });
      const parsed = parseTopologyText(topologyPath, text, { forRuntime: true });
      expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const plan = planLab(parsed.topology!);
      expect(plan.nodes.filter((n) => n.role !== 'bridge').length).toBe(site.devices.length);

      const managed = site.devices.filter((d) => d.managed).map((d) => d.name);
      expect(
        planWaves(site, managed)
          .waves.flatMap((w) => w.devices)
          .sort(),
      ).toEqual(managed.sort());
    });
  }

  it('GIVEN idc-a with an L4 balancer, a segment, a tenant and a backend named constructor WHEN the CLI validates and renders THEN exit 0 and the same files', async () => {
    const { inventory } = renamedSite({
      lb1: 'constructor',
      lbnet: 'constructor',
      shop: 'constructor',
      web: 'constructor',
    });
    const cwd = join(inventory, '..');
    const v = await runFabric(['validate'], { cwd });
    expect(v.code, v.stdout + v.stderr).toBe(0);
    const r = await runFabric(['render', '--out', 'out'], { cwd });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(`${originalFiles.length} files`);
    expect(existsSync(join(cwd, 'out', 'idc-a', 'constructor'))).toBe(true);
  });

  it('GIVEN a name no one declared, such as constructor, WHEN referenced THEN it is an unknown name, located', () => {
    const { inventory } = renamedSite({});
    const tenants = join(inventory, 'idc-a-tenants.yaml');
    const text = readFileSync(tenants, 'utf8')
      .replace(
        'app: { vrid: 13, address: 10.20.2.1, address6: 2001:db8:20:2::1 }',
        'constructor: { vrid: 13, address: 10.20.2.1, address6: 2001:db8:20:2::1 }',
      )
      .replace('default_backend: web', 'default_backend: constructor')
      .replace('host: hv4', 'host: constructor');
    writeFileSync(tenants, text);
    const r = runPipeline(inventory);
    expect(r.model).toBeUndefined();
    expect(r.inputErrors.map((d) => d.code).sort()).toEqual([
      'unknown-backend',
      'unknown-device',
      'unknown-segment',
    ]);
    for (const d of r.inputErrors) expect(d.location?.line, d.message).toBeGreaterThan(0);
  });

  it('GIVEN a VM only on a segment named constructor that has no gateway THEN it has no default gateway', () => {
    const { inventory } = renamedSite({});
    const tenants = join(inventory, 'idc-a-tenants.yaml');
    const text = readFileSync(tenants, 'utf8').replace(
      'app: { vni: 10030, subnet: 10.20.2.0/24, subnet6: 2001:db8:20:2::/64, description: L7 to application VMs }',
      'app: { vni: 10030, subnet: 10.20.2.0/24, subnet6: 2001:db8:20:2::/64 }\n      constructor: { vni: 10040, subnet: 10.20.3.0/24 }',
    );
    writeFileSync(
      tenants,
      `${text}  app5: { role: vm, id: 75, host: hv2, tenant: shop, nics: { eth1: { segment: constructor, address: 10.20.3.5 } } }\n`,
    );
    const r = runPipeline(inventory);
    expect(r.inputErrors.map((d) => d.message)).toEqual([]);
    const app5 = r.model!.sites[0]!.devices.find((d) => d.name === 'app5')!;
    expect(app5.defaultGateway).toBeNull();
  });

  for (const name of PROTOTYPE_NAMES.filter((n) => n !== 'constructor'))
    it(`GIVEN a device, a segment and a tenant named ${name} THEN located schema errors, and no prototype changed`, () => {
      const { inventory } = renamedSite({ app1: name, lbnet: name, shop: name });
      const r = runPipeline(inventory);
      expect(r.model).toBeUndefined();
      expect(r.inputErrors.length).toBeGreaterThan(0);
      for (const d of r.inputErrors) {
        expect(d.location?.line, d.message).toBeGreaterThan(0);
        expect(d.message).toContain(name);
      }
      expect(Object.getPrototypeOf({})).toBe(Object.prototype);
      expect(({} as Record<string, unknown>).role).toBeUndefined();
    });
});
