import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planLab } from '../../src/lab/plan/lab-plan.js';
import { containerName, labTag, rootNames } from '../../src/lab/plan/names.js';
import { isFrrImage, isLabnodeImage } from '../../src/lab/plan/node-roles.js';
import { type PreflightEnv, preflight } from '../../src/lab/runtime/preflight.js';
import { splitWords } from '../../src/lab/runtime/shell-words.js';
import { parseTopologyText } from '../../src/lab/topology/parse.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lab-plan-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function topology(yaml: string) {
  const { topology, diagnostics } = parseTopologyText(join(dir, 'lab.clab.yml'), yaml, { forRuntime: true });
  if (!topology) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return topology;
}

const SMALL = `
name: small
mgmt: {ipv4-subnet: 10.9.0.0/28}
topology:
  nodes:
    r1: {kind: linux, image: quay.io/frrouting/frr:10.5.1}
    lb: {kind: linux, image: fabric-labnode, mgmt-ipv4: 10.9.0.2, env: {FABRIC_DAEMONS: "keepalived,http", FABRIC_HTTP_PORTS: "8080"}}
    pc: {kind: linux, image: alpine}
    sw: {kind: bridge}
  links:
    - endpoints: ["r1:eth1", "lb:eth1"]
    - endpoints: ["pc:eth1", "sw:port1"]
`;

describe('names', () => {
  it('GIVEN containerlab prefix rules THEN namespaces are named like its containers', () => {
    expect(containerName(undefined, 'lab', 'r1')).toBe('clab-lab-r1');
    expect(containerName('', 'lab', 'r1')).toBe('r1');
    expect(containerName('__lab-name', 'lab', 'r1')).toBe('lab-r1');
    expect(containerName('acme', 'lab', 'r1')).toBe('acme-lab-r1');
  });

  it('GIVEN any lab THEN root-namespace names carry its tag and fit 15 characters', () => {
    expect(labTag('frr01')).toMatch(/^fl[0-9a-f]{6}$/);
    expect(labTag('frr01')).not.toBe(labTag('frr02'));
    const tag = labTag('x');
    for (const name of [
      rootNames.mgmtBridge(tag),
      rootNames.mgmtVeth(tag, 9999),
      rootNames.bridge(tag, 9999),
      rootNames.bridgePort(tag, 9999, 'z'),
    ]) {
      expect(name.startsWith(tag) && name.length <= 15).toBe(true);
    }
  });
});

describe('plan', () => {
  it('GIVEN a topology THEN roles, daemons, env and management addresses are decided up front', () => {
    const plan = planLab(topology(SMALL), { name: 'run1', stateRoot: '/tmp/state' });
    const [r1, lb, pc, sw] = plan.nodes;
    expect(plan.mgmt).toMatchObject({
      subnet: '10.9.0.0/28',
      gateway: '10.9.0.1',
      prefixLength: 28,
      bridge: `${labTag('run1')}br`,
    });
    expect(r1).toMatchObject({
      role: 'frr',
      daemons: ['sshd', 'frr'],
      netns: 'clab-run1-r1',
      mgmtIpv4: '10.9.0.3',
      interfaces: ['eth1'],
    });
    expect(r1!.env).toMatchObject({
      FABRIC_DAEMONS: 'frr',
      CLAB_INTFS: '1',
      FABRIC_NODE: 'r1',
      FABRIC_LAB: 'run1',
    });
    expect(lb).toMatchObject({
      role: 'labnode',
      daemons: ['sshd', 'keepalived', 'http'],
      httpPorts: [8080],
      mgmtIpv4: '10.9.0.2',
    });
    expect(lb!.env).toMatchObject({ FABRIC_DAEMONS: 'keepalived,http', FABRIC_HTTP_PORTS: '8080' });
    expect(pc).toMatchObject({
      role: 'host',
      daemons: ['sshd'],
      mgmtIpv4: '10.9.0.4',
      dir: '/tmp/state/run1/nodes/pc',
    });
    expect(sw).toMatchObject({ role: 'bridge', netns: '', mgmtIpv4: '', bridge: `${labTag('run1')}b3` });
    expect(plan.links[1]).toMatchObject({
      a: { netns: 'clab-run1-pc', name: 'eth1' },
      z: { netns: null, name: `${labTag('run1')}p1z`, master: `${labTag('run1')}b3` },
    });
    expect(plan.labDir).toBe(join(dir, 'clab-run1'));
  });

  it('GIVEN a management subnet override THEN the gateway is its first address; a bad one is refused', () => {
    const plan = planLab(topology(SMALL.replace('mgmt-ipv4: 10.9.0.2, ', '')), {
      mgmtSubnet: '198.18.7.0/24',
    });
    expect(plan.mgmt.gateway).toBe('198.18.7.1');
    expect(plan.nodes.map((n) => n.mgmtIpv4)).toEqual(['198.18.7.2', '198.18.7.3', '198.18.7.4', '']);
    expect(() => planLab(topology(SMALL), { mgmtSubnet: '198.18.7.0/24' })).toThrow(
      /mgmt-ipv4 10.9.0.2 of node "lb"/,
    );
    expect(() => planLab(topology(SMALL), { mgmtSubnet: 'nope' })).toThrow(/must be an IPv4 network/);
  });
});

