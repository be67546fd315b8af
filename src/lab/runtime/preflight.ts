/**
 * What this machine must have before a lab is touched: root, and the programs the topology's
 * nodes need. Each missing thing is one line saying what, for which nodes, and how to fix it.
 * The environment is a parameter, so tests can simulate a missing program.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { join } from 'node:path';
import { DAEMONS, driverOf } from '../../daemons/index.js';
import type { DaemonRegistry } from '../../daemons/types.js';
import type { LabPlan } from '../plan/lab-plan.js';
import { SYSTEM_PATH } from './system-command.js';

export interface PreflightEnv {
  /** Search path for programs. @default SYSTEM_PATH */
  path: string;
  isRoot: boolean;
  /** Whether a file exists (for programs outside PATH). */
  exists: (file: string) => boolean;
}

export function defaultPreflightEnv(): PreflightEnv {
  return { path: SYSTEM_PATH, isRoot: process.getuid?.() === 0, exists: existsSync };
}

interface Requirement {
  /** A program looked up in PATH, or an absolute file. */
  program: string;
  /** Debian package that provides it. */
  pkg: string;
}

/** Every node: namespaces, mounts, its init, links, SSH, the overlay helpers and the probes. */
/** A Cilium node's speaker in the lab: GoBGP's daemon and the client that adds its paths. */
const GOBGP: Requirement[] = [
  { program: 'gobgpd', pkg: 'gobgpd' },
  { program: 'gobgp', pkg: 'gobgpd' },
];

const BASE: Requirement[] = [
  { program: 'ip', pkg: 'iproute2' },
  { program: 'nsenter', pkg: 'util-linux' },
  { program: 'unshare', pkg: 'util-linux' },
  { program: 'pivot_root', pkg: 'util-linux' },
  { program: 'mount', pkg: 'mount' },
  { program: 'tini', pkg: 'tini' },
  { program: 'ethtool', pkg: 'ethtool' },
  { program: 'sshd', pkg: 'openssh-server' },
  { program: 'ssh-keygen', pkg: 'openssh-client' },
  { program: 'python3', pkg: 'python3' },
  // the pinger of `lab failover`'s and `push --probe-lab`'s probes, which run in any node
  { program: 'fping', pkg: 'fping' },
];

function found(program: string, env: PreflightEnv): boolean {
  if (program.startsWith('/')) return env.exists(program);
  return env.path.split(':').some((dir) => {
    try {
      accessSync(join(dir, program), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** One line per problem; empty when the lab can start. */
export function preflight(
  plan: LabPlan,
  env: PreflightEnv = defaultPreflightEnv(),
  registry: DaemonRegistry = DAEMONS,
): string[] {
  const problems: string[] = [];
  if (!env.isRoot) problems.push('lab up needs root (network namespaces, mounts, veths): run it as root');

  const needs = new Map<string, { req: Requirement; nodes: string[] }>();
  const need = (req: Requirement, node: string) => {
    const entry = needs.get(req.program) ?? { req, nodes: [] };
    entry.nodes.push(node);
    needs.set(req.program, entry);
  };
  for (const node of plan.nodes) {
    if (node.role === 'bridge') continue;
    for (const req of BASE) need(req, node.name);
    // sshd is in BASE; http is python3's http.server; gobgpd (a Cilium node's speaker) has no driver
    if (node.daemons.includes('gobgpd')) for (const req of GOBGP) need(req, node.name);
    const drivers = node.daemons.flatMap((d) => driverOf(d, registry) ?? []);
    const agentx = drivers.some((d) => d.lab.agentxMaster);
    for (const d of drivers) for (const req of d.lab.requires({ agentx })) need(req, node.name);
  }
  const missing = [...needs.values()].filter(({ req }) => !found(req.program, env));
  for (const { req, nodes } of missing) {
    const shown =
      nodes.length > 3 ? `${nodes.slice(0, 3).join(', ')} and ${nodes.length - 3} more` : nodes.join(', ');
    problems.push(
      `missing ${req.program}, needed by ${shown}: apt-get install -y --no-install-recommends ${req.pkg}`,
    );
  }
  const pkgs = [...new Set(missing.map((m) => m.req.pkg))].sort();
  if (pkgs.length > 1)
    problems.push(`all at once: apt-get install -y --no-install-recommends ${pkgs.join(' ')}`);
  return problems;
}
