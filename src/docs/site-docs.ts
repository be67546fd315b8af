/**
 * A site's documentation in memory: README.md (summary, diagrams, tables), cabling.csv and each
 * diagram's Mermaid source under diagrams/. Pure: the same model and inputs give the same bytes.
 */
import { roleSpec } from '../compile/roles.js';
import { isPhysical, isVirtualNic } from '../model/cables.js';
import type { FrozenSite } from '../pipeline.js';
import type { ServicesAcrossSites } from '../whatif/sites.js';
import type { WhatifReport } from '../whatif/types.js';
import { acrossSitesSection } from './across-sites.js';
import { cablingCsv } from './csv.js';
import { c4Diagram } from './diagrams/c4.js';
import { physicalDiagram } from './diagrams/physical.js';
import { servicePathDiagram } from './diagrams/service-path.js';
import { type FailoverMeasurement, failoverTable } from './failover.js';
import { allocationTable, poolTable } from './ip-plan.js';
import { plural, section } from './markdown.js';
import { tenantsOf } from './places.js';
import type { DiagramSource } from './svg.js';
import {
  asnTable,
  budgetTable,
  cablingTable,
  deviceTable,
  failureDomainTable,
  redundancyTable,
  timersTable,
  virtualNicTable,
} from './tables.js';
import { tenantView } from './tenant-view.js';
import { segmentTable, tenantSection } from './tenants.js';
import { whatifSummaryLine, whatifTable } from './whatif.js';

export interface SiteDocsInput {
  site: FrozenSite;
  /** `fabric whatif`'s N-1 report of the site, or null when it was not computed (`--no-whatif`). */
  whatif: WhatifReport | null;
  /** The last measured failover (`--failover-report`), or null. */
  failover: FailoverMeasurement | null;
  /** Which of the site's services other sites offer too (`servicesAcrossSites`), or null to leave it out. */
  acrossSites: ServicesAcrossSites | null;
}

export interface DocFile {
  /** Path inside the site's folder. */
  path: string;
  content: string;
}

export interface SiteDocs {
  site: string;
  files: DocFile[];
  diagrams: DiagramSource[];
}

export const DIAGRAMS_DIR = 'diagrams';

const mermaidBlock = (d: DiagramSource) => `\`\`\`mermaid\n${d.mermaid}\`\`\``;

function summary(site: FrozenSite, tenants: readonly string[]): string {
  const roles = new Map<string, number>();
  const byTier = [...site.devices].sort((a, b) => roleSpec(a.role).tier - roleSpec(b.role).tier);
  for (const d of byTier) roles.set(d.role, (roles.get(d.role) ?? 0) + 1);
  const announce = site.ipPlan.filter((e) => e.kind === 'announce').map((e) => e.prefix);
  const budgetsMissed = site.budgets.filter((b) => !b.met).length;
  return [
    `- ${plural(site.devices.length, 'device')}: ${[...roles].map(([r, n]) => `${n} ${r}`).join(', ')}`,
    `- ${plural(site.cables.filter(isPhysical).length, 'cable')} (+ ${plural(site.cables.filter(isVirtualNic).length, 'virtual NIC')})`,
    `- ${plural(site.redundancyGroups.length, 'redundancy group')}, ${plural(site.budgets.length, 'failure budget')} (${budgetsMissed ? `**${budgetsMissed} not met**` : 'all met'})`,
    `- ${plural(tenants.length, 'tenant')}${tenants.length ? ` (${tenants.join(', ')})` : ''}, ${plural(site.segments.length, 'segment')}`,
    `- management ${site.mgmt.subnet} (gateway ${site.mgmt.gateway}); announced ${announce.join(', ') || 'nothing'}`,
  ].join('\n');
}

function whatifPart(input: SiteDocsInput): string {
  const r = input.whatif;
  if (!r)
    return section(
      2,
      'What a single failure costs',
      '_Not computed for this document (`fabric docs --no-whatif`); run `fabric whatif --site ' +
        input.site.name +
        '`._',
    );
  const notes = r.notes.map((n) => `_${n}_`).join('\n\n');
  return section(
    2,
    'What a single failure costs',
    [whatifTable(r), notes].filter(Boolean).join('\n\n'),
    `From the model alone (\`fabric whatif\`): ${whatifSummaryLine(r)}`,
  );
}

function failoverPart(input: SiteDocsInput): string {
  const m = input.failover;
  if (!m)
    return section(
      2,
      'Measured failover',
      '_No measurement given: `fabric docs --failover-report FILE` shows the JSON of `fabric lab failover --json` here._',
    );
  return section(
    2,
    'Measured failover',
    failoverTable(input.site, m),
    `Measured in lab \`${m.lab}\` (\`fabric lab failover\`), next to the model's worst case and the budget.`,
  );
}

export function siteDocs(input: SiteDocsInput): SiteDocs {
  const { site } = input;
  const tenants = tenantsOf(site).map((t) => tenantView(site, t));
  const c4: DiagramSource = { name: 'c4-containers', mermaid: c4Diagram(site) };
  const physical: DiagramSource = { name: 'physical-topology', mermaid: physicalDiagram(site) };
  const paths = tenants.map((t) => ({
    name: `service-path-${t.name}`,
    mermaid: servicePathDiagram(site, t),
  }));
  const readme = [
    `# Site ${site.name}`,
    `${site.description ? `${site.description}. ` : ''}Written by \`fabric docs\` from the compiled model: do not edit, regenerate.`,
    summary(
      site,
      tenants.map((t) => t.name),
    ),
    section(
      2,
      'Architecture',
      mermaidBlock(c4),
      "C4 containers by zone; each container is a redundancy group or a tenant's pair, named with how it is redundant.",
    ),
    section(
      2,
      'Physical topology',
      mermaidBlock(physical),
      'Every cable with its ports (upper end first); each host shows the VMs it runs.',
    ),
    section(2, 'Devices', deviceTable(site)),
    section(
      2,
      'Cabling',
      `${cablingTable(site)}\n\nVirtual NICs (a VM's port on its hypervisor):\n\n${virtualNicTable(site)}`,
      'Each cable once, both ends; the same as [cabling.csv](cabling.csv).',
    ),
    section(
      2,
      'IP plan',
      `${poolTable(site)}\n\n${allocationTable(site)}`,
      'Pools, segments and announced prefixes with the space left in each, then every allocation.',
    ),
    section(2, 'AS numbers', asnTable(site)),
    section(
      2,
      'Tenants',
      [
        segmentTable(site),
        ...tenants.map((t, i) => `${tenantSection(t)}\n\n${mermaidBlock(paths[i]!)}`),
      ].join('\n\n'),
    ),
    section(2, 'Redundancy groups', redundancyTable(site)),
    section(2, 'Failure domains', failureDomainTable(site)),
    section(2, 'Timers', timersTable(site)),
    section(
      2,
      'Failure budgets',
      budgetTable(site),
      'The worst-case outage the timers allow, against what the users accept.',
    ),
    whatifPart(input),
    ...(input.acrossSites ? [acrossSitesSection(input.acrossSites)] : []),
    failoverPart(input),
  ];
  const diagrams = [c4, physical, ...paths];
  return {
    site: site.name,
    files: [
      { path: 'README.md', content: `${readme.join('\n\n')}\n` },
      { path: 'cabling.csv', content: cablingCsv(site) },
      ...diagrams.map((d) => ({ path: `${DIAGRAMS_DIR}/${d.name}.mmd`, content: d.mermaid })),
    ],
    diagrams,
  };
}
