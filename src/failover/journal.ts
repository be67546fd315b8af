/**
 * The fault journal, `<lab state dir>/failover-journal.json`: how to undo every fault that is
 * in place. A step is written BEFORE its fault is injected and removed only once undone, so a
 * run killed at any point leaves a journal that `fabric lab failover --restore` replays (and
 * `lab down` removes the namespaces, and the faults in them, with the state dir).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type UndoStep =
  /** `ip -n <netns> link set <ifname> up` */
  | { op: 'link-up'; netns: string; ifname: string }
  /** `nft delete table netdev <table>` in the namespace */
  | { op: 'nft-delete'; netns: string; table: string }
  /** `ip -n <netns> addr del <address>/32 dev lo`: an extra probe client address. */
  | { op: 'addr-del'; netns: string; address: string }
  /** A shell command inside the node (all its namespaces): restarts a killed daemon. */
  | { op: 'node-command'; node: string; command: string };

export interface JournalEntry {
  run: string;
  scenario: string;
  since: string;
  undo: UndoStep[];
}

export const JOURNAL_FILE = 'failover-journal.json';

export class FaultJournal {
  readonly file: string;

  constructor(stateDir: string) {
    this.file = join(stateDir, JOURNAL_FILE);
  }

  entries(): JournalEntry[] {
    if (!existsSync(this.file)) return [];
    try {
      const data = JSON.parse(readFileSync(this.file, 'utf8')) as { entries?: JournalEntry[] };
      return Array.isArray(data.entries) ? data.entries : [];
    } catch {
      return [];
    }
  }

  private write(entries: JournalEntry[]): void {
    if (!entries.length) {
      rmSync(this.file, { force: true });
      return;
    }
    mkdirSync(join(this.file, '..'), { recursive: true, mode: 0o700 });
    writeFileSync(`${this.file}.tmp`, `${JSON.stringify({ entries }, null, 2)}\n`, { mode: 0o600 });
    renameSync(`${this.file}.tmp`, this.file);
  }

  /** Adds an undo step to the scenario's entry (creating it). */
  record(run: string, scenario: string, step: UndoStep): void {
    const entries = this.entries();
    let entry = entries.find((e) => e.run === run && e.scenario === scenario);
    if (!entry) {
      entry = { run, scenario, since: new Date().toISOString(), undo: [] };
      entries.push(entry);
    }
    entry.undo.push(step);
    this.write(entries);
  }

  /** Forgets an entry once every step of it is undone. */
  forget(run: string, scenario: string): void {
    this.write(this.entries().filter((e) => !(e.run === run && e.scenario === scenario)));
  }
}
