/**
 * Push benchmark (not a test; figures go to docs/benchmarks.md).
 *
 *   npm run bench:push -- --idc-a         full push of an empty idc-a lab, then a no-change push
 *   npm run bench:push -- --probed        idc-a's lab on its rendered configs, then a change every
 *                                         daemon reloads pushed with --probe-lab: per wave, what
 *                                         the probes lost against the budget (issue 10)
 *   npm run bench:push -- --nodes 100     a 100-device site (2 edges, 4 spines, 94 leaves) pushed
 *                                         by fabric, then the same copy + validate + reload of the
 *                                         same files by ansible-playbook (Debian's ansible)
 *
 * Each run brings its own lab up from a copy of the inventory (its own lab name and management
 * subnet) and takes it down afterwards. Prints one JSON line per measurement. Needs root.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fabricIn as fabric, labWorkspace, must, labPushArgs as pushArgs } from './fabric-run.js';
import { writeSyntheticInventory } from './synthetic.js';

const { values } = parseArgs({
  options: {
    'idc-a': { type: 'boolean' },
    probed: { type: 'boolean' },
    nodes: { type: 'string' },
    forks: { type: 'string', default: '25' },
  },
});

function emit(o: object): void {
  const load = loadavg().map((l) => Math.round(l * 100) / 100);
  process.stdout.write(`${JSON.stringify({ ...o, cpus: cpus().length, load, node: process.version })}\n`);
}

interface Report {
  result: string;
  message: string;
  devices: { status: string }[];
  waves: {
    index: number;
    devices: string[];
    timings?: { stage: number; validate: number; apply: number; gates: number };
    gate: {
      checks: number;
      seconds: number;
      rounds?: number;
      slowest?: { id: string; seconds: number };
    } | null;
  }[];
  timings: { total: number; read: number; stage: number; validate: number; apply: number; gates: number };
}

/** A working copy: the inventory (example or synthetic) with a management subnet nobody routes. */
/** The lab's copy of idc-a, or of a synthetic site of `kind` devices (see labWorkspace). */
function workspace(kind: 'idc-a' | number): { dir: string; site: string; lab: string } {
  const lab = `bp${process.pid % 100000}`;
  if (kind === 'idc-a') return { dir: labWorkspace('push'), site: 'idc-a', lab };
  // 2 edges + 4 spines + (n - 6) leaves in one pod
  const dir = labWorkspace('push', (inventory) =>
    writeSyntheticInventory(inventory, {
      superspines: 0,
      pods: 1,
      spinesPerPod: 4,
      leavesPerPod: kind - 6,
      hostsPerRack: 0,
    }),
  );
  return { dir, site: 'synth', lab };
}

async function labUpEmpty(w: { dir: string; site: string; lab: string }): Promise<number> {
  const up = await fabric(w.dir, ['lab', 'up', '--site', w.site, '--name', w.lab, '--empty']);
  must(up, 'lab up');
  return up.seconds;
}

async function pushOnce(
  w: { dir: string; site: string; lab: string },
  label: string,
  ...extra: string[]
): Promise<Report> {
  const r = await fabric(w.dir, pushArgs(w, ...extra));
  const report = JSON.parse(r.stdout || '{}') as Report;
  if (!report.result) throw new Error(`${label}: ${r.stderr.slice(-3000)}`);
  emit({
    bench: label,
    result: report.result,
    devices: report.devices.length,
    changed: report.devices.filter((d) => d.status === 'applied').length,
    waves: report.waves.length,
    // what each gate waited for: the check that passed last
    gates: report.waves.map((w) => ({
      wave: w.index,
      devices: w.devices.length,
      checks: w.gate?.checks,
      seconds: w.gate?.seconds,
      rounds: w.gate?.rounds,
      slowest: w.gate?.slowest,
      timings: w.timings,
    })),
    wallSeconds: Math.round(r.seconds * 10) / 10,
    timings: report.timings,
  });
  // a failed push is printed too (where its time went), then ends the run
  if (report.result !== 'ok' && report.result !== 'nothing-to-do')
    throw new Error(`${label}: ${report.result}: ${report.message}`);
  return report;
}

