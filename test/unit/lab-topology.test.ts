import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { parseTopology, parseTopologyText } from '../../src/lab/topology/parse.js';
import { CLAB_EXAMPLES } from '../support/cli.js';

/** containerlab's example labs, read in place (never copied into the repository). */
const EXAMPLES = CLAB_EXAMPLES;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lab-topology-'));
  mkdirSync(join(dir, 'r1'));
  writeFileSync(join(dir, 'r1/frr.conf'), 'hostname r1\n');
  writeFileSync(join(dir, 'daemons'), 'bgpd=yes\n');
  writeFileSync(join(dir, 'group.conf'), 'x\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function parse(yaml: string, forRuntime = false) {
  return parseTopologyText(join(dir, 'lab.clab.yml'), yaml, { forRuntime });
}

const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error');
const where = (d: Diagnostic) => `${d.location?.line}:${d.location?.col}`;

describe('containerlab examples', () => {
  it('GIVEN frr01 WHEN parsed for this runtime THEN it is accepted with groups, binds and exec resolved', () => {
    const { topology, diagnostics } = parseTopology(join(EXAMPLES, 'frr01/frr01.clab.yml'), {
      forRuntime: true,
    });
    expect(errors(diagnostics)).toEqual([]);
    expect(topology!.name).toBe('frr01');
    expect(topology!.nodes.map((n) => n.name)).toEqual([
      'router1',
      'router2',
      'router3',
      'PC1',
      'PC2',
      'PC3',
    ]);
    const router1 = topology!.nodes[0]!;
    expect(router1).toMatchObject({ kind: 'linux', image: 'quay.io/frrouting/frr:10.5.1', group: 'routers' });
    expect(router1.binds.map((b) => [b.source, b.target])).toEqual([
      [join(EXAMPLES, 'frr01/router1/daemons'), '/etc/frr/daemons'],
      [join(EXAMPLES, 'frr01/router1/frr.conf'), '/etc/frr/frr.conf'],
    ]);
    expect(topology!.nodes[3]!.exec).toHaveLength(4);
    expect(topology!.links[0]).toMatchObject({
      a: { node: 'router1', interface: 'eth1' },
      z: { node: 'router2', interface: 'eth1' },
      mtu: 9500,
    });
    expect(topology!.mgmt).toMatchObject({ ipv4Subnet: '172.20.20.0/24', ipv4Gw: '172.20.20.1' });
  });

  it.each([
    ['srlfrr01/srlfrr01.clab.yml', 'srl', 'kind nokia_srlinux needs a vendor container image'],
    ['cvx01/topo.clab.yml', 'sw1', 'kind cumulus_cvx needs a vendor VM image'],
    ['osvbng01/osvbng01.clab.yml', 'bng1', 'kind veesix_osvbng needs a vendor container image'],
  ])(
    'GIVEN %s WHEN parsed for this runtime THEN node %s is refused with its reason',
    (file, node, reason) => {
      const { topology, diagnostics } = parseTopology(join(EXAMPLES, file), { forRuntime: true });
      expect(topology).toBeUndefined();
      const refused = errors(diagnostics);
      expect(refused).toHaveLength(1);
      expect(refused[0]!.code).toBe('unsupported-kind');
      expect(refused[0]!.message).toContain(
        `node "${node}": ${reason}; this runtime runs kind linux and bridge nodes only`,
      );
      expect(refused[0]!.location?.file).toContain(file);
    },
  );

  it('GIVEN the refused examples WHEN parsed as plain containerlab files THEN they are valid', () => {
    for (const file of ['srlfrr01/srlfrr01.clab.yml', 'cvx01/topo.clab.yml', 'osvbng01/osvbng01.clab.yml']) {
      expect(errors(parseTopology(join(EXAMPLES, file)).diagnostics)).toEqual([]);
    }
  });
});

