/**
 * Whether drift is watching a lab rather than a real network, and which sites that lab runs: a
 * lab of one site of a multi-site inventory has no other site, so checks of the other sites'
 * parts (a DNS server's view of their VIPs, `gslb-answers`) must not be judged there (verify
 * learns the same from its `--lab`). Two signs, either enough:
 * - its SSH config is a lab's (`fabric lab up` names the lab and its sites in its first line);
 * - a lab running on this machine holds the site's management addresses, which drift connects to
 *   (so an SSH config of the user's own, or `--identity`, reaches that lab too).
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_STATE_ROOT } from '../lab/plan/names.js';
import { labOfSshConfig } from '../lab/runtime/lab-folder.js';
import { readAllStates } from '../lab/runtime/state.js';
import type { FrozenSite } from '../pipeline.js';
import { LABEL_SITE, sitesOfLab } from '../topology/lab-nodes.js';

export interface WatchedLab {
  lab: string;
  /** The sites it runs, sorted; the watched site among them. */
  sites: string[];
}

export function watchedLab(
  site: FrozenSite,
  sshConfigFile: string | undefined,
  stateRoot: string = DEFAULT_STATE_ROOT,
): WatchedLab | null {
  const bySshConfig = sshConfigFile ? labOfSshConfig(readOrEmpty(sshConfigFile)) : null;
  if (bySshConfig?.sites.includes(site.name)) return bySshConfig;
  const mgmt = new Set(site.devices.map((d) => d.mgmt.address));
  let states: ReturnType<typeof readAllStates>;
  try {
    states = readAllStates(stateRoot);
  } catch {
    return null; // an unreadable state root: no lab to know of
  }
  for (const { plan } of states) {
    const sites = sitesOfLab(plan.nodes);
    const holds = plan.nodes.some((n) => n.labels?.[LABEL_SITE] === site.name && mgmt.has(n.mgmtIpv4));
    if (holds) return { lab: plan.lab, sites };
  }
  return null;
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return ''; // the SSH layer says what is wrong with the file
  }
}
