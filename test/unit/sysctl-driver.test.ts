/**
 * The kernel settings' driver (src/daemons/sysctl/): rendered for every device whose model lists
 * sysctls, pushed in the transaction (run for real with `sh`, a stand-in `sysctl` keeping the
 * kernel's values in files), compared by drift with the live values, and applied by the lab.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileSysctls } from '../../src/compile/kernel.js';
import { dataVipDaemons, runsFrr } from '../../src/compile/roles.js';
import { SYSCTL_CONF, sysctl, sysctlSettings } from '../../src/daemons/sysctl/index.js';
import { deviceFindings } from '../../src/drift/poller.js';
import type { HostInterface } from '../../src/model/types.js';
import { runPipeline } from '../../src/pipeline.js';
import { buildTransaction, transactionScript } from '../../src/push/transaction.js';
import type { ManifestFile } from '../../src/render/manifest.js';
import { TemplateSet } from '../../src/render/templates.js';
import { exportTopology } from '../../src/topology/clab.js';
import { REPO } from '../support/cli.js';
import { renderExample } from '../support/render.js';
import { tempDir } from '../support/tmp.js';

const example = renderExample()[0]!;
const device = (name: string) => example.site.devices.find((d) => d.name === name)!;
const rendered = (name: string) =>
  example.rendered.files.find((f) => f.device === name && f.daemon === 'sysctl')?.content;
const KEY = 'net.ipv4.conf.all.ignore_routes_with_linkdown';

describe('render', () => {
  it('GIVEN a routed device THEN its sysctls as /etc/sysctl.d/90-fabric.conf; GIVEN a managed one that does not route THEN no DAD on its own NICs only; GIVEN an application server THEN none', () => {
    expect(sysctlSettings(rendered('leaf1a')!)).toEqual(
      device('leaf1a').sysctls.map((s) => `${s.key} = ${s.value}`),
    );
    expect(example.manifest.devices.leaf1a!.files).toContainEqual(
      expect.objectContaining({ path: 'sysctl.conf', target: SYSCTL_CONF, daemon: 'sysctl', mode: '0644' }),
    );
    expect(device('leaf1a').sysctls).toContainEqual({ key: 'net.ipv6.conf.eth11.accept_dad', value: '0' });
    expect(device('web1').sysctls).toEqual(
      ['all', 'default', 'eth1', 'eth2'].map((i) => ({ key: `net.ipv6.conf.${i}.accept_dad`, value: '0' })),
    );
    // a hypervisor's own NICs, not its VMs' OVS ports
    expect(
      device('hv1')
        .sysctls.filter((s) => s.key.endsWith('accept_dad'))
        .map((s) => s.key),
    ).toEqual(['all', 'default', 'eth1', 'eth2'].map((i) => `net.ipv6.conf.${i}.accept_dad`));
    expect(device('app1').sysctls).toEqual([]);
    expect(rendered('app1')).toBeUndefined();
  });
});

describe("compile: what is derived from a device's daemons sees all of them", () => {
  /** The inventories compiled here, under the repository. */
  const INVENTORIES = [
    'inventory',
    ...['active-active', 'data-mq', 'data-pg', 'data-tier', 'dual-stack', 'k8s', 'lab-l4'].map(
      (f) => `test/fixtures/${f}/inventory`,
    ),
  ];

  it('GIVEN an IPv6 DNS VM that runs only gdnsd (gslb, compiled fabric-wide) THEN no DAD on its NICs, and snmpd where its site has SNMP', () => {
    const model = runPipeline(join(REPO, 'test', 'fixtures', 'active-active', 'inventory')).model!;
    const dns = (site: string, name: string) =>
      model.sites.find((s) => s.name === site)!.devices.find((d) => d.name === name)!;
    for (const [site, name] of [
      ['aa-a', 'dns1'],
      ['aa-b', 'dns2'],
    ] as const)
      expect(dns(site, name).sysctls).toEqual(
        ['all', 'default', 'eth1'].map((i) => ({ key: `net.ipv6.conf.${i}.accept_dad`, value: '0' })),
      );
    // aa-a has defaults.snmp, aa-b has not
    expect(dns('aa-a', 'dns1').daemons).toEqual(['gdnsd', 'snmpd']);
    expect(dns('aa-a', 'dns1').snmpd).not.toBeNull();
    expect(dns('aa-b', 'dns2').daemons).toEqual(['gdnsd']);
  });

  it.each(INVENTORIES)(
    "GIVEN %s THEN every device's sysctls and snmpd are those of its final daemons",
    (inventory) => {
      const model = runPipeline(join(REPO, inventory)).model!;
      for (const site of model.sites) {
        const snmp = site.devices.some((d) => d.snmpd);
        for (const d of site.devices) {
          const own = d.daemons.filter((x) => x !== 'snmpd');
          expect({ device: d.name, sysctls: d.sysctls }).toEqual({
            device: d.name,
            sysctls: compileSysctls(
              // routed where it runs FRR: its role's, or an L4 member's for anycast (added after the site compile);
              // the non-local bind where it runs its role's daemon for holding data VIPs (the HAProxy pair's keepalived)
              {
                routed: runsFrr(own),
                configured: own.length > 0,
                isVm: d.hostedOn !== null,
                holdsDataVips: dataVipDaemons(d.role, true).some((x) => own.some((o) => o === x)),
                // and IPv6's where it holds IPv6 data VIPs (an IPv6 instance of the data pair's keepalived)
                holdsDataVips6:
                  dataVipDaemons(d.role, true).some((x) => own.some((o) => o === x)) &&
                  'keepalived' in d &&
                  !!d.keepalived?.vrrpInstances.some((i) => i.family === 'ipv6'),
              },
              d.interfaces as readonly HostInterface[],
            ),
          });
          expect({ device: d.name, snmpd: d.snmpd !== null, listed: d.daemons.includes('snmpd') }).toEqual({
            device: d.name,
            snmpd: snmp && d.managed && own.length > 0,
            listed: snmp && d.managed && own.length > 0,
          });
          // and snmpd's view follows them too: the BGP MIB where FRR runs
          if (d.snmpd)
            expect({
              device: d.name,
              bgpMib: d.snmpd.view.subtrees.some((t) => t.mib.startsWith('BGP4-MIB')),
            }).toEqual({ device: d.name, bgpMib: runsFrr(own) });
        }
      }
    },
  );
});

