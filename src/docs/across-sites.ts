/**
 * Which of a site's services another site offers too, as a README section: the ones no other
 * site offers are lost with the site. src/whatif/sites.ts (`servicesAcrossSites`) decides it.
 */
import type { ServicesAcrossSites } from '../whatif/sites.js';
import { mdTable, section } from './markdown.js';

const LOST = '**none**: lost with the site';

const gslbName = (s: { service: string; fqdn: string }) => `${s.service} (${s.fqdn})`;

function lead(a: ServicesAcrossSites): string {
  const only = [...a.gslbSingleSite.map(gslbName), ...a.notInGslb];
  const scope = a.gslb
    ? "Whether another site offers each of the site's services too (the inventory's `gslb` section); `fabric whatif --sites` says how the shared ones move, and how fast."
    : 'The inventory has no `gslb` section: no service spans sites (`fabric whatif --sites`).';
  const verdict = only.length
    ? `Offered by this site only, so losing ${a.site} loses them: ${only.map((s) => `\`${s}\``).join(', ')}.`
    : 'Every service of the site is offered by another site too.';
  return `${scope} ${verdict}`;
}

export function acrossSitesSection(a: ServicesAcrossSites): string {
  const rows = [
    ...a.gslbSingleSite.map((s) => [gslbName(s), 'gslb service', `${LOST} (gslb-single-site)`]),
    ...a.notInGslb.map((v) => [v, a.gslb ? 'L4 service, in no gslb service' : 'L4 service', LOST]),
    ...a.shared.map((s) => [gslbName(s), 'gslb service', s.with.join(', ')]),
  ];
  if (!rows.length)
    return section(2, 'Services across sites', `_${a.site} offers no L4 service and no gslb service._`);
  return section(2, 'Services across sites', mdTable(['service', 'what', 'also offered by'], rows), lead(a));
}