describe('IPv6 management addresses', () => {
  it('GIVEN nodes with mgmt-ipv6 THEN the plan gives eth0 that address in RFC 5952 form on ipv6-subnet’s length; the others have none', () => {
    const plan = planLab(
      topology(
        SMALL.replace(
          'mgmt: {ipv4-subnet: 10.9.0.0/28}',
          'mgmt: {ipv4-subnet: 10.9.0.0/28, ipv6-subnet: "2001:db8:18:1::/64"}',
        ).replace('mgmt-ipv4: 10.9.0.2,', 'mgmt-ipv4: 10.9.0.2, mgmt-ipv6: "2001:DB8:18:1:0:0:0:33",'),
      ),
    );
    expect(plan.mgmt.prefixLength6).toBe(64);
    expect(plan.nodes.map((n) => n.mgmtIpv6)).toEqual([undefined, '2001:db8:18:1::33', undefined, undefined]);
  });

  it('GIVEN no node with mgmt-ipv6 THEN the plan has no IPv6 management at all', () => {
    const plan = planLab(topology(SMALL));
    expect(plan.mgmt.prefixLength6).toBeUndefined();
    expect(plan.nodes.some((n) => 'mgmtIpv6' in n)).toBe(false);
  });
});

describe('images', () => {
  it.each([
    ['quay.io/frrouting/frr:10.5.1', true, false],
    ['frrouting/frr:v8.4.1', true, false],
    ['frrouting/frr', true, false],
    ['myfrrouting/frr:1', false, false],
    ['fabric-labnode', false, true],
    ['ghcr.io/acme/fabric-labnode-dev:2', false, true],
    ['wbitt/network-multitool:3.22.2', false, false],
  ])('%s: frr=%s labnode=%s', (image, frr, labnode) => {
    expect([isFrrImage(image), isLabnodeImage(image)]).toEqual([frr, labnode]);
  });
});

describe('exec words (no shell, like containerlab)', () => {
  it.each([
    [
      'ip route add 192.168.0.0/16 via 192.168.11.1 dev eth1',
      ['ip', 'route', 'add', '192.168.0.0/16', 'via', '192.168.11.1', 'dev', 'eth1'],
    ],
    [`bash -c 'echo $HOME > /tmp/x; ls'`, ['bash', '-c', 'echo $HOME > /tmp/x; ls']],
    [`echo "a \\"b\\" c" d\\ e`, ['echo', 'a "b" c', 'd e']],
    [`vtysh -c "show ip route" # comment`, ['vtysh', '-c', 'show ip route']],
    [`printf ''`, ['printf', '']],
  ])('%s', (command, words) => {
    expect(splitWords(command)).toEqual({ words });
  });

  it('GIVEN an unclosed quote THEN an error, not a guess', () => {
    expect(splitWords(`echo 'oops`)).toEqual({ error: "unclosed ' quote" });
  });
});

describe('preflight', () => {
  let bin: string;
  beforeAll(() => {
    // a PATH holding every needed program but keepalived and tini (links to /bin/true)
    bin = join(dir, 'bin');
    mkdirSync(bin);
    const programs = [
      'ip',
      'nsenter',
      'unshare',
      'pivot_root',
      'mount',
      'ethtool',
      'sshd',
      'ssh-keygen',
      'python3',
      'fping',
      'vtysh',
      'nft',
    ];
    for (const p of programs) symlinkSync('/bin/true', join(bin, p));
  });

  it('GIVEN missing programs THEN one line each says what, for which nodes, and the apt-get fix', () => {
    const plan = planLab(topology(SMALL));
    const env: PreflightEnv = { path: bin, isRoot: true, exists: () => true };
    expect(preflight(plan, env)).toEqual([
      'missing tini, needed by r1, lb, pc: apt-get install -y --no-install-recommends tini',
      'missing keepalived, needed by lb: apt-get install -y --no-install-recommends keepalived',
      'all at once: apt-get install -y --no-install-recommends keepalived tini',
    ]);
  });

  it('GIVEN a Cilium node (gobgpd, no driver) THEN GoBGP’s daemon and client are required of it', () => {
    const plan = planLab(
      topology(`
name: k
topology:
  nodes:
    kn1: {kind: linux, image: fabric-labnode, env: {FABRIC_DAEMONS: "gobgpd,http"}}
`),
    );
    const env: PreflightEnv = { path: bin, isRoot: true, exists: () => true };
    expect(preflight(plan, env)).toEqual([
      'missing tini, needed by kn1: apt-get install -y --no-install-recommends tini',
      'missing gobgpd, needed by kn1: apt-get install -y --no-install-recommends gobgpd',
      'missing gobgp, needed by kn1: apt-get install -y --no-install-recommends gobgpd',
      'all at once: apt-get install -y --no-install-recommends gobgpd tini',
    ]);
  });

  it('GIVEN not root and no FRR scripts THEN both are reported', () => {
    const plan = planLab(topology(SMALL));
    const problems = preflight(plan, { path: bin, isRoot: false, exists: () => false });
    expect(problems[0]).toBe('lab up needs root (network namespaces, mounts, veths): run it as root');
    expect(problems).toContain(
      'missing /usr/lib/frr/frrinit.sh, needed by r1: apt-get install -y --no-install-recommends frr',
    );
  });
});
