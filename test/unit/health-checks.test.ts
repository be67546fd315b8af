/**
 * GIVEN a service's `check` with a key fabric would not honour as written
 * THEN a located warning says what is checked instead (checks/health-checks.ts): an L4 service's
 * HAProxy real servers are always checked on their health frontend (`l4-check-ignored`), and a
 * `path` with `kind: tcp` is asked by nothing (`check-path-unused`). The rendered checks do not change.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { REPO } from '../support/cli.js';
import { inventoryWith } from '../support/tmp.js';

const REFERENCE = join(REPO, 'inventory');
const WWW_CHECK = /check: \{ kind: http \} {2}# web1\/web2 are HAProxy[^\n]*/;

/** The reference inventory with idc-a's L4 service www checked as `check` says. */
const wwwChecked = (check: string) =>
  inventoryWith(REFERENCE, 'idc-a-tenants.yaml', (t) => {
    if (!WWW_CHECK.test(t)) throw new Error('www has no check in idc-a-tenants.yaml');
    return t.replace(WWW_CHECK, `check: ${check}`);
  });

const run = (inventory: string) => {
  const r = runPipeline(inventory);
  const lb1 = r.model!.sites.find((s) => s.name === 'idc-a')!.devices.find((d) => d.name === 'lb1')!;
  if (!('keepalived' in lb1)) throw new Error('lb1 runs no keepalived');
  return {
    findings: r.findings.filter((f) => /check/.test(f.code)),
    checks: lb1.keepalived.virtualServers.flatMap((v) => v.realServers.map((s) => s.check)),
  };
};

describe('the L4 check of fabric’s HAProxy', () => {
  const reference = run(REFERENCE);

  it('GIVEN the reference inventory (kind: http, no path) THEN no warning, and keepalived GETs /fabric-health on port 8404', () => {
    expect(reference.findings).toEqual([]);
    expect(new Set(reference.checks.map((c) => `${c.kind} ${c.path} ${c.connectPort}`))).toEqual(
      new Set(['http /fabric-health 8404']),
    );
  });

  it('GIVEN kind: tcp THEN l4-check-ignored at check.kind, naming what is checked, and the same rendered check', () => {
    const r = run(wwwChecked('{ kind: tcp }'));
    expect(r.findings.map((f) => [f.code, f.severity, f.path])).toEqual([
      ['l4-check-ignored', 'warning', ['tenants', 'shop', 'l4', 'services', 'www', 'check', 'kind']],
    ]);
    expect(r.findings[0]!.message).toMatch(
      /^check\.kind tcp of L4 service www is not what its real servers get: web1 and web2 are fabric's HAProxy, checked by keepalived with HTTP GET \/fabric-health on port 8404 .*; write kind: http, or leave check out/,
    );
    expect(r.checks).toEqual(reference.checks);
  });

  it('GIVEN kind: http, path: /status THEN l4-check-ignored at check.path; interval and timeout still apply', () => {
    const r = run(wwwChecked('{ kind: http, path: /status, interval: 0.5 }'));
    expect(r.findings.map((f) => [f.code, f.path])).toEqual([
      ['l4-check-ignored', ['tenants', 'shop', 'l4', 'services', 'www', 'check', 'path']],
    ]);
    expect(new Set(r.checks.map((c) => `${c.path} ${c.connectPort} ${c.interval}`))).toEqual(
      new Set(['/fabric-health 8404 0.5']),
    );
  });

  it('GIVEN path: /fabric-health THEN no warning: it is what is asked', () => {
    expect(run(wwwChecked('{ kind: http, path: /fabric-health }')).findings).toEqual([]);
  });
});

describe('a path nothing asks', () => {
  it('GIVEN a backend with kind: tcp and a path THEN check-path-unused at the path', () => {
    const inv = inventoryWith(REFERENCE, 'idc-a-tenants.yaml', (t) =>
      t.replace('check: { kind: http, path: /healthz }', 'check: { kind: tcp, path: /healthz }'),
    );
    const found = runPipeline(inv).findings.filter((f) => /check/.test(f.code));
    expect(found.map((f) => [f.code, f.severity, f.path])).toEqual([
      ['check-path-unused', 'warning', ['tenants', 'shop', 'l7', 'backends', 'web', 'check', 'path']],
    ]);
    expect(found[0]!.message).toBe(
      "check.path /healthz of backend web is not asked: kind tcp is a TCP connect to the server's port; make it kind: http to GET /healthz, or remove path",
    );
  });
});
