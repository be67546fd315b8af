/**
 * Issue 8, the lab: one small site (test/fixtures/lab-l4) whose public service is L4 only, with
 * VMs as the real servers, brought up once and then changed in place.
 *
 * GIVEN the site as a lab (`lab up --site l4vm --wait`)
 * THEN it converged (every verify check passes, the L4-only http-path among them) and `lab up`
 *   printed the one step that lets push and drift reach the lab with no SSH flags
 * WHEN the running lab is made empty (`lab up --empty`): the managed nodes restart, the upstream
 *   keeps running; `fabric push` configures it
 * WHEN a rack (2 leaves + a hypervisor) is added to the inventory: a refused `lab up` writes
 *   nothing; `lab up` adds the three nodes and their cables and leaves every other node running
 *   (same PIDs); `fabric push` then changes exactly the new devices and those whose rendered
 *   files changed (by the manifest's hashes); verify is green
 * WHEN a node dies: `lab up` starts it again and nothing else
 * AND `lab down` leaves nothing behind.
 */
import { cpSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LAB_PACKAGES,
  labDownLeavesNothing,
  netnsIds,
  runName,
  useFreeMgmtSubnet,
} from '../fixtures/lab/support.js';
import { REPO, runFabric } from '../support/cli.js';
import { ensureInstalled, requireRoot } from '../support/system.js';
import { tempDir } from '../support/tmp.js';

const lab = runName('l4g');
const SITE = 'l4vm';
const RACK = [
  '  leaf2a: { role: leaf, id: 13, rack: r2, uplinks: { eth1: spine1:eth13 } }',
  '  leaf2b: { role: leaf, id: 14, rack: r2, uplinks: { eth1: spine1:eth14 } }',
  '  hv3: { role: hypervisor, id: 23, rack: r2, uplinks: { eth1: leaf2a:eth11, eth2: leaf2b:eth11 } }',
];
const OLD_NODES = ['isp1', 'edge1', 'spine1', 'leaf1a', 'leaf1b', 'hv1', 'hv2', 'vr1', 'lb1', 'app1', 'app2'];
let dir: string;
let inventory: string;
const seenNetns = new Set<string>();

interface StatusJson {
  state: string;
  sshConfig: string;
  labDir: string;
  nodes: { name: string; running: boolean; pid: number | null; netns: string }[];
  changes?: { added: string[]; removed: string[]; restarted: string[]; replugged: string[] };
}

interface PushJson {
  result: string;
  devices: { device: string; status: string }[];
}

const fabric = (...args: string[]) => runFabric(['--inventory', inventory, ...args], { cwd: dir });
const labUp = (...extra: string[]) => fabric('lab', 'up', '--site', SITE, '--name', lab, ...extra);

async function status(): Promise<StatusJson> {
  const r = await fabric('lab', 'status', '--name', lab, '--json');
  const s = JSON.parse(r.stdout) as StatusJson;
  for (const n of s.nodes) if (n.netns) seenNetns.add(n.netns);
  return s;
}

/** Host PIDs of the node's PID 1 and of its sshd listener (pidof inside the node). */
async function pids(names: readonly string[]): Promise<Map<string, string>> {
  const s = await status();
  const out = new Map<string, string>();
  for (const name of names) {
    const node = s.nodes.find((n) => n.name === name);
    const sshd = await fabric('lab', 'exec', '--name', lab, name, '--', 'pidof', '-s', 'sshd');
    out.set(name, `${node?.pid} ${sshd.stdout.trim()}`);
  }
  return out;
}

/** push as the user would after `export FABRIC_SSH_CONFIG=…`, plus the SSH flags push needs today. */
async function push(): Promise<{ code: number; report: PushJson; stderr: string }> {
  const { labDir, sshConfig } = await status();
  const r = await runFabric(
    [
      '--inventory',
      inventory,
      'push',
      '--site',
      SITE,
      '--yes',
      '--json',
      '--identity',
      join(labDir, 'id_ed25519'),
      '--known-hosts',
      join(labDir, 'known_hosts'),
    ],
    { cwd: dir, env: { FABRIC_SSH_CONFIG: sshConfig } },
  );
  return { code: r.code, report: JSON.parse(r.stdout || '{}') as PushJson, stderr: r.stderr };
}

