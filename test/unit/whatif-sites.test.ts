/**
 * A whole site as a failure unit (src/whatif/sites.ts, issue 11): the active-active fixture's
 * www moves to the other site with the model's times; offered by one site it is lost with it;
 * the zone's DNS servers count; and, on random fabrics, a service survives a site's loss iff
 * another offering site and another DNS server of its zone are left.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FabricModel } from '../../src/model/site.js';
import type { FrozenModel } from '../../src/pipeline.js';
import { runPipeline } from '../../src/pipeline.js';
import { sitesText } from '../../src/report/whatif-sites.js';
import {
  analyseSiteLoss,
  analyseSites,
  parseSiteFailures,
  servicesAcrossSites,
  singleSiteServices,
  sitesOk,
} from '../../src/whatif/sites.js';
import { REPO } from '../support/cli.js';
import { referenceWithoutGslb } from '../support/tmp.js';

const FIXTURE = join(REPO, 'test', 'fixtures', 'active-active', 'inventory');
const model = runPipeline(FIXTURE).model!;
const www = model.gslb!.services[0]!;

/** The fixture with www offered by aa-a only (what the `gslb-single-site` finding is about). */
const aaAOnly: FrozenModel = {
  ...model,
  gslb: { ...model.gslb!, services: [{ ...www, sites: [www.sites[0]!] }] },
};

