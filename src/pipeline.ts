/**
 * The pipeline in one place: load → validate → merge → facts → compile → check, then render
 * (`renderStage`: secrets, then the files of every site, in memory).
 * Each stage returns diagnostics instead of throwing; a stage that reports errors stops the
 * pipeline (its output cannot be trusted by the next). Input errors mean "unusable inventory"
 * (exit 2); findings of the checks mean "the inventory is readable but wrong" (exit 1).
 */

import { checkGslb } from './checks/gslb.js';
import { checkSite } from './checks/index.js';
import { anycastPrefixes, attachAnycast } from './compile/anycast.js';
import { computeFacts, type SiteFacts } from './compile/facts.js';
import { compileGslb } from './compile/gslb.js';
import { vmHostRoles } from './compile/roles.js';
import { compileSite, rederived } from './compile/site.js';
import { type Diagnostic, hasErrors } from './diagnostics/diagnostic.js';
import { type InventorySource, loadInventoryDir } from './inventory/files.js';
import { checkFloodListSize, checkSiteSizes } from './inventory/limits.js';
import { Locator } from './inventory/locate.js';
import { mergeSites, type SiteInventory } from './inventory/merge.js';
import { validateSource } from './inventory/schema.js';
import { type DeepReadonly, sanitizeAndFreeze } from './model/freeze.js';
import { secretNamesOf } from './model/secret-refs.js';
import type { FabricModel, SiteModel } from './model/types.js';
import { checkSecrets } from './render/secret-check.js';
import { loadSecrets, type SecretStore } from './render/secrets.js';
import { type RenderedWithManifest, renderModel } from './render/stage.js';

export type FrozenModel = DeepReadonly<FabricModel>;
export type FrozenSite = DeepReadonly<SiteModel>;

export interface PipelineResult {
  /** Present when the inventory could be compiled (even if checks found problems). */
  model?: FrozenModel;
  /**
   * Problems that make the inventory unusable: YAML, schema, references, size. Exit 2. YAML
   * warnings (an unknown tag) come first when there are errors, else with the findings.
   */
  inputErrors: Diagnostic[];
  /** Findings of the semantic and redundancy checks, errors and warnings. */
  findings: Diagnostic[];
  sources: InventorySource[];
}

export interface PipelineOptions {
  /** Only compile these sites (all when empty). Unknown names are an input error. */
  sites?: string[];
  /**
   * Also run the N-1 analysis and report single points of failure as findings (`fabric
   * validate`; src/checks/single-points.ts). Off by default: it recomputes the routing per failure.
   */
  singlePoints?: boolean;
}

