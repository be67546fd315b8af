/**
 * fabric-labnode nodes (test/fixtures/lab/labnode): the daemons chosen by FABRIC_DAEMONS run,
 * and the way push tools drive them over SSH works: `systemctl reload frr`, `service keepalived
 * reload`, `ovs-vsctl show`. Also the IPVS stand-in (nftables DNAT) and haproxy, end to end.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runningLabs } from '../../src/cli/site-choice.js';
import { type LabStatus, labDown, labExec, labStatus, labUp } from '../../src/lab/index.js';
import { DEFAULT_STATE_ROOT } from '../../src/lab/plan/names.js';
import { freeMgmtSubnet, LAB_PACKAGES, leftovers, runName, ssh, waitFor } from '../fixtures/lab/support.js';
import { CLAB_EXAMPLES } from '../support/cli.js';
import { ensureInstalled, requireRoot } from '../support/system.js';

const TOPOLOGY = join(import.meta.dirname, '../fixtures/lab/labnode/labnode.clab.yml');
const lab = runName('labnode');
let labDir: string;
let status: LabStatus;

beforeAll(async () => {
  requireRoot();
  ensureInstalled(LAB_PACKAGES);
  labDir = mkdtempSync(join(tmpdir(), 'lab-labnode-'));
  status = await labUp(TOPOLOGY, { name: lab, mgmtSubnet: freeMgmtSubnet(), labDir });
}, 900_000);

afterAll(async () => {
  await labDown(lab);
  rmSync(labDir, { recursive: true, force: true });
});

const mgmt = (node: string) => status.nodes.find((n) => n.name === node)!.mgmtIpv4;
const exec = (node: string, ...argv: string[]) => labExec(lab, node, argv);

async function bgpPeer(node: string): Promise<{ state: string; pfxRcd: number } | undefined> {
  const r = await exec(node, 'vtysh', '-c', 'show bgp ipv4 unicast summary json');
  const json = JSON.parse(r.stdout) as { peers?: Record<string, { state: string; pfxRcd: number }> };
  return json.peers?.eth1;
}

describe('fabric-labnode daemons', () => {
  it('GIVEN FABRIC_DAEMONS per node WHEN up THEN exactly those daemons (plus sshd) are up', () => {
    expect(status.state).toBe('running');
    expect(
      Object.fromEntries(status.nodes.map((n) => [n.name, n.daemons.map((d) => `${d.name}:${d.up}`)])),
    ).toEqual({
      r1: ['sshd:true', 'snmpd:true', 'frr:true'],
      r2: ['sshd:true', 'frr:true', 'ovs:true'],
      lb1: ['sshd:true', 'keepalived:true', 'haproxy:true', 'http:true'],
    });
  });

  it('GIVEN r1 and r2 WHEN BGP converges THEN the unnumbered eBGP session is up and routes are exchanged', async () => {
    const peer = await waitFor('r1 <-> r2 BGP', 60_000, async () => {
      const p = await bgpPeer('r2');
      return p?.state === 'Established' && p.pfxRcd >= 2 ? p : undefined;
    });
    expect(peer.pfxRcd).toBe(2);
    expect((await bgpPeer('r1'))?.state).toBe('Established');
  }, 120_000);

  it('GIVEN snmpd before FRR THEN sysName answers and FRR runs with the AgentX module', async () => {
    const r = await exec('r1', 'snmpget', '-v2c', '-c', 'public', '-Oqv', '127.0.0.1', '.1.3.6.1.2.1.1.5.0');
    expect(r.stdout.trim()).toBe('"r1"');
    const daemons = await exec('r1', 'grep', '-E', '^(zebra|bgpd)_options=', '/etc/frr/daemons');
    expect(
      daemons.stdout
        .split('\n')
        .filter(Boolean)
        .every((l) => l.includes('-M snmp')),
    ).toBe(true);
  });

  it('GIVEN the VIP on lb1 WHEN r2 connects to it THEN the nftables stand-in for IPVS spreads over both real servers', async () => {
    await waitFor('VIP 10.0.1.100 via BGP', 60_000, async () => {
      const r = await exec('r2', 'curl', '-s', '-m', '2', 'http://10.0.1.100/healthz');
      return r.stdout === 'ok\n' ? true : undefined;
    });
    const index = await exec('r2', 'curl', '-s', '-m', '2', 'http://10.0.1.100/');
    expect(index.stdout).toBe('lb1\n');
    // haproxy starts before lb1's http servers (boot order), so its first health check fails
    await waitFor('haproxy backend up', 30_000, async () => {
      const r = await exec('r2', 'curl', '-s', '-m', '2', 'http://10.0.1.2:8443/healthz');
      return r.stdout === 'ok\n' ? true : undefined;
    });
    const ruleset = await exec('lb1', 'nft', 'list', 'table', 'ip', 'lab_ipvs');
    expect(ruleset.stdout).toContain(
      'ip daddr 10.0.1.100 tcp dport 80 fib daddr type local dnat ip to numgen inc mod 2 map { 0 : 10.0.1.2 . 8080, 1 : 10.0.1.2 . 8081 }',
    );
  }, 120_000);
});

describe('daemons driven over SSH, like a push tool does', () => {
  it('GIVEN r1 WHEN `systemctl reload frr` over SSH THEN it succeeds and BGP stays up', async () => {
    const r = ssh(labDir, mgmt('r1'), 'systemctl reload frr && systemctl is-active frr');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/active\n$/);
    await waitFor('BGP after reload', 60_000, async () =>
      (await bgpPeer('r1'))?.state === 'Established' ? true : undefined,
    );
  }, 120_000);

  it('GIVEN lb1 WHEN `service keepalived reload` over SSH THEN VRRP keeps running and keeps the VIP', async () => {
    const before = await exec('lb1', 'pidof', 'keepalived');
    const r = ssh(labDir, mgmt('lb1'), 'service keepalived reload');
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toContain('lab-ipvs-sync: 1 virtual servers, 2 real servers');
    await new Promise((res) => setTimeout(res, 1500));
    expect((await exec('lb1', 'pidof', 'keepalived')).stdout).toBe(before.stdout);
    const addr = await exec('lb1', 'ip', '-4', '-o', 'addr', 'show', 'dev', 'eth1');
    expect(addr.stdout).toContain('10.0.1.100/24');
    const st = await labStatus(lab);
    expect(st.nodes.find((n) => n.name === 'lb1')!.daemons.find((d) => d.name === 'keepalived')!.up).toBe(
      true,
    );
  });

  it('GIVEN lb1 WHEN `systemctl restart keepalived` THEN it comes back and takes the VIP again', async () => {
    const r = ssh(labDir, mgmt('lb1'), 'systemctl restart keepalived; systemctl is-active keepalived');
    expect(r.code, r.stderr + r.stdout).toBe(0);
    await waitFor('VIP back on lb1', 20_000, async () => {
      const a = await exec('lb1', 'ip', '-4', '-o', 'addr', 'show', 'dev', 'eth1');
      return a.stdout.includes('10.0.1.100/24') ? true : undefined;
    });
  });

  it('GIVEN r2 runs OVS WHEN `ovs-vsctl show` over SSH THEN the netdev bridge from exec is there', () => {
    const r = ssh(labDir, mgmt('r2'), 'ovs-vsctl show');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Bridge br-lab\n\s+datapath_type: netdev/);
  });

  it('GIVEN a node WHEN reboot is asked THEN the shim refuses it and the node keeps running', async () => {
    const r = ssh(labDir, mgmt('r2'), 'systemctl reboot');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("'reboot' refused");
    expect((await exec('r2', 'true')).code).toBe(0);
  });
});

describe('lab commands (CLI)', () => {
  const cli = (...args: string[]) =>
    spawnSync(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, '../fixtures/lab/cli.ts'), 'lab', ...args],
      {
        cwd: join(import.meta.dirname, '../..'),
        encoding: 'utf8',
        timeout: 60_000,
      },
    );

  it('GIVEN a running lab WHEN status THEN a table and exit 0; --json gives the LabStatus', () => {
    const table = cli('status', '--name', lab);
    expect(table.status, table.stderr).toBe(0);
    expect(table.stdout).toMatch(
      /^lab labnode-t[0-9a-f]{6}: running\nNODE +STATE +MGMT IPV4 +PID +DAEMONS\nr1 +running /,
    );
    const json = JSON.parse(cli('status', '--name', lab, '--json').stdout) as LabStatus;
    expect(json.nodes.map((n) => n.name)).toEqual(['r1', 'r2', 'lb1']);
  });

  it('GIVEN exec WHEN the command fails THEN its output is printed and its exit code returned', () => {
    const r = cli('exec', '--name', lab, 'r1', '--', 'sh', '-c', 'echo out; echo err >&2; exit 3');
    expect([r.status, r.stdout, r.stderr]).toEqual([3, 'out\n', 'err\n']);
  });

  it('GIVEN bad input WHEN any lab command THEN exit 2 with one line, no stack trace', () => {
    const unknownNode = cli('exec', '--name', lab, 'nope', '--', 'true');
    expect([unknownNode.status, unknownNode.stderr]).toEqual([
      2,
      `lab ${lab} has no node "nope"; nodes: r1, r2, lb1\n`,
    ]);
    expect(cli('status', '--bogus').status).toBe(2);
    // no lab named: the only lab here (this one, under the lab lock), else the labs are listed
    const labs = runningLabs();
    const unnamed = cli('status');
    if (labs.length === 1) expect(unnamed.stdout).toMatch(new RegExp(`^lab ${lab}: running`));
    else expect([unnamed.status, unnamed.stderr]).toEqual([2, expect.stringContaining(`labs are running (`)]);
    const refused = cli('up', '--topology', join(CLAB_EXAMPLES, 'cvx01/topo.clab.yml'));
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(
      /cvx01\/topo\.clab\.yml:5:5 error unsupported-kind node "sw1": kind cumulus_cvx needs a vendor VM image/,
    );
    expect(refused.stderr).not.toMatch(/\n\s+at /);
  });

  it('GIVEN the lab WHEN down via the CLI THEN nothing is left', () => {
    const r = cli('down', '--topology', TOPOLOGY);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/: removed 3 nodes, .*3 network namespaces, .*1 state folder\n$/);
    expect(leftovers(lab, `clab-${lab}-`, new Set(), join(DEFAULT_STATE_ROOT, lab))).toEqual({
      netns: [],
      processes: [],
      mounts: [],
      links: [],
      stateDir: [],
    });
  });
});
