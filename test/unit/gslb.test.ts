/**
 * Services that span sites in compile (issue 11, docs/active-active.md): the active-active
 * fixture's www with every default set and its times by hand, the gdnsd model of each DNS server
 * (both sites' VIPs, also when one site is selected), the budget missed, and drift's reading of
 * gdnsd's files.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseGdnsdConfig, normaliseGdnsdZone } from '../../src/daemons/gdnsd/drift.js';
import { runsDns } from '../../src/model/runs.js';
import { runPipeline } from '../../src/pipeline.js';
import { REPO } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

const FIXTURE = join(REPO, 'test', 'fixtures', 'active-active', 'inventory');

describe('the active-active fixture compiled', () => {
  const r = runPipeline(FIXTURE);

  it('GIVEN www with a check path and port only THEN interval 2 s, timeout 1 s, fall 2, rise 3, TTL 30 s; drop 2 × 2 + 1 = 5 s, return 3 × 2 = 6 s, clients 5 + 30 = 35 s', () => {
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const www = r.model!.gslb!.services[0]!;
    expect(www.fqdn).toBe('www.shop.example');
    expect(www.check).toEqual({
      kind: 'http',
      path: '/healthz',
      port: 80,
      interval: 2,
      timeout: 1,
      fall: 2,
      rise: 3,
    });
    expect([www.detectMs, www.returnMs, www.clientsFollowMs, www.budget]).toEqual([5000, 6000, 35000, 10000]);
    expect(www.sites.map((s) => [s.site, s.address, s.address6])).toEqual([
      ['aa-a', '203.0.113.10', '2001:db8:100:10::10'],
      ['aa-b', '198.51.100.10', '2001:db8:200:10::10'],
    ]);
  });

  it('GIVEN only aa-a selected THEN its DNS server still answers aa-b`s VIPs, and runs gdnsd', () => {
    const one = runPipeline(FIXTURE, { sites: ['aa-a'] });
    const dns1 = one.model!.sites[0]!.devices.find((d) => d.name === 'dns1')!;
    if (!runsDns(dns1)) throw new Error('dns1 runs no gdnsd');
    expect(dns1.daemons).toContain('gdnsd');
    expect(dns1.gdnsd.listen).toEqual(['203.0.113.29', '2001:db8:100:10::29']);
    expect(dns1.gdnsd.resources[0]!.v4.map((a) => a.label)).toEqual(['aa-a', 'aa-b']);
    expect(dns1.gdnsd.zones[0]!.nameServers.map((n) => n.name)).toEqual(['ns-aa-a', 'ns-aa-b']);
  });

  it('GIVEN a check every 10 s with fall 2 THEN 2 × 10 + 1 = 21 s > the 10 s budget: budget-exceeded', () => {
    const dir = tempDir('fabric-gslb-budget-');
    cpSync(FIXTURE, dir, { recursive: true });
    const file = join(dir, 'gslb.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        '{ path: /healthz, port: 80 }',
        '{ path: /healthz, port: 80, interval: 10 }',
      ),
    );
    const codes = runPipeline(dir).findings.map((f) => `${f.code} ${f.message}`);
    expect(codes).toContain(
      'budget-exceeded the DNS answer of www.shop.example may keep a failed site for 21000 ms (fall 2 × interval 10 s + timeout 1 s), over its budget of 10000 ms; check more often or raise budget',
    );
  });
});

describe('drift reads gdnsd`s files', () => {
  it('GIVEN the same config with other spacing, `=` for `=>` and comments THEN the same sections', () => {
    const a = 'plugins => {\n  multifo => {\n    www => {\n      up_thresh => 0.01\n    }\n  }\n}\n';
    const b =
      '# hand-edited\nplugins = {\n multifo => {\n  www = {\n   up_thresh   =>   0.01 ; note\n  }\n }\n}\n';
    expect(normaliseGdnsdConfig(b)).toEqual(normaliseGdnsdConfig(a));
    expect(normaliseGdnsdConfig(a)).toEqual([{ name: 'multifo www', lines: ['up_thresh => 0.01'] }]);
  });

  it('GIVEN a zone record with other whitespace and a comment THEN the same line', () => {
    expect(normaliseGdnsdZone('www   30 DYNA   multifo!www ; x\n')).toEqual(
      normaliseGdnsdZone('www 30 DYNA multifo!www\n'),
    );
  });
});
