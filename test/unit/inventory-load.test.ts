/**
 * Reading the inventory: what test/bad-input cannot show (it holds one error per file).
 * GIVEN YAML text WHEN it is parsed or run through the pipeline THEN warnings without errors are
 * kept and located, aliases used correctly still work, and the size limits refuse at once.
 */
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInventoryDir, parseInventoryText } from '../../src/inventory/files.js';
import {
  checkFloodListSize,
  checkSiteSizes,
  MAX_DEVICES_PER_SITE,
  MAX_INVENTORY_BYTES,
} from '../../src/inventory/limits.js';
import { runPipeline } from '../../src/pipeline.js';
import { REPO } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

const HEADER = `site: t
asns: { edge: 65001, spine: 65100, pool: 65200-65299 }
pools: { loopback: 10.9.0.0/24, mgmt: 198.18.9.0/24 }
prefixes: { announce: [203.0.113.0/24] }
`;

function pipelineOn(text: string) {
  const dir = tempDir();
  mkdirSync(join(dir, 'inventory'));
  writeFileSync(join(dir, 'inventory', 'site.yaml'), text);
  return runPipeline(join(dir, 'inventory'));
}

describe('reading inventory YAML', () => {
  it('GIVEN secrets.yaml inside the inventory folder THEN secrets-in-inventory at it, its values in no message; GIVEN -i secrets.yaml THEN told to pass it with --secrets', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'inventory'));
    writeFileSync(join(dir, 'inventory', 'site.yaml'), HEADER);
    writeFileSync(join(dir, 'inventory', 'secrets.yaml'), 'isp1-bgp: do-not-print-me-0123\n');
    const r = loadInventoryDir(join(dir, 'inventory'));
    expect(r.sources.map((s) => s.file)).toEqual([expect.stringMatching(/site\.yaml$/)]);
    expect(r.diagnostics.map((d) => [d.code, d.location?.line])).toEqual([['secrets-in-inventory', 1]]);
    expect(r.diagnostics[0]!.message).toMatch(/^this is fabric's secrets file, not an inventory file/);
    expect(JSON.stringify(r.diagnostics)).not.toContain('do-not-print-me');
    const file = loadInventoryDir(join(dir, 'inventory', 'secrets.yaml'));
    expect(file.diagnostics[0]!.message).toMatch(
      /is fabric's secrets file, not an inventory: pass it with --secrets /,
    );
  });

  it('GIVEN an unknown tag and no error WHEN validated THEN the site compiles and the tag is a located warning', () => {
    const r = pipelineOn(`${HEADER}devices:\n  spine1: !fabric/x { role: spine, id: 5, rack: n1 }\n`);
    expect(r.inputErrors).toEqual([]);
    expect(r.model).toBeDefined();
    const tag = r.findings.find((f) => f.code === 'yaml-warning');
    expect(tag?.severity).toBe('warning');
    expect(tag?.message).toContain('unknown tag !fabric/x');
    expect(tag?.location).toMatchObject({ line: 6, col: 11 });
  });

  it('GIVEN an unknown tag and a schema error WHEN validated THEN both are reported, the warning too', () => {
    const r = pipelineOn(`${HEADER}devices:\n  spine1: !fabric/x { role: spine, id: five, rack: n1 }\n`);
    expect(r.inputErrors.map((d) => `${d.severity} ${d.code}`)).toEqual([
      'warning yaml-warning',
      'error schema',
    ]);
  });

  it('GIVEN a YAML core tag on a value that does not fit it (!!int abc) WHEN parsed THEN a located warning about the value, not an unknown tag', () => {
    const { diagnostics } = parseInventoryText('x.yaml', 'site: t\nid: !!int abc\nok: !!str x\n');
    expect(diagnostics.map((d) => [d.severity, d.location?.line, d.message])).toEqual([
      [
        'warning',
        2,
        'the value is not a valid !!int and is read as plain YAML; fix the value or remove the tag',
      ],
    ]);
  });

  it('GIVEN anchors defined before their aliases WHEN validated THEN the aliased values are used', () => {
    const r = pipelineOn(`${HEADER}devices:
  spine1: { role: spine, id: 5, rack: n1 }
  leaf1a: { role: leaf, id: 11, rack: r1, uplinks: &up { eth1: spine1:eth1 } }
  leaf1b: { role: leaf, id: 12, rack: r1, uplinks: { eth1: spine1:eth2 } }
  hv1: { role: hypervisor, id: 21, rack: r1, uplinks: &hv { eth1: leaf1a:eth11, eth2: leaf1b:eth11 } }
  hv2: { role: hypervisor, id: 22, rack: r1, uplinks: { eth1: leaf1a:eth12, eth2: leaf1b:eth12 } }
  spine2: { role: spine, id: 6, rack: n2, description: *hv }
`);
    // spine2's description is a mapping: a schema error located at the alias, not a crash
    expect(r.inputErrors).toHaveLength(1);
    expect(r.inputErrors[0]!.location).toMatchObject({ line: 11 });
  });

  it('GIVEN many aliases of one small anchor (legitimate reuse) WHEN parsed THEN no alias-count limit refuses it', () => {
    const uses = Array.from({ length: 500 }, (_, i) => `  d${i}: *v`).join('\n');
    const { diagnostics, source } = parseInventoryText('x.yaml', `a: &v { x: 1 }\nb:\n${uses}\n`);
    expect(diagnostics).toEqual([]);
    expect(Object.keys((source.data as { b: object }).b)).toHaveLength(500);
  });

  it('GIVEN keys YAML resolves alike (null and ~, 1 and 0x1) WHEN parsed THEN the second is a duplicate at its line', () => {
    const { diagnostics } = parseInventoryText('x.yaml', 'a:\n  null: 1\n  ~: 2\nb:\n  1: x\n  0x1: y\n');
    expect(diagnostics.map((d) => `${d.location?.line} ${d.code}`)).toEqual([
      '2 non-string-key',
      '3 duplicate-key',
      '5 non-string-key',
      '6 duplicate-key',
    ]);
  });

  it('GIVEN a missing key, or nesting too deep for the YAML parser itself WHEN parsed THEN located errors, no throw', () => {
    const missing = parseInventoryText('x.yaml', 'site: t\ndevices:\n  : { role: spine }\n').diagnostics;
    expect(missing.map((d) => `${d.location?.line}:${d.location?.col} ${d.message}`)).toEqual([
      '3:3 a key is missing before the `:`; write the name',
    ]);
    const deep = parseInventoryText('x.yaml', `site: t\nd: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    expect(deep.diagnostics.length).toBeGreaterThan(0);
    expect(deep.diagnostics[0]).toMatchObject({ severity: 'error', location: { line: 2 } });
    expect(deep.diagnostics[0]!.message).toMatch(/nested/);
  });

  it('GIVEN %YAML 1.1 (dates, yes, merge keys) WHEN parsed THEN the same rules: located errors', () => {
    const text = '%YAML 1.1\n---\nsite: t\ndevices:\n  2001-01-01: {}\n  yes: {}\n  s: { <<: { a: 1 } }\n';
    const { diagnostics } = parseInventoryText('x.yaml', text);
    expect(diagnostics.map((d) => `${d.location?.line} ${d.code}`)).toEqual([
      '5 non-string-key',
      '6 non-string-key',
      '7 merge-key',
    ]);
  });

  it('GIVEN --inventory naming a YAML file, a missing folder or nothing WHEN loaded THEN one message saying what to pass, no errno text', () => {
    const dir = tempDir();
    const file = join(dir, 'site.yaml');
    writeFileSync(file, 'site: t\n');
    const message = (path: string) => {
      const { diagnostics } = loadInventoryDir(path);
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]!.code).toBe('inventory-missing');
      expect(diagnostics[0]!.message).not.toMatch(/ENOENT|ENOTDIR|scandir/);
      return diagnostics[0]!.message;
    };
    expect(message(file)).toBe(`inventory ${file} is a file; --inventory names its folder: -i ${dir}`);
    expect(message(join(dir, 'nope'))).toMatch(
      /^inventory folder .*nope does not exist; pass --inventory DIR/,
    );
    expect(message('')).toMatch(/^the inventory folder is empty/);
  });

  it('GIVEN an inventory file that cannot be read (a dangling link) WHEN loaded THEN an error at that file', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'inventory'));
    writeFileSync(join(dir, 'inventory', 'a.yaml'), `${HEADER}`);
    symlinkSync(join(dir, 'nowhere'), join(dir, 'inventory', 'b.yaml'));
    const r = runPipeline(join(dir, 'inventory'));
    expect(r.inputErrors).toHaveLength(1);
    expect(r.inputErrors[0]).toMatchObject({ code: 'inventory-unreadable', location: { line: 1, col: 1 } });
    expect(r.inputErrors[0]!.location!.file).toMatch(/b\.yaml$/);
  });
});

describe('size limits', () => {
  it('GIVEN a site with more devices than the limit WHEN counted THEN one located error at its devices key', () => {
    const devices = Object.fromEntries(
      Array.from({ length: MAX_DEVICES_PER_SITE + 1 }, (_, i) => [`d${i}`, {}]),
    );
    const { source } = parseInventoryText('x.yaml', 'site: big\ndevices: {}\n');
    const out = checkSiteSizes([{ ...source, data: { site: 'big', devices } }]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ code: 'input-too-large', file: 'x.yaml', path: ['devices'] });
    expect(out[0]!.message).toContain('50,000');
  });

  it('GIVEN hypervisors and segments whose full-mesh flood lists pass the limit WHEN checked THEN one error at tenants, and none just under it', () => {
    expect(checkFloodListSize('s', 3162, 2)).toBeUndefined(); // 19,990,764 entries
    expect(checkFloodListSize('s', 7260, 2)).toMatchObject({
      code: 'input-too-large',
      site: 's',
      path: ['tenants'],
      message: expect.stringContaining('105,400,680 VXLAN flood-list entries'),
    });
    expect(checkFloodListSize('s', 50_000, 0)).toBeUndefined(); // no segment, no flood list
  });

  it('GIVEN an inventory beyond the byte limit WHEN loaded THEN it is refused before parsing, at 1:1 of its largest file', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'inventory'));
    writeFileSync(join(dir, 'inventory', 'big.yaml'), `${HEADER}# ${'x'.repeat(MAX_INVENTORY_BYTES)}\n`);
    const r = runPipeline(join(dir, 'inventory'));
    expect(r.inputErrors).toHaveLength(1);
    expect(r.inputErrors[0]).toMatchObject({ code: 'input-too-large', location: { line: 1, col: 1 } });
    expect(r.sources).toEqual([]);
  });
});

