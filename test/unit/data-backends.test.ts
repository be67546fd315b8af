/**
 * `data-backends` (src/verify/checks/data-backends.ts): each HAProxy's write backend of a data
 * service holds exactly one member UP, its read backend the others; read from `show stat`.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAPROXY } from '../../src/observe/haproxy.js';
import { ObservationRound } from '../../src/observe/runner.js';
import type { DataBackends } from '../../src/verify/checks/data-backends.js';
import { specOf } from '../../src/verify/checks/index.js';
import { deriveExpectations } from '../../src/verify/expectations.js';
import { REPO } from '../support/cli.js';
import { renderExample } from '../support/render.js';

const sites = (fixture: string) =>
  renderExample(join(REPO, 'test', 'fixtures', fixture, 'inventory'))[0]!.site;
const checksOf = (site: ReturnType<typeof sites>, down: string[] = []) =>
  deriveExpectations(site, { down: { devices: new Set(down), links: new Set() } }).filter(
    (e): e is DataBackends => e.kind === 'data-backends',
  );

/** `show stat` with the columns the check reads, one row per `backend,server,status`. */
const stat = (...rows: string[]) =>
  `# pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,wretr,wredis,status\n${rows
    .map((r) => {
      const [b, s, st] = r.split(',');
      return `${b},${s},0,0,0,0,,0,0,0,,0,,0,0,0,0,${st}`;
    })
    .join('\n')}\n`;

async function run(e: DataBackends, stdout: string) {
  const round = new ObservationRound({
    run: async (_d, command) =>
      command === HAPROXY.stat(e.socket)
        ? { code: 0, stdout, stderr: '' }
        : { code: 1, stdout: '', stderr: `unexpected ${command}` },
  });
  return specOf(e)!.evaluate(e, round);
}

describe('data-backends: the write backend holds one primary, the read backend the others', () => {
  const pg = sites('data-pg');

  it('GIVEN data-pg and data-a THEN one check per HAProxy and data service, over the members that are up', () => {
    expect(checksOf(pg).map((e) => [e.id, e.primaryBackend, e.replicasBackend, e.members])).toEqual([
      ['data-backends:web1:db', 'db_primary', 'db_replicas', ['pg1', 'pg2', 'pg3']],
      ['data-backends:web2:db', 'db_primary', 'db_replicas', ['pg1', 'pg2', 'pg3']],
    ]);
    expect(checksOf(pg, ['hv1']).map((e) => [e.device, e.members])).toEqual([['web2', ['pg2', 'pg3']]]);
    expect(checksOf(sites('data-tier')).map((e) => e.id)).toEqual([
      'data-backends:web1:cache',
      'data-backends:web2:cache',
    ]);
  });

  it('GIVEN each state of the backends THEN pass, or fail saying what is wrong; no primary and two primaries are critical', async () => {
    const [web1] = checksOf(pg);
    const base = [
      'db_replicas,pg1_primary,DOWN',
      'db_replicas,pg2_primary,UP',
      'db_replicas,pg3_primary,DOWN',
    ];
    expect(
      await run(
        web1!,
        stat(
          'db_primary,pg1,DOWN',
          'db_primary,pg2,UP',
          'db_primary,pg3,DOWN',
          'db_replicas,pg1,UP',
          'db_replicas,pg2,DOWN',
          'db_replicas,pg3,UP',
          ...base,
        ),
      ),
    ).toEqual({ ok: true, detail: 'primary pg2; replicas pg1, pg3' });
    const none = await run(web1!, stat('db_primary,pg1,DOWN', 'db_primary,pg2,DOWN', 'db_primary,pg3,DOWN'));
    expect(none).toMatchObject({
      ok: false,
      code: 'no-primary',
      detail: 'db_primary: no member UP: the write VIP reaches no primary',
    });
    const split = await run(web1!, stat('db_primary,pg1,UP', 'db_primary,pg2,UP 2/3', 'db_primary,pg3,DOWN'));
    expect(split).toMatchObject({
      ok: false,
      code: 'split',
      detail: 'db_primary: pg1 and pg2 UP: two primaries take writes',
    });
    expect(specOf(web1!)!.severity(split.code)).toBe('critical');
    expect(
      await run(
        web1!,
        stat(
          'db_primary,pg1,DOWN',
          'db_primary,pg2,UP',
          'db_primary,pg3,DOWN',
          'db_replicas,pg1,UP',
          'db_replicas,pg2,UP',
          'db_replicas,pg3,DOWN',
        ),
      ),
    ).toMatchObject({
      ok: false,
      code: 'replicas',
      detail: 'primary pg2; pg3 not UP in db_replicas; the primary pg2 UP in db_replicas too',
    });
  });
});
