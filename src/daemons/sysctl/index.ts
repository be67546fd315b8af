/**
 * Kernel settings (`device.sysctls`, decided by compile: src/compile/kernel.ts), rendered to
 * /etc/sysctl.d/90-fabric.conf. Not a daemon: no process, no unit; the driver applies to every
 * device whose model lists kernel settings (`appliesTo`), pushes the file in the transaction
 * (sysctl -p, the previous live values back on a restore), and drift compares the live values.
 * In the lab a node applies the file once its links exist; a node booted empty waits for a push.
 */
import { compareSections } from '../../drift/compare.js';
import type { ConfigSection } from '../../drift/types.js';
import { shellQuote } from '../../util/shell.js';
import type { DaemonDriver } from '../types.js';
import { SYSCTL_CONF, sysctlSteps } from './push.js';

export { SYSCTL_CONF };

/** Its file in the device's output folder. */
const FILE = 'sysctl.conf';

/** `key = value` lines of a sysctl.conf or of `sysctl KEY…` output, blanks squeezed, comments dropped. */
export function sysctlSettings(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';') || !line.includes('=')) continue;
    const at = line.indexOf('=');
    out.push(
      `${line.slice(0, at).trim()} = ${line
        .slice(at + 1)
        .trim()
        .replace(/\s+/g, ' ')}`,
    );
  }
  return out;
}

const section = (text: string): ConfigSection[] => [{ name: SYSCTL_CONF, lines: sysctlSettings(text) }];

export const sysctl: DaemonDriver = {
  name: 'sysctl',
  appliesTo: (d) => d.sysctls.length > 0,
  files: () => [
    {
      daemon: 'sysctl',
      file: FILE,
      template: 'sysctl/sysctl.conf',
      target: SYSCTL_CONF,
      mode: 0o644,
      owner: 'root:root',
    },
  ],
  printed: (d) => d.sysctls,
  push: { unit: null, steps: (files) => sysctlSteps(files) },
  drift: {
    processes: () => [],
    // the live values (`sysctl KEY…` prints `KEY = VALUE`; -e: a key the kernel lacks is just absent)
    reads: (d) => [['sysctl', `sysctl -e ${d.sysctls.map((s) => shellQuote(s.key)).join(' ')}`]],
    compare(ctx) {
      const intended = ctx.intended(FILE);
      const live = ctx.reads.get('sysctl');
      if (intended === undefined || !live) return [];
      return compareSections(section(intended), section(live.stdout), {
        device: ctx.device.name,
        rules: {
          daemon: 'sysctl',
          header: () => [],
          key: (line) => line.split(' = ')[0] ?? null,
          // every setting fabric renders is there for forwarding (routes over a dead link)
          affectsForwarding: () => true,
        },
        redact: ctx.redact,
        now: ctx.now,
      });
    },
  },
  lab: {
    requires: () => [{ program: 'sysctl', pkg: 'procps' }],
    exec: (_d, empty) => (empty ? [] : [`sysctl -q -p ${SYSCTL_CONF}`]),
    status: ({ readFile }) => {
      const text = readFile(SYSCTL_CONF);
      return text === null
        ? { up: false, detail: `unconfigured: no ${SYSCTL_CONF} yet`, unconfigured: true }
        : { up: true, detail: `${sysctlSettings(text).length} settings` };
    },
  },
};
