/**
 * Render benchmark: inventory on disk → rendered files on disk, through the same functions as
 * `fabric render` (runPipeline and renderStage from src/pipeline.ts, then writeSite per site),
 * in-process.
 *
 *   npm run bench:render -- --devices 5000            # AVD 5K shape: 12 + 18 × (12 + 265) + edges
 *   npm run bench:render -- --devices 5000 --dual-stack   # the same, with IPv6 (issue 14)
 *   npm run bench:render -- --superspines 0 --pods 1 --spines 2 --leaves 4 --hosts 2
 *   npm run bench:render -- --inventory inventory --site idc-a   # an existing inventory (repo secrets.yaml)
 *
 * The synthetic inventory is generated before the clock starts. Stdout gets exactly one JSON
 * line; progress and diagnostics go to stderr. Temporary folders are removed on exit.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { NODE_FLAGS, relaunchWithNodeFlags } from '../src/cli/node-flags.js';
import { generator } from '../src/cli/version.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { formatDiagnostic } from '../src/diagnostics/format.js';
import { renderStage, runPipeline } from '../src/pipeline.js';
import type { RenderedWithManifest } from '../src/render/stage.js';
import { writeSite } from '../src/render/write.js';
import { countBySeverity } from '../src/report/diagnostics.js';
import { SHAPE_OPTIONS, shapeFromArgs, writeSyntheticInventory } from './synthetic.js';

// with the V8 flags `fabric render` runs with (src/cli/node-flags.ts): in a child Node, once
const relaunched = relaunchWithNodeFlags('render');
if (relaunched) process.exit(await relaunched);

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

const { values } = parseArgs({
  options: {
    ...SHAPE_OPTIONS,
    inventory: { type: 'string' },
    site: { type: 'string', multiple: true },
    secrets: { type: 'string' },
    tmp: { type: 'string' },
  },
});

// Everything temporary lives under one folder, removed on every way out.
// --tmp rather than TMPDIR: TMPDIR would also move tsx's compile cache
const tmp = mkdtempSync(join(values.tmp ?? tmpdir(), 'fabric-bench-'));
const cleanup = () => rmSync(tmp, { recursive: true, force: true });
process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    cleanup();
    process.exit(130);
  });

/** Regular files under `dir`, recursively. */
function countFiles(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce(
    (n, e) => n + (e.isDirectory() ? countFiles(join(dir, e.name)) : e.isFile() ? 1 : 0),
    0,
  );
}

const dualStack = values['dual-stack'] === true;
if (dualStack && values.inventory)
  throw new Error('--dual-stack is for the synthetic inventory, not with --inventory');
let inventory: string;
let secrets: string | undefined;
if (values.inventory) {
  inventory = values.inventory;
  const repoSecrets = join(REPO, 'secrets.yaml');
  secrets = values.secrets ?? (existsSync(repoSecrets) ? repoSecrets : undefined);
} else {
  const shape = shapeFromArgs(values);
  inventory = join(tmp, 'inventory');
  const devices = writeSyntheticInventory(inventory, shape, { dualStack });
  // the synthetic upstreams have BGP passwords, so the secret path is exercised too
  secrets = join(tmp, 'secrets.yaml');
  writeFileSync(secrets, 'isp1-bgp: bench-isp1\nisp2-bgp: bench-isp2\n');
  log(
    `generated ${devices} devices ${JSON.stringify(shape)}${dualStack ? ' dual-stack' : ''} in ${inventory}`,
  );
}
const out = join(tmp, 'out');

// --- timed: inventory on disk → files on disk ----------------------------------------------
const cpu0 = process.cpuUsage();
/** CPU time of load + validate + compile + check, before render (the split on stderr). */
let pipelineCpu = cpu0;
const t0 = performance.now();
/** Load, compile, check and render, as `fabric render` does; stops on any problem (exit 2 or 1). */
function renderInventory(): { rendered: RenderedWithManifest[]; findings: Diagnostic[] } {
  const stop = (what: string, diagnostics: readonly Diagnostic[], code: number): never => {
    for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
    // a benchmark of an invalid inventory means nothing
    log(`render failed: ${what}`);
    process.exit(code);
  };
  const result = runPipeline(inventory, { sites: values.site ?? [] });
  pipelineCpu = process.cpuUsage(cpu0);
  if (!result.model || result.inputErrors.length) return stop('unusable inventory', result.inputErrors, 2);
  if (countBySeverity(result.findings).errors) return stop('errors in the inventory', result.findings, 1);
  const r = renderStage(result.model, result.sources, secrets, generator());
  if (r.stage !== 'done')
    return stop(`problems at the ${r.stage} step`, r.diagnostics, r.stage === 'secrets' ? 2 : 1);
  return { rendered: r.rendered, findings: result.findings };
}
const { rendered, findings } = renderInventory();
const renderedCpu = process.cpuUsage(cpu0);
const t1 = performance.now();
for (const { site, manifest } of rendered) writeSite(out, site, manifest);
const t2 = performance.now();
const cpu = process.cpuUsage(cpu0);
// ---------------------------------------------------------------------------------------------

const { warnings } = countBySeverity(findings);
// devices with rendered files, as in the manifest; the simulated upstreams are not counted
const devices = rendered.reduce(
  (n, r) => n + Object.values(r.manifest.devices).filter((d) => d.role !== 'upstream').length,
  0,
);
const cpuS = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
log(
  `load+compile+check+render ${((t1 - t0) / 1000).toFixed(2)} s, write ${((t2 - t1) / 1000).toFixed(2)} s ` +
    `(cpu user ${(cpu.user / 1e6).toFixed(2)} s, sys ${(cpu.system / 1e6).toFixed(2)} s: ` +
    `load+validate+compile+check ${cpuS(pipelineCpu).toFixed(2)} s, render ${(cpuS(renderedCpu) - cpuS(pipelineCpu)).toFixed(2)} s, ` +
    `write ${(cpuS(cpu) - cpuS(renderedCpu)).toFixed(2)} s; load average ${loadavg()[0]!.toFixed(2)}), ${warnings} warnings`,
);
process.stdout.write(
  `${JSON.stringify({
    devices,
    files: countFiles(out),
    dualStack,
    seconds: Number(((t2 - t0) / 1000).toFixed(3)),
    cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(3)),
    load1: Number(loadavg()[0]!.toFixed(2)),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    node: process.version,
    nodeFlags: NODE_FLAGS.filter((f) => process.execArgv.includes(f)),
    cpus: cpus().length,
  })}\n`,
);
