/**
 * Benchmark of `fabric drift`: one full pass over a running lab, as a NOC's poll sees it.
 *
 *   node --import tsx bench/drift.ts --site idc-a      # the reference site: 26 lab nodes, 20 devices read
 *   node --import tsx bench/drift.ts --nodes 100       # a synthetic fabric: 100 FRR devices with snmpd
 *
 * The lab is started here (per-run name and management subnet, removed at the end), left to
 * converge until a pass finds no drift, and then timed:
 * - `cold`: a fresh SessionPool and poller, so SSH handshakes to every device are in the figure
 *   (a one-shot `fabric drift` from cron, without Node's start-up and rendering);
 * - `warm`: further passes on the same pool (`fabric drift --watch`), the median of three.
 * Each pass reads every device over SSH (one command each) and SNMPv3 (IF-MIB, BGP4-MIB,
 * KEEPALIVED-MIB), compares every daemon's configuration and evaluates the runtime checks.
 * `--nodes N` builds bench/synthetic.ts's shape with one pod: 4 spines, N-6 leaves, the edge pair
 * (plus the two simulated upstreams, which drift does not read).
 *
 * Stdout is one JSON line; progress goes to stderr.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { exportSiteLab } from '../src/cli/commands/lab/site.js';
import { DriftPoller } from '../src/drift/poller.js';
import type { DriftReport } from '../src/drift/types.js';
import { labDown, labUp } from '../src/lab/index.js';
import { runPipeline } from '../src/pipeline.js';
import { renderSite } from '../src/render/render.js';
import { loadSecrets, Redactor } from '../src/render/secrets.js';
import { TemplateSet } from '../src/render/templates.js';
import { SessionPool } from '../src/ssh/index.js';
import { syntheticInventory } from './synthetic.js';

const REPO = resolve(import.meta.dirname, '..');
const SNMP = { user: 'fabric-noc', auth: { secret: 'snmp-noc-auth' }, priv: { secret: 'snmp-noc-priv' } };
const log = (line: string) => process.stderr.write(`${line}\n`);

/** Fraction of all CPUs busy (user + system + irq) over `ms`, from /proc/stat: the lab's own load. */
async function hostBusy(ms: number): Promise<number> {
  const sample = () => {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1).map(Number);
    const idle = f[3]! + f[4]!;
    return { idle, total: f.reduce((a, b) => a + b, 0) };
  };
  const a = sample();
  await new Promise((r) => setTimeout(r, ms));
  const b = sample();
  return Math.round((1 - (b.idle - a.idle) / (b.total - a.total)) * 100) / 100;
}

function freeMgmtSubnet(): string {
  const routes = execFileSync('ip', ['-4', 'route', 'show', 'table', 'all'], { encoding: 'utf8' });
  for (let i = 0; i < 100; i++) {
    const third = 100 + Math.floor(Math.random() * 150);
    if (!routes.includes(`198.18.${third}.`)) return `198.18.${third}.0/24`;
  }
  throw new Error('no free 198.18.x.0/24 for the management network');
}

