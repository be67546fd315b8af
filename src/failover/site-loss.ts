/**
 * Site-level failover in the lab of several sites (`fabric lab failover --site S --site-loss`,
 * docs/active-active.md "Site-level scenarios"): the losses of S the issue names, each made by
 * dropping every packet of some of S's interfaces (the netdev tables of `--fault silent`):
 *
 *  - `site:S/l4`: the L4 pairs of S's tenants that serve a `gslb` service;
 *  - `site:S/apps`: their application servers (every HAProxy backend's servers in those tenants);
 *  - `site:S/edges`: S's edges cut off from the internet (their upstream-facing interfaces);
 *  - `site:S/all`: every device of S.
 *
 * The probe is a client on the internet side (`src/lab/node/gslb-client` in the lab's `client`
 * node) per service, resolving the service's name through the zone's servers for every request
 * and going on to the next address of the answer when a connection cannot be made. A scenario
 * passes when every request started later than the service's budget after the fault is served
 * (`anycast.budget`, else the DNS budget), the DNS answers drop S within the DNS budget (for a
 * VIP that is one address in every site: the upstreams stop routing its service prefix to S's
 * edges within the anycast budget, as the answer never changes), S's
 * vRouters withdraw the anycast route within its budget (where they stay up), and, once the fault
 * is undone, S is answered and serves again with no failed request from the repair on.
 *
 * Deriving the scenarios (site-loss-scenarios.ts) and judging them (site-loss-judge.ts) are pure
 * functions, unit-tested; running them, here, is I/O.
 */
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LabError } from '../lab/index.js';
import { run as system } from '../lab/runtime/system-command.js';
import { silence, undoStep } from './faults.js';
import type { FaultJournal } from './journal.js';
import { type ClientRequest, judgeService, type SiteLossResult } from './site-loss-judge.js';
import type { SiteLossScenario, SiteLossService } from './site-loss-scenarios.js';

export { siteLossText } from './site-loss-judge.js';
export { SITE_LOSS_PARTS, type SiteLossPart, siteLossScenarios } from './site-loss-scenarios.js';

export interface SiteLossContext {
  lab: string;
  run: string;
  journal: FaultJournal;
  /** The lab's network namespace of a device of the site, and of a shared node (`client`). */
  netnsOfDevice(device: string): string | undefined;
  netnsOfNode(node: string): string | undefined;
  /** Where the client's stop files go. */
  scratch: string;
  clientScript: string;
  progress(line: string): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The client of one service in the lab's `client` node, collecting its requests. */
function startClient(ctx: SiteLossContext, s: SiteLossService, stop: string) {
  const requests: ClientRequest[] = [];
  const netns = ctx.netnsOfNode('client');
  if (!netns)
    throw new LabError(2, [
      `lab ${ctx.lab} has no client node: site-level scenarios need the lab of several sites`,
    ]);
  const child = spawn(
    'ip',
    [
      'netns',
      'exec',
      netns,
      'python3',
      '-u',
      ctx.clientScript,
      s.dnsServers.join(','),
      s.fqdn,
      '0.045',
      stop,
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  let buffer = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const l of lines) {
      if (!l.trim()) continue;
      try {
        requests.push(JSON.parse(l) as ClientRequest);
      } catch {
        // not a request line (python's own warning): the requests are what is judged
      }
    }
  });
  const close = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    writeFileSync(stop, '');
    await Promise.race([new Promise((r) => child.once('exit', r)), sleep(10_000)]);
    if (child.exitCode === null && child.pid) child.kill('SIGKILL');
    rmSync(stop, { force: true });
  };
  return { requests, close };
}

async function timeUntil(what: () => Promise<boolean> | boolean, since: number, timeoutMs: number) {
  while (Date.now() - since < timeoutMs) {
    if (await what()) return Date.now() - since;
    await sleep(100);
  }
  return null;
}

async function announced(netns: string, vip: string): Promise<boolean> {
  const r = await system('ip', ['-n', netns, '-4', 'route', 'show', `${vip}/32`, 'proto', 'bgp'], {
    timeoutMs: 5000,
  });
  return r.stdout.trim() !== '';
}

/** Whether an upstream routes the service prefix through one of the site's edges (its kernel's next hops). */
async function siteAnnounces(
  ctx: SiteLossContext,
  p: NonNullable<SiteLossService['prefix']>,
): Promise<boolean> {
  for (const u of p.upstreams) {
    const netns = ctx.netnsOfDevice(u.device) ?? ctx.netnsOfNode(u.device);
    if (!netns) continue;
    const r = await system('ip', ['-n', netns, '-4', 'route', 'show', p.prefix], { timeoutMs: 5000 });
    if ([...r.stdout.matchAll(/\bvia (\S+)/g)].some((m) => u.edges.includes(m[1]!))) return true;
  }
  return false;
}

