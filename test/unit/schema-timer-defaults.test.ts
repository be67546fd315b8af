/**
 * The schema documents each timer's default (`@default` in its description, which the generated
 * types and docs/inventory-reference.md repeat); compile applies DEFAULT_TIMERS. They must be the
 * same numbers: the schema said 100 ms for fabric BFD and 1 s for the down interval while compile
 * used 50 ms and 0.2 s.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMERS } from '../../src/compile/timers.js';
import { REPO } from '../support/cli.js';

interface Node {
  description?: string;
  properties?: Record<string, Node>;
}
const schema = JSON.parse(readFileSync(join(REPO, 'schema', 'inventory.schema.json'), 'utf8')) as {
  definitions: Record<string, Node>;
};

function documentedDefault(path: string): number {
  let node: Node | undefined = schema.definitions.Defaults;
  for (const key of path.split('.')) node = node?.properties?.[key];
  const m = /@default (\d+(?:\.\d+)?)\b/.exec(node?.description ?? '');
  if (!m) throw new Error(`defaults.${path}: no numeric @default in the schema`);
  return Number(m[1]);
}

const t = DEFAULT_TIMERS;
const PAIRS: [string, number][] = [
  ['bgp.keepalive', t.bgp.keepaliveS],
  ['bgp.hold', t.bgp.holdS],
  ['bgp.connect_retry', t.bgp.connectRetryS],
  ['bgp.update_delay', t.bgp.updateDelayS],
  ['bfd.interval', t.bfdFabric.intervalMs],
  ['bfd.multiplier', t.bfdFabric.multiplier],
  ['bfd.upstream.interval', t.bfdUpstream.intervalMs],
  ['bfd.upstream.multiplier', t.bfdUpstream.multiplier],
  ['vrrp.version', t.vrrp.version],
  ['vrrp.advert_int', t.vrrp.advertS],
  ['checks.interval', t.checks.intervalS],
  ['checks.fast_interval', t.checks.fastIntervalS],
  ['checks.down_interval', t.checks.downIntervalS],
  ['checks.timeout', t.checks.timeoutS],
  ['checks.rise', t.checks.rise],
  ['checks.fall', t.checks.fall],
];

describe("the schema's documented timer defaults", () => {
  it.each(PAIRS)('GIVEN defaults.%s THEN its @default is what compile applies (%s)', (path, applied) => {
    expect(documentedDefault(path)).toBe(applied);
  });
});