async function benchIdcA(): Promise<void> {
  const w = workspace('idc-a');
  try {
    await labUpEmpty(w);
    must(await fabric(w.dir, ['render', '--site', w.site]), 'render');
    await pushOnce(w, 'push idc-a: full (empty lab to rendered configs)');
    await pushOnce(w, 'push idc-a: no change');
  } finally {
    await fabric(w.dir, ['lab', 'down', '--name', w.lab]);
    rmSync(w.dir, { recursive: true, force: true });
  }
}

/** `text` with `from` replaced by `to`; throws when the inventory no longer holds `from`. */
function edited(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`the inventory no longer holds ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

/**
 * idc-a's lab up on its rendered configs, then the change test/integration/push-zero-loss.test.ts
 * pushes (BGP timers: FRR everywhere; VRRP advert: keepalived; HAProxy down-interval; a new
 * segment: OVS and the leaves) with `--probe-lab`. One JSON line per wave: what the probes lost.
 */
async function benchProbed(): Promise<void> {
  const w = workspace('idc-a');
  try {
    must(await fabric(w.dir, ['lab', 'up', '--site', w.site, '--name', w.lab, '--wait', '180']), 'lab up');
    const site = join(w.dir, 'inventory', 'idc-a.yaml');
    let text = edited(readFileSync(site, 'utf8'), '  bfd: {', '  bgp: { keepalive: 2, hold: 6 }\n  bfd: {');
    text = edited(text, 'advert_int: 0.15 }', 'advert_int: 0.2 }\n  checks: { down_interval: 0.3 }');
    writeFileSync(site, text);
    const tenants = join(w.dir, 'inventory', 'idc-a-tenants.yaml');
    writeFileSync(
      tenants,
      edited(
        readFileSync(tenants, 'utf8'),
        '      app: { vni: 10030, subnet: 10.20.2.0/24, subnet6: 2001:db8:20:2::/64, description: L7 to application VMs }\n',
        '$&      db: { vni: 10040, subnet: 10.20.4.0/24 }\n',
      ),
    );
    must(await fabric(w.dir, ['render', '--site', w.site]), 'render');
    const r = await fabric(w.dir, pushArgs(w, '--probe-lab', w.lab));
    const report = JSON.parse(r.stdout || '{}') as Report & {
      waves: {
        traffic?: {
          lostPingMs: number;
          sentRequests: number;
          failedRequests: number;
          longestOutageMs: number;
          worstProbe: string | null;
          withinBudget: boolean;
        };
      }[];
      probes?: { budget: object; ok: boolean };
    };
    if (!report.result) throw new Error(`probed push: ${r.stderr.slice(-3000)}`);
    for (const wave of report.waves)
      emit({
        bench: 'push idc-a with probes: one wave',
        wave: wave.index,
        devices: wave.devices,
        ...wave.traffic,
        probes: undefined,
      });
    emit({
      bench: 'push idc-a with probes',
      result: report.result,
      budget: report.probes?.budget,
      ok: report.probes?.ok,
    });
  } finally {
    await fabric(w.dir, ['lab', 'down', '--name', w.lab]);
    rmSync(w.dir, { recursive: true, force: true });
  }
}

/** The same work with Ansible: copy each file with `validate`, then reload/restart FRR via a handler. */
function ansible(w: { dir: string; site: string; lab: string }, forks: number): number {
  const manifest = JSON.parse(readFileSync(join(w.dir, 'out', w.site, 'manifest.json'), 'utf8')) as {
    devices: Record<string, { managed: boolean; mgmt: string }>;
  };
  const labDir = join(w.dir, 'lab', `clab-${w.lab}`);
  const hosts = Object.entries(manifest.devices).filter(([, d]) => d.managed);
  writeFileSync(
    join(w.dir, 'hosts.ini'),
    `[fabric]\n${hosts.map(([n, d]) => `${n} ansible_host=${d.mgmt}`).join('\n')}\n`,
  );
  writeFileSync(
    join(w.dir, 'ansible.cfg'),
    [
      '[defaults]',
      `forks = ${forks}`,
      'gathering = explicit',
      'host_key_checking = True',
      'interpreter_python = /usr/bin/python3',
      'remote_user = root',
      `private_key_file = ${join(labDir, 'id_ed25519')}`,
      '[ssh_connection]',
      `ssh_args = -o UserKnownHostsFile=${join(labDir, 'known_hosts')} -o ControlMaster=auto -o ControlPersist=60s -o IdentitiesOnly=yes`,
      'pipelining = True',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(w.dir, 'push.yml'),
    `- hosts: fabric
  gather_facts: false
  tasks:
    - name: frr.conf, validated by FRR's parser before it is moved into place
      ansible.builtin.copy:
        src: "out/${w.site}/{{ inventory_hostname }}/frr.conf"
        dest: /etc/frr/frr.conf
        owner: frr
        group: frr
        mode: "0640"
        validate: vtysh -C -f %s
      notify: reload frr
    - name: daemons
      ansible.builtin.copy:
        src: "out/${w.site}/{{ inventory_hostname }}/daemons"
        dest: /etc/frr/daemons
        owner: frr
        group: frr
        mode: "0640"
      notify: restart frr
  handlers:
    - name: restart frr
      ansible.builtin.command: systemctl restart frr
    - name: reload frr
      ansible.builtin.command: /usr/lib/frr/frr-reload.py --reload /etc/frr/frr.conf
`,
  );
  const started = process.hrtime.bigint();
  const r = spawnSync('ansible-playbook', ['-i', 'hosts.ini', 'push.yml'], {
    cwd: w.dir,
    encoding: 'utf8',
    env: { ...process.env, ANSIBLE_CONFIG: join(w.dir, 'ansible.cfg') },
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0)
    throw new Error(`ansible-playbook failed (exit ${r.status}):\n${(r.stdout + r.stderr).slice(-3000)}`);
  return seconds;
}

async function benchNodes(n: number, forks: number): Promise<void> {
  const w = workspace(n);
  try {
    const upSeconds = await labUpEmpty(w);
    emit({ bench: `lab up: ${n} devices (empty)`, seconds: Math.round(upSeconds * 10) / 10 });
    must(await fabric(w.dir, ['render', '--site', w.site]), 'render');
    const report = await pushOnce(
      w,
      `push ${n} devices: fabric (waves, validation, transactions, gates)`,
      '--no-canary',
    );
    const noChange = await pushOnce(w, `push ${n} devices: fabric, no change`);
    // the same starting point for Ansible: a fresh empty lab
    await fabric(w.dir, ['lab', 'down', '--name', w.lab]);
    await labUpEmpty(w);
    const seconds = ansible(w, forks);
    // and again: every file already in place, so no handler runs (Ansible's no-change push)
    const again = ansible(w, forks);
    emit({
      bench: `push ${n} devices: ansible-playbook, no change`,
      wallSeconds: Math.round(again * 10) / 10,
      fabricWallSeconds: noChange.timings.total,
      speedup: Math.round((again / noChange.timings.total) * 10) / 10,
    });
    emit({
      bench: `push ${n} devices: ansible-playbook (copy with validate, reload/restart handlers), forks ${forks}`,
      wallSeconds: Math.round(seconds * 10) / 10,
      fabricWallSeconds: report.timings.total,
      fabricWithoutGatesSeconds: Math.round((report.timings.total - report.timings.gates) * 10) / 10,
      speedup: Math.round((seconds / report.timings.total) * 10) / 10,
      speedupSameWork: Math.round((seconds / (report.timings.total - report.timings.gates)) * 10) / 10,
    });
  } finally {
    await fabric(w.dir, ['lab', 'down', '--name', w.lab]);
    rmSync(w.dir, { recursive: true, force: true });
  }
}

if (values['idc-a']) await benchIdcA();
if (values.probed) await benchProbed();
if (values.nodes) await benchNodes(Number(values.nodes), Number(values.forks));
if (!values['idc-a'] && !values.probed && !values.nodes)
  process.stderr.write('usage: npm run bench:push -- --idc-a | --probed | --nodes 100 [--forks 25]\n');
