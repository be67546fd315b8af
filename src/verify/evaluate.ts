/**
 * Checks one expectation against what the devices show. Reading is shared through an
 * observation round; every result says in words what was seen, so a failure names the device,
 * the neighbor, the prefix or the VIP that is wrong.
 */
import {
  bfdPeers,
  bgpSummary,
  FRR,
  fibNexthops,
  findBfdPeer,
  isEstablished,
  routes,
} from '../observe/frr.js';
import { HAPROXY, haproxyServers, serverUp } from '../observe/haproxy.js';
import { floodList, interfaceAddresses, LINUX, ovsPorts } from '../observe/linux.js';
import { type ObservationRound, parseJson } from '../observe/runner.js';
import { own } from '../util/own.js';
import { shellQuote } from '../util/shell.js';
import type { Expectation } from './expectations.js';
import type { Range } from './routing.js';

export interface CheckResult {
  ok: boolean;
  /** What was observed: "Established, 12 prefixes" or "Active: no session". */
  detail: string;
  /**
   * Which way a check failed, where the kind alone does not say how bad it is (drift's
   * severities): `prefix-count`, `no-route`, `wrong-master`, `all-down`.
   */
  code?: string;
}

const pass = (detail: string): CheckResult => ({ ok: true, detail });
const fail = (detail: string, code?: string): CheckResult => ({
  ok: false,
  detail,
  ...(code ? { code } : {}),
});

function inRange(n: number, r: Range): boolean {
  return n >= r.certain && n <= r.possible;
}

function rangeText(r: Range): string {
  return r.certain === r.possible ? `${r.certain}` : `${r.certain} to ${r.possible}`;
}

/** Parsed once per observation: a round hands every check of a device the same result object. */
const parsed = new WeakMap<object, unknown>();

async function json<T>(round: ObservationRound, device: string, command: string, what: string) {
  const r = await round.read(device, command);
  let value = parsed.get(r) as ReturnType<typeof parseJson<T>> | undefined;
  if (!value) {
    value = parseJson<T>(r, what);
    parsed.set(r, value);
  }
  return value;
}

