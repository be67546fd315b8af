/** cabling.csv: one row per physical cable, for the people who pull them (RFC 4180 quoting). */

import { isPhysical } from '../model/cables.js';
import type { FrozenSite } from '../pipeline.js';

export const CABLING_COLUMNS = [
  'cable',
  'kind',
  'a_device',
  'a_interface',
  'a_rack',
  'a_mtu',
  'b_device',
  'b_interface',
  'b_rack',
  'b_mtu',
] as const;

/** Quotes a field only when it needs it: a comma, a quote or a line break. */
export function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function cablingCsv(site: FrozenSite): string {
  const rackOf = new Map(site.devices.map((d) => [d.name, d.rack]));
  const rows = site.cables
    .filter(isPhysical)
    .map((c, i) => [
      i + 1,
      c.kind,
      c.a.device,
      c.a.interface,
      rackOf.get(c.a.device) ?? '',
      c.a.mtu,
      c.b.device,
      c.b.interface,
      rackOf.get(c.b.device) ?? '',
      c.b.mtu,
    ]);
  return `${[[...CABLING_COLUMNS], ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
