/** What the lab benchmarks share: a copy of the inventory on a free management subnet, and running bin/fabric.js. */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPO = join(import.meta.dirname, '..');
const FABRIC = join(REPO, 'bin', 'fabric.js');

/** A 198.18.x.0/24 (x from 150) that no route of this machine touches: a lab's management network. */
export function freeSubnet(): string {
  const routes = execFileSync('ip', ['-4', 'route'], { encoding: 'utf8' });
  const third = [...Array(100).keys()].map((i) => 150 + i).find((n) => !routes.includes(`198.18.${n}.`))!;
  return `198.18.${third}.0/24`;
}

/**
 * A temporary folder for a lab benchmark: the repo's `secrets.yaml`, and in `inventory/` the
 * example inventory or what `write(inventoryDir)` puts there, with every site's `mgmt` pool moved
 * to one free subnet, so that the lab's management network clashes with no lab already running
 * (sites may share it: each lab brings up one site). The caller removes the folder.
 */
export function labWorkspace(prefix: string, write?: (inventoryDir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), `fabric-bench-${prefix}-`));
  const inventory = join(dir, 'inventory');
  cpSync(join(REPO, 'secrets.yaml'), join(dir, 'secrets.yaml'));
  if (write) write(inventory);
  else cpSync(join(REPO, 'inventory'), inventory, { recursive: true });
  const subnet = freeSubnet();
  for (const f of readdirSync(inventory)) {
    const p = join(inventory, f);
    writeFileSync(p, readFileSync(p, 'utf8').replace(/mgmt: 198\.18\.[0-9.]+\/\d+/, `mgmt: ${subnet}`));
  }
  return dir;
}

/** Runs bin/fabric.js in `cwd`; its progress goes to our stderr, each line stamped with seconds since it started. */
export async function fabricIn(
  cwd: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string; seconds: number }> {
  const started = process.hrtime.bigint();
  const since = () => (Number(process.hrtime.bigint() - started) / 1e9).toFixed(1).padStart(6);
  const child = spawn(process.execPath, [FABRIC, ...args], { cwd });
  const out: Buffer[] = [];
  let err = '';
  let partial = '';
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => {
    err += b.toString();
    const lines = (partial + b.toString()).split('\n');
    partial = lines.pop()!;
    for (const l of lines) process.stderr.write(`[${since()} s ${args[0]}] ${l}\n`);
  });
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { code, stdout: Buffer.concat(out).toString(), stderr: err, seconds };
}

/** An error with the end of its stderr when a fabric run did not exit 0. */
export function must(r: { code: number; stderr: string }, what: string): void {
  if (r.code !== 0) throw new Error(`${what} failed (exit ${r.code}):\n${r.stderr.slice(-3000)}`);
}

/** `fabric push` of `site` into the lab `lab` run from `dir`, with the lab's key and known hosts, as JSON. */
export function labPushArgs(w: { dir: string; site: string; lab: string }, ...extra: string[]): string[] {
  const key = join(w.dir, 'lab', `clab-${w.lab}`);
  return [
    'push',
    '--site',
    w.site,
    '--yes',
    '--json',
    '--identity',
    join(key, 'id_ed25519'),
    '--known-hosts',
    join(key, 'known_hosts'),
    ...extra,
  ];
}
