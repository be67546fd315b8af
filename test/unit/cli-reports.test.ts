/**
 * What the CLI prints, from pure functions: verify's progress, lab down's summary, the IP plan's
 * order, the storage group's name and the inventory reference's nested settings.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorOf, schemaReference } from '../../scripts/schema-reference.js';
import { parseAddress } from '../../src/net/ipv4.js';
import { runPipeline } from '../../src/pipeline.js';
import { labDownJson, labDownText } from '../../src/report/lab-down.js';
import { RoundReporter } from '../../src/report/verify.js';
import { REPO } from '../support/cli.js';
import { exampleCopy } from '../support/tmp.js';

describe('verify progress', () => {
  it('GIVEN 80 rounds of which only 3 change anything THEN 3 lines and one final line, not 80', () => {
    const lines: string[] = [];
    const r = new RoundReporter('idc-a', (l) => lines.push(l));
    r.onRound(1, 48, 358);
    r.onRound(2, 352, 358);
    for (let round = 3; round <= 80; round++) r.onRound(round, 356, 358);
    r.finish();
    expect(lines).toEqual([
      'verify idc-a: round 1: 48/358 checks pass',
      'verify idc-a: round 2: 352/358 checks pass',
      'verify idc-a: round 3: 356/358 checks pass',
      'verify idc-a: round 80: 356/358 checks pass (no change in the last 77 rounds)',
    ]);
  });

  it('GIVEN a last round that changed something THEN no extra final line', () => {
    const lines: string[] = [];
    const r = new RoundReporter('s', (l) => lines.push(l));
    r.onRound(1, 1, 2);
    r.onRound(2, 2, 2);
    r.finish();
    expect(lines).toHaveLength(2);
  });
});

describe('lab down summary', () => {
  const removed = [
    'node leaf1a (pid 101)',
    'node leaf1b (pid 102)',
    'process 205 (bash)',
    'netns clab-idc-a-leaf1a',
    'netns clab-idc-a-leaf1b',
    'link fl1a2b3c-br',
    'link fl1a2b3c-m1',
    'link fl1a2b3c-m2',
    'dir /var/lib/fabric-lab/idc-a',
  ];

  it('GIVEN what was removed THEN one line by kind', () => {
    expect(labDownText('idc-a', removed)).toBe(
      'lab idc-a: removed 2 nodes, 1 other process, 2 network namespaces, 3 links, 1 state folder\n',
    );
  });

  it('GIVEN --verbose THEN the summary and then every item, one per line', () => {
    const text = labDownText('idc-a', removed, true).trimEnd().split('\n');
    expect(text).toHaveLength(1 + removed.length);
    expect(text.slice(1)).toContain('  netns clab-idc-a-leaf1a');
  });

  it('GIVEN --json THEN the items by kind', () => {
    expect(labDownJson('idc-a', removed)).toEqual({
      lab: 'idc-a',
      count: 9,
      removed: {
        node: ['leaf1a (pid 101)', 'leaf1b (pid 102)'],
        process: ['205 (bash)'],
        netns: ['clab-idc-a-leaf1a', 'clab-idc-a-leaf1b'],
        link: ['fl1a2b3c-br', 'fl1a2b3c-m1', 'fl1a2b3c-m2'],
        dir: ['/var/lib/fabric-lab/idc-a'],
      },
    });
    expect(labDownText('idc-a', [])).toContain('nothing to remove');
  });
});

describe('IP plan', () => {
  it('GIVEN the example THEN every row is in address order, numerically, segments included', () => {
    const { model } = runPipeline(join(REPO, 'inventory'), { sites: ['idc-a'] });
    const plan = model!.sites[0]!.ipPlan;
    const addresses = plan.map((e) => parseAddress(e.prefix.split('/')[0]!)!);
    expect(addresses).toEqual([...addresses].sort((a, b) => a - b));
    const app = plan.filter((e) => e.description === 'shop/app').map((e) => e.prefix);
    expect(app.slice(0, 3)).toEqual(['10.20.2.2/24', '10.20.2.3/24', '10.20.2.11/24']);
  });
});

describe('storage group', () => {
  it('GIVEN one storage host THEN its group is not called a pair and says it is not redundant', () => {
    const { inventory } = exampleCopy();
    const file = join(inventory, 'idc-a-compute.yaml');
    const text = readFileSync(file, 'utf8');
    const st2 = text.indexOf('  st2:');
    const end = text.indexOf('\n\n', st2);
    writeFileSync(file, text.slice(0, st2) + (end < 0 ? '' : text.slice(end + 1)));
    const { model, inputErrors } = runPipeline(inventory, { sites: ['idc-a'] });
    expect(inputErrors).toEqual([]);
    const group = model!.sites[0]!.redundancyGroups.find((g) => g.name === 'storage')!;
    expect(group).toMatchObject({ kind: 'storage-hosts', members: ['st1'] });
    expect(group.reason).toContain('not redundant');
  });
});

describe('inventory reference', () => {
  const schema = JSON.parse(readFileSync(join(REPO, 'schema', 'inventory.schema.json'), 'utf8'));

  it('GIVEN the schema THEN no setting is a bare object, and every link has its section', () => {
    const doc = schemaReference(schema);
    expect(doc).not.toMatch(/\| object \||of object\b|Type: object/);
    const anchors = new Set([...doc.matchAll(/^#+ (.+)$/gm)].map((m) => anchorOf(m[1]!)));
    for (const [, anchor] of doc.matchAll(/\]\(#([^)]+)\)/g)) expect(anchors, anchor).toContain(anchor);
    expect(doc).toMatch(
      /### Defaults\.bfd\n\n(?:[^|\n][^\n]*\n\n)?\| field[\s\S]*?\| `interval` \| integer 10\.\.60000/,
    );
  });

  it('GIVEN objects nested three deep, in lists and maps THEN each gets a section', () => {
    const doc = schemaReference({
      properties: {
        a: {
          type: 'object',
          properties: {
            b: { type: 'array', items: { type: 'object', properties: { c: { type: 'string' } } } },
          },
        },
        m: {
          type: 'object',
          additionalProperties: { type: 'object', properties: { d: { type: 'integer' } } },
        },
      },
    });
    expect(doc).toContain('| `a` | [object](#inventoryfilea) |');
    expect(doc).toContain('| `b` | list of [object](#inventoryfileab-item) |');
    expect(doc).toContain('### InventoryFile.a.b item');
    expect(doc).toContain('| `c` | string |');
    expect(doc).toContain('| `m` | map of [object](#inventoryfilem-entry) |');
    expect(doc).toContain('| `d` | integer |');
  });

  it('GIVEN the committed reference THEN it is what the schema renders to (npm run gen)', () => {
    expect(readFileSync(join(REPO, 'docs', 'inventory-reference.md'), 'utf8')).toBe(schemaReference(schema));
  });
});