/** A stand-in `sysctl`: the kernel's values are files $STATE/sysctl/<key>; <key>.ro refuses writes. */
const SYSCTL_SHIM = `n=0; e=0; p=""; keys=()
while [ $# -gt 0 ]; do case "$1" in -q | -w) ;; -n) n=1 ;; -e) e=1 ;; -p) p=$2; shift ;; *) keys+=("$1") ;; esac; shift; done
if [ -n "$p" ]; then
  rc=0
  while IFS= read -r line; do
    case "$line" in "" | "#"*) continue ;; esac
    k=$(echo "\${line%%=*}" | tr -d ' '); v=$(echo "\${line#*=}" | sed 's/^ *//; s/ *$//')
    if [ -e "$STATE/sysctl/$k.ro" ] || [ ! -e "$STATE/sysctl/$k" ]; then echo "sysctl: cannot set $k" >&2; rc=1; continue; fi
    echo "$v" > "$STATE/sysctl/$k"
  done < "$p"
  exit $rc
fi
for k in "\${keys[@]}"; do
  case "$k" in *=*)
    w=\${k%%=*}
    if [ -e "$STATE/sysctl/$w.ro" ]; then echo "sysctl: cannot set $w" >&2; exit 1; fi
    echo "\${k#*=}" > "$STATE/sysctl/$w"; continue ;;
  esac
  [ -e "$STATE/sysctl/$k" ] || { [ $e = 1 ] || echo "sysctl: cannot stat $k" >&2; continue; }
  if [ $n = 1 ]; then cat "$STATE/sysctl/$k"; else echo "$k = $(cat "$STATE/sysctl/$k")"; fi
done`;

function sandbox(kernel: Record<string, string>, before: string | null) {
  const root = tempDir('fabric-sysctl-');
  const [bin, state, etc] = ['bin', 'state', 'etc'].map((d) => join(root, d)) as [string, string, string];
  for (const d of [bin, join(state, 'sysctl'), etc, join(root, 'push', 'files')])
    mkdirSync(d, { recursive: true });
  writeFileSync(join(bin, 'sysctl'), `#!/bin/bash\n${SYSCTL_SHIM}\n`);
  chmodSync(join(bin, 'sysctl'), 0o755);
  for (const [k, v] of Object.entries(kernel)) writeFileSync(join(state, 'sysctl', k), `${v}\n`);
  const target = join(etc, '90-fabric.conf');
  if (before !== null) writeFileSync(target, before);
  const file: ManifestFile = {
    path: 'sysctl.conf',
    target,
    daemon: 'sysctl',
    owner: `${process.getuid?.() ?? 0}:${process.getgid?.() ?? 0}`,
    mode: '0644',
    sha256: 'x',
    secrets: [],
  };
  const t = buildTransaction('p', 'leaf1a', [file], { frrRestart: false });
  t.dir = join(root, 'push');
  writeFileSync(join(t.dir, 'files', '1'), rendered('leaf1a')!);
  const script = transactionScript(new TemplateSet(), t).replaceAll(SYSCTL_CONF, target);
  writeFileSync(join(t.dir, 'transaction.sh'), script);
  const run = (step: string) => {
    const r = spawnSync('sh', [join(t.dir, 'transaction.sh'), step], {
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, STATE: state },
      encoding: 'utf8',
    });
    const status = existsSync(join(t.dir, 'status'))
      ? readFileSync(join(t.dir, 'status'), 'utf8').trim()
      : '';
    return { code: r.status, stdout: r.stdout.trim(), status };
  };
  const value = (k: string) => readFileSync(join(state, 'sysctl', k), 'utf8').trim();
  return { run, value, target, state, script };
}

