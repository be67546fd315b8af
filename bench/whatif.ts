/**
 * whatif benchmark: the N-1 analysis (`fabric whatif`, every single failure) timed on the
 * reference site idc-a and on a synthetic fabric (bench/synthetic.ts, AVD's 5K shape by default).
 * The inventory is generated and compiled before the clock starts; the clock covers the intact
 * baseline and every scenario, each answered as `fabric whatif` answers it: relabelled from the
 * first failure of its kind where the site's symmetry is proven (src/whatif/relabel.ts), else in
 * full (`--every`: all in full).
 *
 *   npm run bench:whatif                         # idc-a, then the 5,000-device fabric
 *   npm run bench:whatif -- --devices 1000       # another size
 *   npm run bench:whatif -- --budget 300         # stop the synthetic run after 300 s
 *   npm run bench:whatif -- --budget 60 --cpu    # after 60 s of CPU (a busy shared machine)
 *   npm run bench:whatif -- --every              # every failure in full, none relabelled by kind
 *
 * A run that would exceed --budget seconds (default 120) stops there: it reports the scenarios
 * done, the time per scenario and the projected total, in wall time and in CPU time (the figure
 * to compare on a shared machine). Stdout gets one JSON line per site.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { FrozenSite } from '../src/pipeline.js';
import { runPipeline } from '../src/pipeline.js';
import { analyseFailure, analyseScenario, baselineOf, kindsOf } from '../src/whatif/analyse.js';
import { singleFailures } from '../src/whatif/scenarios.js';
import { shapeFor, writeSyntheticInventory } from './synthetic.js';

const REPO = join(fileURLToPath(import.meta.url), '..', '..');
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

function compile(inventory: string, site?: string): FrozenSite {
  const r = runPipeline(inventory, site ? { sites: [site] } : {});
  if (!r.model) throw new Error(`${inventory}: ${r.inputErrors[0]?.message ?? 'no model'}`);
  return r.model.sites[0]!;
}

const cpuSeconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;

/**
 * The scenarios in a fixed shuffled order, so a run stopped by --budget has timed a sample of
 * every kind (devices, cables, racks…), not only the devices listed first.
 */
function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  let seed = 1;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 48271) % 2147483647;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function measure(
  label: string,
  site: FrozenSite,
  budgetSeconds: number,
  cpuBudget: boolean,
  every: boolean,
): void {
  const scenarios = shuffled(singleFailures(site));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const base = baselineOf(site);
  const baselineSeconds = (performance.now() - t0) / 1000;
  const baselineCpu = cpuSeconds(process.cpuUsage(cpu0));
  // said at once: on a large fabric the baseline alone is worth knowing if the run is stopped
  log(
    `${label}: baseline ${baselineSeconds.toFixed(2)} s, CPU ${baselineCpu.toFixed(2)} s, ` +
      `RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB, load average ${loadavg()[0]!.toFixed(2)}`,
  );
  let done = 0;
  let breaks = 0;
  for (const s of scenarios) {
    const spent = cpuBudget ? cpuSeconds(process.cpuUsage(cpu0)) : (performance.now() - t0) / 1000;
    if (spent > budgetSeconds) break;
    const result = every ? analyseScenario(site, s, base) : analyseFailure(site, s, base);
    if (result.verdict === 'breaks') breaks++;
    done++;
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const perScenario = done ? (seconds - baselineSeconds) / done : 0;
  const projected = baselineSeconds + perScenario * scenarios.length;
  // on a shared machine the CPU time is the figure to compare; projected the same way
  const cpuPerScenario = done ? (cpuSeconds(cpu) - baselineCpu) / done : 0;
  const projectedCpu = baselineCpu + cpuPerScenario * scenarios.length;
  log(
    `${label}: ${site.devices.length} devices, ${done}/${scenarios.length} scenarios in ${seconds.toFixed(2)} s ` +
      `(baseline ${baselineSeconds.toFixed(2)} s, ${(perScenario * 1000).toFixed(1)} ms per scenario` +
      `${done < scenarios.length ? `, projected ${projected.toFixed(0)} s for all` : ''}), ` +
      `CPU ${cpuSeconds(cpu).toFixed(2)} s (baseline ${baselineCpu.toFixed(2)} s, ${(cpuPerScenario * 1000).toFixed(1)} ms per scenario` +
      `${done < scenarios.length ? `, projected ${projectedCpu.toFixed(0)} s for all` : ''}), ` +
      `load average ${loadavg()[0]!.toFixed(2)}, ${breaks} break`,
  );
  process.stdout.write(
    `${JSON.stringify({
      site: label,
      devices: site.devices.length,
      scenarios: scenarios.length,
      done,
      seconds: Number(seconds.toFixed(2)),
      baselineSeconds: Number(baselineSeconds.toFixed(2)),
      msPerScenario: Number((perScenario * 1000).toFixed(1)),
      projectedSeconds: Number(projected.toFixed(1)),
      cpuSeconds: Number(cpuSeconds(cpu).toFixed(2)),
      baselineCpuSeconds: Number(baselineCpu.toFixed(2)),
      cpuMsPerScenario: Number((cpuPerScenario * 1000).toFixed(1)),
      projectedCpuSeconds: Number(projectedCpu.toFixed(1)),
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      // how the failures were answered: relabelled from the first of their kind, or in full
      kinds: every ? 'every failure in full' : (kindsOf(site, base)?.counts ?? 'none'),
      load1: Number(loadavg()[0]!.toFixed(1)),
      node: process.version,
      cpus: cpus().length,
    })}\n`,
  );
}

const { values } = parseArgs({
  options: {
    devices: { type: 'string', default: '5000' },
    budget: { type: 'string', default: '120' },
    // the budget counts CPU seconds, not wall: on a busy machine the wall clock measures the others
    cpu: { type: 'boolean', default: false },
    // every failure analysed in full, as before kinds of failure (the per-failure code's own time)
    every: { type: 'boolean', default: false },
  },
});
const devices = Number(values.devices);
const budget = Number(values.budget);
if (!Number.isInteger(devices) || devices < 20 || !(budget > 0))
  throw new Error('usage: whatif.ts [--devices N (>= 20)] [--budget SECONDS] [--cpu] [--every]');

measure('idc-a', compile(join(REPO, 'inventory'), 'idc-a'), budget, values.cpu, values.every);
const dir = mkdtempSync(join(tmpdir(), 'fabric-bench-whatif-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const shape = shapeFor(devices);
log(`generating and compiling a ${devices}-device fabric ${JSON.stringify(shape)} (not timed)`);
writeSyntheticInventory(dir, shape);
measure(`synthetic-${devices}`, compile(dir), budget, values.cpu, values.every);
