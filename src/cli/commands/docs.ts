/** `fabric docs`: per site, the README people read (diagrams, tables), cabling.csv, and SVGs on request. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { type FailoverMeasurement, parseFailoverReport } from '../../docs/failover.js';
import { DIAGRAMS_DIR, type DocFile, type SiteDocs, siteDocs } from '../../docs/site-docs.js';
import { renderDiagrams, rendererProblem } from '../../docs/svg.js';
import { writeSiteDocs } from '../../docs/write.js';
import type { FrozenSite } from '../../pipeline.js';
import { countBySeverity, diagnosticsToJson } from '../../report/diagnostics.js';
import { analyseSite } from '../../whatif/analyse.js';
import { servicesAcrossSites } from '../../whatif/sites.js';
import { CliError, EXIT, type ExitCode } from '../exit.js';
import { type InventoryOptions, loadOrExit } from '../inventory.js';
import { err, json, out, printDiagnostics, throttledProgress } from '../io.js';
import { checkOutputPaths } from '../output-paths.js';

export interface DocsOptions extends InventoryOptions {
  out: string;
  svg?: boolean;
  failoverReport?: string;
  whatif: boolean;
}

export function registerDocs(program: Command, run: (code: Promise<ExitCode> | ExitCode) => void): void {
  program
    .command('docs')
    .description(
      'write each site as people read it: README.md with C4, topology and service-path diagrams (Mermaid), device, cabling, IP, ASN, tenant, redundancy, timer, budget and whatif tables, and cabling.csv',
    )
    .option('-s, --site <name...>', 'only these sites')
    .option('-o, --out <dir>', 'output folder: <out>/<site>/', 'site-docs')
    .option(
      '--svg',
      "also render every diagram to <out>/<site>/diagrams/*.svg with Mermaid in Debian's chromium",
    )
    .option('--failover-report <file>', 'show this measurement (the output of fabric lab failover --json)')
    .option('--no-whatif', 'leave out the whatif table (it takes long on a large fabric)')
    .option('--json', 'machine-readable list of the files written')
    .addHelpText(
      'after',
      `
Everything comes from the compiled model (and fabric whatif's analysis of it): the same inventory
gives the same bytes, so the docs can live in Git beside the inventory. Each site's folder is
replaced atomically; nothing is written when the inventory has errors. See docs/site-docs.md.

--svg needs Debian's chromium (/usr/bin/chromium; FABRIC_CHROMIUM names another) and the npm
packages mermaid and playwright-core.

Exit status: 0 written, 1 the checks found errors or a diagram did not render (nothing written),
2 unusable inventory, arguments, failover report, or no renderer for --svg (nothing written).

Examples:
  fabric docs --site idc-a
  fabric docs --site idc-a --svg --out /srv/wiki/fabric
  fabric lab failover --site idc-a --json > failover.json; fabric docs --site idc-a --failover-report failover.json`,
    )
    .action((opts: DocsOptions, cmd: Command) => run(docs({ ...cmd.optsWithGlobals(), ...opts })));
}

/** Why a file cannot be read, in words (the code stays for a search). */
function unreadable(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'ENOENT: no such file';
  if (code === 'EISDIR') return 'EISDIR: a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return `${code}: permission denied`;
  return code ?? (e as Error).message;
}

function readFailover(file: string, sites: readonly FrozenSite[]): FailoverMeasurement {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(
      `docs: --failover-report ${file} cannot be read (${unreadable(e)}): give the file fabric lab failover --json wrote, e.g. fabric lab failover --site idc-a --json > failover.json; nothing was done`,
    );
  }
  const parsed = parseFailoverReport(text);
  if ('error' in parsed)
    throw new CliError(`docs: --failover-report ${file}: ${parsed.error}; nothing was done`);
  if (!sites.some((s) => s.name === parsed.site))
    throw new CliError(
      `docs: --failover-report ${file} is about site ${parsed.site}, not ${sites.map((s) => s.name).join(', ')}: give --site ${parsed.site} or the report of this site`,
    );
  return parsed;
}

