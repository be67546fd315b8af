/**
 * One home per daemon (issue 9): a daemon's name, as a string in code ('frr', "ovs", `snmpd`),
 * appears outside its driver (src/daemons/<daemon>/), its templates, the schema and the model
 * types in at most three files under src/: a new stage that decides per daemon again fails here.
 * compile/roles.ts (the role table) is one of the three; a daemon's own compiler
 * (src/compile/<daemon>.ts or src/compile/<daemon>/) counts as one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DAEMONS } from '../../src/daemons/index.js';

const SRC = join(import.meta.dirname, '../../src');
const LIMIT = 3;

/**
 * The model types (src/model/*.ts, split per daemon) and what is generated from the schema (its
 * types, and its validator, which holds the schema's text): each daemon's part lives there.
 */
const isModel = (rel: string): boolean =>
  /^model\/[^/]+\.ts$/.test(rel) || rel === 'inventory/types.gen.ts' || rel === 'inventory/validate.gen.ts';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const FILES = sources(SRC).map((path) => ({ rel: relative(SRC, path), text: readFileSync(path, 'utf8') }));

/** The places under src/ that name `daemon` as a string, outside its own homes; its compiler as one. */
function namedOutside(daemon: string): string[] {
  const quoted = new RegExp(`['"\`]${daemon}['"\`]`);
  const places = new Set<string>();
  for (const { rel, text } of FILES) {
    if (isModel(rel) || rel.startsWith(`daemons/${daemon}/`) || rel === `daemons/${daemon}.ts`) continue;
    if (!quoted.test(text)) continue;
    const ownCompiler = rel === `compile/${daemon}.ts` || rel.startsWith(`compile/${daemon}/`);
    places.add(ownCompiler ? `compile/${daemon} (its compiler)` : rel);
  }
  return [...places].sort();
}

describe('each daemon has one home', () => {
  it('GIVEN the registry THEN it has the twelve daemons fabric configures, after the kernel settings', () => {
    expect(Object.keys(DAEMONS)).toEqual([
      'sysctl',
      'frr',
      'keepalived',
      'haproxy',
      'redis',
      'etcd',
      'patroni',
      'pgbouncer',
      'rabbitmq-server',
      'amqp-worker',
      'gdnsd',
      'ovs',
      'snmpd',
    ]);
  });

  for (const daemon of Object.keys(DAEMONS))
    it(`GIVEN ${daemon} THEN its name is a string in at most ${LIMIT} files outside its driver, templates, schema and model`, () => {
      const places = namedOutside(daemon);
      expect(places.length, `${daemon} named in: ${places.join(', ')}`).toBeLessThanOrEqual(LIMIT);
    });

  it('GIVEN a new file that names a daemon THEN it counts (the test can fail)', () => {
    FILES.push({ rel: 'push/new-stage.ts', text: "if (d === 'frr') reload();" });
    try {
      expect(namedOutside('frr')).toContain('push/new-stage.ts');
    } finally {
      FILES.pop();
    }
  });
});
