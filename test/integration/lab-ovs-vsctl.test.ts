/**
 * The lab node's ovs-vsctl (src/lab/node/ovs-vsctl) against a real ovsdb-server of this test.
 *
 * GIVEN a lab node, which has no openvswitch kernel module (FABRIC_LAB_OVS_MODULE points the
 * shim's check elsewhere, so the test does not depend on this machine's modules)
 * WHEN a bridge is asked for on the kernel datapath (explicitly, or by OVS's default)
 * THEN it is created on the userspace datapath (netdev), and every way of reading it back —
 * the JSON drift reads, `list`, `get`, `show` — says what was asked; a bridge asked for on netdev
 * reads netdev.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

const SHIM = join(REPO, 'src', 'lab', 'node', 'ovs-vsctl');
let dir: string;
let db: string;
let server: ChildProcess | undefined;

function vsctl(
  program: string,
  args: string[],
  module = '/nonexistent',
): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(program, [`--db=unix:${db}`, '--no-wait', '--timeout=10', ...args], {
    encoding: 'utf8',
    env: { ...process.env, FABRIC_LAB_OVS_MODULE: module },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
const shim = (...args: string[]) => vsctl(SHIM, args);
const plain = (...args: string[]) => vsctl('/usr/bin/ovs-vsctl', args);

beforeAll(async () => {
  dir = tempDir('fabric-ovs-');
  db = join(dir, 'db.sock');
  const conf = join(dir, 'conf.db');
  spawnSync('ovsdb-tool', ['create', conf, '/usr/share/openvswitch/vswitch.ovsschema']);
  server = spawn('ovsdb-server', [conf, `--remote=punix:${db}`, '--unixctl', join(dir, 'ctl')], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 100 && !existsSync(db); i++) await new Promise((r) => setTimeout(r, 50));
  expect(plain('init').code).toBe(0);
});

afterAll(() => {
  server?.kill('SIGTERM');
});

describe('ovs-vsctl in a lab node', () => {
  it('GIVEN the kernel module WHEN a bridge is asked for THEN it is plain ovs-vsctl (the kernel datapath asked, as is)', () => {
    const withModule = (...args: string[]) => vsctl(SHIM, args, dir);
    expect(withModule('add-br', 'br-k', '--', 'set', 'bridge', 'br-k', 'datapath_type=system').code).toBe(0);
    expect(plain('get', 'bridge', 'br-k', 'datapath_type').stdout.trim()).toBe('system');
    expect(plain('del-br', 'br-k').code).toBe(0);
  });

  it('WHEN a bridge is asked for with datapath_type=system THEN it runs netdev and reads back system', () => {
    const add = shim(
      '--may-exist',
      'add-br',
      'br-int',
      '--',
      'set',
      'bridge',
      'br-int',
      'datapath_type=system',
      'fail_mode=standalone',
    );
    expect(add.code, add.stderr).toBe(0);
    expect(plain('get', 'bridge', 'br-int', 'datapath_type').stdout.trim()).toBe('netdev');

    const json = shim(
      '--format=json',
      '--',
      '--columns=name,datapath_type,fail_mode',
      'list',
      'bridge',
      '--',
      '--columns=name',
      'list',
      'port',
    );
    expect(json.code, json.stderr).toBe(0);
    const [bridges] = json.stdout.trim().split('\n');
    expect(JSON.parse(bridges!)).toEqual({
      data: [['br-int', 'system', 'standalone']],
      headings: ['name', 'datapath_type', 'fail_mode'],
    });
    expect(shim('get', 'bridge', 'br-int', 'datapath_type').stdout.trim()).toBe('system');
    expect(shim('list', 'bridge', 'br-int').stdout).toMatch(/^datapath_type\s+: system$/m);
    expect(shim('show').stdout).toMatch(/Bridge br-int\n\s+fail_mode: standalone\n\s+datapath_type: system/);
  });

  it('WHEN a bridge is added with no datapath (the kernel one by default) THEN it runs netdev and reads back system', () => {
    expect(shim('add-br', 'br-def').code).toBe(0);
    expect(plain('get', 'bridge', 'br-def', 'datapath_type').stdout.trim()).toBe('netdev');
    expect(shim('get', 'bridge', 'br-def', 'datapath_type').stdout.trim()).toBe('system');
  });

  it('WHEN a bridge is asked for on netdev THEN it reads netdev', () => {
    expect(shim('add-br', 'br-dp', '--', 'set', 'bridge', 'br-dp', 'datapath_type=netdev').code).toBe(0);
    expect(shim('get', 'bridge', 'br-dp', 'datapath_type').stdout.trim()).toBe('netdev');
    const json = JSON.parse(shim('--format=json', '--columns=name,datapath_type', 'list', 'bridge').stdout);
    expect(json.data).toEqual(
      expect.arrayContaining([
        ['br-dp', 'netdev'],
        ['br-int', 'system'],
        ['br-def', 'system'],
      ]),
    );
  });
});
