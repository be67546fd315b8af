/**
 * Where `lab failover`'s data probes read the password their clients log in with
 * (`LabDriver.clientPassword`, one home per daemon): the driver that holds it says which file and
 * which sed script, and that script, run by sed on the rendered file, prints exactly the password
 * the secrets gave.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { driversOf } from '../../src/daemons/index.js';
import { dataPlans } from '../../src/whatif/data-services.js';
import { REPO } from '../support/cli.js';
import { renderExample } from '../support/render.js';

const FIXTURES = join(REPO, 'test', 'fixtures');

function whereAndWhat(fixture: string, member: string, file: string) {
  const [r] = renderExample(join(FIXTURES, fixture, 'inventory'));
  const device = r!.site.devices.find((d) => d.name === member)!;
  const plan = dataPlans(r!.site).find((p) => p.members.includes(member))!;
  const found = driversOf(device).flatMap((driver) => {
    const where = driver.lab.clientPassword?.(device, plan.clientUser);
    return where ? [{ driver: driver.name, ...where }] : [];
  });
  const content = r!.rendered.files.find((f) => f.device === member && f.file === file)!.content;
  const printed = (sed: string) => execFileSync('sed', ['-n', sed], { input: content }).toString();
  return { found, printed, plan };
}

describe('LabDriver.clientPassword: each data kind’s member says where its clients’ password is', () => {
  it('GIVEN a Redis member THEN redis.conf, and its sed prints requirepass’s value, quoted by Sentinel’s rewrite or not', () => {
    const { found, printed } = whereAndWhat('data-tier', 'redis1', 'redis.conf');
    expect(found.map((f) => [f.driver, f.file])).toEqual([['redis', '/etc/redis/redis.conf']]);
    const password = printed(found[0]!.sed).trim();
    expect(password).toMatch(/^\S{8,}$/);
    const rewritten = execFileSync('sed', ['-n', found[0]!.sed], { input: `requirepass "${password}"\n` });
    expect(rewritten.toString().trim()).toBe(password);
  });

  it('GIVEN a PostgreSQL member THEN PgBouncer’s userlist.txt, and its sed prints the application role’s password only', () => {
    const { found, printed, plan } = whereAndWhat('data-pg', 'pg1', 'userlist.txt');
    expect(plan.clientUser).toBe('db');
    expect(found.map((f) => [f.driver, f.file])).toEqual([['pgbouncer', '/etc/pgbouncer/userlist.txt']]);
    const lines = printed(found[0]!.sed).split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\S{8,}$/);
  });
});
