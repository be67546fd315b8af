/**
 * Every server of every HAProxy backend is UP, as HAProxy's own health checks see it. Servers
 * that are down are not expected; a backend left with none is not expected either (the service
 * behind it is lost).
 */
import { HAPROXY, haproxyServers, serverUp } from '../../observe/haproxy.js';
import { FILED_UNDER, runsProxy } from './model.js';
import { type CheckSpec, type ExpectationBase, fail, pass } from './spec.js';

export interface HaproxyBackends extends ExpectationBase {
  kind: 'haproxy-backends';
  backend: string;
  servers: string[];
  socket: string;
}

export const haproxyBackends: CheckSpec<HaproxyBackends> = {
  kind: 'haproxy-backends',
  describes: 'every server of every HAProxy backend UP',
  runs: { verify: true, gates: true, drift: true },
  stage: 7,
  derive(ctx) {
    const out: HaproxyBackends[] = [];
    for (const d of ctx.site.devices) {
      if (!runsProxy(d) || ctx.isDown(d.name)) continue;
      for (const b of d.haproxy.backends) {
        const servers = b.servers.map((s) => s.name).filter((s) => !ctx.isDown(s));
        if (ctx.degraded && !servers.length) continue;
        out.push({
          kind: 'haproxy-backends',
          id: `haproxy:${d.name}:${b.name}`,
          device: d.name,
          title: `${d.name} backend ${b.name}: ${servers.join(', ')} UP`,
          backend: b.name,
          servers,
          socket: d.haproxy.statsSocket,
        });
      }
    }
    return out;
  },
  async evaluate(e, round) {
    const r = await round.read(e.device, HAPROXY.stat(e.socket));
    if (r.code !== 0)
      return fail(
        `HAProxy admin socket ${e.socket}: ${(r.stderr || r.stdout).trim().split('\n')[0] ?? `exit ${r.code}`}`,
      );
    const rows = haproxyServers(r.stdout).filter((s) => s.backend === e.backend);
    const status = (name: string) => rows.find((s) => s.server === name)?.status ?? 'absent';
    const down = e.servers.filter((s) => !serverUp(status(s)));
    if (down.length === e.servers.length)
      return fail(`every server down: ${down.map((s) => `${s} ${status(s)}`).join(', ')}`, 'all-down');
    if (down.length) return fail(`${down.map((s) => `${s} ${status(s)}`).join(', ')}`);
    return pass(`${e.servers.length} servers UP`);
  },
  reads: (e) => [{ device: e.device, command: HAPROXY.stat(e.socket) }],
  about: (e) => [e.device, ...e.servers],
  siteWide: false,
  filed: (e) => ({ daemon: FILED_UNDER.proxy, section: `backend ${e.backend}` }),
  severity: (code) => (code === 'all-down' ? 'critical' : 'major'),
};
