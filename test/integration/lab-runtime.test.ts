/**
 * The lab runtime for real: containerlab's frr01 example (3 FRR routers in an OSPF ring + 3 PCs)
 * run AS IS from its folder, with a per-run lab name and management subnet so that it cannot
 * collide with a user's lab. Needs root; missing Debian packages are installed first.
 */

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LabError,
  type LabEvent,
  type LabStatus,
  labDown,
  labExec,
  labStatus,
  labUp,
} from '../../src/lab/index.js';
import { DEFAULT_STATE_ROOT } from '../../src/lab/plan/names.js';
import type { LabState } from '../../src/lab/runtime/state.js';
import {
  freeMgmtSubnet,
  LAB_PACKAGES,
  leftovers,
  netnsIds,
  runName,
  ssh,
  waitFor,
} from '../fixtures/lab/support.js';
import { CLAB_EXAMPLES } from '../support/cli.js';
import { ensureInstalled, requireRoot } from '../support/system.js';

const EXAMPLES = CLAB_EXAMPLES;
const FRR01 = join(EXAMPLES, 'frr01/frr01.clab.yml');
const HOSTS = join(import.meta.dirname, '../fixtures/lab/hosts');
const ROUTERS = ['router1', 'router2', 'router3'];

const lab = runName('frr01');
const stateDir = join(DEFAULT_STATE_ROOT, lab);
let labDir: string;
let mgmtSubnet: string;
let status: LabStatus;
const events: LabEvent[] = [];
/** Other labs this file starts; all removed in afterAll. */
const extraLabs: string[] = [];

beforeAll(async () => {
  requireRoot();
  ensureInstalled(LAB_PACKAGES);
  if (!existsSync(FRR01))
    throw new Error(`containerlab's frr01 example is not at ${FRR01} (set FABRIC_CLAB_EXAMPLES)`);
  labDir = mkdtempSync(join(tmpdir(), 'lab-runtime-'));
  mgmtSubnet = freeMgmtSubnet();
  status = await labUp(FRR01, { name: lab, mgmtSubnet, labDir, onProgress: (e) => events.push(e) });
}, 900_000);

afterAll(async () => {
  for (const name of [lab, ...extraLabs]) await labDown(name);
  rmSync(labDir, { recursive: true, force: true });
});

const node = (name: string) => status.nodes.find((n) => n.name === name)!;

async function ospfNeighbors(router: string): Promise<string[]> {
  const r = await labExec(lab, router, ['vtysh', '-c', 'show ip ospf neighbor json']);
  const json = JSON.parse(r.stdout) as {
    neighbors: Record<string, { converged?: string; nbrState?: string }[]>;
  };
  return Object.values(json.neighbors).flatMap((list) => list.map((n) => n.converged ?? n.nbrState ?? ''));
}