/** A line on stderr every `ms`: whatif and the renderer take a while on a large fabric. */
function progress(what: string, ms = 5_000): (done: number, total: number) => void {
  return throttledProgress((done, total) => `docs: ${what}: ${done}/${total}`, ms);
}

async function withSvgs(all: readonly SiteDocs[]): Promise<Map<string, DocFile[]>> {
  const diagrams = all.flatMap((d) => d.diagrams.map((g) => ({ ...g, name: `${d.site}/${g.name}` })));
  let rendered: Awaited<ReturnType<typeof renderDiagrams>>;
  try {
    rendered = await renderDiagrams(diagrams, progress('diagrams rendered'));
  } catch (e) {
    throw new CliError(
      `docs: --svg: chromium failed: ${(e as Error).message.split('\n')[0]}; nothing was written`,
    );
  }
  const failed = rendered.flatMap((r) => ('error' in r ? [`${r.name}: ${r.error.split('\n')[0]}`] : []));
  if (failed.length)
    throw new CliError(
      `docs: ${failed.length} diagram(s) did not render: ${failed.join('; ')}; nothing was written`,
      EXIT.PROBLEMS,
    );
  const svgs = new Map<string, DocFile[]>();
  for (const r of rendered) {
    if (!('svg' in r)) continue;
    const [site, name] = r.name.split('/') as [string, string];
    svgs.set(site, [
      ...(svgs.get(site) ?? []),
      { path: `${DIAGRAMS_DIR}/${name}.svg`, content: `${r.svg}\n` },
    ]);
  }
  return svgs;
}

export async function docs(opts: DocsOptions): Promise<ExitCode> {
  checkOutputPaths('docs', [{ option: '--out', path: opts.out, kind: 'folder' }]);
  if (opts.svg) {
    const problem = rendererProblem();
    if (problem) throw new CliError(`docs: --svg: ${problem}; nothing was done`);
  }
  const { model, findings } = loadOrExit(opts);
  const { errors } = countBySeverity(findings);
  if (opts.json) {
    if (errors) json({ ok: false, findings: diagnosticsToJson(findings) });
  } else printDiagnostics(findings);
  if (errors)
    throw new CliError(
      `docs: ${errors} error${errors === 1 ? '' : 's'} in the inventory; nothing was written`,
      EXIT.PROBLEMS,
    );
  const failover = opts.failoverReport ? readFailover(opts.failoverReport, model.sites) : null;
  checkOutputPaths(
    'docs',
    model.sites.map((s) => ({ option: '--out', path: join(opts.out, s.name), kind: 'folder' as const })),
  );
  const all = model.sites.map((site) =>
    siteDocs({
      site,
      whatif: opts.whatif
        ? analyseSite(site, progress(`${site.name}: whatif failures analysed (--no-whatif leaves them out)`))
        : null,
      failover: failover?.site === site.name ? failover : null,
      acrossSites: servicesAcrossSites(model.gslb, site),
    }),
  );
  const svgs = opts.svg ? await withSvgs(all) : new Map<string, DocFile[]>();
  const written = all.map((d) => {
    const files = [...d.files, ...(svgs.get(d.site) ?? [])];
    let dir: string;
    try {
      dir = writeSiteDocs(opts.out, d.site, files);
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      throw new CliError(
        `docs: cannot write ${join(opts.out, d.site)}: ${why} (its previous content is kept)`,
      );
    }
    return { site: d.site, dir, files: files.map((f) => f.path), diagrams: d.diagrams.length };
  });
  if (opts.json) json({ ok: true, sites: written, findings: diagnosticsToJson(findings) });
  else
    for (const w of written)
      out(
        `${w.site}: README.md, cabling.csv, ${w.diagrams} diagrams${opts.svg ? ' (+ SVG)' : ''} → ${w.dir}/`,
      );
  if (!opts.json && written.length === 0) err('docs: no sites selected');
  return EXIT.OK;
}
