/**
 * The exported lab is a containerlab topology: valid against containerlab's own schema (read
 * from ../shared, never copied here), one node per device, one link per cable, binds that point
 * at the rendered files, and nothing containerlab would template-expand.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportTopology } from '../../src/topology/clab.js';
import { REPO } from '../support/cli.js';
import { DUAL_STACK } from '../support/dual-stack.js';
import { renderExample } from '../support/render.js';

const CLAB_SCHEMA = resolve(REPO, '..', 'shared', 'containerlab', 'clab.schema.json');

function exported(empty: boolean, inventory?: string, name = 'idc-a') {
  const { site, manifest } = renderExample(inventory).find((s) => s.site.name === name)!;
  const topologyPath = join(REPO, 'lab', `${name}.clab.yml`);
  const text = exportTopology(site, {
    topologyPath,
    renderedDir: join(REPO, 'out', name),
    manifest,
    empty,
  });
  return { site, text, topology: parse(text), topologyPath };
}

describe('containerlab export', () => {
  it('GIVEN idc-a WHEN exported THEN containerlab’s schema accepts it', () => {
    expect(existsSync(CLAB_SCHEMA), `${CLAB_SCHEMA} (../shared beside the repository)`).toBe(true);
    // the schema declares draft-07 but uses a few newer keywords: not strict (see shared/notes/containerlab.md)
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(CLAB_SCHEMA, 'utf8')));
    const { topology } = exported(false);
    expect(validate(topology), JSON.stringify(validate.errors, null, 1)).toBe(true);
  });

  it('GIVEN data-a THEN the files Redis rewrites are bound under /etc/fabric-lab/rewritable and listed with owner and mode for the node to copy into place; the rest at their targets', () => {
    const data = join(REPO, 'test', 'fixtures', 'data-tier', 'inventory');
    const { topology } = exported(false, data, 'data-a');
    const nodes = topology.topology.nodes as Record<
      string,
      { binds?: string[]; env: Record<string, string> }
    >;
    expect(nodes.redis1!.binds).toEqual([
      '../out/data-a/redis1/redis.conf:/etc/fabric-lab/rewritable/etc/redis/redis.conf:ro',
      '../out/data-a/redis1/sentinel.conf:/etc/fabric-lab/rewritable/etc/redis/sentinel.conf:ro',
      '../out/data-a/redis1/snmpd.conf:/etc/snmp/snmpd.conf:ro',
    ]);
    expect(nodes.redis1!.env.FABRIC_REWRITABLE).toBe(
      '/etc/redis/redis.conf:redis:redis:0640 /etc/redis/sentinel.conf:redis:redis:0640',
    );
    expect(nodes.web1!.binds).toContain('../out/data-a/web1/haproxy.cfg:/etc/haproxy/haproxy.cfg:ro');
    expect(nodes.web1!.binds).toContain(
      '../out/data-a/web1/sentinel.conf:/etc/fabric-lab/rewritable/etc/redis/sentinel.conf:ro',
    );
    expect(nodes.web1!.env.FABRIC_REWRITABLE).toBe('/etc/redis/sentinel.conf:redis:redis:0640');
    expect(nodes.lb1!.env.FABRIC_REWRITABLE).toBeUndefined();
  });

  it('GIVEN data-pg THEN the files Patroni and PgBouncer read as postgres are staged and listed in FABRIC_PRIVATE with owner and mode; etcd’s defaults bound at its target', () => {
    const data = join(REPO, 'test', 'fixtures', 'data-pg', 'inventory');
    const { topology } = exported(false, data, 'data-pg');
    const pg1 = (topology.topology.nodes as Record<string, { binds?: string[]; env: Record<string, string> }>)
      .pg1!;
    expect(pg1.env.FABRIC_DAEMONS).toBe('snmpd,etcd,patroni,pgbouncer');
    expect(pg1.binds).toContain('../out/data-pg/pg1/etcd:/etc/default/etcd:ro');
    expect(pg1.binds).toContain(
      '../out/data-pg/pg1/patroni.yml:/etc/fabric-lab/rewritable/etc/patroni/config.yml:ro',
    );
    expect(pg1.env.FABRIC_PRIVATE).toBe(
      '/etc/patroni/config.yml:postgres:postgres:0600 /etc/pgbouncer/pgbouncer.ini:postgres:postgres:0640 /etc/pgbouncer/userlist.txt:postgres:postgres:0600',
    );
    expect(pg1.env.FABRIC_REWRITABLE).toBeUndefined();
  });

  it('GIVEN data-mq THEN every file RabbitMQ reads is staged as rabbitmq’s own (it reads them all as rabbitmq, and a bind keeps root’s 0600), and the worker is listed for the node to say it cannot start it', () => {
    const data = join(REPO, 'test', 'fixtures', 'data-mq', 'inventory');
    const { topology } = exported(false, data, 'data-mq');
    const nodes = topology.topology.nodes as Record<
      string,
      { binds?: string[]; env: Record<string, string> }
    >;
    expect(nodes.mq1!.env.FABRIC_DAEMONS).toBe('snmpd,rabbitmq-server');
    expect(nodes.mq1!.env.FABRIC_PRIVATE!.split(' ')).toEqual([
      '/etc/rabbitmq/rabbitmq.conf:rabbitmq:rabbitmq:0644',
      '/etc/rabbitmq/rabbitmq-env.conf:rabbitmq:rabbitmq:0644',
      '/etc/rabbitmq/enabled_plugins:rabbitmq:rabbitmq:0644',
      '/etc/rabbitmq/definitions.json:rabbitmq:rabbitmq:0600',
      '/var/lib/rabbitmq/.erlang.cookie:rabbitmq:rabbitmq:0400',
    ]);
    expect(
      nodes.mq1!.binds!.filter((b) => b.includes('/etc/rabbitmq/') && !b.includes('rewritable')),
    ).toEqual([]);
    expect(nodes.worker1!.env.FABRIC_DAEMONS).toBe('snmpd,amqp-worker');
  });

  it('GIVEN idc-a THEN one node per device, one link per cable with its MTU, binds to the rendered files', () => {
    const { site, topology, topologyPath } = exported(false);
    expect(Object.keys(topology.topology.nodes).sort()).toEqual(site.devices.map((d) => d.name).sort());
    expect(topology.topology.links).toHaveLength(site.cables.length);
    expect(topology.topology.links).toContainEqual({ endpoints: ['leaf1a:eth1', 'spine1:eth11'], mtu: 9000 });
    const leaf = topology.topology.nodes.leaf1a;
    expect(leaf['mgmt-ipv4']).toBe('198.18.1.11');
    expect(leaf.env.FABRIC_DAEMONS).toBe('snmpd,frr');
    expect(leaf.binds).toEqual([
      '../out/idc-a/leaf1a/sysctl.conf:/etc/sysctl.d/90-fabric.conf:ro',
      '../out/idc-a/leaf1a/frr.conf:/etc/frr/frr.conf:ro',
      '../out/idc-a/leaf1a/daemons:/etc/frr/daemons:ro',
      '../out/idc-a/leaf1a/snmpd.conf:/etc/snmp/snmpd.conf:ro',
    ]);
    for (const [, node] of Object.entries<{ binds?: string[] }>(topology.topology.nodes))
      for (const b of node.binds ?? []) expect(b.startsWith('../out/idc-a/'), b).toBe(true);
    expect(resolve(dirname(topologyPath), leaf.binds[1].split(':')[0])).toBe(
      join(REPO, 'out', 'idc-a', 'leaf1a', 'frr.conf'),
    );
    expect(topology.topology.nodes.app1.exec).toEqual([
      'ip addr add 10.20.2.21/24 dev eth1',
      'ip addr add 2001:db8:20:2::21/64 dev eth1',
      'ip link set eth1 up',
      'ip route replace default via 10.20.2.1',
      'ip -6 route replace default via 2001:db8:20:2::1',
    ]);
    expect(topology.topology.nodes.app1.env).toEqual({ FABRIC_DAEMONS: 'http', FABRIC_HTTP_PORTS: '8080' });
    expect(topology.topology.nodes.hv1.exec).toContain('sh /etc/fabric/ovs.sh');
    // the kernel settings from the node's own sysctl.conf (src/daemons/sysctl/)
    expect(leaf.exec).toContain('sysctl -q -p /etc/sysctl.d/90-fabric.conf');
  });

  it('GIVEN the export THEN it holds nothing containerlab would expand (Go templates, $VARIABLES)', () => {
    const { text } = exported(false);
    expect(text).not.toContain('{{');
    expect(text).not.toContain('$');
  });

  it('GIVEN --empty THEN managed devices get no configs and no OVS: push will do it; the simulated ISPs keep theirs', () => {
    const { topology } = exported(true);
    const upstreams = ['isp1', 'isp2'];
    for (const [name, node] of Object.entries<{ binds?: string[]; exec?: string[] }>(
      topology.topology.nodes,
    )) {
      if (upstreams.includes(name)) {
        expect(node.binds, name).toContain(`../out/idc-a/${name}/frr.conf:/etc/frr/frr.conf:ro`);
        expect(node.exec, name).toContain('sysctl -q -p /etc/sysctl.d/90-fabric.conf');
        continue;
      }
      expect(node.binds, name).toBeUndefined();
      expect(node.exec ?? []).not.toContain('sh /etc/fabric/ovs.sh');
      expect(node.exec ?? [], name).not.toContain('sysctl -q -p /etc/sysctl.d/90-fabric.conf');
    }
    expect(topology.topology.nodes.app1.exec).toContain('ip addr add 10.20.2.21/24 dev eth1');
  });

  it('GIVEN the dual-stack fixture THEN a VM gets its IPv6 addresses and IPv6 default route beside the IPv4 ones, an IPv6-only VM only those, and the real servers of an IPv6 VIP route back through the L4 pair', () => {
    const { topology } = exported(false, DUAL_STACK, 'idc-ds');
    const nodes = topology.topology.nodes;
    expect(nodes.app1.exec).toEqual([
      'ip addr add 10.20.2.21/24 dev eth1',
      'ip addr add 2001:db8:20:2::21/64 dev eth1',
      'ip link set eth1 up',
      'ip route replace default via 10.20.2.1',
      'ip -6 route replace default via 2001:db8:20:2::1',
    ]);
    expect(nodes.db1.exec).toEqual([
      'ip addr add 2001:db8:100:40::75/64 dev eth1',
      'ip link set eth1 up',
      'ip -6 route replace default via 2001:db8:100:40::1',
    ]);
    // IPVS NAT: the replies of the IPv6 VIP go back through the L4 pair's IPv6 gateway
    expect(nodes.web1.exec).toContain('ip -6 route replace default via 2001:db8:20:1::1');
    expect(nodes.lb1.exec).toContain('ip addr add 2001:db8:100:10::11/64 dev eth1');
    // routers get theirs from FRR
    expect(nodes.vr1.exec.join('\n')).not.toContain('2001:db8');
  });

  it('GIVEN the dual-stack fixture THEN each managed device has its pools.mgmt6 address as mgmt-ipv6 (snmpd listens there), on ipv6-subnet, and containerlab’s schema accepts it', () => {
    const { topology } = exported(false, DUAL_STACK, 'idc-ds');
    expect(topology.mgmt['ipv6-subnet']).toBe('2001:db8:18:1::/64');
    expect(topology.mgmt['ipv6-gw']).toBeUndefined();
    expect(topology.topology.nodes.leaf1a['mgmt-ipv6']).toBe('2001:db8:18:1::b');
    expect(topology.topology.nodes.isp1['mgmt-ipv6']).toBeUndefined(); // the simulated upstreams: IPv4 only
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(CLAB_SCHEMA, 'utf8')));
    expect(validate(topology), JSON.stringify(validate.errors, null, 1)).toBe(true);
  });

  it('GIVEN idc-a (no pools.mgmt6) THEN its management network stays IPv4 only', () => {
    const { topology } = exported(false);
    expect(JSON.stringify(topology)).not.toMatch(/ipv6/);
  });

  it('GIVEN an L4 member that runs FRR for anycast (active-active fixture) THEN its OS still gets its NICs’ addresses and its default route: FRR only announces the VIP', () => {
    const { topology } = exported(
      false,
      join(REPO, 'test', 'fixtures', 'active-active', 'inventory'),
      'aa-a',
    );
    const nodes = topology.topology.nodes as Record<string, { env: Record<string, string>; exec?: string[] }>;
    expect(nodes.lb1!.env.FABRIC_DAEMONS).toContain('frr');
    expect(nodes.lb1!.exec).toEqual(
      expect.arrayContaining([
        'ip addr add 203.0.113.11/27 dev eth1',
        'ip link set eth1 up',
        'ip route replace default via 203.0.113.1',
      ]),
    );
    expect(nodes.lb1!.exec).not.toContain(`bash -c 'ip route del default dev eth0 2>/dev/null || true'`);
    // a router's addresses stay FRR's
    expect(nodes.vr1!.exec).toContain(`bash -c 'ip route del default dev eth0 2>/dev/null || true'`);
    expect(nodes.vr1!.exec!.some((c) => c.startsWith('ip addr add'))).toBe(false);
  });
});
