/**
 * The plan of a push, from what the devices hold now: which devices change and why, in which
 * waves, with which on-device transaction. Pure — no SSH, no clock — so it is the dry run
 * (`fabric push --dry-run` prints it) and what the steps that change devices follow.
 */
import type { DeepReadonly } from '../model/freeze.js';
import type { SiteModel } from '../model/types.js';
import { TARGETS } from '../render/files.js';
import { type CredentialWork, credentialWork } from './credentials.js';
import type { DeviceWork, Unreadable } from './read.js';
import { isUnreadable } from './read.js';
import { type DeviceReport, plural, type Verdict } from './report.js';
import { buildTransaction, type Transaction } from './transaction.js';
import { planWaves, type Wave, type WavePlan } from './waves.js';

export interface PlanInput {
  site: DeepReadonly<SiteModel>;
  pushId: string;
  /** What the read found on each device, in the order the report lists them. */
  states: readonly (DeviceWork | Unreadable)[];
  /** Rendered content by `device/path`. */
  contents: ReadonlyMap<string, string>;
  dryRun: boolean;
  canary: boolean;
}

/** A device that changes: its on-device transaction and the new content of each changed file, by target. */
export interface PlannedWork extends DeviceWork {
  transaction: Transaction;
  contents: Map<string, string>;
}

export interface PushPlan {
  /** Every device read, as the report starts it: unchanged, planned or unreachable, and its wave. */
  devices: DeviceReport[];
  unreadable: Unreadable[];
  /** How many devices answered. */
  reachable: number;
  /** The devices that change, each with its transaction (an unreadable device has none). */
  changing: PlannedWork[];
  waves: Wave[];
  /** Why two devices are kept apart (waves.ts). */
  constraints: string[];
  /** "3 of 20 devices change, in 2 waves": what is asked to confirm, and how the report starts. */
  summary: string;
  /** "2 devices could not be read (leaf1a, leaf1b)", or empty. */
  couldNotRead: string;
  /** The push ends here, before anything changes and without diffs: nothing to do, or a device that could not be read. */
  stop: Verdict | null;
  /** Client passwords changed in two phases around the waves (credentials.ts). */
  credentials: CredentialWork[];
}

export function planPush(input: PlanInput): PushPlan {
  const devices = new Map<string, DeviceReport>(
    input.states.map((s) => [
      s.device.name,
      {
        device: s.device.name,
        status: 'unchanged',
        wave: null,
        changes: [],
        config: 'untouched',
        detail: '',
      },
    ]),
  );
  const set = (name: string, patch: Partial<DeviceReport>) => Object.assign(devices.get(name)!, patch);
  const unreadable = input.states.filter(isUnreadable);
  // in a dry run, a device that cannot be read is shown as new: every file
  for (const u of unreadable)
    set(u.device.name, {
      status: 'unreachable',
      detail: input.dryRun ? `${u.error}; if it is new, every file is new` : u.error,
      changes: input.dryRun ? u.files.map((f) => f.target) : [],
    });
  const couldNotRead = unreadable.length
    ? `${plural(unreadable.length, 'device')} could not be read (${unreadable.map((u) => u.device.name).join(', ')})`
    : '';
  const reachable = input.states.filter((s): s is DeviceWork => !isUnreadable(s));
  // the device lines are the map's objects: what is set on them below shows in every return
  const plan: PushPlan = {
    devices: [...devices.values()],
    unreadable,
    reachable: reachable.length,
    changing: [],
    waves: [],
    constraints: [],
    summary: '',
    couldNotRead,
    stop: null,
    credentials: [],
  };
  if (unreadable.length && !input.dryRun)
    return { ...plan, stop: { result: 'aborted', message: `${couldNotRead}; nothing was changed` } };

  const changing = reachable.map(withRunningDrift).filter((w) => w.changed.length);
  const credentials = credentialWork(reachable, input.contents);
  const pending = credentials.filter((c) => !changing.some((w) => w.device.name === c.device));
  for (const w of changing)
    set(w.device.name, {
      status: 'planned',
      changes: w.changed.map((f) => f.target),
      detail: w.runningDrift.length
        ? `FRR's running config differs from ${TARGETS.frrConf} (${plural(w.runningDrift.length, 'difference')}: ${w.runningDrift[0]}${w.runningDrift.length > 1 ? '; …' : ''}): reload`
        : '',
    });
  if (changing.length === 0 && unreadable.length === 0 && pending.length === 0)
    return {
      ...plan,
      stop: {
        result: 'nothing-to-do',
        message: `all ${reachable.length} devices already run the rendered configs`,
      },
    };

  const planned = planWaves(input.site, [
    ...changing.map((w) => w.device.name),
    ...unreadable.map((u) => u.device.name),
  ]);
  const waves = input.canary ? withCanary(planned) : planned.waves;
  for (const w of waves) for (const d of w.devices) set(d, { wave: w.index });
  return {
    ...plan,
    changing: changing.map((w) => ({
      ...w,
      transaction: buildTransaction(input.pushId, w.device.name, w.changed, { frrRestart: w.frrRestart }),
      contents: new Map(w.changed.map((f) => [f.target, input.contents.get(`${w.device.name}/${f.path}`)!])),
    })),
    waves,
    constraints: planned.constraints,
    credentials,
    // with devices that could not be read (planned as new, in the waves too), count the read ones as such
    summary: `${
      reachable.length === 0
        ? `no device could be read: ${plural(unreadable.length, 'device')} planned as new`
        : `${changing.length} of ${reachable.length} ${unreadable.length ? 'readable ' : ''}devices change${unreadable.length ? ` and ${unreadable.length} unreadable ${unreadable.length === 1 ? 'is' : 'are'} planned` : ''}`
    }, in ${plural(waves.length, 'wave')}${pending.length ? `; a password change an earlier push left half done is finished on ${[...new Set(pending.map((c) => c.device))].join(', ')}` : ''}`,
  };
}

/** What a dry run ends with: the plan's summary, and the devices it could not read. */
export function dryRunVerdict(plan: PushPlan): Verdict {
  return {
    result: 'planned',
    message: plan.unreadable.length
      ? `dry run: ${plan.summary}; ${plan.couldNotRead}: shown as new (every file), their real diff is unknown until they answer; nothing was changed`
      : `dry run: ${plan.summary}; nothing was changed`,
  };
}

/** FRR running something else than its file: re-apply the same frr.conf so FRR reloads it. */
function withRunningDrift(w: DeviceWork): DeviceWork {
  if (!w.runningDrift.length) return w;
  return { ...w, changed: [...w.changed, w.files.find((f) => f.target === TARGETS.frrConf)!] };
}

/** A canary first: the first device of the first wave alone, then the plan. */
function withCanary(plan: WavePlan): Wave[] {
  const [first, ...rest] = plan.waves;
  if (!first || first.devices.length < 2) return plan.waves;
  const waves = [
    { index: 1, devices: [first.devices[0]!] },
    { index: 2, devices: first.devices.slice(1) },
    ...rest,
  ];
  return waves.map((w, i) => ({ ...w, index: i + 1 }));
}
