/**
 * The push report for people: the wave plan (and, for a dry run, what keeps devices apart), the
 * diffs, one line per device that is not unchanged, the baseline and gate failures, and one
 * summary line. `--json` prints the report itself (src/push/report.ts).
 */
import { gateFailureLine, type PushReport } from '../push/report.js';
import type { ProbeInWave, WaveTraffic } from '../push/traffic.js';
import { table } from './table.js';

/** Baseline and gate failures named in the text report; --json has them all. */
const LISTED = 20;

export function pushText(r: PushReport, diffs: boolean): string {
  return [...planLines(r), ...(diffs ? r.diffs.map((d) => d.diff.trimEnd()) : []), ...resultLines(r)].join(
    '\n',
  );
}

function planLines(r: PushReport): string[] {
  if (!r.waves.length) return [];
  const lines = [`wave plan (${r.waves.length} wave${r.waves.length === 1 ? '' : 's'}):`];
  for (const w of r.waves) lines.push(`  ${w.index}. ${w.devices.join(', ')}`);
  if (r.constraints.length && r.dryRun) lines.push('kept apart:', ...r.constraints.map((c) => `  ${c}`));
  if (r.credentials?.length && r.dryRun)
    lines.push(
      `client passwords: ${r.credentials.map((c) => `${c.device} (${c.daemon})`).join(', ')}: a changed one is taken beside the old one before the first wave, the old one dropped after the last`,
    );
  return lines;
}

/** What each device said of its client password, before the first wave and after the last. */
function credentialLines(r: PushReport): string[] {
  const ran = (r.credentials ?? []).filter((c) => c.before !== null);
  if (!ran.length) return [];
  return [
    'client passwords (before the first wave; after the last):',
    ...ran.map(
      (c) =>
        `  ${c.device} (${c.daemon}): ${c.before}${c.after === null ? '; not run after: the push stopped before' : `; ${c.after}`}`,
    ),
  ];
}

function resultLines(r: PushReport): string[] {
  const lines: string[] = [];
  const shown = r.devices.filter((d) => d.status !== 'unchanged');
  if (shown.length)
    lines.push(
      table(
        ['DEVICE', 'WAVE', 'STATUS', 'CONFIG', 'CHANGES', 'DETAIL'],
        shown.map((d) => [d.device, d.wave ?? '-', d.status, d.config, d.changes.join(' ') || '-', d.detail]),
      ),
    );
  if (r.baseline?.failing.length) {
    const { failing } = r.baseline;
    lines.push(`failing before the push (${failing.length} of ${r.baseline.checks} checks):`);
    for (const f of failing.slice(0, LISTED)) lines.push(`  ${f.id}: ${f.seen}`);
    if (failing.length > LISTED)
      lines.push(`  … and ${failing.length - LISTED} more (--json lists them all)`);
  }
  for (const w of r.waves)
    if (w.gate) {
      lines.push(
        `gate after wave ${w.index}: ${w.gate.checks - w.gate.failures.length}/${w.gate.checks} checks pass (${w.gate.seconds.toFixed(1)} s)`,
      );
      if (w.gate.failures.length > LISTED)
        lines.push(`  (the first ${LISTED} of ${w.gate.failures.length} failures; --json lists them all)`);
      for (const f of w.gate.failures.slice(0, LISTED)) lines.push(`  ${gateFailureLine(f)}`);
    }
  lines.push(...credentialLines(r), ...probeLines(r));
  const t = r.timings;
  lines.push(
    `push ${r.site} ${r.pushId}: ${r.result}: ${r.message} (${t.total} s: read ${t.read}, stage ${t.stage}, validate ${t.validate}, apply ${t.apply}, gates ${t.gates})`,
  );
  return lines;
}

/** What the probes saw, per wave (`--probe-lab`). */
function probeLines(r: PushReport): string[] {
  const p = r.probes;
  if (!p) return [];
  const lines = [
    `probes in lab ${p.lab}: ${p.pings} ping, ${p.requests} HTTP; budget per wave: ${p.budget.pingLossMs} ms of pings, ${p.budget.failedRequests} failed requests`,
  ];
  if (p.notAnswering.length)
    lines.push(`  not answering before the push (not measured): ${p.notAnswering.join(', ')}`);
  const rows = r.waves.flatMap((w) => (w.traffic ? [[String(w.index), ...trafficCells(w.traffic)]] : []));
  if (rows.length)
    lines.push(
      table(['WAVE', 'LONGEST OUTAGE', 'PINGS LOST', 'REQUESTS FAILED', 'VERDICT'], rows)
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n'),
    );
  const failing = r.waves.flatMap((w) =>
    (w.traffic?.probes ?? []).map((probe) => ({ wave: w.index, probe })),
  );
  for (const { wave, probe } of failing.slice(0, LISTED))
    lines.push(`  wave ${wave}: ${failingProbeLine(probe)}`);
  if (failing.length > LISTED) lines.push(`  … and ${failing.length - LISTED} more (--json lists them all)`);
  lines.push(
    p.ok
      ? 'probes: every wave within the budget'
      : `probes: OVER BUDGET: ${p.reasons.slice(0, LISTED).join('; ')}`,
  );
  return lines;
}

/** `http isp2→…: 13 of 141 failed: timeout ×13 at 0.4–1.2 s` (times after the wave started). */
function failingProbeLine(p: ProbeInWave): string {
  const sec = (ms: number) => (ms / 1000).toFixed(1);
  const kinds = p.failures.map(
    (f) =>
      `${f.error} ×${f.count} at ${f.firstAtMs === f.lastAtMs ? sec(f.firstAtMs) : `${sec(f.firstAtMs)}–${sec(f.lastAtMs)}`} s`,
  );
  const still = p.recovered ? '' : ', still failing at the end of the wave';
  return `${p.probe}: ${p.failed} of ${p.sent} failed${kinds.length ? `: ${kinds.join(', ')}` : ''}${still}`;
}

function trafficCells(t: WaveTraffic): string[] {
  return [
    t.longestOutageMs ? `${t.longestOutageMs} ms (${t.worstProbe})` : '0 ms',
    `${t.lostPings}/${t.sentPings}${t.lostPings ? ` (${t.lostPingMs} ms)` : ''}`,
    `${t.failedRequests}/${t.sentRequests}`,
    t.withinBudget ? 'ok' : 'over budget',
  ];
}
