/**
 * Control-plane events during a scenario, by polling the state the daemons report (their logs
 * are not reliable in the lab: keepalived and HAProxy syslog go nowhere, FRR logs whole
 * seconds): BFD and BGP sessions of the devices next to the fault (vtysh), which node holds
 * each VRRP address (`ip -n … addr`), and HAProxy's view of its servers (admin socket).
 * A transition is stamped with the middle of the poll that saw it: ± half a poll (~100 ms).
 */
import { labExec } from '../lab/index.js';
import { run } from '../lab/runtime/system-command.js';
import type { DeepReadonly } from '../model/freeze.js';
import type { SiteModel } from '../model/types.js';
import { bfdPeers, bgpSummary } from '../observe/frr.js';
import { HAPROXY, haproxyServers } from '../observe/haproxy.js';
import { interfaceAddresses } from '../observe/linux.js';
import { sleep } from '../util/concurrency.js';
import { FILED_UNDER, runsProxy, runsVrrp, speaksBgp } from '../verify/checks/model.js';

/** HAProxy's server states are events of the kind drift files proxy findings under (the daemon's name). */
const PROXY = FILED_UNDER.proxy;

export interface ControlEvent {
  /** ms since the epoch */
  at: number;
  device: string;
  kind: 'bfd' | 'bgp' | 'vrrp' | typeof PROXY;
  what: string;
  from: string;
  to: string;
}

type Site = DeepReadonly<SiteModel>;
type Reading = Map<string, { device: string; kind: ControlEvent['kind']; what: string; value: string }>;

const POLL_MS = 250;
/** vtysh is the costly read on a 2-vCPU lab: at most this many FRR neighbours are watched. */
const MAX_FRR_DEVICES = 4;

/** FRR devices with a BGP session to one of `near` (not themselves in `exclude`). */
export function frrNeighbours(site: Site, near: readonly string[], exclude: readonly string[]): string[] {
  return site.devices
    .filter(speaksBgp)
    .filter((d) => !exclude.includes(d.name))
    .filter((d) =>
      d.frr.routerBgp.neighbors.some((n) => near.includes(n.peerDevice) || near.includes(d.name)),
    )
    .map((d) => d.name)
    .slice(0, MAX_FRR_DEVICES);
}

export class EventWatcher {
  readonly events: ControlEvent[] = [];
  private last: Reading = new Map();
  private stopped = false;
  private loop: Promise<void> | undefined;
  private readonly vrrp: { vip: string; members: string[] }[] = [];
  private readonly haproxy: { device: string; socket: string }[] = [];

  constructor(
    private readonly lab: string,
    site: Site,
    private readonly frrDevices: string[],
    private readonly netnsOf: (device: string) => string | undefined,
    /** The lab node that runs a device (src/topology/lab-nodes.ts). */
    private readonly nodeOf: (device: string) => string = (d) => d,
  ) {
    const vips = new Map<string, Set<string>>();
    for (const d of site.devices) {
      if (runsProxy(d)) this.haproxy.push({ device: d.name, socket: d.haproxy.statsSocket });
      if (!runsVrrp(d)) continue;
      for (const v of d.keepalived.vrrpInstances)
        for (const a of v.virtualIpaddress) {
          const vip = a.address;
          vips.set(vip, (vips.get(vip) ?? new Set()).add(d.name));
        }
    }
    for (const [vip, members] of vips) this.vrrp.push({ vip, members: [...members].sort() });
  }

  start(): void {
    this.loop = (async () => {
      while (!this.stopped) {
        const began = Date.now();
        const reading = await this.read();
        this.compare(reading, (began + Date.now()) / 2);
        await sleep(Math.max(0, POLL_MS - (Date.now() - began)));
      }
    })();
  }

  async stop(): Promise<ControlEvent[]> {
    this.stopped = true;
    await this.loop;
    return this.events.sort((a, b) => a.at - b.at);
  }

  private compare(reading: Reading, at: number): void {
    for (const [key, now] of reading) {
      const before = this.last.get(key);
      if (before && before.value !== now.value)
        this.events.push({
          at,
          device: now.device,
          kind: now.kind,
          what: now.what,
          from: before.value,
          to: now.value,
        });
    }
    // a value that could not be read keeps its last one (a busy node is not an event)
    for (const [key, v] of reading) this.last.set(key, v);
  }

  private async read(): Promise<Reading> {
    const reading: Reading = new Map();
    const set = (device: string, kind: ControlEvent['kind'], what: string, value: string) =>
      reading.set(`${kind} ${device} ${what}`, { device, kind, what, value });
    await Promise.all([
      ...this.frrDevices.map(async (device) => {
        // one vtysh for both: the BFD array, then the BGP object starting at a line's first column
        const r = await this.exec(
          device,
          "vtysh -c 'show bfd peers json' -c 'show bgp ipv4 unicast summary json'",
        );
        const split = r.indexOf('\n{');
        const [bfdText, bgpText] = split < 0 ? [r, ''] : [r.slice(0, split), r.slice(split)];
        for (const p of bfdPeers(parse(bfdText)))
          set(device, 'bfd', `peer ${p.interface ?? p.peer}`, p.status);
        const bgp = bgpSummary(parse(bgpText));
        for (const [peer, s] of Object.entries(bgp?.peers ?? {}))
          set(device, 'bgp', `neighbor ${peer}`, s.state);
      }),
      this.readVrrp(set),
      ...this.haproxy.map(async ({ device, socket }) => {
        const csv = await this.exec(device, HAPROXY.stat(socket));
        for (const s of haproxyServers(csv))
          set(device, PROXY, `${s.backend}/${s.server}`, s.status.split(' ')[0]!);
      }),
    ]);
    return reading;
  }

  private async readVrrp(
    set: (d: string, k: ControlEvent['kind'], w: string, v: string) => void,
  ): Promise<void> {
    const members = [...new Set(this.vrrp.flatMap((v) => v.members))];
    const held = new Map<string, string[]>();
    await Promise.all(
      members.map(async (device) => {
        const ns = this.netnsOf(device);
        if (!ns) return;
        const r = await run('ip', ['-n', ns, '-j', 'addr', 'show'], { timeoutMs: 5000 });
        if (r.code !== 0) return;
        const links = parse(r.stdout);
        const both = [...interfaceAddresses(links, 'ipv4'), ...interfaceAddresses(links, 'ipv6')];
        held.set(
          device,
          both.map((a) => a.split('/')[0]!),
        );
      }),
    );
    for (const v of this.vrrp) {
      if (!v.members.every((m) => held.has(m))) continue;
      const masters = v.members.filter((m) => held.get(m)!.includes(v.vip));
      set(
        v.members.join('/'),
        'vrrp',
        `VIP ${v.vip}`,
        masters.length ? `master ${masters.join('+')}` : 'no master',
      );
    }
  }

  private async exec(device: string, command: string): Promise<string> {
    try {
      const r = await labExec(this.lab, this.nodeOf(device), ['sh', '-c', command], { timeoutMs: 5000 });
      return r.code === 0 ? r.stdout : '';
    } catch {
      return '';
    }
  }
}

function parse(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
}
