/** `fabric render`: compile and check, then write each site's files and manifest atomically. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { MANIFEST_FILE, type Manifest } from '../../render/manifest.js';
import type { RenderedSite } from '../../render/render.js';
import { writeSite } from '../../render/write.js';
import { describeDeviceCounts, deviceCounts } from '../../report/device-counts.js';
import { diagnosticsToJson } from '../../report/diagnostics.js';
import { CliError, EXIT, type ExitCode } from '../exit.js';
import type { InventoryOptions } from '../inventory.js';
import { err, json, out, printDiagnostics } from '../io.js';
import { checkOutputPaths } from '../output-paths.js';
import { renderAll } from '../render-all.js';

export interface RenderOptions extends InventoryOptions {
  out: string;
  secrets?: string;
}

export function registerRender(program: Command, run: (code: Promise<ExitCode> | ExitCode) => void): void {
  program
    .command('render')
    .description('write FRR, keepalived, HAProxy and OVS configs to <out>/<site>/<device>/ with a manifest')
    .option('-s, --site <name...>', 'only these sites')
    .option('-o, --out <dir>', 'output folder', 'out')
    .option('--secrets <file>', 'secrets file (YAML name: value); FABRIC_SECRET_<NAME> variables win')
    .option('--json', 'machine-readable summary')
    .addHelpText(
      'after',
      `
Nothing is written when the inventory has errors. Each site's folder is replaced atomically;
rendering twice gives identical bytes. The checks are validate's but for its N-1 analysis
(single-point-of-failure, which validate and whatif run): a design with a single point of
failure renders, as a lab or a staging site may have one on purpose; run validate to gate on it.

Exit status: 0 written, 1 the checks found errors (nothing written), 2 unusable inventory or
missing secrets (nothing written).

Examples:
  fabric render
  fabric render --site idc-a --out /tmp/intended
  FABRIC_SECRET_ISP1_BGP=… fabric render --secrets /vault/fabric.yaml`,
    )
    .action((opts: RenderOptions, cmd: Command) => run(render({ ...cmd.optsWithGlobals(), ...opts })));
}

/** Writes one site's folder; a failure the checks could not foresee (a full disk) is still a message. */
function writeOrExit(outDir: string, site: RenderedSite, manifest: Manifest): string {
  try {
    return writeSite(outDir, site, manifest);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new CliError(
      `render: cannot write ${join(outDir, site.site)}: ${why} (its previous content is kept)`,
    );
  }
}

function previousHashes(dir: string): Map<string, string> {
  const path = join(dir, MANIFEST_FILE);
  const hashes = new Map<string, string>();
  if (!existsSync(path)) return hashes;
  try {
    const m = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
    for (const [device, d] of Object.entries(m.devices))
      for (const f of d.files) hashes.set(`${device}/${f.path}`, f.sha256);
    for (const c of Object.values(m.clusters ?? {})) for (const f of c.files) hashes.set(f.path, f.sha256);
  } catch {
    // an unreadable old manifest only means every file counts as changed
  }
  return hashes;
}

export function render(opts: RenderOptions): ExitCode {
  checkOutputPaths('render', [{ option: '--out', path: opts.out, kind: 'folder' }]);
  const { rendered, findings, model } = renderAll(opts);
  if (!opts.json) printDiagnostics(findings); // warnings
  // every site's folder, before the first one is written
  checkOutputPaths(
    'render',
    rendered.map(({ site }) => ({ option: '--out', path: join(opts.out, site.site), kind: 'folder' })),
  );
  const summary = rendered.map(({ site, manifest }) => {
    const before = previousHashes(join(opts.out, site.site));
    const changed =
      site.files.filter((f) => before.get(`${f.device}/${f.file}`) !== f.sha256).length +
      site.siteFiles.filter((f) => before.get(f.path) !== f.sha256).length;
    const dir = writeOrExit(opts.out, site, manifest);
    const withFiles = new Set(Object.keys(manifest.devices));
    const counts = deviceCounts(model.sites.find((s) => s.name === site.site)!, (d) => withFiles.has(d.name));
    return {
      site: site.site,
      dir,
      devices: counts.total,
      configured: counts.configured,
      labUpstreams: counts.labUpstreams,
      counts,
      files: site.files.length + site.siteFiles.length,
      changed,
    };
  });
  if (opts.json)
    json({
      ok: true,
      sites: summary.map(({ counts: _, ...s }) => s),
      findings: diagnosticsToJson(findings), // warnings
    });
  else
    for (const s of summary)
      out(
        `${s.site}: ${describeDeviceCounts(s.counts)}, ${s.files} files (${s.changed} changed) → ${s.dir}/ (manifest ${join(s.dir, MANIFEST_FILE)})`,
      );
  if (!opts.json && summary.length === 0) err('render: no sites selected');
  return EXIT.OK;
}