/** The inventory of the run in `dir`/inventory and its secrets; returns the site name. */
function writeInventory(dir: string, opts: { site?: string; nodes?: number }, mgmt: string): string {
  const inventory = join(dir, 'inventory');
  if (opts.site) {
    cpSync(join(REPO, 'inventory'), inventory, { recursive: true });
    cpSync(join(REPO, 'secrets.yaml'), join(dir, 'secrets.yaml'));
    for (const f of [`${opts.site}.yaml`]) {
      const path = join(inventory, f);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/mgmt: \S+/, `mgmt: ${mgmt}`));
    }
    return opts.site;
  }
  const n = opts.nodes!;
  const { files, devices } = syntheticInventory({
    superspines: 0,
    pods: 1,
    spinesPerPod: 4,
    leavesPerPod: n - 6,
    hostsPerRack: 0,
  });
  if (devices !== n) throw new Error(`synthetic shape has ${devices} devices, not ${n}`);
  const site = files['site.yaml']!;
  site.pools = { ...site.pools!, mgmt };
  site.defaults = { ...site.defaults, snmp: SNMP };
  execFileSync('mkdir', ['-p', inventory]);
  for (const [name, content] of Object.entries(files))
    writeFileSync(join(inventory, name), stringify(content));
  writeFileSync(
    join(dir, 'secrets.yaml'),
    stringify({
      'isp1-bgp': 'bench-isp1-md5',
      'isp2-bgp': 'bench-isp2-md5',
      'snmp-noc-auth': 'bench-noc-auth',
      'snmp-noc-priv': 'bench-noc-priv',
    }),
  );
  return site.site!;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      site: { type: 'string' },
      nodes: { type: 'string' },
      concurrency: { type: 'string', default: '16' },
      'converge-timeout': { type: 'string', default: '600' },
      keep: { type: 'boolean', default: false },
    },
  });
  if (!values.site === !values.nodes) throw new Error('usage: drift.ts --site SITE | --nodes N');
  const dir = mkdtempSync(join(tmpdir(), 'fabric-bench-drift-'));
  const lab = `bdrift-${process.pid % 100000}`;
  const mgmt = freeMgmtSubnet();
  const siteName = writeInventory(
    dir,
    { site: values.site, nodes: values.nodes ? Number(values.nodes) : undefined },
    mgmt,
  );
  const inventory = join(dir, 'inventory');
  const secretsFile = join(dir, 'secrets.yaml');
  try {
    // --- the lab ---------------------------------------------------------------------------
    const topology = exportSiteLab(siteName, {
      inventory,
      out: join(dir, 'out'),
      secrets: secretsFile,
      output: join(dir, 'lab', `${siteName}.clab.yml`),
    });
    log(`lab ${lab}: starting ${siteName} on ${mgmt}`);
    const t0 = performance.now();
    const status = await labUp(topology, { name: lab });
    log(
      `lab ${lab}: ${status.nodes.length} nodes ${status.state} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    // --- the intent, as `fabric drift` builds it --------------------------------------------
    const { model } = runPipeline(inventory, { sites: [siteName] });
    const site = model!.sites[0]!;
    const store = loadSecrets(secretsFile, {}).store!;
    const rendered = renderSite(site, new TemplateSet(), store).rendered!;
    const snmpd = site.devices.find((d) => d.snmpd)!.snmpd!;
    const secret = (name: string, use: 'snmp-auth' | 'snmp-priv') => {
      const r = store.resolve(name, use, 'bench');
      if ('error' in r) throw new Error(r.error.message);
      return r.value;
    };
    const snmp = {
      version: '3' as const,
      user: snmpd.user.name,
      authProtocol: snmpd.user.authProtocol,
      authKey: secret(snmpd.user.auth.secret, 'snmp-auth'),
      privKey: secret(snmpd.user.priv.secret, 'snmp-priv'),
    };
    const redactor = new Redactor(store.resolvedValues());
    const labDir = join(dir, 'lab', `clab-${lab}`);
    const newPoller = (pool: SessionPool, phases?: Record<string, number>) =>
      new DriftPoller({
        site,
        files: rendered.files,
        redact: (t) => redactor.redact(t),
        pool,
        snmp,
        concurrency: Number(values.concurrency),
        onPhase: phases ? (p, s) => (phases[p] = Math.round(s * 1000) / 1000) : undefined,
      });
    const newPool = () =>
      new SessionPool({
        identities: [join(labDir, 'id_ed25519')],
        knownHostsFile: join(labDir, 'known_hosts'),
      });

    // --- converge: passes until one finds nothing ------------------------------------------------
    const warmPool = newPool();
    const converging = newPoller(warmPool);
    const deadline = Date.now() + Number(values['converge-timeout']) * 1000;
    let last: DriftReport;
    do {
      last = await converging.poll();
      log(
        `converging: ${last.findings.length} findings, ${last.unreadable.length} unreadable (${last.seconds.toFixed(2)} s)`,
      );
      if (last.findings.length || last.unreadable.length) await new Promise((r) => setTimeout(r, 5000));
    } while ((last.findings.length || last.unreadable.length) && Date.now() < deadline);
    await warmPool.closeAll();

    // --- timed: a cold pass, then warm passes on its pool -----------------------------------------
    const busy = await hostBusy(5000);
    const pool = newPool();
    const coldPhases: Record<string, number> = {};
    const load = loadavg()[0]!;
    const cold = await newPoller(pool, coldPhases).poll();
    const warmPhases: Record<string, number> = {};
    const poller = newPoller(pool, warmPhases);
    await poller.poll(); // its own first pass: sessions are already open
    const warm: DriftReport[] = [];
    const cpu = process.cpuUsage();
    for (let i = 0; i < 3; i++) warm.push(await poller.poll());
    const used = process.cpuUsage(cpu);
    await pool.closeAll();
    const seconds = warm.map((r) => Math.round(r.seconds * 1000) / 1000).sort((a, b) => a - b);
    const result = {
      site: siteName,
      devices: cold.devices.length,
      labNodes: status.nodes.length,
      cold: { seconds: Math.round(cold.seconds * 1000) / 1000, phases: coldPhases },
      warm: {
        seconds,
        median: seconds[1],
        phases: warmPhases,
        // fabric's own CPU per pass (this process); the rest of a pass is the devices' work
        processCpuSeconds: Math.round(((used.user + used.system) / 1e6 / 3) * 1000) / 1000,
      },
      findings: cold.findings.length,
      unreadable: cold.unreadable.length,
      snmp: cold.snmp,
      concurrency: Number(values.concurrency),
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? '',
      loadavg1: Math.round(load * 100) / 100,
      // the lab's own load on this machine before the timed passes (BGP, BFD of every node)
      hostCpuBusyIdleLab: busy,
      node: process.version,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (values.keep) log(`kept: lab ${lab}, ${dir}`);
  } finally {
    if (!values.keep) {
      // harmless when the lab never came up: down removes whatever of it exists
      await labDown(lab).catch((e: unknown) => log(`lab down: ${(e as Error).message}`));
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

await main();
