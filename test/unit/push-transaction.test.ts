/**
 * The on-device transaction script run for real with `sh`, in a temporary folder, with the
 * daemons' commands (systemctl, vtysh, ovs-vsctl, pidof) replaced by small stand-ins that keep
 * their state in files: what a rollback restores, and what it checks, without a lab.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTransaction, transactionScript } from '../../src/push/transaction.js';
import type { ManifestFile } from '../../src/render/manifest.js';
import { TemplateSet } from '../../src/render/templates.js';
import { tempDir } from '../support/tmp.js';

/** Stand-ins: a unit is "active" while $STATE/active-<unit> exists; bridges are lines of $STATE/bridges. */
const SHIMS: Record<string, string> = {
  systemctl: `act=""; unit=""
for a in "$@"; do case "$a" in -*) ;; *) if [ -z "$act" ]; then act=$a; else unit=$a; fi ;; esac; done
case "$act" in
  is-active) [ -e "$STATE/active-$unit" ] ;;
  start|restart) : > "$STATE/active-$unit"; echo "$act $unit" >> "$STATE/calls" ;;
  reload) [ -e "$STATE/active-$unit" ] && echo "reload $unit" >> "$STATE/calls" ;;
  stop) rm -f "$STATE/active-$unit"; echo "stop $unit" >> "$STATE/calls" ;;
esac`,
  vtysh: '[ -e "$STATE/active-frr" ]',
  pidof: 'case "$1" in watchfrr) u=frr ;; *) u=$1 ;; esac; [ -e "$STATE/active-$u" ]',
  'ovs-vsctl': `touch "$STATE/bridges"
args=(); for a in "$@"; do case "$a" in --*) ;; *) args+=("$a") ;; esac; done
case "\${args[0]}" in
  list | list-br) cat "$STATE/bridges" ;;
  br-exists) grep -qx "\${args[1]}" "$STATE/bridges" || exit 2 ;;
  del-br) grep -vx "\${args[1]}" "$STATE/bridges" > "$STATE/b.tmp"; mv "$STATE/b.tmp" "$STATE/bridges" ;;
esac`,
};

function sandbox(before: { active: string[]; bridges: string[]; files: boolean }) {
  const root = tempDir('fabric-tx-');
  const bin = join(root, 'bin');
  const state = join(root, 'state');
  const etc = join(root, 'etc');
  for (const d of [bin, state, etc, join(root, 'push', 'files'), join(root, 'push', 'previous')])
    mkdirSync(d, { recursive: true });
  for (const [name, body] of Object.entries(SHIMS)) {
    writeFileSync(join(bin, name), `#!/bin/bash\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  }
  for (const u of before.active) writeFileSync(join(state, `active-${u}`), '');
  writeFileSync(join(state, 'bridges'), before.bridges.map((b) => `${b}\n`).join(''));
  const files: ManifestFile[] = [
    {
      path: 'frr.conf',
      target: join(etc, 'frr.conf'),
      daemon: 'frr',
      owner: 'root:root',
      mode: '0640',
      sha256: 'x',
      secrets: [],
    },
    {
      path: 'ovs.sh',
      target: join(etc, 'ovs.sh'),
      daemon: 'ovs',
      owner: 'root:root',
      mode: '0644',
      sha256: 'y',
      secrets: [],
    },
  ];
  if (before.files) {
    writeFileSync(files[0]!.target, 'old frr\n');
    writeFileSync(files[1]!.target, 'ovs-vsctl --may-exist add-br br-old\n');
  }
  const t = buildTransaction('p', 'hv1', files, { frrRestart: false });
  t.dir = join(root, 'push');
  writeFileSync(join(t.dir, 'files', '1'), 'new frr\n');
  writeFileSync(join(t.dir, 'files', '2'), 'echo br-int >> "$STATE/bridges"\n');
  // the drivers print their real paths: here they are the sandbox's
  const script = transactionScript(new TemplateSet(), t)
    .replaceAll('/etc/frr/frr.conf', files[0]!.target)
    .replaceAll('/etc/fabric/ovs.sh', files[1]!.target);
  writeFileSync(join(t.dir, 'transaction.sh'), script);
  const run = (step: string) => {
    const r = spawnSync('sh', [join(t.dir, 'transaction.sh'), step], {
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, STATE: state },
      encoding: 'utf8',
    });
    return {
      code: r.status,
      stdout: r.stdout.trim(),
      status: readFileSync(join(t.dir, 'status'), 'utf8').trim(),
    };
  };
  const active = (u: string) => existsSync(join(state, `active-${u}`));
  const bridges = () => readFileSync(join(state, 'bridges'), 'utf8').split('\n').filter(Boolean);
  return { run, active, bridges, files };
}

describe('transaction.sh rollback, run for real with stand-in daemons', () => {
  it('GIVEN a first push of a hypervisor (nothing running, no files) WHEN rolled back THEN files removed, FRR stopped again, br-int gone, and it says reverted', () => {
    const box = sandbox({ active: [], bridges: [], files: false });
    expect(box.run('apply')).toMatchObject({ code: 0, status: 'applied' });
    expect(box.active('frr')).toBe(true);
    expect(box.bridges()).toEqual(['br-int']);
    const r = box.run('rollback');
    expect(r).toMatchObject({ code: 0, status: 'reverted' });
    expect(r.stdout.split('\n').at(-1)).toBe('reverted');
    for (const f of box.files) expect(existsSync(f.target)).toBe(false);
    expect(box.active('frr')).toBe(false);
    expect(box.bridges()).toEqual([]);
  });

  it('GIVEN a device that ran FRR with a bridge WHEN rolled back and FRR does not come back THEN it says what does not answer, and exits 1', () => {
    const box = sandbox({ active: ['frr'], bridges: ['br-old'], files: true });
    expect(box.run('apply')).toMatchObject({ code: 0, status: 'applied' });
    // FRR refuses to start again: a stand-in that cannot start
    writeFileSync(join(box.files[0]!.target, '..', '..', 'bin', 'vtysh'), '#!/bin/sh\nexit 1\n');
    const r = box.run('rollback');
    expect(r.code).toBe(1);
    expect(r.status).toBe('reverted-unhealthy: frr');
    expect(r.stdout.split('\n').at(-1)).toBe('previous files restored, but not answering: frr');
    expect(readFileSync(box.files[0]!.target, 'utf8')).toBe('old frr\n');
  }, 30_000);
});
