/**
 * Every rendered snmpd.conf is accepted by Debian's snmpd 5.9 (which has no check-only mode):
 * started in a throwaway network namespace that has the device's management address, it logs
 * no configuration warning, answers the NOC's SNMPv3 user (authPriv) with the device's name, and
 * does not answer SNMPv2c `public`. A config with an unknown directive is shown to fail the same
 * check. snmpd's persistent state and AgentX socket go to a temporary folder (the socket path is
 * the only line changed), so the machine keeps nothing.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestNetns } from '../support/netns.js';
import { renderExample } from '../support/render.js';
import { ensureInstalled, requireRoot } from '../support/system.js';
import { tempDir } from '../support/tmp.js';

const netns = new TestNetns('snmp');
const dir = tempDir('fabric-snmpd-');
let ns: string;
const running = new Set<ChildProcess>();

beforeAll(() => {
  requireRoot();
  ensureInstalled([
    { bin: 'snmpd', pkg: 'snmpd' },
    { bin: 'snmpget', pkg: 'snmp' },
  ]);
  ns = netns.add('d');
});

afterAll(() => {
  for (const p of running) p.kill('SIGKILL');
  netns.cleanup();
});

const env = () => ({ ...process.env, SNMP_PERSISTENT_DIR: join(dir, 'persist'), MIBS: '' });

/** Starts snmpd on `file` in the namespace; resolves with its log once it serves, and a stop function. */
async function startSnmpd(file: string): Promise<{ log: () => string; stop: () => Promise<void> }> {
  let log = '';
  const p = spawn('ip', ['netns', 'exec', ns, 'snmpd', '-f', '-Lo', '-C', '-c', file, '-m', ''], {
    env: env(),
  });
  running.add(p);
  p.stdout.on('data', (d) => {
    log += d;
  });
  p.stderr.on('data', (d) => {
    log += d;
  });
  const deadline = Date.now() + 10_000;
  while (!/NET-SNMP version/.test(log) && p.exitCode === null && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  return {
    log: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (p.exitCode !== null) return resolve();
        p.once('exit', () => resolve());
        p.kill('SIGTERM');
      }).then(() => {
        running.delete(p);
      }),
  };
}

function snmpget(args: string[], address: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const p = spawn(
      'ip',
      [
        'netns',
        'exec',
        ns,
        'snmpget',
        '-m',
        '',
        '-On',
        '-t',
        '1',
        '-r',
        '0',
        ...args,
        address,
        '.1.3.6.1.2.1.1.5.0',
      ],
      {
        env: env(),
      },
    );
    let out = '';
    p.stdout.on('data', (d) => {
      out += d;
    });
    p.stderr.on('data', (d) => {
      out += d;
    });
    p.on('exit', (code) => resolve({ code: code ?? -1, out }));
  });
}

/** snmpget's arguments for the lab's SNMPv3 user (authPriv, SHA/AES) with this auth passphrase. */
const v3Args = (auth: string) => [
  '-v3',
  '-l',
  'authPriv',
  '-u',
  'fabric-noc',
  '-a',
  'SHA',
  '-A',
  auth,
  '-x',
  'AES',
  '-X',
  'lab-noc-priv-01',
];

const configProblems = (log: string) => log.split('\n').filter((l) => /: line \d+: (Warning|Error)/.test(l));

describe('snmpd: every rendered snmpd.conf, run by the real snmpd', () => {
  const sites = renderExample();
  const files = sites.flatMap(({ rendered }) => rendered.files.filter((f) => f.file === 'snmpd.conf'));

  it('GIVEN the example THEN every managed device of idc-a with a daemon has an snmpd.conf, and idc-b (no SNMP) none', () => {
    const idcA = sites.find((s) => s.site.name === 'idc-a')!.site;
    const expected = idcA.devices
      .filter((d) => d.managed && d.daemons.length)
      .map((d) => d.name)
      .sort();
    expect(files.map((f) => f.device).sort()).toEqual(expected);
    expect(files.every((f) => f.secrets.join() === 'snmp-noc-auth,snmp-noc-priv')).toBe(true);
  });

  it('GIVEN each snmpd.conf on its management address THEN snmpd starts without a warning, answers SNMPv3 authPriv, and not v2c public', async () => {
    const site = sites.find((s) => s.site.name === 'idc-a')!.site;
    mkdirSync(join(dir, 'persist'), { recursive: true });
    for (const f of files) {
      const device = site.devices.find((d) => d.name === f.device)!;
      const address = device.mgmt.address;
      netns.exec(ns, ['ip', 'addr', 'add', `${address}/32`, 'dev', 'lo']);
      const path = join(dir, `${f.device}.conf`);
      writeFileSync(
        path,
        f.content.replace(
          'agentXSocket /var/agentx/master',
          `agentXSocket ${join(dir, `${f.device}.agentx`)}`,
        ),
      );
      const snmpd = await startSnmpd(path);
      try {
        expect(snmpd.log(), f.device).toContain('NET-SNMP version');
        expect(configProblems(snmpd.log()), f.device).toEqual([]);
        const v3 = await snmpget(v3Args('lab-noc-auth-01'), address);
        expect(v3.out, f.device).toContain(`STRING: "${f.device}"`);
        if (f.device === 'spine1') {
          const wrong = await snmpget(v3Args('not-the-pass'), address);
          expect(wrong.code).not.toBe(0);
          const v2c = await snmpget(['-v2c', '-c', 'public'], address);
          expect(v2c.out).toContain('Timeout');
        }
      } finally {
        await snmpd.stop();
        netns.exec(ns, ['ip', 'addr', 'del', `${address}/32`, 'dev', 'lo']);
      }
    }
  }, 120_000);

  it('GIVEN an snmpd.conf with an unknown directive THEN the same check fails, naming the line', async () => {
    const f = files[0]!;
    const path = join(dir, 'bad.conf');
    writeFileSync(
      path,
      `${f.content.replace('agentXSocket /var/agentx/master', `agentXSocket ${join(dir, 'bad.agentx')}`)}rouserr fabric-noc authpriv\n`,
    );
    const snmpd = await startSnmpd(path);
    await snmpd.stop();
    expect(configProblems(snmpd.log())).toEqual([
      expect.stringMatching(/bad\.conf: line \d+: Warning: Unknown token: rouserr/),
    ]);
  });
});
