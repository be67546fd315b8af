import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runsPostgres, runsProxy } from '../../src/model/runs.js';
import { runPipeline } from '../../src/pipeline.js';
import { REPO } from '../support/cli.js';
import { inventoryWith } from '../support/tmp.js';

const FIXTURE = join(REPO, 'test', 'fixtures', 'data-pg', 'inventory');

/** The fixture with one of its files edited. */
const fixtureWith = (file: string, edit: (text: string) => string) => inventoryWith(FIXTURE, file, edit);
const codes = (inventory: string, ...wanted: string[]) =>
  runPipeline(inventory).findings.filter((f) => wanted.includes(f.code));

describe('the data-pg fixture compiled', () => {
  const r = runPipeline(FIXTURE);
  const site = r.model!.sites[0]!;
  const pg = (name: string) => {
    const d = site.devices.find((x) => x.name === name)!;
    if (!runsPostgres(d)) throw new Error(`${name} runs no PostgreSQL`);
    return d.postgres;
  };

  it('GIVEN pg1..pg3 THEN each runs etcd, patroni and pgbouncer, one etcd cluster of the three on the data segment', () => {
    for (const name of ['pg1', 'pg2', 'pg3'])
      expect(site.devices.find((d) => d.name === name)!.daemons).toEqual(
        expect.arrayContaining(['etcd', 'patroni', 'pgbouncer']),
      );
    expect(pg('pg2').etcd.initialCluster).toEqual([
      { name: 'pg1', address: '10.20.3.41' },
      { name: 'pg2', address: '10.20.3.42' },
      { name: 'pg3', address: '10.20.3.43' },
    ]);
    expect(pg('pg2').patroni.etcdHosts).toEqual(['10.20.3.41:2379', '10.20.3.42:2379', '10.20.3.43:2379']);
    expect(pg('pg2').etcd.clusterToken).toBe('shop-db');
  });

  it('GIVEN the default timers THEN Patroni gets ttl 20, loop_wait 1, retry_timeout 3, master_start_timeout 0 and pg_rewind; PgBouncer listens on the service port in front of the local PostgreSQL', () => {
    const { dcs, users, pgHba } = pg('pg1').patroni;
    expect([dcs.ttlS, dcs.loopWaitS, dcs.retryTimeoutS, dcs.masterStartTimeoutS, dcs.usePgRewind]).toEqual([
      20,
      1,
      3,
      0,
      true,
    ]);
    expect(dcs.loopWaitS + 2 * dcs.retryTimeoutS).toBeLessThanOrEqual(dcs.ttlS);
    expect(users.map((u) => u.name)).toEqual(['db']);
    expect(pgHba).not.toContainEqual(expect.stringContaining('trust'));
    const b = pg('pg3').pgbouncer;
    expect([b.address, b.port, b.server.address, b.server.port, b.serverLoginRetryS]).toEqual([
      '10.20.3.43',
      6432,
      '10.20.3.43',
      5432,
      1,
    ]);
  });

  it('GIVEN pg1 as the inventory’s primary THEN only its config.yml has the bootstrap section (Patroni initializes only there): pg2 and pg3 wait for pg1’s cluster and clone it', () => {
    expect(
      ['pg1', 'pg2', 'pg3'].map((m) => [m, pg(m).patroni.bootstraps, pg(m).patroni.initializer]),
    ).toEqual([
      ['pg1', true, 'pg1'],
      ['pg2', false, 'pg1'],
      ['pg3', false, 'pg1'],
    ]);
  });

  it('GIVEN web1 THEN the primary backend connects to PgBouncer then asks Patroni /primary, the read backend /replica, with tracked backups and shutdown-sessions', () => {
    const web1 = site.devices.find((d) => d.name === 'web1')!;
    if (!runsProxy(web1)) throw new Error('web1 runs no HAProxy');
    const [primary, replicas] = web1.haproxy.tcpBackends;
    expect(primary!.name).toBe('db_primary');
    expect(primary!.tcpCheck).toEqual([
      { verb: 'connect', text: 'default' },
      { verb: 'connect', text: 'port 8008' },
      { verb: 'send', text: 'GET\\ /primary\\ HTTP/1.0\\r\\n\\r\\n' },
      { verb: 'expect rstring', text: '^HTTP/1\\.[01]\\ 200' },
    ]);
    expect(replicas!.tcpCheck[2]).toEqual({ verb: 'send', text: 'GET\\ /replica\\ HTTP/1.0\\r\\n\\r\\n' });
    expect(primary!.servers.map((s) => `${s.address}:${s.port}`)).toEqual([
      '10.20.3.41:6432',
      '10.20.3.42:6432',
      '10.20.3.43:6432',
    ]);
    expect(replicas!.servers.filter((s) => s.backup).map((s) => s.track)).toEqual([
      'db_primary/pg1',
      'db_primary/pg2',
      'db_primary/pg3',
    ]);
    expect(primary!.serverCheck.shutdownSessionsOnDown).toBe(true);
  });

  it('GIVEN web1 THEN both PostgreSQL backends wait 1000 ms for Patroni’s answer (its REST API took up to 406 ms in the lab), while the site’s 200 ms stays the data defaults’', () => {
    const web1 = site.devices.find((d) => d.name === 'web1')!;
    if (!runsProxy(web1)) throw new Error('web1 runs no HAProxy');
    expect(web1.haproxy.tcpBackends.map((b) => [b.name, b.checkTimeoutMs])).toEqual([
      ['db_primary', 1000],
      ['db_replicas', 1000],
    ]);
    // the rendered `timeout check 1000ms` of each backend: test/golden/data-pg/web1/haproxy.cfg
    expect(web1.haproxy.tcpDefaults!.timeouts.check).toBe(200);
  });

  it('GIVEN the rendered timers THEN the data-write prediction is loop_wait + Patroni’s reaction + HAProxy’s follow = 1000 + 2000 + 300 ms, within 5000', () => {
    const b = site.budgets.find((x) => x.kind === 'data-write' && x.subject === 'shop/db')!;
    expect([b.expectedOutageMs, b.budgetMs, b.met]).toEqual([3300, 5000, true]);
    expect(b.timers).toMatchObject({
      loopWaitMs: 1000,
      patroniReactionMs: 2000,
      interMs: 200,
      fastinterMs: 100,
    });
  });

  it('GIVEN the default budget THEN the node loss (ttl 20 s) is the warning patroni-node-loss-over-budget at the service, and nothing else about the data tier', () => {
    const found = r.findings.filter((f) => /patroni|etcd|postgres|budget-exceeded/.test(f.code));
    expect(found.map((f) => [f.code, f.severity, f.path])).toEqual([
      ['patroni-node-loss-over-budget', 'warning', ['tenants', 'shop', 'data', 'db']],
    ]);
    expect(found[0]!.message).toMatch(
      /up to 22300 ms \(ttl 20 s .*over its budget of 5000 ms; a PostgreSQL crash alone costs 3300 ms/,
    );
  });
});

describe('the PostgreSQL findings', () => {
  const TENANTS = 'data-pg-tenants.yaml';

  it('GIVEN the service’s budget 22300 ms THEN the node loss is accepted: no warning', () => {
    const inv = fixtureWith(TENANTS, (t) =>
      t.replace(
        '        members:\n          - { device: pg1',
        '        budget: 22300\n        members:\n          - { device: pg1',
      ),
    );
    expect(codes(inv, 'patroni-node-loss-over-budget')).toEqual([]);
  });

  it('GIVEN no auth THEN postgres-without-auth, an error at the service (not the Redis warning)', () => {
    const inv = fixtureWith(TENANTS, (t) => t.replace(/^ {8}auth: \{ secret: shop-orders-db \}.*\n/m, ''));
    expect(
      codes(inv, 'postgres-without-auth', 'data-without-auth').map((f) => [f.code, f.severity, f.path]),
    ).toEqual([['postgres-without-auth', 'error', ['tenants', 'shop', 'data', 'db']]]);
  });

  it('GIVEN pg3 on pg1’s hypervisor THEN etcd-quorum-at-risk: losing hv1 leaves 1 of 3 etcds, an error', () => {
    const inv = fixtureWith(TENANTS, (t) =>
      t.replace('pg3: { role: vm, id: 80, host: hv2,', 'pg3: { role: vm, id: 80, host: hv1,'),
    );
    const found = codes(inv, 'etcd-quorum-at-risk');
    expect(found.map((f) => [f.severity, f.path])).toEqual([
      ['error', ['tenants', 'shop', 'data', 'db', 'members']],
    ]);
    expect(found[0]!.message).toMatch(/^losing hv1 leaves 1 of the 3 etcds of db/);
  });

  it('GIVEN pg3 on lbnet (a segment of the HAProxy pair, not pg1’s and pg2’s) THEN data-member-off-segment at pg3’s NIC, the only error: pg_hba and etcd would leave it out', () => {
    const inv = fixtureWith(TENANTS, (t) =>
      t.replace(
        'pg3: { role: vm, id: 80, host: hv2, tenant: shop, nics: { eth1: { segment: data, address: 10.20.3.43 } } }',
        'pg3: { role: vm, id: 80, host: hv2, tenant: shop, nics: { eth1: { segment: lbnet, address: 10.20.1.43, address6: 2001:db8:20:1::43 } } }',
      ),
    );
    const errors = runPipeline(inv).findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.code, f.path])).toEqual([
      ['data-member-off-segment', ['devices', 'pg3', 'nics', 'eth1', 'segment']],
    ]);
    expect(errors[0]!.message).toMatch(
      /^pg3 of data service db is on segment lbnet .* the other members \(pg1, pg2\) on data: .*pg_hba admits that segment's subnet only; put pg3's eth1 on data with an address in 10\.20\.3\.0\/24$/,
    );
  });

  it('GIVEN retry_timeout 10 with ttl 20 THEN patroni-timers-invalid at defaults.patroni (1 + 2 × 10 > 20)', () => {
    const inv = fixtureWith('data-pg.yaml', (t) =>
      t.replace('defaults:\n', 'defaults:\n  patroni: { retry_timeout: 10 }\n'),
    );
    const found = codes(inv, 'patroni-timers-invalid');
    expect(found.map((f) => [f.severity, f.path])).toEqual([['error', ['defaults', 'patroni']]]);
    expect(found[0]!.message).toMatch(/1 \+ 2 × 10 > 20 s; raise defaults.patroni.ttl to 21/);
  });

  it('GIVEN loop_wait 5 THEN the crash prediction 5000 + 2000 + 300 misses the 5 s budget: budget-exceeded, naming Patroni’s loop_wait', () => {
    const inv = fixtureWith('data-pg.yaml', (t) =>
      t.replace('defaults:\n', 'defaults:\n  patroni: { loop_wait: 5 }\n'),
    );
    const found = codes(inv, 'budget-exceeded').filter((f) => f.message.startsWith('shop/db'));
    expect(found.map((f) => [f.severity, f.message])).toEqual([
      [
        'error',
        expect.stringMatching(
          /^shop\/db \(data-write\): a failure costs up to 7300 ms .*lower defaults.patroni.loop_wait/,
        ),
      ],
    ]);
  });

  it('GIVEN ttl 19 THEN the schema refuses it (Patroni’s minimum is 20)', () => {
    const inv = fixtureWith('data-pg.yaml', (t) =>
      t.replace('defaults:\n', 'defaults:\n  patroni: { ttl: 19 }\n'),
    );
    const r = runPipeline(inv);
    expect(r.model).toBeUndefined();
    expect(r.inputErrors.map((d) => d.message).join('\n')).toMatch(/ttl/);
  });
});