describe('GIVEN the active-active fixture (www in aa-a and aa-b, anycast)', () => {
  it('WHEN each site is lost THEN www moves to the other: DNS within detectMs, anycast within the L4 members’ VM-silent time', () => {
    const report = analyseSites(model);
    expect(report.mode).toBe('sites');
    expect(report.results.map((r) => [r.scenario.name, r.verdict])).toEqual([
      ['site:aa-a', 'degraded'],
      ['site:aa-b', 'degraded'],
    ]);
    const lbs = model.sites[0]!.devices.filter((d) => 'anycast' in d);
    expect(lbs.map((d) => d.name)).toEqual(['lb1', 'lb2']);
    const silent = Math.max(...lbs.map((d) => ('anycast' in d ? d.anycast.nodeDeadMs : 0)));
    expect(report.results[0]!.services).toEqual([
      {
        service: 'www',
        fqdn: 'www.shop.example',
        outcome: 'moves',
        left: ['aa-b'],
        dns: { dropMs: 5000, clientsFollowMs: 35000, budget: 10000 },
        anycast: { withdrawnMs: silent, budget: 3000, members: ['aa-a/lb1', 'aa-a/lb2'] },
        overBudget: [],
      },
    ]);
    expect(silent).toBe(250);
    expect(report.results[0]!.local).toEqual([]);
    expect(report.singlePointsOfFailure).toEqual([]);
    expect(report.singleSiteServices).toEqual([]);
    expect(sitesOk(report)).toBe(true);
  });

  it('WHEN both sites are lost together THEN www is lost, and that is not a single point of failure', () => {
    const parsed = parseSiteFailures(model, ['site:aa-a', ' site:aa-b']);
    if ('error' in parsed) throw new Error(parsed.error);
    const report = analyseSites(model, parsed.scenario);
    expect(report.results[0]).toMatchObject({
      scenario: { name: 'site:aa-a+site:aa-b', sites: ['aa-a', 'aa-b'] },
      verdict: 'breaks',
      services: [{ outcome: 'lost', left: [], reason: 'every site that offers it failed (aa-a, aa-b)' }],
    });
    expect(report.singlePointsOfFailure).toEqual([]);
    expect(sitesOk(report)).toBe(false);
  });

  it('WHEN www is offered by aa-a only THEN losing aa-a loses it (gslb-single-site); aa-b’s www VIP, now in no gslb service, is lost with aa-b', () => {
    const report = analyseSites(aaAOnly);
    expect(report.results.map((r) => [r.scenario.name, r.verdict, r.local])).toEqual([
      ['site:aa-a', 'breaks', []],
      ['site:aa-b', 'breaks', ['aa-b/shop/www']],
    ]);
    expect(report.results[0]!.services[0]).toMatchObject({
      outcome: 'lost',
      reason: 'offered by aa-a only (gslb-single-site)',
    });
    expect(report.singlePointsOfFailure).toEqual(['site:aa-a', 'site:aa-b']);
    expect(report.singleSiteServices).toEqual([{ service: 'www', fqdn: 'www.shop.example', site: 'aa-a' }]);
    expect(singleSiteServices(aaAOnly.gslb, 'aa-b')).toEqual([]);
    const text = sitesText(report);
    expect(text).toContain('site:aa-a: www.shop.example offered by aa-a only (gslb-single-site)');
    expect(text).toContain(
      'www (www.shop.example) is offered by site aa-a only: losing aa-a loses it (gslb-single-site)',
    );
  });

  it('WHEN fabric docs asks which services other sites offer too THEN www is shared; offered by aa-a only it is aa-a’s alone, and aa-b’s www VIP is in no gslb service', () => {
    const [aaA, aaB] = model.sites as [FrozenModel['sites'][number], FrozenModel['sites'][number]];
    expect(servicesAcrossSites(model.gslb, aaA)).toEqual({
      site: 'aa-a',
      gslb: true,
      gslbSingleSite: [],
      notInGslb: [],
      shared: [{ service: 'www', fqdn: 'www.shop.example', with: ['aa-b'] }],
    });
    expect(servicesAcrossSites(aaAOnly.gslb, aaA)).toMatchObject({
      gslbSingleSite: [{ service: 'www', fqdn: 'www.shop.example', site: 'aa-a' }],
      notInGslb: [],
      shared: [],
    });
    expect(servicesAcrossSites(aaAOnly.gslb, aaB)).toMatchObject({
      gslbSingleSite: [],
      notInGslb: ['shop/www'],
      shared: [],
    });
  });

  it('WHEN the zone’s only DNS server is in the lost site THEN www is lost although aa-b offers it', () => {
    const zone = model.gslb!.zones[0]!;
    const oneServer: FrozenModel = {
      ...model,
      gslb: { ...model.gslb!, zones: [{ ...zone, servers: [zone.servers[0]!] }] },
    };
    expect(analyseSiteLoss(oneServer, { name: 'site:aa-a', sites: ['aa-a'] }).services[0]).toMatchObject({
      outcome: 'lost',
      left: ['aa-b'],
      reason: 'no DNS server of shop.example left (dns1 in aa-a)',
    });
    expect(analyseSiteLoss(oneServer, { name: 'site:aa-b', sites: ['aa-b'] }).services[0]!.outcome).toBe(
      'moves',
    );
  });

  it('WHEN the budgets are below the times THEN the move is over budget and the report not ok', () => {
    const tight: FrozenModel = {
      ...model,
      gslb: { ...model.gslb!, services: [{ ...www, budget: 4000, anycast: { quorum: 1, budget: 200 } }] },
    };
    const report = analyseSites(tight);
    expect(report.results[0]!.services[0]!.overBudget).toEqual(['dns', 'anycast']);
    expect(report.results[0]!.verdict).toBe('degraded');
    expect(sitesOk(report)).toBe(false);
    expect(sitesText(report)).toContain('site:aa-a: www.shop.example misses its dns and anycast budget');
  });

  it('GIVEN an unknown site or a site mixed with a device THEN a clear error listing the sites', () => {
    expect(parseSiteFailures(model, ['site:aa-c'])).toEqual({
      error:
        "--fail: no site 'aa-c' in the inventory (sites: aa-a, aa-b); did you mean 'site:aa-a' or 'site:aa-b'?",
    });
    expect(parseSiteFailures(model, ['site:'])).toEqual({
      error: "--fail: no site '' in the inventory (sites: aa-a, aa-b)",
    });
    expect(parseSiteFailures(model, ['site:aa-a', ' '])).toEqual({
      error: 'an empty name in --fail; list sites separated by commas: --fail site:aa-a,site:aa-b',
    });
    expect(parseSiteFailures(model, ['site:aa-a', 'spine1'])).toMatchObject({
      error: expect.stringContaining("'spine1' is inside a site and site:aa-a is a whole site"),
    });
  });
});

