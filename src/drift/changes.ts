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

export function hasChanges(c: DriftChanges): boolean {
  return c.added.length + c.resolved.length + c.unreadable.length + c.readableAgain.length > 0;
}
