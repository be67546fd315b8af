/**
 * The active-active fixture with a service on one address in both sites, in a temporary folder
 * (test/fixtures/active-active/anycast.ts writes it): the fixture itself stays as it is.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { addAnycastService } from '../fixtures/active-active/anycast.js';
import { REPO } from './cli.js';
import { tempDir } from './tmp.js';

export const ACTIVE_ACTIVE = join(REPO, 'test', 'fixtures', 'active-active', 'inventory');

/** A copy of the fixture with the anycast service; `edit` may change the gslb file's text after. */
export function anycastFixture(edit?: (gslb: string) => string): string {
  const dir = tempDir('fabric-anycast-');
  cpSync(ACTIVE_ACTIVE, dir, { recursive: true });
  addAnycastService(dir, edit);
  return dir;
}
