/** Watch mode: what changed between two drift passes. */
import type { DriftReport, Finding, Unreadable } from './types.js';

/** Findings that appeared and disappeared between two passes (watch mode), and devices that changed readability. */
export interface DriftChanges {
  time: string;
  added: Finding[];
  resolved: Finding[];
  unreadable: Unreadable[];
  readableAgain: string[];
}

export function changesBetween(before: DriftReport, after: DriftReport): DriftChanges {
  const had = new Map(before.findings.map((f) => [f.id, f]));
  const has = new Set(after.findings.map((f) => f.id));
  const wasUnreadable = new Set(before.unreadable.map((u) => u.device));
  const isUnreadable = new Set(after.unreadable.map((u) => u.device));
  return {
    time: after.time,
    added: after.findings.filter((f) => !had.has(f.id)),
    // findings of a device that is now unreadable are not resolved: nobody knows
    resolved: [...had.values()].filter((f) => !has.has(f.id) && !isUnreadable.has(f.device)),
    unreadable: after.unreadable.filter((u) => !wasUnreadable.has(u.device)),
    readableAgain: [...wasUnreadable].filter((d) => !isUnreadable.has(d)).sort(),
  };
}

/**
 * What the next pass is compared with: this pass, plus the findings of devices it could not read
 * as last seen. Otherwise a finding on a device unreadable for one pass would never be reported
 * resolved once it is readable again, and one still there would be reported a second time.
 */
export function nextBaseline(baseline: DriftReport, after: DriftReport): DriftReport {
  const isUnreadable = new Set(after.unreadable.map((u) => u.device));
  const seen = new Set(after.findings.map((f) => f.id));
  const unknown = baseline.findings.filter((f) => isUnreadable.has(f.device) && !seen.has(f.id));
  return { ...after, findings: [...after.findings, ...unknown] };
}

export function hasChanges(c: DriftChanges): boolean {
  return c.added.length + c.resolved.length + c.unreadable.length + c.readableAgain.length > 0;
}
