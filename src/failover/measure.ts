/**
 * The data-plane outage a probe saw, from its samples: pure arithmetic, no I/O. A sample is
 * one ping or one HTTP request: when it was sent and whether it was answered.
 *
 * The outage of a run of failures is the time from the last answered sample before it to the
 * first answered sample after it, less one probe interval (so one lost ping at 10 ms costs
 * 10 ms, and none costs 0). A run belongs to the window its first failure was sent in.
 */

export interface Sample {
  /** Send time, ms since the epoch. */
  at: number;
  ok: boolean;
}

export interface WindowMeasure {
  sent: number;
  failed: number;
  /** Longest outage that started in the window, ms (0: none). */
  longestOutageMs: number;
  /** When the longest outage started (ms since the epoch), if any. */
  outageStart?: number;
  /** False when the probe was still failing at the end of the measurement. */
  recovered: boolean;
}

export function measureWindow(
  samples: readonly Sample[],
  from: number,
  to: number,
  intervalMs: number,
): WindowMeasure {
  const sorted = [...samples].sort((a, b) => a.at - b.at);
  const inWindow = sorted.filter((s) => s.at >= from && s.at < to);
  const out: WindowMeasure = {
    sent: inWindow.length,
    failed: inWindow.filter((s) => !s.ok).length,
    longestOutageMs: 0,
    recovered: true,
  };
  let lastOk: number | undefined;
  let runStart: number | undefined;
  for (const s of sorted) {
    if (!s.ok) {
      if (runStart === undefined) runStart = s.at;
      continue;
    }
    if (runStart !== undefined && runStart >= from && runStart < to) {
      const outage = Math.max(0, s.at - (lastOk ?? runStart - intervalMs) - intervalMs);
      if (outage > out.longestOutageMs) {
        out.longestOutageMs = outage;
        out.outageStart = runStart;
      }
    }
    runStart = undefined;
    lastOk = s.at;
  }
  if (runStart !== undefined && runStart >= from && runStart < to) {
    // never answered again: the outage lasts at least until the last sample
    const end = sorted[sorted.length - 1]!.at;
    const outage = Math.max(0, end - (lastOk ?? runStart - intervalMs));
    if (outage >= out.longestOutageMs) {
      out.longestOutageMs = outage;
      out.outageStart = runStart;
    }
    out.recovered = false;
  }
  return out;
}

/** True when every sample of the last `ms` before `now` was answered (and there were some). */
export function healthySince(samples: readonly Sample[], now: number, ms: number): boolean {
  const recent = samples.filter((s) => s.at >= now - ms && s.at < now);
  return recent.length > 0 && recent.every((s) => s.ok);
}

/** The probe's real interval: the median spacing of its samples (ping's timer is not exact). */
export function actualInterval(samples: readonly Sample[], nominalMs: number): number {
  const at = samples.map((s) => s.at).sort((a, b) => a - b);
  const deltas = at
    .slice(1)
    .map((t, i) => t - at[i]!)
    .sort((a, b) => a - b);
  return deltas.length >= 10 ? deltas[Math.floor(deltas.length / 2)]! : nominalMs;
}
