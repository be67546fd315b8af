/**
 * The sites a running lab runs, compiled from this inventory, for the commands that judge one
 * site in it (`verify --lab`, `lab failover --site`): in a lab of several sites, verify's shared
 * internet is built from all of them (src/verify/shared-internet.ts).
 */
import { type FrozenSite, runPipeline } from '../pipeline.js';
import { err } from './io.js';

/**
 * `names`: the sites the lab's nodes are labelled with. A lab of one site, one without `site`, or
 * sites this inventory does not all compile (said on stderr): `site` alone.
 */
export function compiledLabSites(
  command: string,
  site: FrozenSite,
  names: readonly string[],
  inventory: string,
  lab: string,
): readonly FrozenSite[] {
  if (names.length < 2 || !names.includes(site.name)) return [site];
  const all = runPipeline(inventory, { sites: [...names] }).model?.sites;
  if (all?.length === names.length) return all.map((s) => (s.name === site.name ? site : s));
  err(
    `${command}: lab ${lab} runs sites ${names.join(', ')}, which this inventory does not all compile: checking ${site.name}'s upstreams as its own`,
  );
  return [site];
}
