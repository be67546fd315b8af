/**
 * gdnsd, the GSLB DNS server (docs/active-active.md): /etc/gdnsd/config (listeners, the health
 * monitors, the multifo resources) and one zone file per zone, validated together with
 * `gdnsd checkconf` on a copy before anything moves, made live with Debian's reload
 * (`gdnsdctl replace`: a new daemon takes the sockets over without losing queries), read back as
 * files for drift. Why gdnsd and not PowerDNS: docs/active-active.md.
 */
import { compareFileInUse } from '../../drift/driver.js';
import type { GdnsdZone } from '../../model/gslb.js';
import { runsDns } from '../../model/runs.js';
import { restartDropIn } from '../drop-in.js';
import { oneProcessStatus, reloadableUnit, stagedAt, withDropIns } from '../steps.js';
import type { DaemonDriver, DeviceView, FileSpec, StagedFile, TransactionSteps } from '../types.js';
import {
  gdnsdAffectsForwarding,
  gdnsdLineKey,
  gdnsdSectionHeader,
  normaliseGdnsdConfig,
  normaliseGdnsdZone,
} from './drift.js';

export const GDNSD_DIR = '/etc/gdnsd';
export const GDNSD_CONFIG = `${GDNSD_DIR}/config`;
/** systemd drop-in: Debian's unit does not restart a gdnsd that died (GdnsdModel.restartMs). */
const DROP_IN = restartDropIn('gdnsd', 'gdnsd');
export const GDNSD_DROP_IN = DROP_IN.target;

const zonesOf = (d: DeviceView): readonly GdnsdZone[] =>
  runsDns(d) ? (d.gdnsd as { zones: GdnsdZone[] }).zones : [];

/** The staged config and zones are checked together in a copy of /etc/gdnsd. */
function validate(files: readonly StagedFile[]): string[] {
  const config = stagedAt(files, GDNSD_CONFIG);
  const zones = files.filter((f) => f.target.startsWith(`${GDNSD_DIR}/zones/`));
  return [
    '# check a copy: the new files are not in place yet',
    `mkdir -p gdnsd-check/zones && { cp -p ${GDNSD_CONFIG} gdnsd-check/ 2>/dev/null; cp -p ${GDNSD_DIR}/zones/* gdnsd-check/zones/ 2>/dev/null; true; }`,
    ...(config ? [`cp files/${config} gdnsd-check/config`] : []),
    ...zones.map((z) => `cp files/${z.n} gdnsd-check/zones/${z.target.slice(GDNSD_DIR.length + 7)}`),
    'gdnsd -c "$dir/gdnsd-check" checkconf > validate-gdnsd.out 2>&1 || { echo "gdnsd config rejected by gdnsd checkconf: $(grep -m1 -i error validate-gdnsd.out)"; ok=1; }',
  ];
}

function steps(files: readonly StagedFile[]): Partial<TransactionSteps> {
  const unit = reloadableUnit('gdnsd');
  return { validate: validate(files), ...unit, ...withDropIns(files, [GDNSD_DROP_IN], unit) };
}

const rules = {
  daemon: 'gdnsd' as const,
  key: gdnsdLineKey,
  affectsForwarding: gdnsdAffectsForwarding,
  header: gdnsdSectionHeader,
};

export const gdnsd: DaemonDriver = {
  name: 'gdnsd',
  files(d) {
    const specs: FileSpec[] = [
      {
        daemon: 'gdnsd',
        file: 'gdnsd/config',
        template: 'gdnsd/config',
        target: GDNSD_CONFIG,
        mode: 0o644,
        owner: 'root:root',
      },
    ];
    for (const z of zonesOf(d))
      specs.push({
        daemon: 'gdnsd',
        file: `gdnsd/${z.file}`,
        template: 'gdnsd/zone',
        target: `${GDNSD_DIR}/${z.file}`,
        mode: 0o644,
        owner: 'root:root',
        part: z,
      });
    specs.push(DROP_IN.file);
    return specs;
  },
  printed: (d) => (runsDns(d) ? d.gdnsd : {}),
  push: { unit: 'gdnsd', steps },
  drift: {
    processes: () => ['gdnsd'],
    reads: (d) => [
      ['gdnsd/config', `echo ${GDNSD_CONFIG}; cat ${GDNSD_CONFIG}`],
      ...zonesOf(d).map((z): [string, string] => [
        `gdnsd/${z.file}`,
        `echo ${GDNSD_DIR}/${z.file}; cat ${GDNSD_DIR}/${z.file}`,
      ]),
      DROP_IN.read,
    ],
    compare: (ctx) => [
      ...compareFileInUse(ctx, 'gdnsd/config', 'gdnsd/config', rules, normaliseGdnsdConfig),
      ...zonesOf(ctx.device).flatMap((z) =>
        compareFileInUse(ctx, `gdnsd/${z.file}`, `gdnsd/${z.file}`, rules, normaliseGdnsdZone),
      ),
      ...DROP_IN.compare(ctx),
    ],
  },
  lab: {
    requires: () => [{ program: 'gdnsd', pkg: 'gdnsd' }],
    status: oneProcessStatus('gdnsd'),
  },
};
