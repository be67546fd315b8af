/**
 * The data-plane outage a probe saw, from its samples: pure arithmetic, no I/O. A sample is
 * one ping or one HTTP request: when it was sent and whether it was answered.
 *
 * The outage of a run of failures is the time from the last answered sample before it to the
 * first answered sample after it, less one probe interval (so one lost ping at 10 ms costs
 * 10 ms, and none costs 0). A run belongs to the window its first failure was sent in.
 *
 * The lost time is the time the failed samples stand for: each one from its send to the next
 * send (at most two intervals: a client starved of CPU sends late, which says nothing of the
 * network). It is what a partial loss costs: HTTP requests each open a new connection, so when
 * half the flows die the answered ones interleave with the failed ones, and the longest gap
 * stays short while hundreds of requests fail. Not failed × the median interval: an HTTP client
 * sends on time while its requests hang and late while it is busy with answers, so that
 * product counted a VRRP takeover twice (2026-12-02, vr1/silent: sends 55 ms apart during the
 * outage, 100 ms after it).
 */

export interface Sample {
  /** Send time, ms since the epoch. */
  at: number;
  ok: boolean;
  /** Why it failed, as the probe said it (`timeout`, `HTTP 503`, `connect ECONNREFUSED …`). */
  error?: string;
}

export interface WindowMeasure {
  sent: number;
  failed: number;
  /** Longest outage that started in the window, ms (0: none). */
  longestOutageMs: number;
  /** The time the failed samples stand for (each until the next send, at most 2 intervals), ms. */
  lostMs: number;
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
    lostMs: 0,
    recovered: true,
  };
  out.lostMs = Math.round(lostTime(sorted, from, to, intervalMs));
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

function lostTime(sorted: readonly Sample[], from: number, to: number, intervalMs: number): number {
  let lost = 0;
  for (const [i, s] of sorted.entries()) {
    if (s.ok || s.at < from || s.at >= to) continue;
    const next = sorted[i + 1];
    lost += next ? Math.min(next.at - s.at, 2 * intervalMs) : intervalMs;
  }
  return lost;
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

/** One kind of failure a probe saw in a window: how many, and when (ms after the window's start). */
export interface FailureKind {
  error: string;
  count: number;
  firstAtMs: number;
  lastAtMs: number;
}

/** The failures sent in [from, to), grouped by what the probe said (a lost ping: `no reply`). */
export function failureKinds(samples: readonly Sample[], from: number, to: number): FailureKind[] {
  const kinds = new Map<string, FailureKind>();
  for (const s of samples) {
    if (s.ok || s.at < from || s.at >= to) continue;
    const error = s.error ?? 'no reply';
    const at = Math.round(s.at - from);
    const k = kinds.get(error);
    if (!k) kinds.set(error, { error, count: 1, firstAtMs: at, lastAtMs: at });
    else {
      k.count++;
      k.firstAtMs = Math.min(k.firstAtMs, at);
      k.lastAtMs = Math.max(k.lastAtMs, at);
    }
  }
  return [...kinds.values()].sort((a, b) => b.count - a.count || a.error.localeCompare(b.error));
}