/** Whether the site served the service before the fault: by its VIP, or (one address) by its prefix's route. */
async function servedBySite(ctx: SiteLossContext, svc: SiteLossService, requests: ClientRequest[]) {
  const served = new Set(requests.filter((r) => r.ok).map((r) => r.addr));
  return served.has(svc.lostVip) && (!svc.prefix || (await siteAnnounces(ctx, svc.prefix)));
}

/** Runs one scenario: clients, fault, measurements, repair. The fault is journalled before it is made. */
export async function runSiteLoss(s: SiteLossScenario, ctx: SiteLossContext): Promise<SiteLossResult> {
  const table = `fabric_site_${ctx.run.replace(/[^a-zA-Z0-9_]/g, '_')}`;
  const clients = s.services.map((svc, i) => ({
    svc,
    ...startClient(ctx, svc, join(ctx.scratch, `site-loss-stop-${ctx.run}-${i}`)),
  }));
  const undo: { netns: string; table: string }[] = [];
  try {
    await sleep(3000);
    for (const c of clients)
      if (!(await servedBySite(ctx, c.svc, c.requests)))
        throw new LabError(1, [
          `${s.id}: before the fault, ${c.svc.fqdn} was not served by ${s.site} (${c.svc.prefix ? `${c.svc.prefix.prefix} routed to its edges` : c.svc.lostVip}): is the lab converged?`,
        ]);
    const faultAt = Date.now();
    for (const x of s.silent) {
      const netns = ctx.netnsOfDevice(x.device);
      if (!netns) throw new LabError(2, [`lab ${ctx.lab} has no node for ${s.site}'s ${x.device}`]);
      ctx.journal.record(ctx.run, s.id, { op: 'nft-delete', netns, table });
      undo.push({ netns, table });
      await silence(netns, table, [...x.interfaces], `${s.id}: nftables in ${x.device}`);
    }
    ctx.progress(`  ${s.id}: ${s.what}`);
    const measured = await Promise.all(
      clients.map(async (c) => {
        const routers = (c.svc.anycast?.vrouters ?? [])
          .map((d) => ctx.netnsOfDevice(d))
          .filter((n): n is string => !!n);
        const withdrawnMs = c.svc.anycast
          ? await timeUntil(
              async () => !(await Promise.all(routers.map((n) => announced(n, c.svc.lostVip)))).some(Boolean),
              faultAt,
              c.svc.anycast.budgetMs + 10_000,
            )
          : undefined;
        const prefix = c.svc.prefix;
        if (prefix) {
          // one address everywhere: the answer never changes, the upstreams' routes do
          const prefixWithdrawnMs = await timeUntil(
            async () => !(await siteAnnounces(ctx, prefix)),
            faultAt,
            c.svc.moveBudgetMs + 10_000,
          );
          return { withdrawnMs, prefixWithdrawnMs, dnsMs: null };
        }
        const dnsMs = await timeUntil(
          () => {
            const recent = c.requests.filter((r) => r.t > Date.now() - 1000 && r.server);
            return (
              recent.length > 5 &&
              recent.every((r) => !r.answers.includes(c.svc.lostVip) && r.answers.length > 0)
            );
          },
          faultAt,
          c.svc.dnsBudgetMs + 20_000,
        );
        return { withdrawnMs, dnsMs };
      }),
    );
    await sleep(3000);
    const repairAt = Date.now();
    for (const u of undo.splice(0)) await undoStep(ctx.lab, { op: 'nft-delete', ...u });
    ctx.journal.forget(ctx.run, s.id);
    ctx.progress(`  ${s.id}: undone`);
    const backs = await Promise.all(
      clients.map((c) =>
        timeUntil(
          async () =>
            c.requests.some((r) => r.t > repairAt && r.ok && r.addr === c.svc.lostVip) &&
            (!c.svc.prefix || (await siteAnnounces(ctx, c.svc.prefix))),
          repairAt,
          60_000,
        ),
      ),
    );
    await sleep(3000);
    await Promise.all(clients.map((c) => c.close()));
    const services = clients.map((c, i) =>
      judgeService(c.svc, c.requests, { faultAt, repairAt, ...measured[i]!, backMs: backs[i]! }),
    );
    return {
      id: s.id,
      what: s.what,
      services,
      verdict: services.every((x) => x.verdict === 'pass') ? 'pass' : 'fail',
    };
  } finally {
    for (const u of undo) await undoStep(ctx.lab, { op: 'nft-delete', ...u });
    if (undo.length) ctx.journal.forget(ctx.run, s.id);
    await Promise.all(clients.map((c) => c.close()));
  }
}
