/**
 * Issue 9: a role is decided in one place. Each role's name appears in source outside the role
 * table (src/compile/roles.ts), the schema (schema/, src/inventory/schema.ts, the generated
 * types) and tests in at most three files; everything else asks the role table (a column) or the
 * model (a field).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src/compile/roles.js';
import { REPO } from '../support/cli.js';

const LIMIT = 3;

/** Where a role's name is the home of the role, not a decision taken again. */
const HOMES = new Set(['src/compile/roles.ts', 'src/inventory/schema.ts', 'src/inventory/types.gen.ts']);

/**
 * The same words used for something other than a role, each with its reason: the cable kind and
 * BFD profile `upstream` (model values printed into frr.conf), the upstream's `edge` key in an
 * inventory path, and the OVS port kind `vm` (an `external_ids` value). The budget kind
 * `hypervisor` (src/model/budgets.ts `BudgetKind`, printed by `fabric show --json` and in check
 * messages) and the inventory key `budgets.hypervisor` it reads (compile/budgets.ts `of()`) name
 * a failure budget, not the role: which devices get one is the role table's `vmHostRoles()`.
 * Likewise `budgets.edge` (`of('edge')`) and the inventory path `defaults.bfd.upstream`.
 */
const NOT_A_ROLE: RegExp[] = [
  /\bkind\s*(===|!==|:)\s*'upstream'/g,
  /\bbfdProfile\s*:\s*'upstream'/g,
  /'fabric' \| 'upstream'/g,
  /export type CableKind = .*/g,
  /path, 'edge'\]/g,
  /externalIds\('vm'/g,
  /'tunnel' \| 'vm'/g,
  /export type BudgetKind =[^;]*;/g,
  /\bb\.kind\s*(===|!==)\s*'hypervisor'/g,
  /\bms\(\s*'hypervisor',/g,
  /\bof\('hypervisor'\)/g,
  /\bof\('edge'\)/g,
  /'bfd', 'upstream'\]/g,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/** The files of src/ that name `role` as a string literal ('leaf'), outside its homes. */
function filesNaming(role: string): string[] {
  const literal = new RegExp(`'${role}'`);
  return sourceFiles(join(REPO, 'src'))
    .map((f) => relative(REPO, f))
    .filter((f) => !HOMES.has(f))
    .filter((f) => {
      const text = NOT_A_ROLE.reduce((t, re) => t.replace(re, ''), readFileSync(join(REPO, f), 'utf8'));
      return literal.test(text);
    })
    .sort();
}

describe('role names', () => {
  it('GIVEN a literal role name in a file THEN the scan finds it (the test can fail)', () => {
    expect(filesNaming('upstream')).toContain('src/model/device.ts');
  });

  it.each(Object.keys(ROLES))(
    `GIVEN role %s THEN it is named in at most ${LIMIT} files of src/ outside the role table and the schema`,
    (role) => {
      const files = filesNaming(role);
      expect(files.length, `${role} is named in ${files.join(', ')}`).toBeLessThanOrEqual(LIMIT);
    },
  );
});
