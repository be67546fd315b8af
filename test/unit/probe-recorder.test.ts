/**
 * What a ping probe recorded, from fping's own lines (`fping --loop --timestamp --elapsed`, as
 * fping 5.1 prints them): replies at their send time, timeouts as lost, a late reply never
 * turned into a loss, and sequence numbers never reported counted as lost between their
 * neighbours.
 */
import { describe, expect, it } from 'vitest';
import { type PingProbe, PROBE_TIMEOUT_MS } from '../../src/failover/probe-plan.js';
import { ProbeRecorder } from '../../src/failover/probes.js';

const probe: PingProbe = { kind: 'ping', id: 'ping leaf1a→leaf2a', device: 'leaf1a', address: '10.0.0.13' };

describe('a ping probe from fping lines', () => {
  it('a reply is a success at its send time (received minus its round trip)', () => {
    const r = new ProbeRecorder(probe);
    r.pingLine('[1796316941.06028] 10.0.0.13 : [0], 64 bytes, 0.056 ms (0.056 avg, 0% loss)');
    r.pingLine('[1796316941.07037] 10.0.0.13 : [1], 64 bytes, 2.5 ms (1.28 avg, 0% loss)');
    const [a, b] = r.samples();
    expect(a!.ok).toBe(true);
    expect(a!.at).toBeCloseTo(1796316941060.28 - 0.056, 3);
    expect(b!.at).toBeCloseTo(1796316941070.37 - 2.5, 3);
  });

  it('a timeout is a loss at its send time; the numbers between two reported ones are losses too', () => {
    const r = new ProbeRecorder(probe);
    r.pingLine('[1796316941.00000] 10.0.0.13 : [0], 64 bytes, 0.050 ms (0.050 avg, 0% loss)');
    r.pingLine('[1796316942.05608] 10.0.0.13 : [48], timed out (0.031 avg, 1% loss)');
    r.pingLine('[1796316942.06000] 10.0.0.13 : [50], 64 bytes, 0.050 ms (0.031 avg, 4% loss)');
    const s = r.samples();
    expect(s.map((x) => x.ok)).toEqual([true, ...Array<boolean>(48).fill(false), false, true]);
    expect(s[48]!.at).toBeCloseTo(1796316942056.08 - PROBE_TIMEOUT_MS, 3);
    // 49 was never reported: lost, between 48 and 50
    expect(s[49]!.at).toBeGreaterThan(s[48]!.at);
    expect(s[49]!.at).toBeLessThan(s[50]!.at);
  });

  it('a reply is not undone by a timeout line of the same number, and other lines are ignored', () => {
    const r = new ProbeRecorder(probe);
    r.pingLine('[1796316941.00000] 10.0.0.13 : [3], 64 bytes, 0.050 ms (0.050 avg, 0% loss)');
    r.pingLine('[1796316942.00000] 10.0.0.13 : [3], timed out (0.050 avg, 50% loss)');
    r.pingLine('10.0.0.13 : xmt/rcv/%loss = 2/1/50%, min/avg/max = 0.050/0.050/0.050');
    r.pingLine('ICMP Host Unreachable from 10.0.0.1 for ICMP Echo sent to 10.0.0.13');
    expect(r.samples()).toEqual([{ at: 1796316941000 - 0.05, ok: true }]);
  });

  it('IPv6 targets print the same way', () => {
    const r = new ProbeRecorder({ ...probe, address: '2001:db8:1::13', family: 'ipv6' });
    r.pingLine('[1796316906.04022] 2001:db8:1::13 : [0], 64 bytes, 0.022 ms (0.022 avg, 0% loss)');
    expect(r.samples()).toHaveLength(1);
  });
});