export async function evaluate(e: Expectation, round: ObservationRound): Promise<CheckResult> {
  switch (e.kind) {
    case 'bgp-identity': {
      const r = await json(round, e.device, FRR.bgpSummary, 'show bgp summary');
      if ('error' in r) return fail(r.error);
      const s = bgpSummary(r.value);
      if (!s) return fail('BGP is not running (no router bgp)');
      if (s.as !== e.asn) return fail(`local AS is ${s.as}, expected AS${e.asn}`);
      if (s.routerId !== e.routerId) return fail(`router-id is ${s.routerId}, expected ${e.routerId}`);
      return pass(`AS${s.as}, router-id ${s.routerId}`);
    }
    case 'bgp-session': {
      const r = await json(round, e.device, FRR.bgpSummary, 'show bgp summary');
      if ('error' in r) return fail(r.error);
      const s = bgpSummary(r.value);
      const p = own(s?.peers, e.peer);
      if (!p) return fail(`no BGP neighbor ${e.peer} configured`);
      if (p.remoteAs !== e.remoteAs)
        return fail(`neighbor ${e.peer} is AS${p.remoteAs}, expected AS${e.remoteAs} (${e.peerDevice})`);
      if (!isEstablished(p))
        return fail(
          `${p.state}${p.peerState && p.peerState !== 'OK' && !p.state.includes(p.peerState) ? ` (${p.peerState})` : ''}, not Established`,
        );
      const n = p.pfxRcd ?? 0;
      if (!inRange(n, e.prefixes))
        return fail(
          `Established but ${n} prefixes received, expected ${rangeText(e.prefixes)}`,
          'prefix-count',
        );
      return pass(`Established, ${n} prefixes received`);
    }
    case 'bfd-peer': {
      const r = await json(round, e.device, FRR.bfdPeers, 'show bfd peers');
      if ('error' in r) return fail(r.error);
      const p = findBfdPeer(bfdPeers(r.value), e.peer, e.unnumbered);
      if (!p) return fail(`no BFD session on ${e.peer}`);
      return p.status === 'up' ? pass('up') : fail(`BFD ${p.status}`);
    }
    case 'ecmp': {
      const r = await json(round, e.device, FRR.routes, 'show ip route');
      if ('error' in r) return fail(r.error);
      const { count, protocol } = fibNexthops(routes(r.value).get(e.prefix));
      if (protocol === null) return fail(`no route to ${e.prefix}`, 'no-route');
      if (!inRange(count, e.nexthops))
        return fail(`${count} next hops (${protocol}), expected ${rangeText(e.nexthops)}`);
      return pass(`${count} next hops (${protocol})`);
    }
    case 'loopbacks-reachable': {
      // all pings at once, each answered in at most a second
      const script = `for a in ${e.targets.map((t) => t.address).join(' ')}; do (ping -c1 -W1 -I ${e.source} "$a" >/dev/null 2>&1 && echo "ok $a" || echo "fail $a") & done; wait`;
      const r = await round.fresh(e.device, script, 20_000);
      const ok = new Set(
        r.stdout
          .split('\n')
          .filter((l) => l.startsWith('ok '))
          .map((l) => l.slice(3)),
      );
      const missing = e.targets.filter((t) => !ok.has(t.address));
      if (missing.length)
        return fail(`no answer from ${missing.map((t) => `${t.device} ${t.address}`).join(', ')}`);
      return pass(`all ${e.targets.length} answer`);
    }
    case 'vxlan-tunnels': {
      const port = await json(round, e.device, LINUX.ovsPort(e.port), 'ovs-vsctl list port');
      if ('error' in port) return fail(/no row/.test(port.error) ? `OVS port ${e.port} missing` : port.error);
      const row = ovsPorts(port.value)[0];
      if (!row) return fail(`OVS port ${e.port} missing`);
      if (row.tag !== e.tag) return fail(`OVS port ${e.port} has tag ${row.tag}, expected ${e.tag}`);
      const fdb = await json(round, e.device, LINUX.flood(e.port), 'bridge fdb show');
      if ('error' in fdb) return fail(fdb.error);
      const have = floodList(fdb.value);
      const missing = e.remotes.filter((r) => !have.includes(r.address));
      if (missing.length)
        return fail(`no tunnel to ${missing.map((m) => `${m.device} (${m.address})`).join(', ')}`);
      return pass(`tag ${row.tag}, tunnels to ${e.remotes.length} VTEPs`);
    }
    case 'vrrp-master': {
      const holders: string[] = [];
      for (const m of e.members) {
        const r = await json(round, m.device, LINUX.addresses(m.interface), 'ip addr');
        if ('error' in r) return fail(`${m.device}: ${r.error}`);
        if (interfaceAddresses(r.value).includes(e.vip)) holders.push(m.device);
      }
      if (holders.length === 0) return fail(`no master: nobody holds ${e.vip}`);
      if (holders.length > 1)
        return fail(`${holders.length} masters: ${holders.join(' and ')} all hold ${e.vip}`);
      if (holders[0] !== e.intendedMaster)
        return fail(`master is ${holders[0]}, intended ${e.intendedMaster}`, 'wrong-master');
      return pass(`master ${holders[0]}`);
    }
    case 'overlay-ping': {
      const before = Number((await round.fresh(e.hypervisor, LINUX.txPackets(e.vxlanDevice))).stdout.trim());
      const ping = await round.fresh(e.device, `ping -c 3 -i 0.2 -W 1 ${e.address}`);
      const after = Number((await round.fresh(e.hypervisor, LINUX.txPackets(e.vxlanDevice))).stdout.trim());
      const received = /(\d+) received/.exec(ping.stdout)?.[1] ?? '0';
      if (ping.code !== 0) return fail(`no answer from ${e.target} ${e.address} (${received}/3)`);
      if (!(after - before >= 1))
        return fail(`answered, but not through ${e.hypervisor} ${e.vxlanDevice} (its counters did not move)`);
      return pass(`${received}/3 replies, ${after - before} packets out of ${e.hypervisor} ${e.vxlanDevice}`);
    }
    case 'haproxy-backends': {
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
    }
    case 'vip-answers': {
      const r = await round.fresh(
        e.device,
        `timeout 3 bash -c ${shellQuote(`</dev/tcp/${e.address}/${e.port}`)}`,
      );
      return r.code === 0 ? pass('TCP connect ok') : fail(`TCP connect to ${e.address}:${e.port} failed`);
    }
    case 'http-path': {
      const r = await round.fresh(
        e.device,
        `curl -sS -m 5 ${e.insecure ? '-k ' : ''}--interface ${e.source} -o - -w '\\n%{http_code}' ${shellQuote(e.url)}`,
        10_000,
      );
      const lines = r.stdout.trim().split('\n');
      const status = lines.pop() ?? '';
      const body = lines.join('\n').trim();
      if (r.code !== 0) return fail(`request failed: ${r.stderr.trim().split('\n')[0] ?? `exit ${r.code}`}`);
      if (status !== '200') return fail(`HTTP ${status}: ${body.slice(0, 80)}`);
      const server = e.servers.find((s) => body.split(/\s+/).includes(s));
      if (!server)
        return fail(`HTTP 200 but served by "${body.slice(0, 40)}", expected one of ${e.servers.join(', ')}`);
      return pass(`HTTP 200 from ${server}`);
    }
  }
}
