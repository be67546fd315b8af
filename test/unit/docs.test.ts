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
import { type Budget, budgetFor, NO_BUDGET } from '../../src/failover/budgets.js';
import { failoverJson } from '../../src/failover/report.js';
import type { PhaseSummary, ScenarioResult } from '../../src/failover/result.js';
import { isLabOnly, isPhysical } from '../../src/model/cables.js';
import { runsVrrp } from '../../src/model/runs.js';
import { hostPart } from '../../src/net/host-part.js';
import { type FrozenModel, type FrozenSite, runPipeline } from '../../src/pipeline.js';
import { analyseSite } from '../../src/whatif/analyse.js';
import { servicesAcrossSites } from '../../src/whatif/sites.js';
import { REPO } from '../support/cli.js';
import { compileExample } from '../support/render.js';
import { dropIdcB, tempDir } from '../support/tmp.js';

const GOLDEN = join(REPO, 'test', 'golden', 'docs');
const FAILOVER = join(REPO, 'test', 'fixtures', 'docs', 'failover-idc-a.json');
const update = process.env.UPDATE_GOLDEN === '1';

const reference = compileExample().model!;
const sites = reference.sites;
// as `fabric docs` documents a site
const docsOf = (site: FrozenSite) =>
  siteDocs({
    site,
    whatif: analyseSite(site),
    failover: null,
    acrossSites: servicesAcrossSites(reference.gslb, site),
  });
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

    it('GIVEN every cable of the model THEN each is a row of the cabling tables, both ends, but the lab’s simulated internet', () => {
      const text = section('Cabling');
      for (const c of site.cables.filter(isLabOnly))
        expect(text, `${c.a.device}:${c.a.interface}`).not.toContain(`| ${c.a.device}:${c.a.interface} |`);
      for (const c of site.cables.filter((x) => !isLabOnly(x))) {
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
        for (const s of d.keepalived.virtualServers)
          expect(text).toContain(`| ${hostPart(s.address)}:${s.port}/tcp |`);
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

describe('the C4 diagram claims only the redundancy the model has', () => {
  const c4 = (docs: ReturnType<typeof docsOf>) =>
    docs.diagrams.find((d) => d.name === 'c4-containers')!.mermaid;
  const reference = new Map(generated.map(({ site, docs }) => [site.name, c4(docs)]));

  // idc-b as it was before it shared www (issue 11): application VMs only, one rack
  const oneRack = join(REPO, 'test', 'fixtures', 'one-rack', 'inventory', 'one-rack.yaml');
  const c4Of = (inventory: string) =>
    c4(
      siteDocs({
        site: compileExample(inventory).model!.sites[0]!,
        whatif: null,
        failover: null,
        acrossSites: null,
      }),
    );

  it('GIVEN app VMs behind a balancer (idc-a) THEN N+1; GIVEN none (one-rack) THEN no redundancy is claimed', () => {
    expect(reference.get('idc-a')).toContain('"App servers shop (N+1, 4)"');
    const small = c4Of(dirname(oneRack));
    expect(small).toContain('"App VMs shop (2, no balancer)"');
    expect(small).not.toContain('App servers');
  });

  it('GIVEN a rack with three leaves and its hosts homed to all three THEN not "Leaf pair (A/B)" nor "dual-homed"', () => {
    const small = c4Of(dirname(oneRack));
    expect(small).toContain('"Leaf pair per rack (A/B × 1)"');
    expect(small).toContain('"BGP to the host, dual-homed"');
    const inventory = join(tempDir('fabric-docs-leaves-'), 'inventory');
    mkdirSync(inventory, { recursive: true });
    const text = readFileSync(oneRack, 'utf8')
      .replace(
        '  hv1: {',
        '  leaf1c: { role: leaf, id: 13, rack: b1, uplinks: { eth1: spine1:eth13, eth2: spine2:eth13 } }\n  hv1: {',
      )
      .replace('eth2: leaf1b:eth11 }', 'eth2: leaf1b:eth11, eth3: leaf1c:eth11 }')
      .replace('eth2: leaf1b:eth12 }', 'eth2: leaf1b:eth12, eth3: leaf1c:eth12 }');
    writeFileSync(join(inventory, 'one-rack.yaml'), text);
    const { model, findings } = compileExample(inventory);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const drawn = c4(siteDocs({ site: model!.sites[0]!, whatif: null, failover: null, acrossSites: null }));
    expect(drawn).toContain('"Leaves per rack (3 per rack, 1 rack)"');
    expect(drawn).toContain('"BGP to the host, multi-homed"');
    expect(drawn).not.toContain('A/B × 1');
  });
});

describe('a tenant with a data service (data-a)', () => {
  it('GIVEN the data VIPs the HAProxy pair holds THEN they are data VIPs (not the L4 pair’s), and the data services have a table: members, the primary first, VIPs by role', () => {
    const { model } = compileExample(join(REPO, 'test', 'fixtures', 'data-tier', 'inventory'));
    const docs = siteDocs({ site: model!.sites[0]!, whatif: null, failover: null, acrossSites: null });
    const readme = docs.files.find((f) => f.path === 'README.md')!.content;
    expect(readme).toContain(
      '| shop_data_app | 255 | 10.20.2.40/24, 10.20.2.41/24 | shop/app | web1 (150, master), web2 (100) | data VIP |',
    );
    expect(readme).toContain(
      '| shop/cache | redis | redis1 (primary), redis2, redis3 | write 10.20.2.40:6379, [2001:db8:20:2::40]:6379; read 10.20.2.41:6380, [2001:db8:20:2::41]:6380 |',
    );
    // the C4 L4 container names its own VIPs and gateway only; the L7 one the data VIPs
    const l4 = readme.split('\n').find((l) => l.includes('Container(l4_shop'))!;
    expect(l4).not.toContain('10.20.2.40');
    expect(readme.split('\n').find((l) => l.includes('Container(l7_shop'))).toContain(
      'data VIPs 10.20.2.40/24',
    );
  });
});

describe('services across sites (gslb)', () => {
  const aa = runPipeline(join(REPO, 'test', 'fixtures', 'active-active', 'inventory')).model!;
  const readmeOf = (model: FrozenModel, site: FrozenSite) =>
    file(
      siteDocs({ site, whatif: null, failover: null, acrossSites: servicesAcrossSites(model.gslb, site) }),
      'README.md',
    ).split('\n## Services across sites\n')[1]!;

  it('GIVEN www offered by aa-a and aa-b THEN aa-a’s docs show it shared with aa-b, and nothing offered by aa-a only', () => {
    const text = readmeOf(aa, aa.sites[0]!);
    expect(text).toContain('| www (www.shop.example) | gslb service | aa-b |');
    expect(text).toContain('Every service of the site is offered by another site too.');
  });

  it('GIVEN www offered by aa-a only THEN aa-a’s docs name it as aa-a’s alone (gslb-single-site), aa-b’s name its www VIP', () => {
    const www = aa.gslb!.services.find((s) => s.name === 'www')!;
    const aaAOnly: FrozenModel = {
      ...aa,
      gslb: {
        ...aa.gslb!,
        services: aa.gslb!.services.map((s) => (s === www ? { ...www, sites: [www.sites[0]!] } : s)),
      },
    };
    const a = readmeOf(aaAOnly, aa.sites[0]!);
    expect(a).toContain('Offered by this site only, so losing aa-a loses them: `www (www.shop.example)`.');
    expect(a).toContain(
      '| www (www.shop.example) | gslb service | **none**: lost with the site (gslb-single-site) |',
    );
    const b = readmeOf(aaAOnly, aa.sites[1]!);
    expect(b).toContain('| shop/www | L4 service, in no gslb service | **none**: lost with the site |');
  });
});

describe('the measured failover', () => {
  const idcA = sites.find((s) => s.name === 'idc-a')!;

  it('GIVEN a report of fabric lab failover --json THEN the README shows each scenario next to the model and the budget', () => {
    const m = parseFailoverReport(readFileSync(FAILOVER, 'utf8'));
    if ('error' in m) throw new Error(m.error);
    const readme = file(siteDocs({ site: idcA, whatif: null, failover: m, acrossSites: null }), 'README.md');
    expect(readme).toContain(
      '| spine1/cut | spine-plane | cut | 250 ms | 350 ms | 412 ms | 0 ms | 5 / 0 | **FAIL**: failover 412 ms > 350 ms |',
    );
    expect(readme).toContain(
      '| vr1/crash | shop-routers | crash | 542 ms | 1000 ms | 690 ms | 210 ms | 5 / 0 | pass |',
    );
    expect(readme).toContain('_Not computed for this document');
  });

  it('GIVEN the JSON fabric lab failover --json prints for every kind of budget THEN each scenario is shown as judged', () => {
    // built from the report's own types, so a change to them reaches this test
    const phase = (maxOutageMs: number, maxPingOutageMs: number, failedRequests: number): PhaseSummary => ({
      maxOutageMs,
      maxPingOutageMs,
      worstProbe: undefined,
      maxLostMs: 0,
      maxPingLostMs: 0,
      mostLostProbe: undefined,
      lostPings: 1,
      failedRequests,
      requestErrors: [],
      unrecovered: [],
    });
    const scenario = (
      id: string,
      group: string,
      budget: Budget,
      failover: PhaseSummary,
      reasons: string[] = [],
    ): ScenarioResult => ({
      id,
      target: id.split('/')[0]!,
      group,
      fault: 'crash',
      budget,
      injected: id,
      injectedAt: '2026-12-01T00:00:00.000Z',
      heldMs: 3000,
      undone: true,
      failover,
      failback: phase(0, 0, 0),
      probes: [],
      events: [],
      converged: true,
      convergeMs: 1000,
      problems: [],
      verdict: reasons.length ? 'fail' : 'pass',
      reasons,
    });
    const report = failoverJson({
      site: 'idc-a',
      lab: 'docs-test',
      probes: { ping: 2, http: 2, data: 0 },
      seconds: 10,
      interrupted: false,
      notRun: [],
      results: [
        // a fabric budget holds the pings: HTTP's 1 s SYN retransmission does not fail it
        scenario(
          'spine1/crash',
          'spine-plane',
          budgetFor(idcA.budgets, 'spine-plane', { device: 'spine1', group: 'spine-plane' }),
          phase(1012, 180, 0),
        ),
        // an app server's budget is in failed requests only (no outage in ms)
        scenario(
          'app1/crash',
          'app:web',
          budgetFor(idcA.budgets, 'app-servers', { device: 'app1', group: 'app:web' }),
          phase(400, 0, 2),
          ['failover 2 failed requests > 0'],
        ),
        scenario('st1/crash', 'storage', NO_BUDGET, phase(300, 300, 0)),
      ],
    });
    const m = parseFailoverReport(JSON.stringify(report));
    if ('error' in m) throw new Error(m.error);
    const readme = file(siteDocs({ site: idcA, whatif: null, failover: m, acrossSites: null }), 'README.md');
    expect(readme).toContain(
      '| spine1/crash | spine-plane | crash | 250 ms | 350 ms | 180 ms of pings | 0 ms of pings | 2 / 0 | pass |',
    );
    expect(readme).toContain(
      '| app1/crash | app:web | crash | - | 0 failed requests | 400 ms | 0 ms | 2 / 2 | **FAIL**: failover 2 failed requests > 0 |',
    );
    expect(readme).toContain(
      '| st1/crash | storage | crash | 250 ms | none | 300 ms | 0 ms | 2 / 0 | pass |',
    );
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
    dropIdcB(inventory);
    for (const f of readdirSync(inventory)) {
      let text = readFileSync(join(inventory, f), 'utf8');
      for (const [from, to] of Object.entries(renames))
        text = text.replace(new RegExp(`(?<![\\w-])${from}(?![\\w-])`, 'g'), to);
      writeFileSync(join(inventory, f), text);
    }
    const site = compileExample(inventory).model!.sites[0]!;
    const docs = siteDocs({ site, whatif: null, failover: null, acrossSites: null });
    const readme = file(docs, 'README.md');
    for (const d of site.devices) expect(readme).toContain(`| ${d.name} | ${d.role}`);
    expect(readme).toContain('constructor');
    expect(docs.diagrams.map((d) => d.name)).toContain(
      Object.hasOwn(renames, 'shop') ? 'service-path-constructor' : 'service-path-shop',
    );
  });
});
