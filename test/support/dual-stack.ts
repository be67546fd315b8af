/** The dual-stack fixture (idc-a made dual-stack, issue 14) and variants of it for tests. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './cli.js';
import { tempDir } from './tmp.js';

export const DUAL_STACK = join(REPO, 'test', 'fixtures', 'dual-stack', 'inventory');

/** A copy of `file` in `dir` with `from` replaced by `to`; throws when `from` is not there. */
function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const edited = text.replace(from, to);
  if (edited === text) throw new Error(`${file} has no '${from}' to replace`);
  writeFileSync(path, edited);
}

/**
 * A copy of the dual-stack fixture with VRRPv2 (whole-second adverts) and a password on the
 * vRouter pair: what keepalived refuses on an IPv6 instance. Returns the inventory folder.
 */
export function dualStackVrrp2WithAuth(): string {
  const dir = tempDir();
  cpSync(DUAL_STACK, dir, { recursive: true });
  // whatever the fixture's advert interval: VRRPv2 takes whole seconds
  edit(
    dir,
    'idc-ds.yaml',
    /vrrp: \{ version: 3, advert_int: [\d.]+ \}/,
    'vrrp: { version: 2, advert_int: 1 }',
  );
  edit(dir, 'idc-ds-tenants.yaml', '    routers:\n', '    routers:\n      auth: { secret: shop-vrrp }\n');
  return dir;
}

/**
 * A copy of the dual-stack fixture with `pools.mgmt6` replaced by `mgmt6` when given, and an
 * SNMPv2c community (the name of its secret) when `community` is given. Returns the inventory folder.
 */
export function dualStackMgmt6(o: { mgmt6?: string; community?: string }): string {
  const dir = tempDir();
  cpSync(DUAL_STACK, dir, { recursive: true });
  if (o.mgmt6) edit(dir, 'idc-ds.yaml', /mgmt6: \S+/, `mgmt6: ${o.mgmt6}`);
  if (o.community)
    edit(
      dir,
      'idc-ds.yaml',
      'priv: { secret: snmp-noc-priv } }',
      `priv: { secret: snmp-noc-priv }, community: { secret: ${o.community} } }`,
    );
  return dir;
}

/**
 * A copy of the dual-stack fixture whose second upstream (isp2, on edge2) peers over IPv4 only:
 * the site's IPv6 then reaches the internet through edge1 alone. Returns the inventory folder.
 */
export function dualStackOneIpv6Upstream(): string {
  const dir = tempDir();
  cpSync(DUAL_STACK, dir, { recursive: true });
  edit(dir, 'idc-ds.yaml', "    address6: 2001:db8:ffff:2::1/127\n    peer6: '2001:db8:ffff:2::'\n", '');
  edit(dir, 'idc-ds.yaml', ', originate6: [2001:db8:f2::/48]', '');
  return dir;
}
