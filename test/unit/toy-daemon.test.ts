/**
 * A daemon added in the test tree only: a registry entry with its own file, process, read,
 * compare and lab start. Push (the transaction), render (its file), drift (the collect plan and
 * the compare) and the lab (export, plan, preflight) pick it up through the registry, with no
 * other change: adding a daemon is a driver (and its templates, schema and model part).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DAEMONS } from '../../src/daemons/index.js';
import type { DaemonDriver, DaemonRegistry } from '../../src/daemons/types.js';
import { collectPlan } from '../../src/drift/collect.js';
import { compareFileInUse, fileInUse } from '../../src/drift/driver.js';
import { deviceFindings } from '../../src/drift/poller.js';
import type { DriftDaemon } from '../../src/drift/types.js';
import { planLab } from '../../src/lab/plan/lab-plan.js';
import { preflight } from '../../src/lab/runtime/preflight.js';
import { parseTopologyText } from '../../src/lab/topology/parse.js';
import type { Device, SiteModel } from '../../src/model/types.js';
import { buildTransaction, transactionScript } from '../../src/push/transaction.js';
import { fileSpecs } from '../../src/render/files.js';
import type { ManifestFile } from '../../src/render/manifest.js';
import { TemplateSet } from '../../src/render/templates.js';
import { exportTopology } from '../../src/topology/clab.js';
import { renderExample } from '../support/render.js';

const TOY_CONF = '/etc/toyd/toyd.conf';

/** toyd: one config file of `key value` lines, one process, reloaded with SIGHUP. */
const toyd: DaemonDriver = {
  name: 'toyd',
  files: () => [
    { daemon: 'toyd', file: 'toyd.conf', template: null, target: TOY_CONF, mode: 0o644, owner: 'root:root' },
  ],
  printed: () => ({}),
  push: {
    unit: 'toyd',
    steps: (files) => ({
      validate: files.map((f) => `toyd --check files/${f.n} || { echo "toyd.conf rejected"; ok=1; }`),
      reload: ['systemctl reload-or-restart toyd || return 1'],
      healthy: ['pidof toyd > /dev/null || down="$down toyd"'],
      reloadPrevious: [
        'if was_active toyd; then systemctl restart toyd || rc=1; else systemctl stop toyd || :; fi',
      ],
      healthyPrevious: ['if was_active toyd; then pidof toyd > /dev/null || down="$down toyd"; fi'],
    }),
  },
  drift: {
    processes: () => ['toyd'],
    reads: () => [['toyd.conf', fileInUse('toyd', '-c', TOY_CONF)]],
    compare: (ctx) =>
      compareFileInUse(
        ctx,
        'toyd.conf',
        'toyd.conf',
        {
          daemon: 'toyd' as DriftDaemon,
          key: (l) => l.split(' ')[0] ?? null,
          affectsForwarding: () => false,
        },
        (text) => [{ name: 'toyd', lines: text.split('\n').filter(Boolean) }],
      ),
  },
  lab: {
    requires: () => [{ program: 'toyd', pkg: 'toyd' }],
    exec: () => ['toyd --wait-ready'],
    status: ({ has }) => ({ up: has('toyd'), detail: has('toyd') ? 'ok' : 'not running' }),
  },
};

const REGISTRY: DaemonRegistry = { ...DAEMONS, toyd };
const example = renderExample()[0]!;
/** web1 (HAProxy) with toyd beside. */
const web1 = example.site.devices.find((d) => d.name === 'web1')!;
const device = { ...web1, daemons: [...web1.daemons, 'toyd'] } as unknown as Device;
const toyFile: ManifestFile = {
  path: 'toyd.conf',
  target: TOY_CONF,
  daemon: 'toyd',
  owner: 'root:root',
  mode: '0644',
  sha256: 'x',
  secrets: [],
};

