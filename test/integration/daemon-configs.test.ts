/**
 * The rendered configs are accepted by the real daemons of Debian 12:
 * - every frr.conf by FRR 8.4's own parser (`vtysh -C -f`);
 * - every keepalived.conf by `keepalived -t -f`, in a namespace that has the device's interfaces
 *   (keepalived checks that they exist);
 * - every haproxy.cfg by `haproxy -c -f`, with the device's certificates at their real path in a
 *   private mount namespace (haproxy opens them);
 * - every ovs.sh by a real ovsdb-server and ovs-vswitchd: applied twice it changes nothing, and
 *   re-rendered for a smaller fabric it removes what is no longer described.
 * Each check is also shown to fail on a broken file, so a pass means something.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Device } from '../../src/model/types.js';
import { anycastFixture } from '../support/anycast-fixture.js';
import { REPO } from '../support/cli.js';
import { dualStackVrrp2WithAuth } from '../support/dual-stack.js';
import { ipv4OnlyExample } from '../support/ipv4-only.js';
import { TestNetns } from '../support/netns.js';
import { renderExample } from '../support/render.js';
import { DAEMON_PACKAGES, ensureInstalled, haproxyCheck, requireRoot, run } from '../support/system.js';
import { exampleCopy, tempDir } from '../support/tmp.js';

const netns = new TestNetns('dc');
const outDir = tempDir();
let sites: ReturnType<typeof renderExample>;

function writeRendered(dir: string, rendered: ReturnType<typeof renderExample>): void {
  for (const { rendered: r } of rendered)
    for (const f of r.files) {
      const path = join(dir, r.site, f.device, f.file);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, f.content);
    }
}

beforeAll(() => {
  requireRoot();
  ensureInstalled(DAEMON_PACKAGES);
  // the reference sites, idc-a made dual-stack (issue 14: IPv6 loopbacks, families, VIPs), and
  // the Kubernetes fixture (issue 13: the leaves' peer group per cluster), and the active-active
  // fixture with its service on one address (issue 11: the L4 members' FRR and anycast keepalived,
  // the vRouters' L4-ANYCAST group and advertise-map, the edges' aggregate of the service prefix),
  // and the data fixtures (issue 12: the HAProxy pair's keepalived holding the data VIPs, and the
  // TCP frontends binding them)
  sites = [
    ...renderExample(),
    ...renderExample(join(REPO, 'test', 'fixtures', 'dual-stack', 'inventory')),
    ...renderExample(join(REPO, 'test', 'fixtures', 'k8s', 'inventory')),
    ...renderExample(anycastFixture()),
    ...['data-tier', 'data-pg', 'data-mq'].flatMap((f) =>
      renderExample(join(REPO, 'test', 'fixtures', f, 'inventory')),
    ),
  ];
  writeRendered(outDir, sites);
});

afterAll(() => netns.cleanup());

function filesOf(name: string) {
  return sites.flatMap(({ rendered }) =>
    rendered.files.filter((f) => f.file === name).map((f) => ({ ...f, site: rendered.site })),
  );
}

describe('FRR: vtysh -C -f', () => {
  it('GIVEN every rendered frr.conf THEN FRR parses it without error', () => {
    const files = filesOf('frr.conf');
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const r = run('vtysh', ['-C', '-f', join(outDir, f.site, f.device, f.file)]);
      expect(r.code, `${f.site}/${f.device}: ${r.out}`).toBe(0);
    }
  });

  it('GIVEN a frr.conf with a bad line THEN the check fails and names the line', () => {
    const f = filesOf('frr.conf')[0]!;
    const bad = join(outDir, 'bad-frr.conf');
    writeFileSync(bad, `${f.content}router bgp 65000\n neighbor eth1 remote-as not-a-number\n`);
    const r = run('vtysh', ['-C', '-f', bad]);
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/line \d+/);
  });
});

describe('keepalived: keepalived -t -f', () => {
  let ns: string;
  beforeAll(() => {
    ns = netns.add('ka');
  });

  function interfacesOf(site: string, device: string): string[] {
    const d = sites.find((s) => s.site.name === site)!.site.devices.find((x) => x.name === device)! as Device;
    return d.interfaces.filter((i) => i.kind !== 'loopback').map((i) => i.name);
  }

  function check(file: string, interfaces: string[]): { code: number; out: string } {
    for (const i of interfaces)
      netns.exec(ns, ['ip', 'link', 'add', i, 'type', 'veth', 'peer', 'name', `p${i}`]);
    const r = netns.exec(ns, ['keepalived', '-t', '-f', file]);
    for (const i of interfaces) netns.exec(ns, ['ip', 'link', 'del', i]);
    return r;
  }

  it('GIVEN every rendered keepalived.conf and a box with the device interfaces THEN keepalived accepts it', () => {
    const files = filesOf('keepalived.conf');
    // idc-a, idc-b, idc-ds (idc-a made dual-stack), aa-a and aa-b (the active-active fixture,
    // anycast L4 members) have the vRouters and the L4 pair; the data sites (data-a, data-pg,
    // data-mq) their HAProxy pair too, holding the data VIPs
    expect(files.map((f) => `${f.site}/${f.device}`).sort()).toEqual(
      [
        ...['aa-a', 'aa-b', 'idc-a', 'idc-b', 'idc-ds'].flatMap((site) =>
          ['lb1', 'lb2', 'vr1', 'vr2'].map((d) => `${site}/${d}`),
        ),
        ...['data-a', 'data-mq', 'data-pg'].flatMap((site) =>
          ['lb1', 'lb2', 'vr1', 'vr2', 'web1', 'web2'].map((d) => `${site}/${d}`),
        ),
      ].sort(),
    );
    for (const f of files) {
      const r = check(join(outDir, f.site, f.device, f.file), interfacesOf(f.site, f.device));
      expect(r.code, `${f.device}: ${r.out}`).toBe(0);
    }
  });

  it('GIVEN a tenant whose vRouters serve one gateway and whose L4 service has one port THEN keepalived accepts every keepalived.conf', () => {
    // keepalived refuses a vrrp_sync_group of one instance ("has only 1 virtual router(s)"): the
    // IPv4-only site, where one gateway is one instance; the one port is 80, the plain HTTP one the
    // GSLB servers check (443 alone would leave idc-a always down to them: bad-check-port)
    const { inventory } = ipv4OnlyExample();
    const tenants = join(inventory, 'idc-a-tenants.yaml');
    const text = readFileSync(tenants, 'utf8');
    const oneGateway = text
      .replace(/ {8}app: \{ vrid: 13, address: 10\.20\.2\.1 \}\n/, '')
      .replace('ports: [80, 443]', 'ports: [80]');
    expect(oneGateway).not.toBe(text);
    writeFileSync(tenants, oneGateway);
    const dir = tempDir();
    const variant = renderExample(inventory);
    writeRendered(dir, variant);
    const files = variant.flatMap(({ rendered }) =>
      rendered.files.filter((f) => f.file === 'keepalived.conf').map((f) => ({ ...f, site: rendered.site })),
    );
    const vr1 = files.find((f) => f.device === 'vr1')!;
    expect(vr1.content.match(/vrrp_instance /g)).toHaveLength(1);
    for (const f of files) {
      const device = variant
        .find((s) => s.site.name === f.site)!
        .site.devices.find((x) => x.name === f.device)!;
      const interfaces = (device as Device).interfaces
        .filter((i) => i.kind !== 'loopback')
        .map((i) => i.name);
      const r = check(join(dir, f.site, f.device, f.file), interfaces);
      expect(r.code, `${f.device}: ${r.out}`).toBe(0);
    }
  });

  it('GIVEN the dual-stack site with VRRPv2 and a password THEN keepalived accepts its vRouters, whose IPv6 instances have none', () => {
    // keepalived -t refuses `authentication` in an IPv6 instance (exit 5: IPv6 is VRRPv3 only)
    const variant = renderExample(dualStackVrrp2WithAuth());
    const dir = tempDir();
    writeRendered(dir, variant);
    for (const name of ['vr1', 'vr2']) {
      const f = variant[0]!.rendered.files.find((x) => x.device === name && x.file === 'keepalived.conf')!;
      expect(f.content).toContain('vrrp_version 2');
      expect(f.content).toContain('vrrp_instance shop_gw_public_v6 {');
      expect(f.content.match(/auth_type PASS/g)).toHaveLength(2); // the two IPv4 instances only
      const device = variant[0]!.site.devices.find((x) => x.name === name)! as Device;
      const interfaces = device.interfaces.filter((i) => i.kind !== 'loopback').map((i) => i.name);
      const r = check(join(dir, variant[0]!.rendered.site, name, f.file), interfaces);
      expect(r.code, `${name}: ${r.out}`).toBe(0);
    }
  });

  it('GIVEN a keepalived.conf with a broken instance THEN the check fails', () => {
    const f = filesOf('keepalived.conf')[0]!;
    const bad = join(outDir, 'bad-keepalived.conf');
    writeFileSync(bad, f.content.replace(/virtual_router_id \d+/, 'virtual_router_id 300'));
    expect(check(bad, interfacesOf(f.site, f.device)).code).not.toBe(0);
  });
});

describe('HAProxy: haproxy -c -f', () => {
  it('GIVEN every rendered haproxy.cfg with its certificates THEN haproxy accepts it', () => {
    const files = filesOf('haproxy.cfg');
    expect(files.map((f) => `${f.site}/${f.device}`).sort()).toEqual([
      'aa-a/web1',
      'aa-a/web2',
      'aa-b/web1',
      'aa-b/web2',
      'data-a/web1',
      'data-a/web2',
      'data-mq/web1',
      'data-mq/web2',
      'data-pg/web1',
      'data-pg/web2',
      'idc-a/web1',
      'idc-a/web2',
      'idc-b/web1',
      'idc-b/web2',
      'idc-ds/web1',
      'idc-ds/web2',
    ]);
    for (const f of files) {
      const dir = join(outDir, f.site, f.device);
      const r = haproxyCheck(join(dir, f.file), join(dir, 'certs'));
      expect(r.code, `${f.device}: ${r.out}`).toBe(0);
      expect(r.out).toContain('Configuration file is valid');
    }
  });

  it('GIVEN a haproxy.cfg routing to a backend that does not exist THEN the check fails', () => {
    const f = filesOf('haproxy.cfg')[0]!;
    const bad = join(outDir, 'bad-haproxy.cfg');
    writeFileSync(bad, f.content.replace('default_backend web', 'default_backend nowhere'));
    expect(haproxyCheck(bad, join(outDir, f.site, f.device, 'certs')).code).not.toBe(0);
  });
});

describe('HAProxy: a reload takes over the rendered listening sockets', () => {
  // web1's rendered plain-HTTP binds (IPv4 and IPv6) in a minimal config, on their own addresses
  // in a namespace, reloaded the way push does it (-x: the old process hands its sockets over)
  function binds(strip = false): string[] {
    const f = filesOf('haproxy.cfg').find((x) => x.site === 'idc-a' && x.device === 'web1')!;
    const lines = f.content.split('\n').filter((l) => /^ {2}bind .*:80 /.test(l));
    return strip ? lines.map((l) => l.replace(' v6only', '')) : lines;
  }

  function listenerInodes(ns: string): string[] {
    const out = netns.exec(ns, ['ss', '-ltneH', 'sport', '= :80']).out;
    // ss's own warnings ("Failed to find cgroup2 mount") share the output: listeners only
    return out
      .split('\n')
      .filter((l) => l.includes(' ino:'))
      .map((l) => `${l.split(/\s+/)[3]} ${/ino:(\d+)/.exec(l)?.[1]}`);
  }

  function startAndReload(tag: string, lines: string[]): { before: string[]; after: string[] } {
    const ns = netns.add(tag);
    expect(run('ip', ['-n', ns, 'addr', 'add', '10.20.1.11/32', 'dev', 'lo']).code).toBe(0);
    expect(run('ip', ['-n', ns, 'addr', 'add', '2001:db8:20:1::11/128', 'dev', 'lo', 'nodad']).code).toBe(0);
    const dir = tempDir('fabric-hx-');
    const pid = join(dir, 'haproxy.pid');
    const sock = join(dir, 'admin.sock');
    const cfg = join(dir, 'haproxy.cfg');
    writeFileSync(
      cfg,
      [
        'global',
        `  stats socket ${sock} mode 600 level admin expose-fd listeners`,
        'defaults',
        '  mode http',
        '  timeout connect 1s',
        '  timeout client 5s',
        '  timeout server 5s',
        'frontend www',
        ...lines,
        '  http-request return status 200',
        '',
      ].join('\n'),
    );
    netns.ownsPidFile(pid);
    expect(netns.exec(ns, ['haproxy', '-f', cfg, '-D', '-p', pid]).code).toBe(0);
    const before = listenerInodes(ns);
    const old = readFileSync(pid, 'utf8').trim();
    const r = netns.exec(ns, ['haproxy', '-f', cfg, '-D', '-p', pid, '-x', sock, '-sf', old]);
    expect(r.code, r.out).toBe(0);
    return { before, after: listenerInodes(ns) };
  }

  it('GIVEN the rendered binds (IPv6 ones `v6only`) WHEN haproxy reloads with -x THEN both families keep their socket', () => {
    expect(binds().some((l) => l.includes('[2001:db8:20:1::11]:80 transparent v6only'))).toBe(true);
    const { before, after } = startAndReload('hx', binds());
    expect(before, before.join('; ')).toHaveLength(2);
    expect(after).toEqual(before);
  });

  it('GIVEN the IPv6 bind without v6only THEN HAProxy 2.6 binds a new IPv6 socket on the reload (what v6only prevents)', () => {
    const { before, after } = startAndReload('hy', binds(true));
    expect(before, before.join('; ')).toHaveLength(2);
    expect(after.filter((l) => l.startsWith('10.'))).toEqual(before.filter((l) => l.startsWith('10.')));
    expect(after.find((l) => l.startsWith('['))).not.toEqual(before.find((l) => l.startsWith('[')));
  });
});

describe('OVS: ovs.sh against a real ovsdb-server and ovs-vswitchd', () => {
  let ns: string;
  let rundir: string;
  const env = () => ({ OVS_RUNDIR: rundir, OVS_LOGDIR: rundir, OVS_DBDIR: rundir });

  beforeAll(() => {
    ns = netns.add('ovs');
    rundir = tempDir('fabric-ovs-');
    const db = join(rundir, 'conf.db');
    expect(run('ovsdb-tool', ['create', db, '/usr/share/openvswitch/vswitch.ovsschema']).code).toBe(0);
    netns.ownsPidFile(join(rundir, 'ovsdb-server.pid'));
    netns.ownsPidFile(join(rundir, 'ovs-vswitchd.pid'));
    const server = netns.exec(
      ns,
      [
        'ovsdb-server',
        db,
        `--remote=punix:${rundir}/db.sock`,
        `--pidfile=${rundir}/ovsdb-server.pid`,
        `--unixctl=${rundir}/ovsdb-server.ctl`,
        `--log-file=${rundir}/ovsdb-server.log`,
        '--detach',
        '-vconsole:off',
      ],
      env(),
    );
    expect(server.code, server.out).toBe(0);
    expect(netns.exec(ns, ['ovs-vsctl', '--no-wait', 'init'], env()).code).toBe(0);
    const vswitchd = netns.exec(
      ns,
      [
        'ovs-vswitchd',
        `unix:${rundir}/db.sock`,
        `--pidfile=${rundir}/ovs-vswitchd.pid`,
        `--unixctl=${rundir}/ovs-vswitchd.ctl`,
        `--log-file=${rundir}/ovs-vswitchd.log`,
        '--detach',
        '-vconsole:off',
      ],
      env(),
    );
    expect(vswitchd.code, vswitchd.out).toBe(0);
  });

  /** The configuration OVS and the kernel hold, without counters, UUIDs and other volatile columns. */
  function state(): string {
    const db = netns.exec(
      ns,
      ['ovsdb-client', 'dump', `unix:${rundir}/db.sock`, 'Open_vSwitch', 'Bridge', 'Port', 'Interface'],
      env(),
    ).out;
    const links = netns.exec(ns, ['ip', '-d', 'link', 'show']).out;
    const fdb = netns.exec(ns, ['bridge', 'fdb', 'show']).out;
    return [db, links, fdb]
      .join('\n')
      .split('\n')
      .filter(
        (l) =>
          !/statistics|next_cfg|cur_cfg|link_resets|link_state|ifindex|ofport|duplex|link_speed|mac_in_use/.test(
            l,
          ),
      )
      .join('\n')
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'UUID');
  }

  function apply(script: string): { code: number; out: string } {
    const path = join(rundir, 'ovs.sh');
    writeFileSync(path, script);
    return netns.exec(ns, ['sh', path], env());
  }

  it('GIVEN hv1 WHEN its ovs.sh is applied twice THEN the second run changes nothing', () => {
    const script = readFileSync(join(outDir, 'idc-a', 'hv1', 'ovs.sh'), 'utf8');
    expect(apply(script).code).toBe(0);
    const first = state();
    expect(apply(script).code).toBe(0);
    expect(state()).toBe(first);

    const ports = netns
      .exec(ns, ['ovs-vsctl', 'list-ports', 'br-int'], env())
      .out.split('\n')
      .filter(Boolean)
      .sort();
    expect(ports).toEqual([
      'vm41-eth2',
      'vm41-eth3',
      'vm61-eth1',
      'vm61-eth2',
      'vm71-eth1',
      'vxlan10010',
      'vxlan10020',
      'vxlan10030',
    ]);
    expect(netns.exec(ns, ['ovs-vsctl', 'get', 'port', 'vxlan10030', 'tag'], env()).out.trim()).toBe('1843');
    const flood = netns.exec(ns, ['bridge', 'fdb', 'show', 'dev', 'vxlan10030']).out;
    expect(flood.match(/dst (\S+)/g)).toEqual(['dst 10.1.0.22', 'dst 10.1.0.23', 'dst 10.1.0.24']);
  });

  it('GIVEN hv1 applied WHEN re-rendered without hv4 and without app1 THEN the tunnel to hv4 and app1s port are removed', () => {
    const { inventory } = exampleCopy();
    const compute = join(inventory, 'idc-a-compute.yaml');
    writeFileSync(compute, readFileSync(compute, 'utf8').replace(/ {2}hv4:\n( {4}.*\n)+/, ''));
    const tenants = join(inventory, 'idc-a-tenants.yaml');
    writeFileSync(
      tenants,
      readFileSync(tenants, 'utf8')
        .replace(/ {2}app[14]: .*\n/g, '')
        .replace('dns1: { role: vm, id: 81, host: hv4', 'dns1: { role: vm, id: 81, host: hv3')
        .replace(/ {2}lb2:\n( {4}.*\n)+/, '')
        .replace(/ {8}- \{ device: lb2, priority: 100 \}\n/, '')
        .replace('servers: [app1, app2, app3, app4]', 'servers: [app2, app3]')
        .replace('servers: [app3, app4]', 'servers: [app3]'),
    );
    const smaller = renderExample(inventory).find((s) => s.site.name === 'idc-a')!;
    const script = smaller.rendered.files.find((f) => f.device === 'hv1' && f.file === 'ovs.sh')!.content;
    expect(apply(script).code).toBe(0);
    const ports = netns.exec(ns, ['ovs-vsctl', 'list-ports', 'br-int'], env()).out;
    expect(ports).not.toContain('vm71-eth1');
    const flood = netns.exec(ns, ['bridge', 'fdb', 'show', 'dev', 'vxlan10030']).out;
    expect(flood.match(/dst (\S+)/g)).toEqual(['dst 10.1.0.22', 'dst 10.1.0.23']);
  });
});

