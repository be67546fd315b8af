/**
 * The active-active fixture with a service on one address in both sites (docs/active-active.md
 * "Anycast: the edges"): L4 service `any` of tenant shop, 192.0.2.80 in aa-a and aa-b, off the
 * public segment, and gslb service `any` with the service prefix 192.0.2.64/26. A copy in a
 * temporary folder: the fixture itself (and the lab test of both sites) stays as it is.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './cli.js';
import { tempDir } from './tmp.js';

export const ACTIVE_ACTIVE = join(REPO, 'test', 'fixtures', 'active-active', 'inventory');

/** The L4 service, as each site declares it (its IPv6 VIP per site: anycast is IPv4 for now). */
const l4Service = (address6: string) => `        any:
          description: anycast web VIP, the same in both sites
          segment: public
          vrid: 23
          address: 192.0.2.80
          address6: ${address6}
          ports: [80]
          real_servers: [web1, web2]
          check: { kind: tcp }
`;

const GSLB_SERVICE = `    any:
      description: the web shop on one address in both sites (anycast)
      zone: shop.example
      check: { path: /healthz, port: 80 }
      anycast: { prefix: 192.0.2.64/26 }
      sites:
        aa-a: { tenant: shop, vip: any }
        aa-b: { tenant: shop, vip: any }
`;

/** Inserts `text` after the first line of `file` that starts with `after`. */
function insertAfter(file: string, after: string, text: string): void {
  const lines = readFileSync(file, 'utf8').split('\n');
  const i = lines.findIndex((l) => l.startsWith(after));
  if (i < 0) throw new Error(`${file}: no line starting with ${JSON.stringify(after)}`);
  lines.splice(i + 1, 0, text.trimEnd());
  writeFileSync(file, lines.join('\n'));
}

/** A copy of the fixture with the anycast service; `edit` may change the gslb file's text after. */
export function anycastFixture(edit: (gslb: string) => string = (t) => t): string {
  const dir = tempDir('fabric-anycast-');
  cpSync(ACTIVE_ACTIVE, dir, { recursive: true });
  insertAfter(join(dir, 'aa-a-tenants.yaml'), '      services:', l4Service('2001:db8:100:10::80'));
  insertAfter(join(dir, 'aa-b.yaml'), '      services:', l4Service('2001:db8:200:10::80'));
  const gslb = join(dir, 'gslb.yaml');
  writeFileSync(gslb, edit(`${readFileSync(gslb, 'utf8').trimEnd()}\n${GSLB_SERVICE}`));
  return dir;
}
