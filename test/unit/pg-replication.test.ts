/**
 * `pg-replication` (src/verify/checks/pg-replication.ts): each PostgreSQL member replicates
 * within bound, read from its own pg_stat_replication / pg_stat_wal_receiver. The outputs are
 * PostgreSQL 15's, as the data-pg lab printed them (2026-12-05).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ObservationRound } from '../../src/observe/runner.js';
import { specOf } from '../../src/verify/checks/index.js';
import {
  type PgReplication,
  parsePgReplication,
  replicationQuery,
} from '../../src/verify/checks/pg-replication.js';
import { deriveExpectations } from '../../src/verify/expectations.js';
import { REPO } from '../support/cli.js';
import { renderExample } from '../support/render.js';

const [dataPg] = renderExample(join(REPO, 'test', 'fixtures', 'data-pg', 'inventory'));
const site = dataPg!.site;
const checks = (down: string[] = []) =>
  deriveExpectations(site, { down: { devices: new Set(down), links: new Set() } }).filter(
    (e): e is PgReplication => e.kind === 'pg-replication',
  );

async function run(e: PgReplication, stdout: string, code = 0, stderr = '') {
  const round = new ObservationRound({
    run: async (_device, command) =>
      command === replicationQuery(e)
        ? { code, stdout, stderr }
        : { code: 1, stdout: '', stderr: `unexpected ${command}` },
  });
  return specOf(e)!.evaluate(e, round);
}

const PRIMARY = 'primary\nsends|pg1|streaming|0\nsends|pg3|streaming|0\n';
const REPLICA = 'replica\nreceives|streaming|10.20.3.42\n';

describe('pg-replication: every PostgreSQL member replicates within bound', () => {
  it('GIVEN data-pg THEN one check per member with the other members and maximum_lag_on_failover; a failed member leaves the others’ lists', () => {
    const list = checks();
    expect(list.map((e) => e.id)).toEqual(['pg-replication:pg1', 'pg-replication:pg2', 'pg-replication:pg3']);
    expect(list[1]).toMatchObject({
      service: 'shop/db',
      socketDir: '/var/run/postgresql',
      port: 5432,
      maxLagBytes: 1048576,
      peers: [
        { device: 'pg1', address: '10.20.3.41' },
        { device: 'pg3', address: '10.20.3.43' },
      ],
    });
    expect(checks(['hv1']).map((e) => [e.device, e.peers.map((p) => p.device)])).toEqual([
      ['pg2', ['pg3']],
      ['pg3', ['pg2']],
    ]);
    expect(replicationQuery(list[0]!)).toMatch(
      /^runuser -u postgres -- psql -h \/var\/run\/postgresql -p 5432 /,
    );
  });

  it('GIVEN PostgreSQL’s own output THEN the roles, the replicas and the WAL receiver are read', () => {
    expect(parsePgReplication(PRIMARY)).toEqual({
      role: 'primary',
      replicas: [
        { name: 'pg1', state: 'streaming', behindBytes: 0 },
        { name: 'pg3', state: 'streaming', behindBytes: 0 },
      ],
    });
    expect(parsePgReplication(REPLICA)).toEqual({
      role: 'replica',
      receiver: { status: 'streaming', sender: '10.20.3.42' },
    });
    expect(parsePgReplication('replica\n')).toEqual({ role: 'replica', receiver: null });
    expect(parsePgReplication('psql: error: connection to server failed')).toBeUndefined();
  });

  it('GIVEN each state THEN pass, or fail saying which member and why, critical for a split', async () => {
    const [pg1, pg2] = checks();
    expect(await run(pg2!, PRIMARY)).toEqual({
      ok: true,
      detail: 'primary; replicas pg1 0 B behind, pg3 0 B behind',
    });
    expect(await run(pg1!, REPLICA)).toEqual({ ok: true, detail: 'replica of pg2, streaming' });
    expect(await run(pg2!, 'primary\nsends|pg1|streaming|0\n')).toMatchObject({
      ok: false,
      detail: 'primary; pg3 not connected',
    });
    expect(await run(pg2!, 'primary\nsends|pg1|catchup|0\nsends|pg3|streaming|2097152\n')).toMatchObject({
      ok: false,
      detail: 'primary; pg1 catchup; pg3 2097152 B behind (bound 1048576 B)',
    });
    const split = await run(pg1!, 'replica\nreceives|streaming|10.20.3.99\n');
    expect(split).toMatchObject({ ok: false, code: 'primary' });
    expect(specOf(pg1!)!.severity(split.code)).toBe('critical');
    expect(await run(pg1!, 'replica\n')).toMatchObject({ ok: false, code: 'link' });
    expect(await run(pg1!, '', 2, 'psql: error: connection to server on socket failed\n')).toMatchObject({
      ok: false,
      code: 'down',
      detail: 'PostgreSQL on /var/run/postgresql:5432: psql: error: connection to server on socket failed',
    });
  });
});
