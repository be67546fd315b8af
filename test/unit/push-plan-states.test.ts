/**
 * The plan of a push from device states, with no SSH: which devices change and why, in which
 * waves, with which transaction, and where the push stops before changing anything. This is
 * what `fabric push --dry-run` prints; the steps that change devices follow it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeepReadonly } from '../../src/model/freeze.js';
import type { Device } from '../../src/model/types.js';
import { sshTarget } from '../../src/observe/ssh-runner.js';
import { dryRunVerdict, type PlanInput, planPush } from '../../src/push/plan.js';
import type { DeviceWork, Unreadable } from '../../src/push/read.js';
import { own } from '../../src/util/own.js';
import { onDevice } from '../support/push-states.js';
import { renderExample } from '../support/render.js';

const [idcA] = renderExample();
const { site, manifest, rendered } = idcA!;
const contents = new Map(rendered.files.map((f) => [`${f.device}/${f.file}`, f.content]));
const managed = site.devices.filter((d) => d.managed && own(manifest.devices, d.name));
const filesOf = (name: string) => own(manifest.devices, name)!.files;
const FRR_CONF = '/etc/frr/frr.conf';

/** A device with nothing of fabric on it: every file absent, so every file changes. */
function empty(d: DeepReadonly<Device>): DeviceWork {
  const files = filesOf(d.name);
  return {
    device: d,
    target: sshTarget(d),
    files,
    previous: new Map(files.map((f) => [f.target, null])),
    changed: files,
    runningDrift: [],
    frrRestart: files.some((f) => f.target === '/etc/frr/daemons'),
    pendingCredentials: false,
  };
}

/** A device that already runs the rendered files; `changed` lists the targets that differ. */
const current = (d: DeepReadonly<Device>, changed: string[] = [], runningDrift: string[] = []) =>
  onDevice(d, filesOf(d.name), { changed, runningDrift });

function unreadable(d: DeepReadonly<Device>): Unreadable {
  return { device: d, files: filesOf(d.name), kind: 'unreachable', error: `${d.name}: connection refused` };
}

function plan(states: PlanInput['states'], opts: Partial<PlanInput> = {}) {
  return planPush({
    site,
    pushId: '20261201T000000Z-abcd',
    states,
    contents,
    dryRun: false,
    canary: false,
    ...opts,
  });
}

const line = (p: ReturnType<typeof plan>, name: string) => p.devices.find((d) => d.device === name)!;
const waveOf = (p: ReturnType<typeof plan>, name: string) =>
  p.waves.find((w) => w.devices.includes(name))?.index;

