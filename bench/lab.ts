/**
 * Lab benchmark: `fabric lab up --site idc-a` until every BGP session of every FRR node is
 * Established, and the memory of each FRR node (its FRR daemons' RSS and PSS).
 *
 *   npm run bench:lab [-- --site idc-a]
 *
 * Prints one JSON line. Runs on a copy of the example inventory with its own lab name and
 * management subnet, and takes the lab down afterwards. Needs root and the lab's packages.
 */
import { readdirSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { exportSiteLab } from '../src/cli/commands/lab/site.js';
import { labDown, labExec, labStatus, labUp } from '../src/lab/index.js';
import { bgpSummary, isEstablished } from '../src/observe/frr.js';
import { labWorkspace, REPO } from './fabric-run.js';

const site = process.argv.includes('--site') ? process.argv[process.argv.indexOf('--site') + 1]! : 'idc-a';
const FRR_DAEMONS = new Set(['watchfrr', 'zebra', 'bgpd', 'staticd', 'bfdd']);

function memoryOfNetns(netns: string): { rssMiB: number; pssMiB: number; processes: string[] } {
  const inode = `net:[${statSync(`/run/netns/${netns}`).ino}]`;
  let rss = 0;
  let pss = 0;
  const processes: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (readlinkSync(`/proc/${pid}/ns/net`) !== inode) continue;
      const comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      if (!FRR_DAEMONS.has(comm)) continue;
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      processes.push(comm);
    } catch {
      // the process went away
    }
  }
  return { rssMiB: rss / 1024, pssMiB: pss / 1024, processes: processes.sort() };
}

const work = labWorkspace('lab');
const lab = `bench-${process.pid}`;
process.chdir(work);
try {
  const topology = exportSiteLab(site, { inventory: 'inventory', out: 'out' });
  const started = process.hrtime.bigint();
  const status = await labUp(topology, { name: lab });
  const upSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const frrNodes = status.nodes.filter((n) => n.daemons.some((d) => d.name === 'frr'));
  // poll until every session of every FRR node is Established
  let established = 0;
  let sessions = 0;
  for (;;) {
    const counts = await Promise.all(
      frrNodes.map(async (n) => {
        const r = await labExec(lab, n.name, ['vtysh', '-c', 'show bgp ipv4 unicast summary json'], {
          timeoutMs: 10_000,
        });
        const s = bgpSummary(JSON.parse(r.stdout || '{}'));
        const peers = Object.values(s?.peers ?? {});
        return [peers.filter(isEstablished).length, peers.length] as const;
      }),
    );
    established = counts.reduce((a, [e]) => a + e, 0);
    sessions = counts.reduce((a, [, t]) => a + t, 0);
    if (sessions > 0 && established === sessions) break;
    if (Number(process.hrtime.bigint() - started) / 1e9 > 180) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const bgpSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const memory = (await labStatus(lab)).nodes
    .filter((n) => n.daemons.some((d) => d.name === 'frr'))
    .map((n) => ({ node: n.name, ...memoryOfNetns(n.netns) }));
  const rss = memory.map((m) => m.rssMiB);
  const pss = memory.map((m) => m.pssMiB);
  process.stdout.write(
    `${JSON.stringify({
      site,
      nodes: status.nodes.length,
      frrNodes: frrNodes.length,
      sessions,
      established,
      labUpSeconds: Math.round(upSeconds * 10) / 10,
      allEstablishedSeconds: Math.round(bgpSeconds * 10) / 10,
      frrNodeRssMiB: {
        max: Math.round(Math.max(...rss) * 10) / 10,
        mean: Math.round((rss.reduce((a, b) => a + b, 0) / rss.length) * 10) / 10,
      },
      frrNodePssMiB: {
        max: Math.round(Math.max(...pss) * 10) / 10,
        mean: Math.round((pss.reduce((a, b) => a + b, 0) / pss.length) * 10) / 10,
      },
      cpus: cpus().length,
      node: process.version,
    })}\n`,
  );
} finally {
  await labDown(lab);
  process.chdir(REPO);
  rmSync(work, { recursive: true, force: true });
}
