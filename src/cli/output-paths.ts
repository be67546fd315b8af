/**
 * Output paths the user names (`render --out`, `--junit`, `--output`, `--state`, `--lock-dir`…),
 * checked before a command does any work: a path that cannot be written is a clear exit-2 message
 * naming the option, never a raw EEXIST/ENOTDIR after half of the work (or the output) is done.
 */
import { accessSync, constants, mkdtempSync, rmdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CliError } from './exit.js';

export type OutputKind = 'folder' | 'file';

function kindOf(path: string): 'folder' | 'file' | 'other' | undefined {
  try {
    const s = statSync(path);
    return s.isDirectory() ? 'folder' : s.isFile() ? 'file' : 'other';
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    // ENOTDIR: a parent is a file; reported by the walk up in checkOutputPath
    if (code === 'ENOTDIR') return undefined;
    throw e;
  }
}

/** The closest existing ancestor of a missing path, which must be a writable folder. */
function existingAncestor(path: string): string {
  let p = dirname(path);
  while (kindOf(p) === undefined && dirname(p) !== p) p = dirname(p);
  return p;
}

function fileNotWritable(file: string): string | undefined {
  try {
    accessSync(file, constants.W_OK);
    return undefined;
  } catch (e) {
    return reason(e);
  }
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ENOENT') return 'nothing can be created there';
  return code ?? (e as Error).message;
}

/**
 * Creating (and removing) a folder in it is the only test that also holds for root and for
 * special file systems (/proc, /sys, read-only mounts), where permission bits say little.
 */
function folderNotWritable(dir: string): string | undefined {
  try {
    rmdirSync(mkdtempSync(join(dir, '.fabric-write-test-')));
    return undefined;
  } catch (e) {
    return reason(e);
  }
}

/** How the closest existing ancestor of an output path that is no folder reads in a message. */
const ANCESTOR_KIND: Record<string, string> = {
  file: 'a file',
  other: 'a device, pipe or socket',
  missing: 'missing',
};

/**
 * Why `path` cannot be used as the output `kind` of `option`, or undefined when it can: it exists
 * as the right kind, or it is missing and can be created (its closest existing ancestor is a
 * writable folder).
 */
export function outputPathProblem(
  option: string,
  path: string,
  kind: OutputKind,
  example = kind === 'folder' ? 'out' : 'reports/result.txt',
): string | undefined {
  const right =
    kind === 'folder'
      ? `name a folder (it is created when missing), e.g. ${option} ${example}`
      : `name a file (its folder is created when missing), e.g. ${option} ${example}`;
  if (path.trim() === '') return `${option} is empty: ${right}`;
  const abs = resolve(path);
  const existing = kindOf(abs);
  if (existing === 'other')
    return `${option} ${path} is not a regular ${kind} (a device, pipe or socket): ${right}`;
  if (existing && existing !== kind) return `${option} ${path} is a ${existing}, not a ${kind}: ${right}`;
  const ancestor = existing ? abs : existingAncestor(abs);
  const ancestorKind = kindOf(ancestor);
  if (!existing && ancestorKind !== 'folder')
    return `${option} ${path} cannot be created: ${ancestor} is ${ANCESTOR_KIND[ancestorKind ?? 'missing']}, not a folder; ${right}`;
  const writable = existing === 'file' ? abs : ancestor;
  const why = existing === 'file' ? fileNotWritable(abs) : folderNotWritable(ancestor);
  if (why) return `${option} ${path} cannot be written (${writable}: ${why}): ${right}`;
  return undefined;
}

/** Every named output path checked at once; all problems in one exit-2 error. */
export function checkOutputPaths(
  command: string,
  paths: readonly { option: string; path: string | undefined; kind: OutputKind; example?: string }[],
): void {
  const problems = paths.flatMap((p) => {
    if (p.path === undefined) return [];
    const problem = outputPathProblem(p.option, p.path, p.kind, p.example);
    return problem ? [problem] : [];
  });
  if (problems.length) throw new CliError(`${command}: ${problems.join('; ')}; nothing was done`);
}
