import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function version(): string {
  if (!cached) {
    const pkg = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json');
    cached = (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
  }
  return cached;
}

/** Written into manifests; carries the version only, never a date, so output stays reproducible. */
export function generator(): string {
  return `fabric ${version()}`;
}