async function verifyFailures(timeout: string): Promise<{ failures: string[]; kinds: Map<string, number> }> {
  const r = await fabric('verify', '--site', SITE, '--lab', lab, '--json', '--timeout', timeout);
  const json = JSON.parse(r.stdout || '{}') as {
    results: { kind: string; device: string; ok: boolean; expected: string; seen: string }[];
  };
  const kinds = new Map<string, number>();
  for (const res of json.results) kinds.set(`${res.kind} ${res.expected}`, res.ok ? 1 : 0);
  return {
    failures: json.results.filter((x) => !x.ok).map((x) => `${x.kind} ${x.device}: ${x.seen}`),
    kinds,
  };
}

/** Managed device → the hashes of its rendered files, from out/<site>/manifest.json. */
function renderedHashes(manifest: string): Map<string, string> {
  const m = JSON.parse(readFileSync(manifest, 'utf8')) as {
    devices: Record<string, { managed: boolean; files: { target: string; sha256: string }[] }>;
  };
  return new Map(
    Object.entries(m.devices)
      .filter(([, d]) => d.managed)
      .map(([name, d]) => [name, d.files.map((f) => `${f.target} ${f.sha256}`).join('\n')]),
  );
}

beforeAll(() => {
  requireRoot();
  ensureInstalled(LAB_PACKAGES);
  dir = tempDir();
  cpSync(join(REPO, 'test', 'fixtures', 'lab-l4'), dir, { recursive: true });
  inventory = join(dir, 'inventory');
  useFreeMgmtSubnet(join(inventory, 'l4vm.yaml'));
});

afterAll(async () => {
  if (!dir) return;
  const ids = netnsIds([...seenNetns]);
  await labDownLeavesNothing(lab, dir, ids);
}, 120_000);