describe('links', () => {
  it('GIVEN brief and extended veth links THEN both give endpoints, MTU and MACs', () => {
    const { topology, diagnostics } = parse(`
name: l
topology:
  defaults: {kind: linux, image: alpine}
  nodes: {a: , b: }
  links:
    - endpoints: ["a:eth1", "b:eth1"]
      mtu: 1500
    - type: veth
      endpoints:
        - {node: a, interface: eth2, mac: "AA-C1-AB-00-00-01"}
        - {node: b, interface: eth2}
`);
    expect(errors(diagnostics)).toEqual([]);
    expect(topology!.links).toEqual([
      {
        index: 0,
        a: { node: 'a', interface: 'eth1', mac: undefined },
        z: { node: 'b', interface: 'eth1', mac: undefined },
        mtu: 1500,
      },
      {
        index: 1,
        a: { node: 'a', interface: 'eth2', mac: 'aa:c1:ab:00:00:01' },
        z: { node: 'b', interface: 'eth2', mac: undefined },
        mtu: 9500,
      },
    ]);
  });

  it('GIVEN broken links THEN each problem is reported at its endpoint', () => {
    const { topology, diagnostics } = parse(`
name: l
topology:
  defaults: {kind: linux, image: alpine}
  nodes: {a: , b: }
  links:
    - endpoints: ["a:eth1", "b:eth1"]
    - endpoints: ["a:eth1", "c:eth1"]
    - endpoints: ["a:averyverylongname0", "b:eth0"]
    - endpoints: ["host:veth9", "b:eth3"]
    - type: vxlan
      endpoint: {node: a, interface: eth5}
`);
    expect(topology).toBeUndefined();
    expect(errors(diagnostics).map((d) => `${where(d)} ${d.code}`)).toEqual([
      '11:13 unsupported-link',
      '8:19 duplicate-endpoint',
      '8:29 unknown-node',
      '9:19 interface-name-too-long',
      '9:43 invalid-interface-name',
      '10:19 unknown-node',
    ]);
    expect(errors(diagnostics)[1]!.message).toBe(
      'endpoint "a:eth1" is already used by link 0; each interface joins one link',
    );
    expect(errors(diagnostics)[3]!.message).toContain('has 18 characters; Linux allows 15');
  });
});

describe('inheritance', () => {
  it('GIVEN node → group → kind → defaults THEN binds merge by destination and env/labels by key, node wins', () => {
    const { topology, diagnostics } = parse(`
name: inh
topology:
  defaults:
    kind: linux
    env: {A: defaults, B: defaults}
    binds: [daemons:/etc/frr/daemons]
  kinds:
    linux:
      image: frrouting/frr:v8.4.1
      env: {B: kind, C: kind}
      labels: {tier: kind}
  groups:
    routers:
      env: {C: group}
      binds: [group.conf:/etc/frr/frr.conf]
      exec: [echo group]
  nodes:
    r1:
      group: routers
      binds: [r1/frr.conf:/etc/frr/frr.conf]
      labels: {tier: node}
      env: {D: 4}
    r2:
      group: routers
      image: alpine
      exec: [echo r2]
`);
    expect(errors(diagnostics)).toEqual([]);
    const [r1, r2] = topology!.nodes;
    expect(r1!.env).toEqual({ A: 'defaults', B: 'kind', C: 'group', D: '4' });
    expect(r1!.labels).toEqual({ tier: 'node' });
    expect(r1!.image).toBe('frrouting/frr:v8.4.1');
    expect(r1!.binds.map((b) => `${b.source.slice(dir.length + 1)}:${b.target}`)).toEqual([
      'daemons:/etc/frr/daemons',
      'r1/frr.conf:/etc/frr/frr.conf',
    ]);
    expect(r1!.exec).toEqual(['echo group']);
    expect(r2!.image).toBe('alpine');
    expect(r2!.exec).toEqual(['echo r2']);
    expect(r2!.binds.map((b) => b.target)).toEqual(['/etc/frr/daemons', '/etc/frr/frr.conf']);
  });

  it('GIVEN an unknown group or a node without kind THEN each is an error at the node', () => {
    const { diagnostics } = parse(`
name: inh
topology:
  nodes:
    a: {group: nope, image: alpine}
`);
    expect(errors(diagnostics).map((d) => [where(d), d.code])).toEqual([
      ['5:16', 'unknown-group'],
      ['5:5', 'missing-field'],
    ]);
  });
});

