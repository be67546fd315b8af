/**
 * A toy check kind, defined here in the test tree only, added to a copy of the index of check
 * kinds: verify, the push gates, drift and the verify report pick it up through the index, with
 * no change anywhere else (issue 9, "an index of check kinds").
 */
import { describe, expect, it } from 'vitest';
import { checkFinding, driftChecks, prefetchCommands, runtimeSeverity } from '../../src/drift/runtime.js';
import { configuredDevices } from '../../src/model/devices.js';
import type { CommandRunner } from '../../src/observe/runner.js';
import { attributeFailures, dueChecks, gateChecks, runGate } from '../../src/push/gates.js';
import { verifyJson, verifyText } from '../../src/report/verify.js';
import { CHECKS } from '../../src/verify/checks/index.js';
import type { CheckIndex, CheckSpec, ExpectationBase } from '../../src/verify/checks/spec.js';
import { deriveExpectations } from '../../src/verify/expectations.js';
import { runChecks } from '../../src/verify/run.js';
import { compileExample } from '../support/render.js';

const site = compileExample().model!.sites.find((s) => s.name === 'idc-a')!;

interface Hostname extends ExpectationBase {
  kind: 'toy-hostname';
  name: string;
}

/** Every device fabric configures knows its own name. */
const toy: CheckSpec<Hostname> = {
  kind: 'toy-hostname',
  describes: 'every device knows its own name',
  runs: { verify: true, gates: true, drift: true },
  stage: 100,
  derive: (ctx) =>
    configuredDevices(ctx.site)
      .filter((d) => !ctx.isDown(d.name))
      .map((d) => ({
        kind: 'toy-hostname',
        id: `hostname:${d.name}`,
        device: d.name,
        title: `${d.name} is called ${d.name}`,
        name: d.name,
      })),
  async evaluate(e, round) {
    const r = await round.read(e.device, 'hostname');
    const seen = r.stdout.trim();
    return seen === e.name
      ? { ok: true, detail: seen }
      : { ok: false, detail: `called ${seen}`, code: 'renamed' };
  },
  reads: (e) => [{ device: e.device, command: 'hostname' }],
  about: (e) => [e.device],
  siteWide: false,
  filed: () => ({ daemon: 'system', section: 'hostname' }),
  severity: (code) => (code === 'renamed' ? 'minor' : 'major'),
};

const index: CheckIndex = [...CHECKS, toy];
const isToy = (e: ExpectationBase): e is Hostname => e.kind === 'toy-hostname';

/** Devices answer `hostname` with their name, except hv2, which was renamed. */
const runner: CommandRunner = {
  run: async (device, command) => ({
    code: command === 'hostname' ? 0 : 1,
    stdout: command === 'hostname' ? `${device === 'hv2' ? 'renamed' : device}\n` : '',
    stderr: '',
  }),
};

describe('a check kind added to the index', () => {
  const all = deriveExpectations(site, { index });
  const toys = all.filter(isToy);

  it('GIVEN the toy kind WHEN deriving THEN each configured device gets one, after the real ones, which are unchanged', () => {
    expect(toys.map((e) => e.device)).toEqual(configuredDevices(site).map((d) => d.name));
    expect(all.filter((e) => !isToy(e))).toEqual(deriveExpectations(site));
    expect(all.slice(-toys.length)).toEqual(toys);
    expect(deriveExpectations(site).some(isToy)).toBe(false); // the real index does not know it
  });

  it('GIVEN the toy kind THEN verify evaluates it by its module and the report words it', async () => {
    const results = await runChecks(toys, runner, { deadlineMs: 0, intervalMs: 0, concurrency: 4 }, index);
    const failed = results.filter((r) => !r.ok);
    expect(failed.map((r) => [r.expectation.device, r.detail])).toEqual([['hv2', 'called renamed']]);
    const text = verifyText('idc-a', results, 1, false, index);
    expect(text).toMatch(/toy-hostname\s+\d+\/\d+\s+1\s+every device knows its own name/);
    expect(text).toContain('hv2 is called hv2');
    const json = verifyJson('idc-a', results, 1) as { results: { kind: string }[] };
    expect(json.results.every((r) => r.kind === 'toy-hostname')).toBe(true);
  });

  it('GIVEN the toy kind THEN the push gates run it, lay its failure to its device and wait for it to settle', async () => {
    const checks = gateChecks(site, { index });
    const hv2 = checks.filter(isToy).find((e) => e.device === 'hv2')!;
    expect(hv2).toBeDefined();
    expect(attributeFailures([hv2], ['hv2', 'spine1'], new Set(), site, index)[0]!.blamed).toEqual(['hv2']);
    const everyone = new Set(site.devices.map((d) => d.name));
    const due = dueChecks(checks, site, new Set(), everyone, new Set(['hv2']), index);
    // hv2's own, and those of its VMs (a VM fails with its hypervisor)
    const onHv2 = configuredDevices(site).filter((d) => d.failureDomain.includes('hv2'));
    expect(onHv2.length).toBeGreaterThan(1);
    expect(due.filter(isToy).map((e) => e.device)).toEqual(onHv2.map((d) => d.name));
    const gate = await runGate(checks.filter(isToy), runner, 0, 4, index);
    expect(gate.ok).toBe(false);
    expect(gate.results.filter((r) => !r.ok).map((r) => r.expectation.id)).toEqual(['hostname:hv2']);
  });

  it('GIVEN the toy kind THEN drift runs it, prefetches what it reads and files its finding where the kind says', () => {
    const watched = new Set(configuredDevices(site).map((d) => d.name));
    const checks = driftChecks(site, watched, { index });
    const hv2 = checks.filter(isToy).find((e) => e.device === 'hv2')!;
    expect(hv2).toBeDefined();
    expect(prefetchCommands(checks, index).get('hv2')).toContain('hostname');
    const f = checkFinding(hv2, { ok: false, detail: 'called renamed', code: 'renamed' }, 'now', index);
    expect(f).toMatchObject({
      id: 'runtime|hv2|system|hostname|toy-hostname',
      device: 'hv2',
      daemon: 'system',
      section: 'hostname',
      kind: 'toy-hostname',
      severity: 'minor',
      message: 'hostname: called renamed (expected: hv2 is called hv2)',
    });
    expect(runtimeSeverity('toy-hostname', undefined, index)).toBe('major');
  });

  it('GIVEN the toy kind and hv2 down THEN hv2 gets none', () => {
    const degraded = deriveExpectations(site, {
      index,
      down: { devices: new Set(['hv2']), links: new Set() },
    });
    expect(degraded.filter(isToy).map((e) => e.device)).not.toContain('hv2');
  });
});
