/**
 * Each GSLB DNS server answers each service's name with the VIPs its own health monitor holds UP
 * (issue 11, docs/active-active.md): its monitor states (`gdnsdctl states`) and its answer to an
 * A and an AAAA query, read on the server itself. Every site's VIP should be UP; one that is not
 * has left the answer (that site serves no new client), and an answer that differs from the
 * states (a DOWN VIP answered, an UP one missing, none at all) is a server that misleads clients.
 * With every VIP down gdnsd answers them all (multifo's fallback: an answer that may work beats
 * none), which the check expects too.
 */
import { GDNSD_DIR } from '../../daemons/gdnsd/index.js';
import type { GdnsdModel } from '../../model/gslb.js';
import { runsDns } from '../../model/runs.js';
import { type CheckSpec, type DeriveContext, type ExpectationBase, fail, pass } from './spec.js';

export interface GslbAnswers extends ExpectationBase {
  kind: 'gslb-answers';
  /** The name it answers, e.g. `www.shop.example`. */
  fqdn: string;
  /** The address the server listens on that the query goes to. */
  server: string;
  /** gdnsd's monitor of the service (`<service>_http`). */
  monitor: string;
  /**
   * Each site's VIPs, by family; `inLab` false for a VIP of sites the lab does not run (a lab of
   * one site of several), which the server cannot reach and holds DOWN, rightly.
   */
  v4: GslbVip[];
  v6: GslbVip[];
}

interface GslbVip {
  site: string;
  address: string;
  inLab: boolean;
}

/**
 * One DNS query over UDP (python3's standard library: the server may have no dig): prints the
 * answer's addresses on one line, `rcode N` first. argv: server, name, A or AAAA.
 */
const QUERY_PY = `import random, socket, struct, sys
server, name, qtype = sys.argv[1], sys.argv[2], 28 if sys.argv[3] == 'AAAA' else 1
q = struct.pack('>HHHHHH', random.randint(0, 65535), 0x0100, 1, 0, 0, 0)
q += b''.join(bytes([len(p)]) + p.encode() for p in name.split('.')) + b'\\0' + struct.pack('>HH', qtype, 1)
s = socket.socket(socket.AF_INET6 if ':' in server else socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(2)
s.sendto(q, (server, 53))
d = s.recvfrom(4096)[0]
i = 12
while d[i]: i += d[i] + 1
i += 5
out = []
for _ in range(struct.unpack('>H', d[6:8])[0]):
    if d[i] & 0xC0 == 0xC0: i += 2
    else:
        while d[i]: i += d[i] + 1
        i += 1
    t, _c, _ttl, n = struct.unpack('>HHIH', d[i:i + 10])
    i += 10
    if t in (1, 28): out.append(socket.inet_ntop(socket.AF_INET if t == 1 else socket.AF_INET6, d[i:i + n]))
    i += n
print('rcode', d[3] & 15, *out)
`;
const QUERY_B64 = Buffer.from(QUERY_PY).toString('base64');

const SEPARATOR = '-- fabric gslb-answers --';

/** The server's monitor states, then its A and AAAA answers, separated by SEPARATOR lines. */
export function gslbQuery(e: Pick<GslbAnswers, 'server' | 'fqdn'>): string {
  const ask = (type: string) =>
    `python3 -c "$(echo ${QUERY_B64} | base64 -d)" ${e.server} ${e.fqdn} ${type} 2>&1 | tail -1`;
  return [
    `gdnsdctl -c ${GDNSD_DIR} states 2>&1`,
    `echo '${SEPARATOR}'`,
    ask('A'),
    `echo '${SEPARATOR}'`,
    ask('AAAA'),
  ].join('; ');
}

export interface GslbSeen {
  /** `<address>/<monitor>` → gdnsd's state (`UP`, `DANGER`, `DOWN`…); null when unreadable. */
  states: Map<string, string> | null;
  /** The addresses answered per family; null when the query got no answer. */
  a: string[] | null;
  aaaa: string[] | null;
}

/** What the three reads said. */
export function parseGslb(text: string): GslbSeen {
  const [states = '', a = '', aaaa = ''] = text.split(`${SEPARATOR}\n`);
  let map: Map<string, string> | null = null;
  try {
    const json = JSON.parse(states) as Record<string, { state?: unknown }>;
    map = new Map(Object.entries(json).map(([k, v]) => [k, String(v.state)]));
  } catch {
    // no states: gdnsd down, or no control socket
  }
  const answer = (line: string) => {
    const m = /^rcode (\d+)((?: \S+)*)\s*$/.exec(line.trim());
    return m && m[1] === '0' ? (m[2] ?? '').trim().split(/\s+/).filter(Boolean).sort() : null;
  };
  return { states: map, a: answer(a), aaaa: answer(aaaa) };
}