describe('a lab that changes while it runs', () => {
  it('GIVEN an L4 service with VMs as real servers WHEN lab up --wait THEN it converges, verify is green with the L4 http-path, and the SSH setup step is printed', async () => {
    const up = await labUp('--wait', '150');
    expect(up.code, `${up.stdout}\n${up.stderr}`).toBe(0);
    expect(up.stderr).toMatch(/converging: \d+\/\d+ checks pass/);
    expect(up.stderr).toContain(`lab ${lab}: converged`);
    const { sshConfig } = await status();
    expect(up.stdout).toContain(`export FABRIC_SSH_CONFIG=${sshConfig}`);
    const config = readFileSync(sshConfig, 'utf8');
    expect(config).toMatch(/^Host app1 clab-\S+-app1 198\.18\.\d+\.71$/m);
    for (const key of [
      'HostName',
      'User root',
      'IdentityFile',
      'UserKnownHostsFile',
      'StrictHostKeyChecking yes',
    ])
      expect(config).toContain(`  ${key}`);

    const v = await verifyFailures('10');
    expect(v.failures).toEqual([]);
    expect(
      v.kinds.get('http-path http://198.51.100.10:8080/ from isp1 (192.0.2.129) is served by app1/app2'),
    ).toBe(1);
  }, 300_000);

  it('WHEN the running lab is made empty THEN the managed nodes restart, the upstream keeps running, and push configures it', async () => {
    const before = await pids(['isp1', 'app1', 'app2']);
    const up = await labUp('--empty');
    expect(up.code, up.stderr).toBe(0);
    const s = await status();
    expect(s.changes).toBeUndefined(); // status of a lab, not of an `up`
    // what fabric manages boots empty; the upstream and the VMs (not fabric's) keep running, their
    // cables to restarted nodes untouched on their side
    expect(up.stdout).toContain(
      'changed: 0 node(s) added; 0 removed; 8 restarted: edge1, hv1, hv2, lb1, leaf1a, leaf1b, spine1, vr1; 0 replugged;',
    );
    expect(await pids(['isp1', 'app1', 'app2'])).toEqual(before);

    const first = await push();
    expect(first.report.result, first.stderr).toBe('ok');
    expect(first.code).toBe(0);
    // the site asks for OVS's kernel datapath, which the lab runs in userspace: no drift for it
    const drift = await fabric(
      'drift',
      '--site',
      SITE,
      '--identity',
      join(s.labDir, 'id_ed25519'),
      '--known-hosts',
      join(s.labDir, 'known_hosts'),
    );
    expect(drift.code, `${drift.stdout}\n${drift.stderr}`).toBe(0);
  }, 400_000);

  it('WHEN a rack is added THEN a refused lab up writes nothing, lab up adds only the rack, and push changes only the new and changed devices', async () => {
    const topology = join(dir, 'lab', `${SITE}.clab.yml`);
    const manifest = join(dir, 'out', SITE, 'manifest.json');
    const file = join(inventory, 'l4vm.yaml');
    const text = readFileSync(file, 'utf8');
    const grown = text.replace(/^( {2}hv2: .*\n)/m, `$1${RACK.join('\n')}\n`);
    expect(grown).not.toBe(text);
    writeFileSync(file, grown);

    // refused: the management addresses are not in the subnet asked for; nothing is written
    const topologyBefore = readFileSync(topology, 'utf8');
    const manifestBefore = statSync(manifest).mtimeMs;
    const refused = await labUp('--empty', '--mgmt-subnet', '198.18.99.0/24');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is not a free address of 198.18.99.0/24');
    expect(readFileSync(topology, 'utf8')).toBe(topologyBefore);
    expect(statSync(manifest).mtimeMs).toBe(manifestBefore);

    const rendered = renderedHashes(manifest);
    const before = await pids(OLD_NODES);
    const up = await labUp('--empty');
    expect(up.code, up.stderr).toBe(0);
    expect(up.stdout).toMatch(
      /changed: 3 node\(s\) added: hv3, leaf2a, leaf2b; 0 removed; 0 restarted; 1 replugged: spine1/,
    );
    expect(readFileSync(topology, 'utf8')).toContain('leaf2a:');
    const s = await status();
    expect(s.state).toBe('running');
    for (const n of ['leaf2a', 'leaf2b', 'hv3'])
      expect(s.nodes.find((x) => x.name === n)?.running, n).toBe(true);
    expect(await pids(OLD_NODES)).toEqual(before);

    const second = await push();
    expect(second.report.result, second.stderr).toBe('ok');
    // exactly the new devices and those whose rendered files changed; the rest is not touched
    const now = renderedHashes(manifest);
    const expected = [...now].filter(([d, h]) => rendered.get(d) !== h).map(([d]) => d);
    expect(expected).toEqual(expect.arrayContaining(['hv3', 'leaf2a', 'leaf2b', 'spine1']));
    const applied = second.report.devices.filter((d) => d.status === 'applied').map((d) => d.device);
    expect(applied.sort()).toEqual(expected.sort());
    const untouched = second.report.devices.filter((d) => d.status === 'unchanged').map((d) => d.device);
    expect(untouched.sort()).toEqual([...now.keys()].filter((d) => !expected.includes(d)).sort());

    const v = await verifyFailures('120');
    expect(v.failures).toEqual([]);
  }, 500_000);

  it('WHEN a node of the running lab dies THEN lab up starts it again, alone, and verify is green', async () => {
    const app2 = (await status()).nodes.find((n) => n.name === 'app2')!;
    process.kill(app2.pid!, 'SIGKILL');
    const others = OLD_NODES.filter((n) => n !== 'app2');
    const before = await pids(others);
    const up = await labUp('--empty');
    expect(up.code, up.stderr).toBe(0);
    expect(up.stdout).toContain('changed: 0 node(s) added; 0 removed; 1 restarted: app2; 0 replugged;');
    expect((await status()).nodes.find((n) => n.name === 'app2')?.running).toBe(true);
    expect(await pids(others)).toEqual(before);
    const v = await verifyFailures('60');
    expect(v.failures).toEqual([]);
  }, 200_000);
});
