/**
 * Every Redis Sentinel sees its data service whole (docs/data-tier.md): it acts (not in TILT, which
 * a late timer puts it in for 30 s, holding nothing down and voting nothing down), names a member
 * of the service as the primary and does not hold it down, knows every other Sentinel, and sees
 * every other member as a replica that answers. Which member is the primary is the Sentinels'
 * to decide, so any member will do; the HAProxy pair's write backend follows the Sentinel beside
 * it. Read from `INFO sentinel` and `SENTINEL replicas <name>` (redis-cli's `--json`, Redis 7).
 */
import { redisCliAuth, SENTINEL_CONF } from '../../daemons/redis/index.js';
import { runsRedis, tenantOf } from '../../model/runs.js';
import { FILED_UNDER } from './model.js';
import { type CheckSpec, type DeriveContext, type ExpectationBase, fail, pass } from './spec.js';

export interface SentinelView extends ExpectationBase {
  kind: 'sentinel-view';
  /** The monitored service's name, as Sentinel knows it (`cache`). */
  service: string;
  /** Where the Sentinel listens. */
  bind: string;
  port: number;
  /** Whether the Sentinel has a password (`sentinels.auth`), read on the device from its sentinel.conf. */
  auth: boolean;
  /** The service's members that are up: device and `address:port`. */
  members: { device: string; address: string }[];
  /** The Sentinels of the service that are up, itself included. */
  sentinels: string[];
}

/**
 * The two reads. A Sentinel's password is read on the device from its sentinel.conf into
 * REDISCLI_AUTH (on no command line, in no report), bare as rendered or quoted as Sentinel
 * rewrites it, like a member's (replica-lag.ts).
 */
export const sentinelCommands = (e: Pick<SentinelView, 'bind' | 'port' | 'service' | 'auth'>) => {
  const cli = `${e.auth ? redisCliAuth(SENTINEL_CONF) : ''}redis-cli -h ${e.bind} -p ${e.port}`;
  return { info: `${cli} INFO sentinel`, replicas: `${cli} --json SENTINEL replicas ${e.service}` };
};

/** What `INFO sentinel` says: TILT, and per monitored service its status, primary and Sentinels. */
export function parseSentinelInfo(text: string): {
  tilt: boolean;
  masters: Map<string, { status: string; address: string; sentinels: number }>;
} {
  const masters = new Map<string, { status: string; address: string; sentinels: number }>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^master\d+:(.*)$/.exec(line.trim());
    if (!m) continue;
    const fields = new Map(m[1]!.split(',').map((kv) => kv.split('=') as [string, string]));
    masters.set(fields.get('name') ?? '', {
      status: fields.get('status') ?? '',
      address: fields.get('address') ?? '',
      sentinels: Number(fields.get('sentinels') ?? 0),
    });
  }
  return { tilt: /^sentinel_tilt:1\s*$/m.test(text), masters };
}

/** `SENTINEL replicas <name>` as JSON: each replica's `ip:port` and flags (`slave`, `s_down,slave,disconnected`). */
export function parseSentinelReplicas(text: string): { address: string; flags: string[] }[] | undefined {
  try {
    const list = JSON.parse(text) as { name?: string; ip?: string; port?: string; flags?: string }[];
    if (!Array.isArray(list)) return undefined;
    return list.map((r) => ({ address: `${r.ip}:${r.port}`, flags: (r.flags ?? '').split(',') }));
  } catch {
    return undefined;
  }
}

function derive(ctx: DeriveContext): SentinelView[] {
  const out: SentinelView[] = [];
  for (const d of ctx.site.devices) {
    const sentinel = runsRedis(d) ? d.redis.sentinel : null;
    if (!sentinel || ctx.isDown(d.name)) continue;
    const tenant = tenantOf(d);
    for (const m of sentinel.monitors) {
      const members = ctx.site.devices.flatMap((x) => {
        const server = runsRedis(x) ? x.redis.server : null;
        return server && !ctx.isDown(x.name) && server.service === `${tenant}/${m.name}`
          ? [{ device: x.name, address: `${server.bind}:${server.port}` }]
          : [];
      });
      const sentinels = m.sentinels.filter((s) => !ctx.isDown(s));
      out.push({
        kind: 'sentinel-view',
        id: `sentinel:${d.name}:${m.name}`,
        device: d.name,
        title: `${d.name} Sentinel of ${m.name}: acting, a primary among ${members.map((x) => x.device).join(', ')}, the others its replicas, ${sentinels.length} Sentinels`,
        service: m.name,
        bind: sentinel.bind,
        port: sentinel.port,
        auth: sentinel.auth !== null,
        members,
        sentinels,
      });
    }
  }
  return out;
}

