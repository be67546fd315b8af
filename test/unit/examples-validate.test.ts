/**
 * Every example inventory (the reference one and the fixtures that stand for a real site: the
 * sites a user copies, the labs' inventories) validates with no error, as a user would run it.
 * `validate` runs whatif's analysis of the intact fabric too, so a false "broken with nothing
 * failed" of a new feature shows here (the anycast fixture's L4 members, which speak BGP but
 * route by their gateway, were held to a BGP default route). Not here: broken-redundancy and
 * lab-l4, which are single points of failure by design.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runFabric } from '../support/cli.js';

const EXAMPLES = [
  'inventory',
  ...['active-active', 'data-mq', 'data-pg', 'data-tier', 'dual-stack', 'k8s', 'k8s-cilium', 'one-rack'].map(
    (f) => join('test', 'fixtures', f, 'inventory'),
  ),
];

describe('GIVEN the example inventories', () => {
  it.each(EXAMPLES)('WHEN %s is validated THEN exit 0 with no error', async (dir) => {
    const r = await runFabric(['-i', join(REPO, dir), 'validate', '--no-secrets']);
    expect(r.stdout + r.stderr).not.toMatch(/ error /);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });
});
