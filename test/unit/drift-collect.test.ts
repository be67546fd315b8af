/**
 * The one-command read of a device: its framing survives any output (run for real with sh), the
 * combined vtysh output splits into the running config and each JSON (captured in the lab, also
 * with bgpd killed), and the tunnel checks' reads answered from OVSDB's tables are byte for byte
 * what the real commands printed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRR_COMBINED6, splitFrrCombined } from '../../src/daemons/frr/collect.js';
import { ovsAnswers } from '../../src/daemons/ovs/collect.js';
import { collectPlan, collectScript, parseCollected } from '../../src/drift/collect.js';
import { bgpSummary, FRR } from '../../src/observe/frr.js';
import { LINUX } from '../../src/observe/linux.js';
import { renderExample } from '../support/render.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/drift');
const fixture = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');
const site = renderExample()[0]!.site;
const device = (name: string) => site.devices.find((d) => d.name === name)!;

describe('collect: one command per device', () => {
  it('GIVEN reads with awkward output WHEN the script runs THEN each stdout, stderr and exit code comes back exactly', () => {
    const plan = {
      reads: new Map([
        ['no newline', "printf 'a\\nb'"],
        ['trailing newlines', "printf 'x\\n\\n'"],
        ['fails', "echo oops >&2; printf 'half'; exit 3"],
        ['looks like a frame', "echo '@@fabric-000000000000 end bm8='"],
        ['empty', 'true'],
      ]),
      prefetch: [],
    };
    const nonce = '@@fabric-0123456789ab';
    const r = spawnSync('sh', ['-c', collectScript(plan, nonce)], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const got = parseCollected(r.stdout, nonce);
    expect(Object.fromEntries(got)).toEqual({
      'no newline': { code: 0, stdout: 'a\nb', stderr: '' },
      'trailing newlines': { code: 0, stdout: 'x\n\n', stderr: '' },
      fails: { code: 3, stdout: 'half', stderr: 'oops\n' },
      'looks like a frame': { code: 0, stdout: '@@fabric-000000000000 end bm8=\n', stderr: '' },
      empty: { code: 0, stdout: '', stderr: '' },
    });
  });

  it('GIVEN the process list read THEN it lists the shell itself by name, without forking', () => {
    const plan = collectPlan(device('web1'), []);
    const r = spawnSync(
      'sh',
      ['-c', collectScript({ reads: new Map([['procs', plan.reads.get('procs')!]]), prefetch: [] }, 'N')],
      {
        encoding: 'utf8',
      },
    );
    const procs = parseCollected(r.stdout, 'N').get('procs')!.stdout;
    expect(procs).toMatch(/^\d+ sh$/m);
  });

  it('GIVEN a spine THEN one read for processes, its kernel settings, one vtysh for FRR (both families), and its snmpd.conf; its checks are answered by them', () => {
    const plan = collectPlan(device('spine1'), [FRR.bgpSummary, FRR.routes, FRR.bfdPeers]);
    expect([...plan.reads.keys()]).toEqual(['procs', 'sysctl', 'frr', 'snmpd.conf']);
    expect(plan.reads.get('frr')).toBe(FRR_COMBINED6.command); // idc-a is dual-stack: both families in the one vtysh
    expect(plan.prefetch.sort()).toEqual([FRR.bfdPeers, FRR.bgpSummary, FRR.routes].sort());
  });

  it('GIVEN the combined vtysh output of edge1 THEN the running config and each JSON, with its shape', () => {
    const { running, json } = splitFrrCombined({
      code: 0,
      stdout: fixture('collect/edge1.vtysh.txt'),
      stderr: '',
    });
    expect(running).toMatch(/^Building configuration\.\.\.[\s\S]*\nend$/);
    expect([...json.keys()]).toEqual([FRR.routes, FRR.bfdPeers, FRR.bgpSummary]);
    expect(Object.keys(JSON.parse(json.get(FRR.routes)!.stdout))).toContain('0.0.0.0/0');
    expect(Array.isArray(JSON.parse(json.get(FRR.bfdPeers)!.stdout))).toBe(true);
    expect(bgpSummary(JSON.parse(json.get(FRR.bgpSummary)!.stdout))?.as).toBe(65001);
  });

  it('GIVEN bgpd killed (captured) THEN vtysh stopped at the BGP summary: it is not prefetched, and the check reads it itself', () => {
    const { running, json } = splitFrrCombined({
      code: 0,
      stdout: fixture('collect/spine2.vtysh-bgpd-down.txt'),
      stderr: '',
    });
    expect(running).not.toContain('router bgp');
    expect([...json.keys()]).toEqual([FRR.routes, FRR.bfdPeers]);
  });

  it('GIVEN vtysh that cannot reach FRR THEN no running config (the poller reports it, it never compares nothing)', () => {
    expect(
      splitFrrCombined({ code: 1, stdout: 'Exiting: failed to connect to any daemons.\n', stderr: '' })
        .running,
    ).toBeNull();
  });

  it("GIVEN OVSDB's tables of hv1 THEN the tunnel checks' reads are what ovs-vsctl and bridge printed, errors included", () => {
    const [bridges, ports] = fixture('ovs/hv1.tables.json').split('\n').filter(Boolean);
    const ovs = {
      bridges: bridges!,
      ports: ports!,
      vxlan: fixture('ovs/hv1.vxlan.json'),
      flood: fixture('ovs/hv1.flood.txt'),
    };
    const answers = ovsAnswers(ovs, [
      LINUX.ovsPort('vxlan10020'),
      LINUX.flood('vxlan10020'),
      LINUX.ovsPort('vxlan99'),
      LINUX.flood('vxlan99'),
    ]);
    expect(answers.get(LINUX.ovsPort('vxlan10020'))).toEqual({
      code: 0,
      stdout: fixture('ovs/hv1.port-vxlan10020.json'),
      stderr: '',
    });
    expect(JSON.parse(answers.get(LINUX.flood('vxlan10020'))!.stdout)).toEqual(
      JSON.parse(fixture('ovs/hv1.fdb-vxlan10020.json')),
    );
    expect(answers.get(LINUX.ovsPort('vxlan99'))).toMatchObject({
      code: 1,
      stderr: 'ovs-vsctl: no row "vxlan99" in table Port\n',
    });
    expect(answers.get(LINUX.flood('vxlan99'))).toMatchObject({ code: 255 });
  });
});