describe('strict keys and values', () => {
  it('GIVEN unknown keys at any level THEN each is an error at the key (containerlab decodes strictly)', () => {
    const { topology, diagnostics } = parse(`
name: s
colour: blue
mgmt: {ipv4-subnet: 10.9.0.0/24, flavour: x}
topology:
  nodes:
    a: {kind: linux, image: alpine, imagee: typo}
  links:
    - endpoints: ["a:eth1", "a:eth2"]
      speed: 10
`);
    expect(topology).toBeUndefined();
    expect(errors(diagnostics).map((d) => `${where(d)} ${d.code}`)).toEqual([
      '3:1 unknown-key',
      '4:34 unknown-key',
      '7:37 unknown-key',
      '10:7 unknown-key',
    ]);
    expect(errors(diagnostics)[2]!.message).toMatch(
      /^unknown field "imagee" in node "a"; allowed: aliases, /,
    );
  });

  it('GIVEN known keys the runtime cannot honour THEN warnings, or an error when ignoring changes the lab', () => {
    const { topology, diagnostics } = parse(`
name: s
topology:
  nodes:
    a: {kind: linux, image: alpine, startup-delay: 5, ports: ["80:80"]}
    b: {kind: linux, image: alpine, network-mode: host}
`);
    expect(topology).toBeUndefined();
    expect(diagnostics.map((d) => `${d.severity} ${d.code} ${where(d)}`)).toEqual([
      'warning ignored-field 5:37',
      'warning ignored-field 5:55',
      'error unsupported-field 6:37',
    ]);
    expect(diagnostics[0]!.message).toBe(
      '"startup-delay" is ignored by this runtime: nodes boot in parallel',
    );
  });

  it('GIVEN duplicate and out-of-subnet mgmt addresses THEN both are errors', () => {
    const { diagnostics } = parse(`
name: m
mgmt: {ipv4-subnet: 10.9.0.0/24}
topology:
  defaults: {kind: linux, image: alpine}
  nodes:
    a: {mgmt-ipv4: 10.9.0.5}
    b: {mgmt-ipv4: 10.9.0.5}
    c: {mgmt-ipv4: 10.8.0.5}
    d: {mgmt-ipv4: 10.9.0.1}
`);
    expect(errors(diagnostics).map((d) => `${where(d)} ${d.code}`)).toEqual([
      '8:20 duplicate-mgmt-ip',
      '9:20 invalid-mgmt-ip',
      '10:20 duplicate-mgmt-ip',
    ]);
    expect(errors(diagnostics)[0]!.message).toBe('mgmt-ipv4 10.9.0.5 of node "b" is also used by "a"');
  });

  it('GIVEN mgmt-ipv6 addresses THEN they must be host addresses of ipv6-subnet (containerlab’s 3fff:172:20:20::/64 by default), used once; ipv6-gw is ignored', () => {
    const { topology, diagnostics } = parse(`
name: m6
mgmt: {ipv4-subnet: 10.9.0.0/24, ipv6-subnet: "2001:DB8:18:1::/64", ipv6-gw: "2001:db8:18:1::1"}
topology:
  defaults: {kind: linux, image: alpine}
  nodes:
    a: {mgmt-ipv6: "2001:db8:18:1:0::b"}
    b: {mgmt-ipv6: "2001:db8:18:1::b"}
    c: {mgmt-ipv6: "2001:db8:18:2::c"}
    d: {mgmt-ipv6: "2001:db8:18:1::"}
    e: {}
`);
    expect(topology).toBeUndefined();
    expect(diagnostics.map((d) => `${d.severity} ${where(d)} ${d.code}`)).toEqual([
      'warning 3:69 ignored-field',
      'error 8:20 duplicate-mgmt-ip',
      'error 9:20 invalid-mgmt-ip',
      'error 10:20 invalid-mgmt-ip',
    ]);
    expect(diagnostics[0]!.message).toMatch(/mgmt "ipv6-gw" is ignored by this runtime \(the host end/);
    expect(diagnostics[1]!.message).toBe('mgmt-ipv6 2001:db8:18:1::b of node "b" is also used by "a"');

    const ok = parse(`
name: m6
topology:
  nodes:
    a: {kind: linux, image: alpine, mgmt-ipv6: "3fff:172:20:20::a"}
    b: {kind: linux, image: alpine}
`);
    expect(errors(ok.diagnostics)).toEqual([]);
    expect(ok.topology!.mgmt.ipv6Subnet).toBe('3fff:172:20:20::/64');
    expect(ok.topology!.nodes.map((n) => n.mgmtIpv6)).toEqual(['3fff:172:20:20::a', undefined]);
  });

  it('GIVEN bad binds THEN the missing source and the bad syntax are errors at the bind', () => {
    const { diagnostics } = parse(
      `
name: b
topology:
  defaults: {kind: linux, image: alpine}
  nodes:
    a:
      binds:
        - nothere.conf:/etc/x.conf
        - justonepart
        - daemons:/run/frr/daemons
`,
      true,
    );
    expect(errors(diagnostics).map((d) => `${where(d)} ${d.code}`)).toEqual([
      '8:11 bind-source-missing',
      '9:11 invalid-bind',
      '8:9 unsupported-bind',
    ]);
  });

  it('GIVEN Go templates or variables THEN the template is an error and a variable a warning', () => {
    const { diagnostics } = parse(`
name: t
topology:
  nodes:
    a: {kind: linux, image: "{{ .img }}", exec: ["echo $HOME"]}
`);
    expect(diagnostics.map((d) => `${d.severity} ${d.code} ${where(d)}`)).toEqual([
      'error unsupported-template 5:30',
      'warning unsupported-template 5:56',
    ]);
  });

  it('GIVEN broken YAML or no file THEN one located diagnostic, no exception', () => {
    const bad = parse('name: x\ntopology: [\n');
    expect(bad.topology).toBeUndefined();
    expect(bad.diagnostics[0]!.code).toBe('yaml-syntax');
    const none = parseTopology(join(dir, 'absent.clab.yml'));
    expect(none.diagnostics[0]).toMatchObject({ code: 'topology-unreadable' });
  });
});

describe('runtime support', () => {
  it('GIVEN fabric-labnode env THEN unknown daemons and bad ports are errors', () => {
    const { diagnostics } = parse(
      `
name: e
topology:
  nodes:
    a:
      kind: linux
      image: ghcr.io/acme/fabric-labnode:1
      env: {FABRIC_DAEMONS: "frr, bird", FABRIC_HTTP_PORTS: "80,x"}
    b: {kind: linux, image: fabric-labnode, env: {FABRIC_DAEMONS: http, FABRIC_HTTP_PORTS: "99999"}}
`,
      true,
    );
    expect(errors(diagnostics).map((d) => d.message)).toEqual([
      'node "a": FABRIC_DAEMONS: unknown daemon "bird"; known: sshd, snmpd, frr, keepalived, haproxy, redis, etcd, patroni, pgbouncer, rabbitmq-server, amqp-worker, gdnsd, ovs, gobgpd, http',
      'node "b": FABRIC_HTTP_PORTS: "99999" is not a TCP port',
    ]);
  });

  it('GIVEN kind bridge and special kinds THEN bridge is accepted and ovs-bridge refused with a hint', () => {
    const { diagnostics } = parse(
      `
name: k
topology:
  nodes:
    sw: {kind: bridge}
    ovs: {kind: ovs-bridge}
    h: {kind: linux, image: alpine}
  links:
    - endpoints: ["sw:p1", "h:eth1"]
`,
      true,
    );
    expect(errors(diagnostics).map((d) => d.message)).toEqual([
      expect.stringContaining('node "ovs": kind ovs-bridge needs an OVS bridge with the kernel datapath'),
    ]);
  });
});