describe('GIVEN the reference inventory without its gslb section', () => {
  it('WHEN a site is lost THEN its L4 services are lost with it, plainly', () => {
    const ref = runPipeline(referenceWithoutGslb()).model!;
    const report = analyseSites(ref);
    expect(report.results[0]).toMatchObject({
      scenario: { name: 'site:idc-a' },
      verdict: 'breaks',
      services: [],
      local: ['idc-a/shop/www'],
    });
    expect(report.notes[0]).toContain('no gslb section');
    expect(servicesAcrossSites(ref.gslb, ref.sites[0]!)).toEqual({
      site: 'idc-a',
      gslb: false,
      gslbSingleSite: [],
      notInGslb: ['shop/www'],
      shared: [],
    });
  });
});

/** A fabric of `sites` (no devices) whose gslb services and zone servers are the arbitrary ones. */
function fabricOf(
  sites: string[],
  services: { sites: string[]; zone: number }[],
  zones: string[][],
): FrozenModel {
  const model: FabricModel = {
    sites: sites.map((name) => ({ name, devices: [], budgets: [] })) as unknown as FabricModel['sites'],
    gslb: {
      zones: zones.map((servers, z) => ({
        name: `z${z}`,
        servers: servers.map((site) => ({
          site,
          device: `dns-${site}`,
          nsName: '',
          addresses: [],
          addresses6: [],
        })),
      })),
      services: services.map((s, i) => ({
        ...www,
        name: `s${i}`,
        fqdn: `s${i}.z${s.zone}`,
        zone: `z${s.zone}`,
        sites: s.sites.map((site) => ({ site, tenant: 't', vip: `v${i}` })),
      })),
    },
  };
  return model as FrozenModel;
}

describe('property: a site’s loss', () => {
  const names = ['s1', 's2', 's3', 's4'];
  const subset = fc.subarray(names, { minLength: 1 });
  const arb = fc.array(subset, { minLength: 1, maxLength: 3 }).chain((zones) =>
    fc.tuple(
      fc.constant(zones),
      fc.array(fc.record({ sites: subset, zone: fc.nat(zones.length - 1) }), {
        minLength: 1,
        maxLength: 4,
      }),
      fc.constantFrom(...names),
    ),
  );

  it('a service survives iff another site offers it and another site answers its zone; lost services alone make the site a SPOF', () => {
    fc.assert(
      fc.property(arb, ([zones, services, failed]) => {
        const m = fabricOf(names, services, zones);
        const r = analyseSiteLoss(m, { name: `site:${failed}`, sites: [failed] });
        const offeredHere = services.filter((s) => s.sites.includes(failed));
        expect(r.services).toHaveLength(offeredHere.length);
        for (const [i, s] of offeredHere.entries()) {
          const another = s.sites.some((x) => x !== failed);
          const answered = zones[s.zone]!.some((x) => x !== failed);
          expect(r.services[i]!.outcome).toBe(another && answered ? 'moves' : 'lost');
        }
        const report = analyseSites(m);
        const lost = r.services.some((x) => x.outcome === 'lost');
        expect(report.singlePointsOfFailure.includes(`site:${failed}`)).toBe(lost);
        // every single-site service names its site as a single point of failure
        for (const s of report.singleSiteServices)
          expect(report.singlePointsOfFailure).toContain(`site:${s.site}`);
        // what fabric docs prints: the services offered here, each either this site's alone
        // (lost with it) or shared with the other sites that offer it
        const across = servicesAcrossSites(m.gslb, m.sites.find((x) => x.name === failed)!);
        expect([...across.gslbSingleSite, ...across.shared].map((x) => x.service).sort()).toEqual(
          r.services.map((x) => x.service).sort(),
        );
        for (const x of across.gslbSingleSite)
          expect(r.services.find((y) => y.service === x.service)!.outcome).toBe('lost');
        for (const x of across.shared) {
          const i = Number(x.service.slice(1));
          expect(x.with).toEqual(services[i]!.sites.filter((y) => y !== failed).sort());
        }
      }),
    );
  });
});
