/**
 * `fabric docs` from the model: the goldens of the reference sites (test/golden/docs/<site>/,
 * updated only with UPDATE_GOLDEN=1 like the other goldens), every device, cable, VIP and group of
 * the model in the tables, cabling.csv read back by a real CSV parser, the measured failover.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CABLING_COLUMNS } from '../../src/docs/csv.js';
import { parseFailoverReport } from '../../src/docs/failover.js';
import { siteDocs } from '../../src/docs/site-docs.js';
import { isPhysical } from '../../src/docs/tables.js';
import { runsVrrp } from '../../src/model/runs.js';
import type { FrozenSite } from '../../src/pipeline.js';
import { analyseSite } from '../../src/whatif/analyse.js';
import { REPO } from '../support/cli.js';
import { compileExample } from '../support/render.js';
import { tempDir } from '../support/tmp.js';

const GOLDEN = join(REPO, 'test', 'golden', 'docs');
const FAILOVER = join(REPO, 'test', 'fixtures', 'docs', 'failover-idc-a.json');
const update = process.env.UPDATE_GOLDEN === '1';

const sites = compileExample().model!.sites;
const docsOf = (site: FrozenSite) => siteDocs({ site, whatif: analyseSite(site), failover: null });
const generated = sites.map((site) => ({ site, docs: docsOf(site) }));
const file = (docs: ReturnType<typeof docsOf>, path: string) =>
  docs.files.find((f) => f.path === path)!.content;

function onDisk(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? onDisk(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

describe('golden docs of the reference sites', () => {
  const expected = new Map(
    generated.flatMap(({ site, docs }) =>
      docs.files.map((f) => [`${site.name}/${f.path}`, f.content] as const),
    ),
  );
  if (update) {
    it('updates the goldens', () => {
      rmSync(GOLDEN, { recursive: true, force: true });
      for (const [rel, text] of expected) {
        mkdirSync(dirname(join(GOLDEN, rel)), { recursive: true });
        writeFileSync(join(GOLDEN, rel), text);
      }
    });
    return;
  }
  it('has exactly the expected files', () => {
    expect(onDisk(GOLDEN).sort()).toEqual([...expected.keys()].sort());
  });
  for (const [rel, text] of expected)
    it(rel, () => {
      expect(text).toBe(readFileSync(join(GOLDEN, rel), 'utf8'));
    });
  it('GIVEN the same model WHEN documented twice THEN the bytes are the same', () => {
    expect(sites.map(docsOf)).toEqual(generated.map((g) => g.docs));
  });
});

describe.each(generated.map((g) => [g.site.name, g] as const))(
  'the tables of %s',
  (_name, { site, docs }) => {
    const readme = file(docs, 'README.md');
    const section = (title: string) => readme.split(`\n## ${title}\n`)[1]!.split('\n## ')[0]!;

    it('GIVEN every device of the model THEN each has a row in the device table', () => {
      const rows = section('Devices').split('\n');
      for (const d of site.devices)
        expect(
          rows.some((r) => r.startsWith(`| ${d.name} | ${d.role}`)),
          d.name,
        ).toBe(true);
    });

    it('GIVEN every cable of the model THEN each is a row of the cabling tables, both ends', () => {
      const text = section('Cabling');
      for (const c of site.cables) {
        const row = isPhysical(c)
          ? `| ${c.a.device}:${c.a.interface} | ${c.b.device}:${c.b.interface} | ${c.kind} | ${c.a.mtu} | ${c.b.mtu} |`
          : `| ${c.a.device}:${c.a.interface} | ${c.b.device}:${c.b.interface} | ${c.kind} | ${c.a.mtu} |`;
        expect(text, `${c.a.device}:${c.a.interface}`).toContain(row);
      }
    });

    it('GIVEN every VRRP address and L4 service of the model THEN each is in the tenant tables', () => {
      const text = section('Tenants');
      let vips = 0;
      for (const d of site.devices) {
        if (!runsVrrp(d)) continue;
        for (const v of d.keepalived.vrrpInstances)
          for (const a of v.virtualIpaddress) {
            expect(text).toMatch(
              new RegExp(`\\| ${v.name} \\| ${v.virtualRouterId} \\| [^|]*${a.address}/${a.prefixLength}`),
            );
            vips++;
          }
        for (const s of d.keepalived.virtualServers) expect(text).toContain(`| ${s.address}:${s.port}/tcp |`);
      }
      if (site.name === 'idc-a') expect(vips).toBeGreaterThan(0); // the test looked at something
    });

    it('GIVEN every redundancy group THEN it is a row with all its members', () => {
      const text = section('Redundancy groups');
      for (const g of site.redundancyGroups)
        expect(text).toContain(`| ${g.name} | ${g.kind} | ${g.members.join(', ')} | ${g.maxUnavailable} |`);
    });

    it('GIVEN cabling.csv WHEN read back by csv-parse THEN it holds each physical cable once, as the model says', () => {
      const rows = parse(file(docs, 'cabling.csv'), { columns: true, skip_empty_lines: true }) as Record<
        string,
        string
      >[];
      const physical = site.cables.filter(isPhysical);
      expect(Object.keys(rows[0]!)).toEqual([...CABLING_COLUMNS]);
      expect(rows.length).toBe(physical.length);
      const rackOf = new Map(site.devices.map((d) => [d.name, d.rack]));
      physical.forEach((c, i) => {
        expect(rows[i]).toEqual({
          cable: String(i + 1),
          kind: c.kind,
          a_device: c.a.device,
          a_interface: c.a.interface,
          a_rack: rackOf.get(c.a.device),
          a_mtu: String(c.a.mtu),
          b_device: c.b.device,
          b_interface: c.b.interface,
          b_rack: rackOf.get(c.b.device),
          b_mtu: String(c.b.mtu),
        });
      });
    });

    it('GIVEN the README THEN each diagram is embedded as a Mermaid block and written beside it', () => {
      for (const d of docs.diagrams) {
        expect(readme).toContain(`\`\`\`mermaid\n${d.mermaid}\`\`\``);
        expect(file(docs, `diagrams/${d.name}.mmd`)).toBe(d.mermaid);
      }
    });
  },
);

describe('the measured failover', () => {
  const idcA = sites.find((s) => s.name === 'idc-a')!;

  it('GIVEN a report of fabric lab failover --json THEN the README shows each scenario next to the model and the budget', () => {
    const m = parseFailoverReport(readFileSync(FAILOVER, 'utf8'));
    if ('error' in m) throw new Error(m.error);
    const readme = file(siteDocs({ site: idcA, whatif: null, failover: m }), 'README.md');
    expect(readme).toContain(
      '| spine1/cut | spine-plane | cut | 250 ms | 350 ms | 412 ms | 0 ms | 5 / 0 | **FAIL**: failover 412 ms > 350 ms |',
    );
    expect(readme).toContain(
      '| vr1/crash | shop-routers | crash | 722 ms | 1000 ms | 690 ms | 210 ms | 5 / 0 | pass |',
    );
    expect(readme).toContain('_Not computed for this document');
  });

  it.each([
    ['not json', 'not JSON'],
    ['{"site": "idc-a"}', 'not a failover report'],
    [
      '{"site": "idc-a", "scenarios": [{"id": "x"}]}',
      'scenarios[0] needs "id", "group" and "verdict" strings',
    ],
    [
      '{"site": "idc-a", "scenarios": [{"id": "x", "group": "g", "verdict": "pass", "budget": {"maxOutageMs": 1}, "failover": {}}]}',
      'scenarios[0].failover needs maxOutageMs',
    ],
  ])('GIVEN %s THEN the error says what is wrong', (text, message) => {
    const m = parseFailoverReport(text);
    expect('error' in m && m.error).toContain(message);
  });
});

describe('user names that are Object.prototype keys', () => {
  it.each([
    { shop: 'constructor', public: 'constructor', hv1: 'constructor' },
    { app1: 'constructor', lbnet: 'constructor', www: 'constructor', web: 'constructor', r1: 'constructor' },
  ])('GIVEN idc-a with %j renamed THEN its docs name them like any other', (renames) => {
    const inventory = join(tempDir('fabric-docs-proto-'), 'inventory');
    cpSync(join(REPO, 'inventory'), inventory, { recursive: true });
    rmSync(join(inventory, 'idc-b.yaml'));
    for (const f of readdirSync(inventory)) {
      let text = readFileSync(join(inventory, f), 'utf8');
      for (const [from, to] of Object.entries(renames))
        text = text.replace(new RegExp(`(?<![\\w-])${from}(?![\\w-])`, 'g'), to);
      writeFileSync(join(inventory, f), text);
    }
    const site = compileExample(inventory).model!.sites[0]!;
    const docs = siteDocs({ site, whatif: null, failover: null });
    const readme = file(docs, 'README.md');
    for (const d of site.devices) expect(readme).toContain(`| ${d.name} | ${d.role}`);
    expect(readme).toContain('constructor');
    expect(docs.diagrams.map((d) => d.name)).toContain(
      Object.hasOwn(renames, 'shop') ? 'service-path-constructor' : 'service-path-shop',
    );
  });
});