describe('the fabric-wide gslb section', () => {
  it('GIVEN gslb in two files WHEN validated THEN one located error at the second file’s key, naming the first', () => {
    const dir = tempDir();
    cpSync(join(REPO, 'test', 'fixtures', 'active-active', 'inventory'), join(dir, 'inventory'), {
      recursive: true,
    });
    const gslb = readFileSync(join(dir, 'inventory', 'gslb.yaml'), 'utf8');
    // the same section again, in a file of its own (as a copy-paste would leave it)
    writeFileSync(join(dir, 'inventory', 'zz-gslb-copy.yaml'), `# a copy\n${gslb}`);
    const r = runPipeline(join(dir, 'inventory'));
    const dup = r.inputErrors.filter((d) => d.code === 'duplicate-section');
    expect(dup).toHaveLength(1);
    expect(dup[0]!.message).toBe(
      `'gslb' is already defined in ${join(dir, 'inventory', 'gslb.yaml')}; define it in one file only`,
    );
    expect(dup[0]!.location).toMatchObject({
      file: join(dir, 'inventory', 'zz-gslb-copy.yaml'),
      line: gslb.split('\n').findIndex((l) => l.startsWith('gslb:')) + 2,
      col: 1,
    });
    expect(r.model).toBeUndefined();
  });
});

