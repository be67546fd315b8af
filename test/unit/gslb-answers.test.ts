/**
 * `gslb-answers` (src/verify/checks/gslb-answers.ts): each GSLB DNS server answers each service
 * with the VIPs its health monitor holds UP, and holds every site's VIP UP. The outputs are real:
 * gdnsd 3.8 (Debian 12) run on aa-a's rendered dns1 config in a namespace (2026-12-06), with HTTP
 * servers behind three of the four VIPs, read with the check's own command; then gdnsd stopped.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ObservationRound } from '../../src/observe/runner.js';
import {
  expectedAnswer,
  type GslbAnswers,
  gslbQuery,
  parseGslb,
} from '../../src/verify/checks/gslb-answers.js';
import { specOf } from '../../src/verify/checks/index.js';
import { deriveExpectations } from '../../src/verify/expectations.js';
import { REPO } from '../support/cli.js';
import { renderExample } from '../support/render.js';

const sites = renderExample(join(REPO, 'test', 'fixtures', 'active-active', 'inventory'));
const aaA = sites.find((s) => s.site.name === 'aa-a')!;
const checks = (down: string[] = []) =>
  deriveExpectations(aaA.site, { down: { devices: new Set(down), links: new Set() } }).filter(
    (e): e is GslbAnswers => e.kind === 'gslb-answers',
  );

const SEP = '-- fabric gslb-answers --';
const states = (s: [string, string, string, string]) => `{
\t"203.0.113.10/www_http": {"state": "${s[0]}", "real_state": "${s[0]}"},
\t"198.51.100.10/www_http": {"state": "${s[1]}", "real_state": "${s[1]}"},
\t"2001:db8:100:10::10/www_http": {"state": "${s[2]}", "real_state": "${s[2]}"},
\t"2001:db8:200:10::10/www_http": {"state": "${s[3]}", "real_state": "${s[3]}"}
}`;
/** aa-b's IPv6 VIP had no HTTP server: DOWN, and out of the AAAA answer. */
const MIXED = `${states(['UP', 'UP', 'UP', 'DOWN'])}
${SEP}
rcode 0 198.51.100.10 203.0.113.10
${SEP}
rcode 0 2001:db8:100:10::10
`;
/** Before any check passed: every VIP DOWN, and gdnsd answers them all. */
const ALL_DOWN = `${states(['DOWN', 'DOWN', 'DOWN', 'DOWN'])}
${SEP}
rcode 0 198.51.100.10 203.0.113.10
${SEP}
rcode 0 2001:db8:100:10::10 2001:db8:200:10::10
`;
const STOPPED = `Error: connect() to socket /run/gdnsd/control.sock failed: Connection refused
${SEP}
TimeoutError: timed out
${SEP}
TimeoutError: timed out
`;

async function run(e: GslbAnswers, stdout: string) {
  const round = new ObservationRound({
    run: async (_d, command) =>
      command === gslbQuery(e)
        ? { code: 0, stdout, stderr: '' }
        : { code: 1, stdout: '', stderr: `unexpected ${command}` },
  });
  return specOf(e)!.evaluate(e, round);
}

