/**
 * `fabric push --probe-lab LAB`: the failover probes of `fabric lab failover` (src/failover/:
 * ping every 10 ms between leaf loopbacks and between VMs on different hypervisors, HTTP to
 * every VIP from every upstream) run inside the lab's namespaces while the push runs, and the
 * push report says per wave what they saw (src/push/traffic.ts). Probes run only in a lab: the
 * push itself stays what it is for any device (no lab special case in src/push/).
 */
import { addProbeSources, type FaultContext, removeProbeSources } from '../../failover/faults.js';
import { FaultJournal } from '../../failover/journal.js';
import { healthySince } from '../../failover/measure.js';
import { deriveProbes, HTTP_INTERVAL_MS, PING_INTERVAL_MS } from '../../failover/probe-plan.js';
import { type ProbeSet, startProbes } from '../../failover/probes.js';
import { DEFAULT_STATE_ROOT, LabError, stateDirOf } from '../../lab/index.js';
import type { FrozenSite } from '../../pipeline.js';
import { type PushProbeRun, trafficBudget } from '../../push/traffic.js';
import { sleep } from '../../util/concurrency.js';
import { sharedInternet } from '../../verify/shared-internet.js';
import { CliError } from '../exit.js';
import { compiledLabSites, type SiteInLab, siteInLab } from '../lab-sites.js';

/** How long the probes must all answer before the push starts, and how long to wait for that. */
const QUIET_MS = 1000;
const WAIT_FOR_QUIET_MS = 8000;
/** After the last wave: a failure the last reload causes late still lands in its window. */
const TAIL_MS = 1500;
/** The last moment of the probes is cut off: a ping reply or an HTTP answer (1 s timeout) may still be due. */
const IN_FLIGHT_MS = 1100;

export interface PushProbes {
  /** For `PushInput.onWaveStart`. */
  onWaveStart(index: number): void;
  /** Stops the probes, removes their client addresses, and hands over what they took. */
  finish(): Promise<PushProbeRun>;
}

/** A running lab as the probes see it: each device's namespace, and the sites it runs (compiled). */
interface ProbedLab {
  netnsOf(device: string): string | undefined;
  sites: readonly FrozenSite[];
}

async function probedLab(site: FrozenSite, lab: string, inventory: string): Promise<ProbedLab> {
  let view: SiteInLab;
  try {
    view = await siteInLab(lab, site.name, { runningOnly: true });
  } catch (e) {
    if (e instanceof LabError)
      throw new CliError(
        `push: --probe-lab ${lab}: ${e.lines.join('; ')}; probes run only inside a running lab (\`fabric lab up --site ${site.name} --name ${lab}\`)`,
      );
    throw e;
  }
  const { status, netnsOf, namespaced } = view;
  if (status.state !== 'running' && status.state !== 'degraded')
    throw new CliError(
      `push: --probe-lab ${lab}: the lab is ${status.state}, not running (\`fabric lab status --name ${lab}\`)`,
    );
  if (!site.devices.some((d) => netnsOf(d.name)))
    throw new CliError(
      `push: --probe-lab ${lab}: the lab runs none of ${site.name}'s devices (it runs ${namespaced.slice(0, 5).join(', ')}…)`,
    );
  return { netnsOf, sites: compiledLabSites('push', site, view.siteNames, inventory, lab) };
}

/** Waits (up to WAIT_FOR_QUIET_MS) until every probe answered for QUIET_MS; returns those that did not. */
async function waitForAnswers(set: ProbeSet): Promise<Set<string>> {
  const started = Date.now();
  const quiet = () =>
    set.recorders.filter((r) => !healthySince(r.samples(), Date.now() - IN_FLIGHT_MS, QUIET_MS));
  while (Date.now() - started < WAIT_FOR_QUIET_MS) {
    await sleep(200);
    if (Date.now() - started >= QUIET_MS + IN_FLIGHT_MS && quiet().length === 0) break;
  }
  return new Set(quiet().map((r) => r.probe.id));
}

/**
 * Starts the probes in the lab and waits until they answer (those that never do are named and
 * not measured: a push to an empty lab has nothing to probe yet). A signal stops them, removes
 * their addresses and exits 130: the probes run in their own process groups and would outlive us.
 */
export async function startPushProbes(
  site: FrozenSite,
  lab: string,
  inventory: string,
  progress: (line: string) => void,
): Promise<PushProbes> {
  const { netnsOf, sites } = await probedLab(site, lab, inventory);
  // Without the upstreams' VIP pings: on a 2-vCPU lab they doubled the ping traffic through the
  // busiest hypervisor's userspace OVS (the vRouter's uplink bridge and the tunnel to the L4
  // pair), whose socket then dropped 3-10 % of the VIP's packets in every wave of a push while
  // the rest of the lab lost none (docs/failover.md, "A push, measured"). HTTP from every
  // upstream still crosses the edges, at 0 failed requests per wave.
  // in a lab of several sites, the upstreams are shared: an anycast VIP may answer from any site
  const probes = deriveProbes(site, { upstreamPings: false, sharedInternet: sharedInternet(sites) });
  const ctx: FaultContext = {
    lab,
    run: `push${Date.now().toString(36)}${process.pid.toString(36)}`,
    journal: new FaultJournal(stateDirOf(DEFAULT_STATE_ROOT, lab)),
    netnsOf,
    interfacesOf: () => [],
    peerOf: () => undefined,
  };
  await addProbeSources(ctx, probes);
  const set = startProbes(probes, ctx.netnsOf);
  const stopAll = async () => {
    await set.stop();
    return removeProbeSources(ctx);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    progress(`push: ${signal}: stopping the probes in ${lab}`);
    void stopAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  const notAnswering = await waitForAnswers(set);
  const measured = set.recorders.filter((r) => !notAnswering.has(r.probe.id));
  progress(
    `push: ${measured.length} probes run in lab ${lab}${notAnswering.size ? ` (${notAnswering.size} not answering before the push, not measured)` : ''}`,
  );
  const waveStarts = new Map<number, number>();
  return {
    onWaveStart: (index) => waveStarts.set(index, Date.now()),
    async finish() {
      const end = Date.now() + TAIL_MS;
      await sleep(TAIL_MS + IN_FLIGHT_MS);
      const stoppedAt = Date.now();
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
      const left = await stopAll();
      return {
        lab,
        budget: trafficBudget(site),
        probes: measured.map((r) => ({
          id: r.probe.id,
          kind: r.probe.kind,
          intervalMs: r.probe.kind === 'ping' ? PING_INTERVAL_MS : HTTP_INTERVAL_MS,
          samples: r.samples().filter((s) => s.at < stoppedAt - IN_FLIGHT_MS),
        })),
        notAnswering: [...notAnswering].sort(),
        waveStarts,
        end,
        problems: left.map((l) => `probe address not removed: ${l}`),
      };
    },
  };
}
