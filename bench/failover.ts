/**
 * Failover benchmark (not a test; figures go to docs/failover.md): what a failure of one member
 * of each redundancy group costs in the idc-a lab, against the model's budgets.
 *
 *   npm run bench:failover                                  first member of every group × cut, silent, crash
 *   npm run bench:failover -- --only spine1,vr1 --fault silent --repeat 3
 *
 * Brings its own lab up from a copy of the example inventory (its own lab name and management
 * subnet), runs `fabric lab failover --json` and takes the lab down. Prints one JSON line per
 * scenario and run on stdout, and a Markdown table of them, with the machine, the date and the
 * load, on stderr (ready for docs/failover.md). Needs root.
 *
 * Timing targets are measured here, never asserted by a timed test: on a 2-vCPU machine running
 * ~30 daemons a figure moves by hundreds of ms between runs, so take several (`--repeat`).
 */
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { ListedScenario } from '../src/failover/report.js';
import { fabricIn as fabric, labWorkspace } from './fabric-run.js';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    fault: { type: 'string', default: 'cut,silent,crash' },
    repeat: { type: 'string', default: '1' },
  },
});

interface Phase {
  maxOutageMs: number;
  maxPingOutageMs: number;
  maxLostMs: number;
  lostPings: number;
  failedRequests: number;
  unrecovered: string[];
}
interface Scenario {
  id: string;
  group: string;
  verdict: string;
  reasons: string[];
  failover: Phase;
  failback: Phase;
  budget: { label: string; maxOutageMs: number | null; outageOf: string; predictedOutageMs: number | null };
}

/** The first member of each redundancy group `lab failover --list --json` shows (cables are not one). */
function firstOfEachGroup(list: { scenarios: ListedScenario[] }): string[] {
  const firstOf = new Map<string, string>();
  for (const s of list.scenarios)
    if (s.group !== 'cables' && !firstOf.has(s.group)) firstOf.set(s.group, s.target);
  return [...new Set(firstOf.values())];
}

const phase = (p: Phase) => `${p.maxOutageMs} / ${p.maxLostMs} ms, ${p.lostPings}/${p.failedRequests}`;

function row(s: Scenario): string {
  const budget =
    s.budget.maxOutageMs === null ? '0 req' : `${s.budget.maxOutageMs} ms (${s.budget.outageOf})`;
  return `| ${s.id} | ${s.budget.label} | ${budget} | ${s.budget.predictedOutageMs ?? '-'} | ${phase(s.failover)} | ${phase(s.failback)} | ${s.verdict}${s.reasons.length ? `: ${s.reasons.join('; ')}` : ''} |`;
}

async function main(): Promise<void> {
  const dir = labWorkspace('failover');
  const lab = `bf${process.pid % 100000}`;
  const rows: string[] = [];
  const started = new Date();
  try {
    const up = await fabric(dir, ['lab', 'up', '--site', 'idc-a', '--name', lab, '--wait', '180']);
    if (up.code !== 0) throw new Error(`lab up failed (exit ${up.code})`);
    let only = values.only;
    if (!only) {
      const list = await fabric(dir, [
        'lab',
        'failover',
        '--site',
        'idc-a',
        '--name',
        lab,
        '--list',
        '--json',
      ]);
      if (list.code !== 0) throw new Error(`lab failover --list failed (exit ${list.code})`);
      only = firstOfEachGroup(JSON.parse(list.stdout)).join(',');
    }
    for (let run = 1; run <= Number(values.repeat); run++) {
      const r = await fabric(dir, [
        'lab',
        'failover',
        '--site',
        'idc-a',
        '--name',
        lab,
        '--only',
        only,
        '--fault',
        values.fault!,
        '--json',
      ]);
      const report = JSON.parse(r.stdout || '{"scenarios":[]}') as { scenarios: Scenario[] };
      if (!report.scenarios.length) throw new Error(`lab failover ran nothing (exit ${r.code})`);
      for (const s of report.scenarios) {
        const load = loadavg().map((l) => Math.round(l * 10) / 10);
        process.stdout.write(
          `${JSON.stringify({ run, ...s, probes: undefined, events: undefined, load })}\n`,
        );
        rows.push(row(s));
      }
    }
  } finally {
    await fabric(dir, ['lab', 'down', '--name', lab]);
    rmSync(dir, { recursive: true, force: true });
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`;
  process.stderr.write(
    [
      '',
      `${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${machine}, load at the end ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
      '',
      '| scenario | budget of | budget | predicted ms | failover: gap / lost, pings/requests | failback | verdict |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
    ].join('\n'),
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:failover: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
