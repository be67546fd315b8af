/**
 * Two-site benchmark (issue 11, docs/active-active.md): `fabric lab up --site aa-a --site aa-b
 * --wait` until verify passes in both sites, then `fabric lab failover --site aa-a --site-loss`
 * (aa-a's L4 pairs, application servers, edges' upstream links, all of it, each while a client
 * on the internet fetches every shared service by name), on the active-active fixture with its
 * anycast variant (`any`, one address in both sites).
 *
 *   npm run bench:two-sites
 *   npm run bench:two-sites -- --probed [--lab-bfd]   instead: a change of aa-a's (HAProxy's
 *                                                     down_interval: web1, then web2) pushed with
 *                                                     --probe-lab, as lab-two-sites does; per wave,
 *                                                     what the probes lost against the budget
 *
 * `--lab-bfd`: BFD at 300 ms × 3, as the lab test's copy (useLabBfd). Prints one JSON line (per
 * wave, with --probed). Runs on a copy of the fixture with its own lab name and a free pair of
 * management subnets, and takes the lab down afterwards. Needs root and the lab's packages (gdnsd).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { SiteLossResult } from '../src/failover/site-loss-judge.js';
import type { WaveTraffic } from '../src/push/traffic.js';
import { addAnycastService, changeDownInterval, useLabBfd } from '../test/fixtures/active-active/anycast.js';
import { fabricIn, labPushArgs, must, REPO } from './fabric-run.js';

/** Two adjacent free 198.18.x.0/24 (x even, from 150): the sites' management pools, one /23. */
function freeMgmtPair(): [string, string] {
  const routes = execFileSync('ip', ['-4', 'route'], { encoding: 'utf8' });
  const free = (n: number) => !routes.includes(`198.18.${n}.`);
  const x = [...Array(50).keys()].map((i) => 150 + 2 * i).find((n) => free(n) && free(n + 1))!;
  return [`198.18.${x}.0/24`, `198.18.${x + 1}.0/24`];
}

const { values } = parseArgs({ options: { probed: { type: 'boolean' }, 'lab-bfd': { type: 'boolean' } } });

const work = mkdtempSync(join(tmpdir(), 'fabric-bench-two-sites-'));
const inventory = join(work, 'inventory');
cpSync(join(REPO, 'test', 'fixtures', 'active-active', 'inventory'), inventory, { recursive: true });
cpSync(join(REPO, 'secrets.yaml'), join(work, 'secrets.yaml'));
addAnycastService(inventory);
if (values['lab-bfd']) useLabBfd(inventory);
const [mgmtA, mgmtB] = freeMgmtPair();
for (const [file, subnet] of [
  ['aa-a.yaml', mgmtA],
  ['aa-b.yaml', mgmtB],
] as const) {
  const p = join(inventory, file);
  writeFileSync(p, readFileSync(p, 'utf8').replace(/mgmt: 198\.18\.[0-9.]+\/\d+/, `mgmt: ${subnet}`));
}
const lab = `bench2-${process.pid}`;
try {
  const up = await fabricIn(work, [
    '--inventory',
    'inventory',
    'lab',
    'up',
    '--site',
    'aa-a',
    '--site',
    'aa-b',
    '--name',
    lab,
    '--wait',
    '300',
  ]);
  if (up.code !== 0) throw new Error(`lab up exited ${up.code}`);
  if (values.probed) await probedPush(up.seconds);
  else await siteLoss(up.seconds);
} finally {
  await fabricIn(work, ['lab', 'down', '--name', lab]);
  rmSync(work, { recursive: true, force: true });
}

/** aa-a's four site losses through `lab failover --site-loss`, one JSON line. */
async function siteLoss(upSeconds: number): Promise<void> {
  const loss = await fabricIn(work, [
    '--inventory',
    'inventory',
    'lab',
    'failover',
    '--site',
    'aa-a',
    '--name',
    lab,
    '--site-loss',
    '--json',
  ]);
  const { results } = JSON.parse(loss.stdout || '{"results":[]}') as { results: SiteLossResult[] };
  process.stdout.write(
    `${JSON.stringify({
      sites: ['aa-a', 'aa-b'],
      upUntilVerifiedSeconds: Math.round(upSeconds * 10) / 10,
      siteLossExit: loss.code,
      siteLossSeconds: Math.round(loss.seconds),
      scenarios: results.map((r) => ({
        id: r.id,
        verdict: r.verdict,
        services: r.services.map(({ failedLater, failedDuringReturn, servedLaterBy, ...o }) => ({
          ...o,
          failedLater: failedLater.length,
          failedDuringReturn: failedDuringReturn.length,
        })),
      })),
      cpus: cpus().length,
      node: process.version,
    })}\n`,
  );
}

/** A change of aa-a's pushed with --probe-lab (lab-two-sites' last case): one JSON line per wave. */
async function probedPush(upSeconds: number): Promise<void> {
  const fabric = (...args: string[]) => fabricIn(work, ['--inventory', 'inventory', ...args]);
  const push = (...extra: string[]) => fabric(...labPushArgs({ dir: work, site: 'aa-a', lab }, ...extra));
  must(await fabric('render', '--site', 'aa-a'), 'render');
  must(await push(), 'the first push');
  changeDownInterval(inventory);
  must(await fabric('render', '--site', 'aa-a'), 'render');
  const r = await push('--probe-lab', lab);
  const report = JSON.parse(r.stdout || '{}') as {
    result?: string;
    waves?: { index: number; devices: string[]; traffic?: WaveTraffic }[];
  };
  if (!report.result) throw new Error(`probed push: ${r.stderr.slice(-3000)}`);
  for (const w of report.waves ?? [])
    process.stdout.write(
      `${JSON.stringify({
        bench: 'push aa-a with probes, lab of both sites: one wave',
        labBfd: Boolean(values['lab-bfd']),
        upUntilVerifiedSeconds: Math.round(upSeconds * 10) / 10,
        wave: w.index,
        devices: w.devices,
        ...w.traffic,
        probes: undefined,
        exit: r.code,
        cpus: cpus().length,
        load: loadavg().map((l) => Math.round(l * 100) / 100),
        node: process.version,
      })}\n`,
    );
}
