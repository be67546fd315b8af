/**
 * A node's own layer (the overlay's upper directory): what makes the host's root filesystem
 * into this node. The host's stock files show through (a write copies them up into the node);
 * what must not leak in is hidden: the host's SSH host keys (whiteouts), the host's OVS
 * database, SNMP engine state and root's home (opaque directories, started empty). Binds are
 * COPIED in, not bind-mounted, because a bind-mounted file breaks rename-writes (`sed -i`,
 * atomic moves) with EBUSY (../shared/notes/lab-node-recipe.md, "what failed" 1).
 */
import {
  chmodSync,
  chownSync,
  copyFileSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { driverOf } from '../../daemons/index.js';
import type { NodePlan } from '../plan/lab-plan.js';
import { NODE_FILES } from './node-files.js';
import { makeHostKey } from './ssh-keys.js';
import { runOk } from './system-command.js';

/** Started empty in every node: host state that must not be shared (ovsdb, snmpd engine id, root's files). */
const OPAQUE_DIRS = ['etc/openvswitch', 'var/lib/openvswitch', 'var/lib/snmp', 'root'];

/** The node makes its own ED25519 host key; the host's keys are hidden. */
const OWN_HOST_KEY = /^ssh_host_ed25519_key(\.pub)?$/;

export interface Provisioned {
  /** Directories to mark opaque and files to white out (all nodes at once, see markLayers). */
  marks: LayerMarks;
  /** The node's SSH host public key, for known_hosts. */
  hostKey: string;
}

export interface LayerMarks {
  opaque: string[];
  whiteouts: string[];
}

export async function provisionNode(node: NodePlan, labPublicKey: string): Promise<Provisioned> {
  const upper = join(node.dir, 'upper');
  for (const d of ['upper', 'work', 'merged']) mkdirSync(join(node.dir, d), { recursive: true, mode: 0o755 });

  const marks: LayerMarks = { opaque: [], whiteouts: [] };
  for (const dir of OPAQUE_DIRS) {
    mirrorDirs(upper, dir);
    marks.opaque.push(join(upper, dir));
  }
  mirrorDirs(upper, 'etc/ssh');
  for (const name of listDir('/etc/ssh')) {
    if (name.startsWith('ssh_host_') && !OWN_HOST_KEY.test(name))
      marks.whiteouts.push(join(upper, 'etc/ssh', name));
  }

  writeFileSync(join(upper, 'etc/hostname'), `${node.hostname}\n`);
  writeFileSync(
    join(upper, 'etc/hosts'),
    `127.0.0.1\tlocalhost\n127.0.1.1\t${node.hostname}\n${node.mgmtIpv4}\t${node.hostname} ${node.netns}\n::1\tlocalhost ip6-localhost ip6-loopback\n`,
  );
  mkdirSync(join(upper, 'root/.ssh'), { mode: 0o700 });
  writeFileSync(join(upper, 'root/.ssh/authorized_keys'), `${labPublicKey}\n`, { mode: 0o600 });
  const hostKey = await makeHostKey(join(upper, 'etc/ssh'), node.hostname);

  installFile(NODE_FILES.systemctl, upper, 'usr/bin/systemctl');
  installFile(NODE_FILES.init, upper, 'usr/local/sbin/labnode-init');
  installFile(NODE_FILES.service, upper, 'usr/local/sbin/service');
  installFile(NODE_FILES.ipvsSync, upper, 'usr/local/sbin/lab-ipvs-sync');
  // what the node's daemons need in the lab (their drivers say)
  for (const driver of node.daemons.flatMap((d) => driverOf(d) ?? [])) {
    for (const tool of driver.lab.tools ?? [])
      installFile(join(NODE_FILES.dir, tool), upper, `usr/local/sbin/${tool}`);
    const stock = driver.lab.labnodeDefault;
    if (stock && node.role === 'labnode' && !node.binds.some((b) => b.target === stock.path)) {
      mirrorDirs(upper, dirname(stock.path).slice(1));
      adjustStockFile(stock.path, join(upper, stock.path.slice(1)), stock.edit);
    }
  }
  for (const bind of node.binds) copyBind(bind.source, upper, bind.target.slice(1));
  return { marks, hostKey };
}

/** A fabric-labnode default when the topology binds none: the host's stock file, adjusted. */
function adjustStockFile(stock: string, target: string, edit: (text: string) => string): void {
  writeFileSync(target, edit(readFileSync(stock, 'utf8')));
  copyOwnerAndMode(stock, target, 0o640);
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Creates `rel` (and its parents) in the upper layer with the host's owner and mode, so the overlay shows them unchanged. */
function mirrorDirs(upper: string, rel: string): void {
  let path = '';
  for (const part of rel.split('/')) {
    path = path ? `${path}/${part}` : part;
    const target = join(upper, path);
    try {
      lstatSync(target);
      continue;
    } catch {
      // create it below
    }
    mkdirSync(target);
    copyOwnerAndMode(`/${path}`, target, 0o755);
  }
}

function copyOwnerAndMode(hostPath: string, target: string, fallbackMode: number): void {
  try {
    const st = statSync(hostPath);
    chownSync(target, st.uid, st.gid);
    chmodSync(target, st.mode & 0o7777);
  } catch {
    chmodSync(target, fallbackMode);
  }
}

/** Recursive copy keeping owner, group, mode and symlinks (Node's cpSync drops ownership). */
function copyTree(src: string, dst: string): void {
  for (const name of listDir(src)) copyEntry(join(src, name), join(dst, name));
}

function copyEntry(src: string, dst: string): void {
  const st = lstatSync(src);
  if (st.isSymbolicLink()) symlinkSync(readlinkSync(src), dst);
  else if (st.isDirectory()) {
    mkdirSync(dst, { recursive: true });
    copyTree(src, dst);
  } else if (st.isFile()) copyFileSync(src, dst);
  else return;
  if (!st.isSymbolicLink()) {
    chownSync(dst, st.uid, st.gid);
    chmodSync(dst, st.mode & 0o7777);
  }
}

function installFile(src: string, upper: string, rel: string): void {
  mirrorDirs(upper, dirname(rel));
  copyFileSync(src, join(upper, rel));
  chmodSync(join(upper, rel), 0o755);
}

/**
 * A bound file takes the owner and mode of the file it replaces (so /etc/frr/frr.conf stays
 * frr:frr 0640 and FRR accepts it); a new file keeps the source's mode.
 */
function copyBind(source: string, upper: string, rel: string): void {
  mirrorDirs(upper, dirname(rel));
  const target = join(upper, rel);
  const st = statSync(source);
  if (st.isDirectory()) {
    mkdirSync(target, { recursive: true });
    copyTree(source, target);
    return;
  }
  copyFileSync(source, target);
  copyOwnerAndMode(`/${rel}`, target, st.mode & 0o7777);
}

/**
 * Overlay marks in the upper layers, for all nodes in one process (Node has neither setxattr nor
 * mknod): `trusted.overlay.opaque=y` hides a lower directory's contents, a 0/0 character device
 * hides a lower file. https://docs.kernel.org/filesystems/overlayfs.html#whiteouts-and-opaque-directories
 */
export async function markLayers(marks: readonly LayerMarks[]): Promise<void> {
  const opaque = marks.flatMap((m) => m.opaque);
  const whiteouts = marks.flatMap((m) => m.whiteouts);
  if (!opaque.length && !whiteouts.length) return;
  const script = [
    'import os, stat, sys',
    'n = int(sys.argv[1])',
    "for d in sys.argv[2:2 + n]: os.setxattr(d, 'trusted.overlay.opaque', b'y')",
    'for f in sys.argv[2 + n:]: os.mknod(f, stat.S_IFCHR, os.makedev(0, 0))',
  ].join('\n');
  await runOk('python3', ['-c', script, String(opaque.length), ...opaque, ...whiteouts]);
}
