/** Temporary folders that a test removes afterwards, even when it fails. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { REPO } from './cli.js';

const made: string[] = [];

afterAll(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A new folder under `base` (the system's temporary folder unless given), removed afterwards. */
export function tempDir(prefix = 'fabric-test-', base = tmpdir()): string {
  const d = mkdtempSync(join(base, prefix));
  made.push(d);
  return d;
}

/** A copy of the shipped example inventory (and its secrets) to change freely. */
export function exampleCopy(): { dir: string; inventory: string } {
  const dir = tempDir();
  cpSync(join(REPO, 'inventory'), join(dir, 'inventory'), { recursive: true });
  cpSync(join(REPO, 'secrets.yaml'), join(dir, 'secrets.yaml'));
  return { dir, inventory: join(dir, 'inventory') };
}

export function singleFileInventory(name: string, text: string): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'inventory'));
  writeFileSync(join(dir, 'inventory', name), text);
  return dir;
}

/** A copy of the inventory folder `fixture` with its file `file` edited; returns the copy's folder. */
export function inventoryWith(fixture: string, file: string, edit: (text: string) => string): string {
  const dir = tempDir();
  cpSync(fixture, join(dir, 'inventory'), { recursive: true });
  const path = join(dir, 'inventory', file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return join(dir, 'inventory');
}

/** Turns a copy of the reference inventory into idc-a alone: without idc-b and the gslb section naming it. */
export function dropIdcB(inventory: string): void {
  for (const f of ['idc-b.yaml', 'gslb.yaml']) rmSync(join(inventory, f));
}

/** A copy of the reference inventory whose sites share no service (its gslb section removed). */
export function referenceWithoutGslb(): string {
  const { inventory } = exampleCopy();
  rmSync(join(inventory, 'gslb.yaml'));
  return inventory;
}
