/**
 * Whether a new /etc/frr/daemons needs FRR restarted. The file is shell `key=value` lines that
 * frrinit.sh reads when it starts the daemons; comments, blank lines and spacing inside the
 * values mean nothing to it. A file that differs only there (a header comment, the spacing of
 * `zebra_options`) is installed without a restart: a restart resets every BGP session of the
 * device, a reload does not.
 */

/** The settings of a daemons file: key → value, quotes removed and spaces folded. */
export function daemonsSettings(text: string): Map<string, string> {
  const settings = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(raw);
    if (!m) continue;
    const value = m[2]!
      .trim()
      .replace(/^(["'])(.*)\1$/, '$2')
      .trim()
      .replace(/\s+/g, ' ');
    settings.set(m[1]!, value);
  }
  return settings;
}

/**
 * The settings that take effect. frrcommon.sh only asks whether a switch is `yes`, so `no` is
 * the same as absent; and the options of a daemon that is not started (`ospfd=no`,
 * `ospfd_options=…`) are never read: both are left out.
 */
function effective(settings: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of settings) {
    if (v === 'no') continue;
    const daemon = /^(.+)_options$/.exec(k)?.[1];
    if (
      daemon &&
      daemon !== 'zebra' &&
      daemon !== 'watchfrr' &&
      daemon !== 'staticd' &&
      settings.get(daemon) !== 'yes'
    )
      continue;
    out.set(k, v);
  }
  return out;
}

/** True unless both files set the same things for what runs. A missing current file needs a restart. */
export function daemonsNeedRestart(current: string | null, next: string): boolean {
  if (current === null) return true;
  const a = effective(daemonsSettings(current));
  const b = effective(daemonsSettings(next));
  if (a.size !== b.size) return true;
  for (const [k, v] of a) if (b.get(k) !== v) return true;
  return false;
}