/** Flags of a replica that Sentinel cannot use. */
const UNWELL = new Set(['s_down', 'o_down', 'disconnected']);

export const sentinelView: CheckSpec<SentinelView> = {
  kind: 'sentinel-view',
  describes: 'every Redis Sentinel acting, naming a member as primary, the other members its replicas',
  // a push restarts the Sentinels: they learn each other again within seconds, which gates would block on
  runs: { verify: true, gates: false, drift: true },
  stage: 7,
  derive,
  async evaluate(e, round) {
    const { info, replicas } = sentinelCommands(e);
    const i = await round.read(e.device, info);
    if (i.code !== 0)
      return fail(
        `Sentinel at ${e.bind}:${e.port}: ${(i.stderr || i.stdout).trim().split('\n')[0] || `exit ${i.code}`}`,
        'down',
      );
    // redis-cli prints an error reply (a Sentinel with another password, or one without) and exits 0
    const refused = /^(NOAUTH|WRONGPASS|ERR)\b.*$/m.exec(i.stdout);
    if (refused) {
      const why = i.stderr.trim().split('\n')[0];
      return fail(
        `Sentinel at ${e.bind}:${e.port} refused INFO: ${refused[0].trim()}${why ? ` (${why})` : ''}`,
        'down',
      );
    }
    const seen = parseSentinelInfo(i.stdout);
    if (seen.tilt)
      return fail('in TILT: its timer ran late; for 30 s it holds no member down and votes none', 'tilt');
    const master = seen.masters.get(e.service);
    if (!master) return fail(`monitors no service ${e.service}`, 'down');
    const name = (address: string) => e.members.find((m) => m.address === address)?.device;
    const primary = name(master.address);
    if (!primary)
      return fail(
        `names ${master.address} as the primary of ${e.service}, which is no member that is up`,
        'primary',
      );
    if (master.status !== 'ok')
      return fail(`holds the primary ${primary} (${master.address}) down (${master.status})`, 'primary');
    const r = await round.read(e.device, replicas);
    const known = r.code === 0 ? parseSentinelReplicas(r.stdout) : undefined;
    if (!known)
      return fail(
        `SENTINEL replicas ${e.service}: ${(r.stderr || r.stdout).trim().split('\n')[0] || `exit ${r.code}`}`,
        'down',
      );
    const problems: string[] = [];
    for (const m of e.members.filter((x) => x.device !== primary)) {
      const k = known.find((x) => x.address === m.address);
      if (!k) problems.push(`does not know replica ${m.device} (${m.address})`);
      else if (k.flags.some((f) => UNWELL.has(f))) problems.push(`replica ${m.device} ${k.flags.join(',')}`);
    }
    if (master.sentinels < e.sentinels.length)
      problems.push(`knows ${master.sentinels} of ${e.sentinels.length} Sentinels`);
    if (problems.length) return fail(`primary ${primary}; ${problems.join('; ')}`, 'replicas');
    return pass(
      `primary ${primary}, replicas ${
        e.members
          .filter((m) => m.device !== primary)
          .map((m) => m.device)
          .join(', ') || 'none'
      }, ${master.sentinels} Sentinels`,
    );
  },
  reads: (e) => {
    const { info, replicas } = sentinelCommands(e);
    return [
      { device: e.device, command: info },
      { device: e.device, command: replicas },
    ];
  },
  about: (e) => [e.device, ...e.members.map((m) => m.device)],
  siteWide: false,
  filed: (e) => ({ daemon: FILED_UNDER.data, section: `sentinel ${e.service}` }),
  // no primary (or one held down) is writes failing; a Sentinel in TILT or a replica down is redundancy lost
  severity: (code) => (code === 'primary' ? 'critical' : 'major'),
};