describe('gslb-answers: the DNS answer follows the health monitor', () => {
  it('GIVEN aa-a THEN dns1 is checked for www.shop.example on its first listen address, with both sites’ VIPs per family; none when dns1 is down', () => {
    const [e, ...rest] = checks();
    expect(rest).toEqual([]);
    expect(e).toMatchObject({
      id: 'gslb-answers:dns1:www.shop.example',
      device: 'dns1',
      server: '203.0.113.29',
      monitor: 'www_http',
      v4: [
        { site: 'aa-a', address: '203.0.113.10', inLab: true },
        { site: 'aa-b', address: '198.51.100.10', inLab: true },
      ],
      v6: [
        { site: 'aa-a', address: '2001:db8:100:10::10', inLab: true },
        { site: 'aa-b', address: '2001:db8:200:10::10', inLab: true },
      ],
    });
    expect(checks(['dns1'])).toEqual([]);
  });

  it('GIVEN gdnsd’s own outputs THEN the states and both answers are read; a stopped gdnsd reads as nothing', () => {
    const seen = parseGslb(MIXED);
    expect(seen.states?.get('2001:db8:200:10::10/www_http')).toBe('DOWN');
    expect(seen.a).toEqual(['198.51.100.10', '203.0.113.10']);
    expect(seen.aaaa).toEqual(['2001:db8:100:10::10']);
    expect(parseGslb(STOPPED)).toEqual({ states: null, a: null, aaaa: null });
  });

  it('GIVEN every VIP down THEN the expected answer is all of them (multifo’s fallback), else the live ones', () => {
    const vips = [{ address: 'b' }, { address: 'a' }];
    expect(expectedAnswer(vips, () => false)).toEqual(['a', 'b']);
    expect(expectedAnswer(vips, (a) => a === 'b')).toEqual(['b']);
  });

  it('GIVEN every VIP UP and answered THEN pass; a site DOWN and out of the answer THEN site-down (major), naming it', async () => {
    const [e] = checks();
    expect(
      await run(
        e!,
        MIXED.replace('"DOWN", "real_state": "DOWN"', '"UP", "real_state": "UP"').replace(
          'rcode 0 2001:db8:100:10::10\n',
          'rcode 0 2001:db8:100:10::10 2001:db8:200:10::10\n',
        ),
      ),
    ).toEqual({
      ok: true,
      detail: 'every VIP UP; answered 198.51.100.10, 203.0.113.10, 2001:db8:100:10::10, 2001:db8:200:10::10',
    });
    const mixed = await run(e!, MIXED);
    expect(mixed).toEqual({
      ok: false,
      detail: "aa-b's 2001:db8:200:10::10 DOWN in www_http: out of the answer",
      code: 'site-down',
    });
    expect(specOf(e!)!.severity('site-down')).toBe('major');
  });

  it('GIVEN a lab of aa-a alone THEN aa-b’s VIPs, out of the lab’s reach, are not judged: DOWN and out of the answer passes; a wrong answer still fails', async () => {
    const [e] = deriveExpectations(aaA.site, { labSites: ['aa-a'] }).filter(
      (x): x is GslbAnswers => x.kind === 'gslb-answers',
    );
    expect(e!.v4.map((v) => `${v.site} ${v.inLab}`)).toEqual(['aa-a true', 'aa-b false']);
    expect(e!.title).toContain('198.51.100.10, 2001:db8:200:10::10 of sites not in the lab may be DOWN');
    const aloneStates = `${states(['UP', 'DOWN', 'UP', 'DOWN'])}
${SEP}
rcode 0 203.0.113.10
${SEP}
rcode 0 2001:db8:100:10::10
`;
    expect(await run(e!, aloneStates)).toEqual({
      ok: true,
      detail: "every VIP of the lab's sites UP; answered 203.0.113.10, 2001:db8:100:10::10",
    });
    // its own site's VIP DOWN is still the site out of the answer
    expect(
      await run(e!, aloneStates.replace('"UP", "real_state": "UP"', '"DOWN", "real_state": "DOWN"')),
    ).toMatchObject({
      ok: false,
      code: 'answer',
    });
    // a lab of both sites judges both, as on the devices
    const [both] = deriveExpectations(aaA.site, { labSites: ['aa-a', 'aa-b'] }).filter(
      (x): x is GslbAnswers => x.kind === 'gslb-answers',
    );
    expect(both!.v4.every((v) => v.inLab)).toBe(true);
  });

  it('GIVEN an answer the states do not make, or no gdnsd THEN critical, saying what was answered and what should have been', async () => {
    const [e] = checks();
    // gdnsd still answering aa-b's IPv6 VIP though its monitor holds it DOWN
    const stale = await run(
      e!,
      MIXED.replace('rcode 0 2001:db8:100:10::10\n', 'rcode 0 2001:db8:100:10::10 2001:db8:200:10::10\n'),
    );
    expect(stale).toEqual({
      ok: false,
      detail:
        "AAAA answered 2001:db8:100:10::10, 2001:db8:200:10::10; its monitor's states make it 2001:db8:100:10::10",
      code: 'answer',
    });
    expect(await run(e!, ALL_DOWN)).toMatchObject({
      ok: false,
      code: 'site-down',
      detail: expect.stringMatching(/every VIP down: gdnsd answers them all$/),
    });
    expect(await run(e!, STOPPED)).toMatchObject({ ok: false, code: 'down' });
    expect(specOf(e!)!.severity('answer')).toBe('critical');
  });
});
