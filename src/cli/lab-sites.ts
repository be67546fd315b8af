/**
 * One site in a running lab, for the commands that act on it there (`verify --lab`, `lab
 * failover --site`, `push --probe-lab`): where each of its devices runs, and the sites the lab
 * runs, compiled from this inventory (in a lab of several sites, verify's shared internet is
 * built from all of them, src/verify/shared-internet.ts).
 */
import { type LabStatus, labNodes, labStatus } from '../lab/index.js';
import { type FrozenSite, runPipeline } from '../pipeline.js';
import { nodeOfDevice, sitesOfLab } from '../topology/lab-nodes.js';
import { err } from './io.js';

/** A site's devices in a running lab. */
export interface SiteInLab {
  status: LabStatus;
  /** The node that runs a device of the site (`<site>-<device>` in a lab of several sites). */
  nodeOf(device: string): string;
  /** That node's namespace: undefined without one, or (`runningOnly`) while the node is not running. */
  netnsOf(device: string): string | undefined;
  /** A node's namespace by the node's name (a shared node: `client`, a merged upstream). */
  netnsOfNode(node: string): string | undefined;
  /** The nodes those namespaces are of (running ones only with `runningOnly`), by name. */
  namespaced: string[];
  /** The sites the lab's nodes are labelled with (none in a lab exported before the labels). */
  siteNames: string[];
}

/** Reads the lab's state and labels once (throws the lab's LabError when there is no such lab). */
export async function siteInLab(
  lab: string,
  site: string,
  opts: { runningOnly?: boolean } = {},
): Promise<SiteInLab> {
  const status = await labStatus(lab);
  const netns = new Map(
    status.nodes.filter((n) => n.netns && (!opts.runningOnly || n.running)).map((n) => [n.name, n.netns]),
  );
  // a lab of several sites runs the site's devices on nodes of other names (src/topology/lab-nodes.ts)
  const labelled = await labNodes(lab);
  const nodeOf = (device: string) => nodeOfDevice(labelled, site, device);
  return {
    status,
    nodeOf,
    netnsOf: (d) => netns.get(nodeOf(d)),
    netnsOfNode: (node) => netns.get(node),
    namespaced: [...netns.keys()],
    siteNames: sitesOfLab(labelled),
  };
}

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
