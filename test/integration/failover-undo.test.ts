/**
 * `lab failover`'s journal undo (src/failover/faults.ts, `undoStep`) against the real `ip` and
 * `nft` in a namespace of the test's own: an undo whose work is already done counts as done.
 *
 * GIVEN a namespace with a probe address on its loopback
 * WHEN the journal's steps are undone THEN the address is removed, and undoing again, an address
 * that was never added (a run killed between its journal line and its `ip addr add`), a table
 * that is not there or a namespace that is gone is done too, not "NOT undone".
 * Found in the lab (2026-12-07): a run that was killed left a journal of probe addresses no longer
 * there; iproute2 answered "Error: ipv4: Address not found.", which the undo did not take for
 * done, and every later `lab failover` refused to start ("NOT undone"). Since 2026-12-08 a failed
 * undo reads the state (the address, the table, the link, the namespace), not the message.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { undoStep } from '../../src/failover/faults.js';
import { TestNetns } from '../support/netns.js';
import { requireRoot } from '../support/system.js';

const netns = new TestNetns('fu');
let ns = '';

beforeAll(() => {
  requireRoot();
  ns = netns.add('isp');
});
afterAll(() => netns.cleanup());

const addresses = (): string =>
  execFileSync('ip', ['-n', ns, 'addr', 'show', 'dev', 'lo'], { encoding: 'utf8' });

describe('lab failover journal undo', () => {
  it('GIVEN probe addresses on a loopback WHEN undone THEN they are gone; undone again THEN done, not failed', async () => {
    execFileSync('ip', ['-n', ns, 'addr', 'add', '192.0.2.130/32', 'dev', 'lo']);
    execFileSync('ip', ['-n', ns, 'addr', 'add', '2001:db8:f1::2/128', 'dev', 'lo']);
    for (const address of ['192.0.2.130', '2001:db8:f1::2']) {
      const first = await undoStep('x', { op: 'addr-del', netns: ns, address });
      expect(first.ok, first.detail).toBe(true);
      expect(addresses()).not.toContain(address);
      const again = await undoStep('x', { op: 'addr-del', netns: ns, address });
      expect(again.ok, again.detail).toBe(true);
    }
  });

  it('GIVEN nothing to undo (never added, no table, no device, no namespace) THEN each step is done', async () => {
    const steps = [
      { op: 'addr-del', netns: ns, address: '198.51.100.7' },
      { op: 'addr-del', netns: ns, address: '2001:db8:f1::99' },
      { op: 'nft-delete', netns: ns, table: 'fabric_failover_gone' },
      { op: 'link-up', netns: ns, ifname: 'eth9' },
      { op: 'addr-del', netns: `${netns.prefix}-gone`, address: '192.0.2.131' },
    ] as const;
    for (const step of steps) {
      const r = await undoStep('x', step);
      expect(r.ok, `${step.op}: ${r.detail}`).toBe(true);
    }
  });
});
