/**
 * Which lab node runs which device: the one home of that mapping (lab export, lab exec, verify
 * and drift in a lab, failover). A lab of one site names each node after its device (`edge1`),
 * as it always has. A lab of several sites (`fabric lab up --site aa-a --site aa-b`,
 * docs/active-active.md "Both sites in one lab") holds devices of the same name from each site,
 * so a site's node is `<site>-<device>` (`aa-a-edge1`); the shared internet's nodes (the merged
 * upstreams, the client) belong to no site and keep their own names (`isp1`, `client`).
 *
 * Every node of a site carries the labels `fabric-site` and `fabric-device`, so a running lab
 * says by itself which node is which device: `nodeOfDevice` reads them, and falls back to the
 * device's name for labs exported before the labels existed.
 */

/** Label: the site of a node's device (absent on the shared internet's nodes). */
export const LABEL_SITE = 'fabric-site';
/** Label: the device a node runs (its name in its site's inventory). */
export const LABEL_DEVICE = 'fabric-device';
/** Label on a shared internet node: the sites it serves, space-separated. */
export const LABEL_SITES = 'fabric-sites';

/** The node of a site's device in a lab of `siteCount` sites. */
export function siteNodeName(site: string, device: string, siteCount: number): string {
  return siteCount > 1 ? `${site}-${device}` : device;
}

/** What a running lab says about one of its nodes. */
export interface LabeledNode {
  name: string;
  labels?: Readonly<Record<string, string>>;
}

/**
 * The node that runs `device` of `site` in a running lab: the node labelled with both (a site's
 * node), else the shared node labelled with the device and serving the site (a merged upstream),
 * else the node named like the device (a lab of one site, or one exported before the labels).
 */
export function nodeOfDevice(nodes: readonly LabeledNode[], site: string, device: string): string {
  const own = nodes.find((n) => n.labels?.[LABEL_SITE] === site && n.labels?.[LABEL_DEVICE] === device);
  if (own) return own.name;
  const shared = nodes.find(
    (n) =>
      n.labels?.[LABEL_SITE] === undefined &&
      n.labels?.[LABEL_DEVICE] === device &&
      (n.labels?.[LABEL_SITES] ?? '').split(' ').includes(site),
  );
  return shared?.name ?? device;
}

/**
 * The devices of `site` that have a node in the lab, by device name: a site's labelled nodes and
 * the shared nodes serving it, or (a lab of one site) every node under its own name.
 */
export function devicesWithNodes(nodes: readonly LabeledNode[], site: string): string[] {
  return nodes.flatMap((n) => {
    const device = n.labels?.[LABEL_DEVICE];
    if (device === undefined) return [n.name];
    const own = n.labels?.[LABEL_SITE];
    const serves =
      own === undefined ? (n.labels?.[LABEL_SITES] ?? '').split(' ').includes(site) : own === site;
    return serves ? [device] : [];
  });
}

/** The sites of a running lab, sorted: those its nodes are labelled with (none in an unlabelled lab). */
export function sitesOfLab(nodes: readonly LabeledNode[]): string[] {
  const sites = new Set(nodes.flatMap((n) => (n.labels?.[LABEL_SITE] ? [n.labels[LABEL_SITE]] : [])));
  return [...sites].sort();
}