export function runPipeline(inventoryDir: string, options: PipelineOptions = {}): PipelineResult {
  // load: YAML with source positions
  const loaded = loadInventoryDir(inventoryDir);
  const locator = new Locator(loaded.sources);
  // YAML warnings (an unknown tag) are shown whatever happens next: with the input errors when
  // there are any, else with the findings
  const yamlWarnings = loaded.diagnostics.filter((d) => d.severity === 'warning');
  const siteOfFile = new Map(
    loaded.sources.map((s) => [s.file, (s.data as { site?: unknown } | undefined)?.site]),
  );
  for (const w of yamlWarnings) {
    const site = siteOfFile.get(w.file ?? '');
    if (typeof site === 'string') w.site = site; // counted with its site's findings
  }
  const done = (r: Omit<PipelineResult, 'sources'>): PipelineResult => ({
    inputErrors: locator.locate(r.inputErrors.length ? [...yamlWarnings, ...r.inputErrors] : []),
    findings: locator.locate(r.inputErrors.length ? r.findings : [...yamlWarnings, ...r.findings]),
    ...(r.model ? { model: r.model } : {}),
    sources: loaded.sources,
  });
  if (hasErrors(loaded.diagnostics))
    return done({ inputErrors: loaded.diagnostics.filter((d) => d.severity === 'error'), findings: [] });

  // size: a site beyond the documented limits is refused before it is worked on
  const tooLarge = checkSiteSizes(loaded.sources);
  if (tooLarge.length) return done({ inputErrors: tooLarge, findings: [] });

  // validate: every file against the schema
  const schemaErrors = loaded.sources.flatMap(validateSource);
  if (schemaErrors.length) return done({ inputErrors: schemaErrors, findings: [] });

  // merge: files → sites
  const merged = mergeSites(loaded.sources);
  if (hasErrors(merged.diagnostics)) return done({ inputErrors: merged.diagnostics, findings: [] });
  const selected = selectSites(merged.sites, options.sites ?? []);
  if ('error' in selected) return done({ inputErrors: [selected.error], findings: [] });

  // gslb: the services that span sites, resolved against every site (also those not selected);
  // before the facts, which take the service prefixes the sites' routers must pass on
  const gslb = merged.gslb && compileGslb(merged.gslb, merged.sites);

  // facts: references resolved, prefixes parsed, per-device values allocated
  const factsBySite: SiteFacts[] = [];
  const referenceErrors: Diagnostic[] = [];
  for (const site of selected.sites) {
    const { facts, diagnostics } = computeFacts(site, gslb ? anycastPrefixes(gslb.gslb, site.name) : []);
    referenceErrors.push(...diagnostics);
    // size: the flood lists grow with VTEPs (hypervisors)² × segments; refuse before compiling them
    const floodLists =
      facts &&
      checkFloodListSize(
        site.name,
        vmHostRoles().flatMap((r) => facts.byRole.get(r) ?? []).length,
        facts.segments.size,
      );
    if (floodLists) referenceErrors.push(floodLists);
    else if (facts) factsBySite.push(facts);
  }
  if (hasErrors(referenceErrors)) return done({ inputErrors: referenceErrors, findings: [] });

  if (gslb && hasErrors(gslb.diagnostics)) return done({ inputErrors: gslb.diagnostics, findings: [] });

  // compile, then check the compiled model
  // the DNS servers' gdnsd comes from gslb, given to the site compile so that every daemon of a
  // device is known before its sysctls and snmpd are derived from them
  const sites = factsBySite.map((facts) => compileSite(facts, gslb?.servers));
  // the L4 members of the services' tenants announce the VIPs (anycast): from gslb, after the sites
  // (it needs their keepalived); the members now run FRR, so what their daemons decide is decided again
  if (gslb) {
    const gainedFrr = attachAnycast(sites, gslb.gslb, merged.sites);
    sites.forEach((site, i) => {
      if (!site.devices.some((d) => gainedFrr.has(`${site.name}/${d.name}`))) return;
      site.devices = site.devices.map((d) =>
        gainedFrr.has(`${site.name}/${d.name}`) ? rederived(factsBySite[i]!, d) : d,
      );
      site.secrets = secretNamesOf(site.devices); // from the devices, as compileSite's
    });
  }
  const findings = factsBySite.flatMap((facts, i) => checkSite(facts, sites[i]!, options));
  if (gslb) findings.push(...checkGslb(gslb.gslb, merged.sites, merged.gslb!, sites));
  const model = sanitizeAndFreeze<FabricModel>({ sites, ...(gslb ? { gslb: gslb.gslb } : {}) });
  return done({ model, inputErrors: [], findings });
}

function selectSites(
  sites: SiteInventory[],
  wanted: string[],
): { sites: SiteInventory[] } | { error: Diagnostic } {
  if (wanted.length === 0) return { sites };
  const known = sites.map((s) => s.name);
  for (const w of wanted)
    if (!known.includes(w))
      return {
        error: {
          code: 'unknown-site',
          severity: 'error',
          message: `no site '${w}' in the inventory (sites: ${known.join(', ')})`,
        },
      };
  return { sites: sites.filter((s) => wanted.includes(s.name)) };
}

/**
 * Loads the secrets (file and environment) and checks every secret the model uses: one located
 * diagnostic per missing or invalid secret. No store when the secrets file cannot be read.
 */
export function checkedSecrets(
  model: FrozenModel,
  sources: readonly InventorySource[],
  file: string | undefined,
): { store?: SecretStore; diagnostics: Diagnostic[] } {
  const loaded = loadSecrets(file);
  if (!loaded.store) return loaded;
  const store = loaded.store;
  const diagnostics = checkSecrets(model.sites, sources, store);
  return { store, diagnostics: new Locator(sources).locate(diagnostics) };
}

export type RenderStageResult =
  /** The secrets file cannot be read, or secrets are missing or invalid: nothing was rendered. */
  | { stage: 'secrets'; store?: SecretStore; diagnostics: Diagnostic[] }
  /** Rendering found problems (a secret a template cannot take): nothing is usable. */
  | { stage: 'render'; store: SecretStore; diagnostics: Diagnostic[] }
  | { stage: 'done'; store: SecretStore; rendered: RenderedWithManifest[] };

/** The render stage after a clean pipeline: secrets checked, then every site rendered in memory. */
export function renderStage(
  model: FrozenModel,
  sources: readonly InventorySource[],
  secretsFile: string | undefined,
  generator: string,
): RenderStageResult {
  const secrets = checkedSecrets(model, sources, secretsFile);
  if (!secrets.store || secrets.diagnostics.length)
    return {
      stage: 'secrets',
      diagnostics: secrets.diagnostics,
      ...(secrets.store ? { store: secrets.store } : {}),
    };
  const { rendered, diagnostics } = renderModel(model, secrets.store, generator);
  if (diagnostics.length) return { stage: 'render', store: secrets.store, diagnostics };
  return { stage: 'done', store: secrets.store, rendered };
}