describe('frr01 (containerlab example, unmodified)', () => {
  it('GIVEN frr01 WHEN up THEN every node runs with its daemons, named like containerlab does', () => {
    expect(status.state).toBe('running');
    expect(status.nodes.map((n) => [n.name, n.netns, n.running, n.booted])).toEqual(
      ['router1', 'router2', 'router3', 'PC1', 'PC2', 'PC3'].map((n) => [n, `clab-${lab}-${n}`, true, true]),
    );
    for (const r of ROUTERS)
      expect(node(r).daemons.map((d) => [d.name, d.up])).toEqual([
        ['sshd', true],
        ['frr', true],
      ]);
    expect(node('PC1').daemons.map((d) => d.name)).toEqual(['sshd']);
    expect(events.filter((e) => e.done === e.total).map((e) => e.phase)).toEqual([
      'check',
      'network',
      'provision',
      'boot',
      'exec',
      'init',
    ]);
  });

  it('GIVEN the OSPF ring WHEN it converges THEN every adjacency is Full and PC1 pings PC3 across it', async () => {
    await waitFor('OSPF Full on every router', 120_000, async () => {
      const states = await Promise.all(ROUTERS.map(ospfNeighbors));
      return states.every((s) => s.length === 2 && s.every((x) => x.startsWith('Full'))) ? true : undefined;
    });
    await waitFor('PC1 → PC3 ping', 30_000, async () => {
      const r = await labExec(lab, 'PC1', ['ping', '-c', '1', '-W', '1', '192.168.13.2']);
      return r.code === 0 ? true : undefined;
    });
  }, 180_000);

  it('GIVEN the lab key and known_hosts WHEN ssh to a node mgmt IP from the root namespace THEN it logs in, host key checked', () => {
    for (const name of ['router2', 'PC3']) {
      const r = ssh(labDir, node(name).mgmtIpv4, 'hostname; systemctl is-active ssh');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(`${name}\nactive\n`);
    }
    const known = readFileSync(join(labDir, 'known_hosts'), 'utf8');
    expect(known).toContain(`${node('router1').mgmtIpv4},clab-${lab}-router1,router1 ssh-ed25519 `);
  });

  it('GIVEN a node WHEN it is inspected THEN it is isolated: own files, processes, /run and no mgmt default route', async () => {
    const ps = await labExec(lab, 'router1', ['ps', '-eo', 'comm=']);
    expect(ps.stdout.split('\n')).toEqual(
      expect.arrayContaining(['tini', 'sshd', 'watchfrr', 'zebra', 'ospfd']),
    );
    expect(ps.stdout).not.toContain('node');
    const conf = await labExec(lab, 'router2', ['cat', '/etc/frr/frr.conf']);
    expect(conf.stdout).toBe(readFileSync(join(EXAMPLES, 'frr01/router2/frr.conf'), 'utf8'));
    const routes = await labExec(lab, 'PC1', ['ip', '-4', 'route', 'show', 'default']);
    expect(routes.stdout).toBe('');
    const sysctl = await labExec(lab, 'router3', ['sysctl', '-n', 'net.ipv4.ip_forward']);
    expect(sysctl.stdout.trim()).toBe('1');
  });

  it('GIVEN a running lab WHEN up again with the same topology THEN nothing changes: every node keeps running', async () => {
    const pids = async () => (await labStatus(lab)).nodes.map((n) => [n.name, n.pid]);
    const before = await pids();
    const again = await labUp(FRR01, { name: lab, mgmtSubnet, labDir });
    expect(again.state).toBe('running');
    expect(again.changes).toMatchObject({
      added: [],
      removed: [],
      restarted: [],
      linksAdded: 0,
      linksRemoved: 0,
    });
    expect(await pids()).toEqual(before);
  });

  it('GIVEN the lab WHEN down THEN nothing is left; a second down is harmless', async () => {
    const state = JSON.parse(readFileSync(join(stateDir, 'state.json'), 'utf8')) as LabState;
    const ids = netnsIds(state.plan.nodes.map((n) => n.netns));
    expect(ids.size).toBe(6);
    const { removed } = await labDown(lab);
    expect(removed).toEqual(expect.arrayContaining([`netns clab-${lab}-router1`, `dir ${stateDir}`]));
    expect(leftovers(lab, `clab-${lab}-`, ids, stateDir)).toEqual({
      netns: [],
      processes: [],
      mounts: [],
      links: [],
      stateDir: [],
    });
    expect(await labDown(lab)).toEqual({ removed: [] });
  });
});

describe('stale labs', () => {
  const hosts = runName('hosts');
  extraLabs.push(hosts);

  it('GIVEN an up that was killed half-way WHEN up again THEN the stale lab is found, removed and started afresh', async () => {
    // a separate process runs `up`; slow-exec's exec keeps it busy once every node runs
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(HOSTS, '../run-up.ts'),
        join(HOSTS, 'slow-exec.clab.yml'),
        hosts,
        mgmtSubnet,
        labDir,
      ],
      {
        cwd: join(import.meta.dirname, '../..'),
        stdio: 'ignore',
      },
    );
    const file = join(DEFAULT_STATE_ROOT, hosts, 'state.json');
    const killed = await waitFor('the child up to launch every node', 60_000, async () => {
      const s = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as LabState) : undefined;
      return s && Object.values(s.nodes).every((n) => n.init) ? s : undefined;
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(killed.phase).toBe('creating');
    const oldPids = Object.values(killed.nodes).map((n) => n.init!.pid);
    expect(oldPids.every((pid) => existsSync(`/proc/${pid}`))).toBe(true);
    expect((await labStatus(hosts)).state).toBe('stale');

    const seen: LabEvent[] = [];
    const fresh = await labUp(join(HOSTS, 'two-hosts.clab.yml'), {
      name: hosts,
      mgmtSubnet,
      labDir,
      onProgress: (e) => seen.push(e),
    });
    expect(seen.some((e) => e.phase === 'cleanup-stale' && e.done === 1)).toBe(true);
    expect(fresh.state).toBe('running');
    expect(fresh.nodes.map((n) => n.pid)).not.toEqual(expect.arrayContaining(oldPids));
    expect(oldPids.some((pid) => existsSync(`/proc/${pid}/ns/net`))).toBe(false);
    const ping = await labExec(hosts, 'h1', ['ping', '-c', '1', '-W', '2', '10.99.0.2']);
    expect(ping.code, ping.stdout + ping.stderr).toBe(0);
  }, 120_000);

  it('GIVEN a lab whose nodes were killed WHEN up again THEN it is cleaned and restarted', async () => {
    const before = await labStatus(hosts);
    for (const n of before.nodes) process.kill(n.pid!, 'SIGKILL');
    await waitFor('the nodes to die', 10_000, async () =>
      (await labStatus(hosts)).state === 'stopped' ? true : undefined,
    );
    const seen: LabEvent[] = [];
    const again = await labUp(join(HOSTS, 'two-hosts.clab.yml'), {
      name: hosts,
      mgmtSubnet,
      labDir,
      onProgress: (e) => seen.push(e),
    });
    expect(seen.some((e) => e.phase === 'cleanup-stale')).toBe(true);
    expect(again.state).toBe('running');
    await labDown(hosts);
    expect(leftovers(hosts, `clab-${hosts}-`, new Set(), join(DEFAULT_STATE_ROOT, hosts)).netns).toEqual([]);
  });
});