describe('a toy daemon, through the registry only', () => {
  it('GIVEN a device running it THEN render writes its file where its driver says', () => {
    expect(fileSpecs(device, REGISTRY).map((f) => f.target)).toContain(TOY_CONF);
  });

  it('GIVEN its file changing in a push THEN the transaction validates, reloads, checks and restores it', () => {
    const files = [...example.manifest.devices.web1!.files, toyFile];
    const t = buildTransaction('p', 'web1', files, { frrRestart: false }, REGISTRY);
    const script = transactionScript(new TemplateSet(), t);
    const body = (fn: string) =>
      script.slice(script.indexOf(`\n${fn}() {`), script.indexOf('\n}\n', script.indexOf(`\n${fn}() {`)));
    expect(body('validate')).toContain('toyd --check files/');
    expect(body('validate')).toContain('haproxy -c');
    expect(body('reload')).toContain('systemctl reload-or-restart toyd');
    expect(body('healthy')).toContain('pidof toyd');
    expect(body('reload_previous')).toContain('was_active toyd');
    expect(body('healthy_previous')).toContain('was_active toyd');
    expect(script).toContain('note_active toyd');
    expect(script).toContain(`put ${files.length} ${TOY_CONF} 0644 root root`);
    expect(spawnSync('sh', ['-n'], { input: script }).status).toBe(0);
    // and the real daemons' script does not change with it
    const without = buildTransaction('p', 'web1', example.manifest.devices.web1!.files, {
      frrRestart: false,
    });
    expect(transactionScript(new TemplateSet(), without)).not.toContain('toyd');
  });

  it('GIVEN drift THEN it reads its process and file, and reports it down and its file changed', () => {
    const plan = collectPlan(device, [], REGISTRY);
    expect(plan.reads.get('toyd.conf')).toContain(TOY_CONF);
    expect(plan.reads.has('procs')).toBe(true);
    const reads = new Map([
      ['procs', { code: 0, stdout: '1 haproxy\n', stderr: '' }],
      ['toyd.conf', { code: 0, stdout: `${TOY_CONF}\nport 8080\n`, stderr: '' }],
    ]);
    const findings = deviceFindings(
      { device, reads },
      {
        intended: (f) => (f === 'toyd.conf' ? 'port 80\n' : undefined),
        redact: (t) => t,
        now: 'now',
        daemons: REGISTRY,
      },
    );
    const toy = findings.filter((f) => (f.daemon as string) === 'toyd');
    expect(toy.map((f) => [f.kind, f.section])).toEqual([
      ['daemon', 'toyd'],
      ['changed', 'toyd'],
    ]);
    expect(toy[1]!.message).toBe('changed in toyd: "port 80" is "port 8080" on the device');
  });

  it('GIVEN the lab THEN the export starts it and runs its exec, and plan and preflight know it', () => {
    // web1 alone, booted empty (no binds to render first)
    const site = { ...example.site, devices: [device], cables: [] };
    const dir = '/tmp/fabric-toy';
    const text = exportTopology(site as unknown as SiteModel, {
      topologyPath: join(dir, 'toy.clab.yml'),
      renderedDir: join(dir, 'out'),
      manifest: example.manifest,
      empty: true,
      daemons: REGISTRY,
    });
    const node = parse(text).topology.nodes.web1;
    expect(node.env.FABRIC_DAEMONS).toBe('snmpd,haproxy,toyd');
    expect(node.exec).toContain('toyd --wait-ready');
    const { topology, diagnostics } = parseTopologyText(join(dir, 'toy.clab.yml'), text, {
      forRuntime: true,
      daemons: REGISTRY,
    });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const plan = planLab(topology!, { daemons: REGISTRY });
    expect(plan.nodes.find((n) => n.name === 'web1')!.daemons).toEqual(['sshd', 'snmpd', 'haproxy', 'toyd']);
    const missing = preflight(plan, { path: '/nonexistent', isRoot: true, exists: () => true }, REGISTRY);
    expect(missing).toContain(
      'missing toyd, needed by web1: apt-get install -y --no-install-recommends toyd',
    );
  });
});