/** The kernel before the push: every value other than the rendered one. */
const KERNEL = Object.fromEntries(device('leaf1a').sysctls.map((s) => [s.key, s.value === '1' ? '0' : '1']));
const RENDERED = device('leaf1a').sysctls.map((s) => s.value);

describe('push: the transaction, run for real with a stand-in sysctl', () => {
  it('GIVEN a first push THEN every key is checked, the file applied and checked live; a rollback removes it and puts the old values back', () => {
    const box = sandbox(KERNEL, null);
    expect(box.script).toContain('sysctl_missing files/1');
    expect(box.run('apply')).toMatchObject({ code: 0, status: 'applied' });
    expect(Object.keys(KERNEL).map(box.value)).toEqual(RENDERED);
    expect(box.run('rollback')).toMatchObject({ code: 0, status: 'reverted' });
    expect(existsSync(box.target)).toBe(false);
    expect(Object.keys(KERNEL).map(box.value)).toEqual(Object.values(KERNEL));
  });

  it('GIVEN a kernel that refuses one setting THEN apply fails, and the previous file and values come back', () => {
    const box = sandbox(KERNEL, `${KEY} = 0\n`);
    writeFileSync(join(box.state, 'sysctl', `${Object.keys(KERNEL)[3]}.ro`), '');
    const r = box.run('apply');
    expect(r.code).toBe(1);
    expect(r.status).toBe('rolled-back reload failed');
    expect(readFileSync(box.target, 'utf8')).toBe(`${KEY} = 0\n`);
    expect(Object.keys(KERNEL).map(box.value)).toEqual(Object.values(KERNEL));
  });

  it('GIVEN a key this kernel lacks THEN validate rejects the file, naming the key (real /proc/sys)', () => {
    const box = sandbox(KERNEL, null);
    writeFileSync(
      join(box.target, '..', '..', 'push', 'files', '1'),
      `${KEY} = 1\nnet.ipv4.no_such_setting = 1\n`,
    );
    const r = box.run('validate');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('sysctl.conf: no such kernel setting on this device: net.ipv4.no_such_setting');
  });
});

describe('drift: the live values against the rendered file', () => {
  const leaf = device('leaf1a');
  const findings = (live: string) =>
    deviceFindings(
      { device: leaf, reads: new Map([['sysctl', { code: 0, stdout: live, stderr: '' }]]) },
      {
        intended: (f) => (f === 'sysctl.conf' ? rendered('leaf1a') : undefined),
        redact: (t) => t,
        now: 'now',
      },
    ).filter((f) => f.daemon === 'sysctl');
  const live = leaf.sysctls.map((s) => `${s.key} = ${s.value}`);

  it('GIVEN every value live THEN nothing; it reads them with one sysctl', () => {
    expect(findings(`${live.join('\n')}\n`)).toEqual([]);
    expect(sysctl.drift.reads(leaf)).toEqual([
      ['sysctl', `sysctl -e ${leaf.sysctls.map((s) => s.key).join(' ')}`],
    ]);
  });

  it('GIVEN a value changed on the device and a key missing THEN changed and missing, major', () => {
    const got = findings(`${KEY} = 0\n${live.slice(1, -1).join('\n')}\n`);
    expect(got.map((f) => [f.kind, f.severity, f.message])).toEqual([
      ['changed', 'major', `changed in ${SYSCTL_CONF}: "${KEY} = 1" is "${KEY} = 0" on the device`],
      ['missing', 'major', expect.stringContaining(leaf.sysctls.at(-1)!.key)],
    ]);
  });
});

describe('lab', () => {
  it('GIVEN a node booted with its files THEN it applies the pushed file; booted empty THEN it waits for a push', () => {
    const site = { ...example.site, devices: [device('leaf1a')], cables: [] };
    const exec = (empty: boolean): string[] => {
      const text = exportTopology(site, {
        topologyPath: '/tmp/fabric-sysctl/x.clab.yml',
        renderedDir: '/tmp/fabric-sysctl/out',
        manifest: example.manifest,
        empty,
      });
      return (parse(text).topology.nodes.leaf1a.exec as string[]).filter((c) => c.startsWith('sysctl'));
    };
    expect(exec(false)).toEqual([`sysctl -q -p ${SYSCTL_CONF}`]);
    expect(exec(true)).toEqual([]);
    expect(sysctl.lab.status({ has: () => false, readFile: () => null, reported: '' })).toMatchObject({
      up: false,
      unconfigured: true,
    });
    expect(
      sysctl.lab.status({ has: () => false, readFile: () => rendered('leaf1a')!, reported: '' }),
    ).toEqual({
      up: true,
      detail: `${device('leaf1a').sysctls.length} settings`,
    });
  });
});