describe('shared segments and neighbours', () => {
  const bridged = runName('bridged');
  extraLabs.push(bridged);

  it('GIVEN kind bridge WHEN up THEN its ports are in a tagged root-namespace bridge and the hosts share L2', async () => {
    const st = await labUp(join(HOSTS, 'bridged.clab.yml'), { name: bridged, mgmtSubnet, labDir });
    expect(st.state).toBe('running');
    const sw = st.nodes.find((n) => n.name === 'sw')!;
    expect(sw).toMatchObject({ role: 'bridge', netns: '', mgmtIpv4: '' });
    for (const target of ['10.98.0.2', '10.98.0.3']) {
      const r = await labExec(bridged, 'h1', ['ping', '-c', '1', '-W', '2', target]);
      expect(r.code, r.stdout).toBe(0);
    }
  });

  it('GIVEN a running lab WHEN another lab wants the same management subnet THEN it is refused, naming the interface', async () => {
    const other = runName('other');
    const err = await labUp(join(HOSTS, 'two-hosts.clab.yml'), { name: other, mgmtSubnet, labDir }).catch(
      (e: unknown) => e,
    );
    expect((err as LabError).exitCode).toBe(2);
    expect((err as LabError).message).toContain(
      `management subnet ${mgmtSubnet} is already routed here: ${mgmtSubnet} dev fl`,
    );
    expect(leftovers(other, `clab-${other}-`, new Set(), join(DEFAULT_STATE_ROOT, other)).netns).toEqual([]);
    await labDown(bridged);
    expect(
      leftovers(bridged, `clab-${bridged}-`, new Set(), join(DEFAULT_STATE_ROOT, bridged)),
    ).toMatchObject({ links: [], netns: [] });
  });
});

describe('refusals touch nothing', () => {
  it('GIVEN a missing program WHEN up THEN exit code 2, one line naming it and the apt-get fix, no side effects', async () => {
    const name = runName('pre');
    const err = await labUp(FRR01, {
      name,
      mgmtSubnet,
      labDir,
      preflightEnv: { path: '/nonexistent', isRoot: true, exists: existsSync },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LabError);
    expect((err as LabError).exitCode).toBe(2);
    expect((err as LabError).lines).toContain(
      'missing tini, needed by router1, router2, router3 and 3 more: apt-get install -y --no-install-recommends tini',
    );
    expect(leftovers(name, `clab-${name}-`, new Set(), join(DEFAULT_STATE_ROOT, name))).toEqual({
      netns: [],
      processes: [],
      mounts: [],
      links: [],
      stateDir: [],
    });
  });

  it('GIVEN an unsupported kind WHEN up THEN exit code 2 with a reason per node, nothing created', async () => {
    const err = await labUp(join(EXAMPLES, 'cvx01/topo.clab.yml'), {
      name: runName('cvx'),
      mgmtSubnet,
      labDir,
    }).catch((e: unknown) => e);
    expect((err as LabError).exitCode).toBe(2);
    expect((err as LabError).diagnostics.map((d) => d.message)).toEqual([
      'node "sw1": kind cumulus_cvx needs a vendor VM image; this runtime runs kind linux and bridge nodes only',
    ]);
  });
});