describe('systemd drop-ins: systemd-analyze verify with Debian’s own unit', () => {
  /** Each rendered drop-in beside the Debian unit it extends, verified; systemd's complaints. */
  function verify(unit: string, dropIn: string): string {
    const dir = tempDir('dropin-');
    writeFileSync(join(dir, `${unit}.service`), readFileSync(`/lib/systemd/system/${unit}.service`, 'utf8'));
    mkdirSync(join(dir, `${unit}.service.d`));
    writeFileSync(join(dir, `${unit}.service.d`, 'fabric.conf'), dropIn);
    // systemd-analyze exits 0 on a line it ignores: what it says is the verdict
    const r = spawnSync('systemd-analyze', ['verify', join(dir, `${unit}.service`)], {
      encoding: 'utf8',
      env: { ...process.env, SYSTEMD_UNIT_PATH: `${dir}:` },
    });
    return `${r.stdout}${r.stderr}`.trim();
  }
  /** The unit a drop-in's folder extends, where they differ. */
  const UNIT: Record<string, string> = { rabbitmq: 'rabbitmq-server' };
  const dropIns = () =>
    [
      ...renderExample(join(REPO, 'test', 'fixtures', 'data-pg', 'inventory')),
      ...renderExample(anycastFixture()),
      ...renderExample(join(REPO, 'test', 'fixtures', 'data-mq', 'inventory')),
    ].flatMap(({ rendered }) =>
      rendered.files
        .filter((f) => /^(pgbouncer|gdnsd|keepalived|rabbitmq)\/restart\.conf$/.test(f.file))
        .map((f) => ({
          unit: UNIT[f.file.split('/')[0]!] ?? f.file.split('/')[0]!,
          device: f.device,
          content: f.content,
        })),
    );

  beforeAll(() =>
    ensureInstalled([
      { bin: 'systemd-analyze', pkg: 'systemd' },
      { pkg: 'pgbouncer' },
      { pkg: 'gdnsd' },
      { pkg: 'rabbitmq-server' },
    ]),
  );

  it('GIVEN every rendered drop-in (PgBouncer’s, gdnsd’s and RabbitMQ’s restart, keepalived’s clean-up) THEN systemd accepts every line', () => {
    const all = dropIns();
    expect(all.map((d) => d.unit).sort()).toEqual(
      expect.arrayContaining(['gdnsd', 'keepalived', 'pgbouncer', 'rabbitmq-server']),
    );
    for (const d of all) expect(verify(d.unit, d.content), `${d.device} ${d.unit}`).toBe('');
  });

  it('GIVEN a drop-in with a restart policy systemd does not know THEN the check says so', () => {
    expect(verify('pgbouncer', '[Service]\nRestart=sometimes\n')).toMatch(/Failed to parse/);
  });
});