describe('the plan of a push, from device states', () => {
  it('GIVEN every managed device empty THEN each changes every file, in one wave each, never with its partner', () => {
    const p = plan(managed.map(empty));
    expect(p.stop).toBeNull();
    expect(p.changing.map((w) => w.device.name).sort()).toEqual(managed.map((d) => d.name).sort());
    const placed = p.waves.flatMap((w) => w.devices);
    expect(placed.sort()).toEqual(managed.map((d) => d.name).sort());
    for (const [a, b] of [
      ['leaf1a', 'leaf1b'],
      ['spine1', 'spine2'],
      ['vr1', 'vr2'],
      ['hv1', 'vr2'],
    ] as const)
      expect(waveOf(p, a), `${a} and ${b}`).not.toBe(waveOf(p, b));
    for (const w of p.changing) {
      expect(w.transaction.files.map((f) => f.target)).toEqual(filesOf(w.device.name).map((f) => f.target));
      expect(w.transaction.pushId).toBe('20261201T000000Z-abcd');
      for (const f of w.changed)
        expect(w.contents.get(f.target)).toBe(contents.get(`${w.device.name}/${f.path}`));
      expect(line(p, w.device.name)).toMatchObject({ status: 'planned', wave: waveOf(p, w.device.name) });
    }
    expect(p.summary).toBe(
      `${managed.length} of ${managed.length} devices change, in ${p.waves.length} waves`,
    );
  });

  it('GIVEN every device on the rendered configs THEN nothing to do: no waves, every device unchanged', () => {
    const p = plan(managed.map((d) => current(d)));
    expect(p.stop).toEqual({
      result: 'nothing-to-do',
      message: `all ${managed.length} devices already run the rendered configs`,
    });
    expect(p.waves).toEqual([]);
    expect(p.changing).toEqual([]);
    expect(p.devices.every((d) => d.status === 'unchanged' && d.wave === null)).toBe(true);
  });

  it("GIVEN only leaf1a's frr.conf differing THEN one wave of leaf1a, a reload (not a restart) of that file alone", () => {
    const p = plan(managed.map((d) => current(d, d.name === 'leaf1a' ? [FRR_CONF] : [])));
    expect(p.waves).toEqual([{ index: 1, devices: ['leaf1a'] }]);
    const [w] = p.changing;
    expect(w!.transaction.files.map((f) => f.target)).toEqual([FRR_CONF]);
    const reload = w!.transaction.steps.reload.join('\n');
    expect(reload).toContain('frr-reload.py --reload');
    expect(reload).not.toContain('systemctl restart');
    expect(line(p, 'leaf1a')).toMatchObject({ status: 'planned', wave: 1, changes: [FRR_CONF], detail: '' });
    expect(line(p, 'leaf1b')).toMatchObject({ status: 'unchanged', wave: null, changes: [] });
    expect(p.summary).toBe(`1 of ${managed.length} devices change, in 1 wave`);
  });

  it("GIVEN FRR's running config differing on spine1 (its files the rendered ones) THEN frr.conf is re-applied, and the line says why; the state read is not changed", () => {
    const spine1 = current(
      managed.find((d) => d.name === 'spine1')!,
      [],
      ['neighbor 10.0.0.1 shutdown', 'x'],
    );
    const p = plan([spine1, ...managed.filter((d) => d.name !== 'spine1').map((d) => current(d))]);
    expect(p.changing.map((w) => w.changed.map((f) => f.target))).toEqual([[FRR_CONF]]);
    expect(line(p, 'spine1').detail).toBe(
      `FRR's running config differs from ${FRR_CONF} (2 differences: neighbor 10.0.0.1 shutdown; …): reload`,
    );
    expect(spine1.changed).toEqual([]);
  });

  it('GIVEN a device that cannot be read THEN the push stops before anything changes, naming it; nothing is planned', () => {
    const p = plan(managed.map((d) => (d.name === 'leaf2b' ? unreadable(d) : empty(d))));
    expect(p.stop).toEqual({
      result: 'aborted',
      message: '1 device could not be read (leaf2b); nothing was changed',
    });
    expect(p.waves).toEqual([]);
    expect(p.changing).toEqual([]);
    expect(line(p, 'leaf2b')).toMatchObject({
      status: 'unreachable',
      changes: [],
      detail: 'leaf2b: connection refused',
    });
    expect(p.devices.filter((d) => d.status !== 'unreachable').every((d) => d.status === 'unchanged')).toBe(
      true,
    );
  });

  it('GIVEN a device that cannot be read in a dry run THEN it is shown as new (every file) in its wave, without a transaction', () => {
    const p = plan(
      managed.map((d) =>
        d.name === 'leaf2b' ? unreadable(d) : current(d, d.name === 'leaf2a' ? [FRR_CONF] : []),
      ),
      { dryRun: true },
    );
    expect(p.stop).toBeNull();
    expect(p.changing.map((w) => w.device.name)).toEqual(['leaf2a']);
    expect(waveOf(p, 'leaf2b')).not.toBe(waveOf(p, 'leaf2a'));
    expect(line(p, 'leaf2b')).toMatchObject({
      status: 'unreachable',
      wave: waveOf(p, 'leaf2b'),
      changes: filesOf('leaf2b').map((f) => f.target),
      detail: 'leaf2b: connection refused; if it is new, every file is new',
    });
    expect(dryRunVerdict(p)).toEqual({
      result: 'planned',
      message: `dry run: 1 of ${managed.length - 1} readable devices change and 1 unreadable is planned, in 2 waves; 1 device could not be read (leaf2b): shown as new (every file), their real diff is unknown until they answer; nothing was changed`,
    });
  });

  it('GIVEN a dry run where no device answers THEN the summary says so, not "0 of 0 readable devices change"', () => {
    const p = plan(managed.filter((d) => d.name === 'leaf2b').map(unreadable), { dryRun: true });
    expect(p.summary).toBe('no device could be read: 1 device planned as new, in 1 wave');
  });

  it('GIVEN a canary THEN the first device of the first wave goes alone, then the rest of that wave, then the others', () => {
    const states = managed.map(empty);
    const plain = plan(states);
    const canary = plan(states, { canary: true });
    const [first, ...rest] = plain.waves;
    expect(canary.waves).toEqual([
      { index: 1, devices: [first!.devices[0]] },
      { index: 2, devices: first!.devices.slice(1) },
      ...rest.map((w) => ({ ...w, index: w.index + 1 })),
    ]);
    expect(line(canary, first!.devices[0]!).wave).toBe(1);
  });

  it('GIVEN any mix of empty, current and unreadable devices, in a dry run THEN every device that changes or is unread is in exactly one wave, and only those that change have a transaction', () => {
    const kinds = fc.array(fc.constantFrom('empty', 'current', 'unreadable'), {
      minLength: managed.length,
      maxLength: managed.length,
    });
    fc.assert(
      fc.property(kinds, fc.boolean(), (ks, canary) => {
        const states = managed.map((d, i) =>
          ks[i] === 'empty' ? empty(d) : ks[i] === 'unreadable' ? unreadable(d) : current(d),
        );
        const p = plan(states, { dryRun: true, canary });
        const expected = managed.filter((_, i) => ks[i] !== 'current').map((d) => d.name);
        const placed = p.waves.flatMap((w) => w.devices);
        expect([...placed].sort()).toEqual([...expected].sort());
        expect(p.changing.map((w) => w.device.name).sort()).toEqual(
          managed
            .filter((_, i) => ks[i] === 'empty')
            .map((d) => d.name)
            .sort(),
        );
        expect(p.waves.map((w) => w.index)).toEqual(p.waves.map((_, i) => i + 1));
        expect(plan(states, { dryRun: true, canary })).toEqual(p);
      }),
      { numRuns: 40 },
    );
  });
});