/** The answer gdnsd's multifo gives for these states: the VIPs not DOWN, or all when every one is. */
export function expectedAnswer(
  vips: readonly { address: string }[],
  up: (address: string) => boolean,
): string[] {
  const live = vips.filter((v) => up(v.address)).map((v) => v.address);
  return (live.length ? live : vips.map((v) => v.address)).sort();
}

function derive(ctx: DeriveContext): GslbAnswers[] {
  return ctx.site.devices.flatMap((d) => {
    if (!runsDns(d) || ctx.isDown(d.name)) return [];
    const gdnsd = d.gdnsd as GdnsdModel;
    const server = gdnsd.listen[0];
    if (!server) return [];
    return gdnsd.zones.flatMap((z) =>
      z.records.flatMap((r) => {
        const res = gdnsd.resources.find((x) => x.name === r.resource);
        if (!res) return [];
        // the record's host is the service's name less its zone (compile/gslb.ts)
        const fqdn = `${r.host}.${z.name}`;
        const inLab = (sites: readonly string[]) => !ctx.labSites || sites.some((x) => ctx.labSites!.has(x));
        const v4 = res.v4.map((v) => ({ site: v.label, address: v.address, inLab: inLab(v.sites) }));
        const v6 = res.v6.map((v) => ({ site: v.label, address: v.address, inLab: inLab(v.sites) }));
        const away = [...v4, ...v6].filter((v) => !v.inLab).map((v) => v.address);
        return [
          {
            kind: 'gslb-answers' as const,
            id: `gslb-answers:${d.name}:${fqdn}`,
            device: d.name,
            title: `${d.name} answers ${fqdn} with every site's VIP its monitor holds UP (${[...v4, ...v6].map((v) => v.address).join(', ')})${away.length ? `; ${away.join(', ')} of sites not in the lab may be DOWN` : ''}`,
            fqdn,
            server,
            monitor: res.serviceType,
            v4,
            v6,
          },
        ];
      }),
    );
  });
}

export const gslbAnswers: CheckSpec<GslbAnswers> = {
  kind: 'gslb-answers',
  describes:
    'every GSLB DNS server answers each service with the VIPs its health monitor holds UP, and holds every site’s VIP UP',
  // a push changes no site's health; drift watches it for the NOC
  runs: { verify: true, gates: false, drift: true },
  stage: 8,
  derive,
  async evaluate(e, round) {
    const r = await round.read(e.device, gslbQuery(e));
    const seen = parseGslb(r.stdout);
    if (!seen.states)
      return fail(`gdnsd on ${e.device}: no monitor states (gdnsdctl states): is gdnsd running?`, 'down');
    const stateOf = (address: string) => seen.states!.get(`${address}/${e.monitor}`) ?? 'unknown';
    const up = (address: string) => stateOf(address) !== 'DOWN' && stateOf(address) !== 'unknown';
    const wrong: string[] = [];
    for (const [family, vips, got] of [
      ['A', e.v4, seen.a],
      ['AAAA', e.v6, seen.aaaa],
    ] as const) {
      if (!vips.length) continue;
      const want = expectedAnswer(vips, up);
      if (got === null) wrong.push(`no ${family} answer from ${e.server}`);
      else if (got.join() !== want.join())
        wrong.push(
          `${family} answered ${got.join(', ') || 'nothing'}; its monitor's states make it ${want.join(', ')}`,
        );
    }
    if (wrong.length) return fail(wrong.join('; '), 'answer');
    // the VIPs of sites the lab does not run are out of the server's reach: not judged
    const vips = [...e.v4, ...e.v6].filter((v) => v.inLab);
    const notUp = vips.filter((v) => stateOf(v.address) !== 'UP');
    if (notUp.length) {
      const why = vips.every((v) => !up(v.address))
        ? 'every VIP down: gdnsd answers them all'
        : notUp.every((v) => !up(v.address))
          ? 'out of the answer'
          : 'failing its checks';
      return fail(
        `${notUp.map((v) => `${v.site}'s ${v.address} ${stateOf(v.address)}`).join(', ')} in ${e.monitor}: ${why}`,
        'site-down',
      );
    }
    const scope = vips.length < e.v4.length + e.v6.length ? "every VIP of the lab's sites" : 'every VIP';
    return pass(`${scope} UP; answered ${[...(seen.a ?? []), ...(seen.aaaa ?? [])].join(', ')}`);
  },
  reads: (e) => [{ device: e.device, command: gslbQuery(e) }],
  about: (e) => [e.device],
  siteWide: false,
  filed: (e) => ({ daemon: 'gdnsd', section: `service ${e.monitor.replace(/_http$/, '')}` }),
  // a server misleading clients is worse than a site out of the answer (the other sites serve)
  severity: (code) => (code === 'answer' || code === 'down' ? 'critical' : 'major'),
};