describe('a misspelt site name', () => {
  it('GIVEN a file of idc-a saying site: idca WHEN validated THEN one located unknown-site at its site: value with the suggestion, not a missing-section per section', () => {
    const dir = tempDir();
    cpSync(join(REPO, 'inventory'), join(dir, 'inventory'), { recursive: true });
    const file = join(dir, 'inventory', 'idc-a-tenants.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^site: idc-a$/m, 'site: idca'));
    const r = runPipeline(join(dir, 'inventory'));
    expect(r.inputErrors.map((d) => [d.code, d.message])).toEqual([
      [
        'unknown-site',
        `site idca is not a site of the inventory: none of its files (${file}) has asns, pools or prefixes; did you mean idc-a? (sites: idc-a, idc-b)`,
      ],
    ]);
    expect(r.inputErrors[0]!.location).toMatchObject({
      file,
      line: text.split('\n').indexOf('site: idc-a') + 1,
      col: 7,
    });
  });

  it('GIVEN a new site idc-c with its asns but no pools or prefixes yet WHEN validated THEN missing-section for each, not a guess at idc-a', () => {
    const dir = tempDir();
    cpSync(join(REPO, 'inventory'), join(dir, 'inventory'), { recursive: true });
    writeFileSync(
      join(dir, 'inventory', 'idc-c.yaml'),
      'site: idc-c\nasns: { edge: 65001, spine: 65100, pool: 65200-65299 }\n',
    );
    const r = runPipeline(join(dir, 'inventory'));
    expect(r.inputErrors.map((d) => [d.code, d.message.split(';')[0]])).toEqual([
      ['missing-section', "site idc-c has no 'pools'"],
      ['missing-section', "site idc-c has no 'prefixes'"],
    ]);
  });
});
