/**
 * The GSLB check's port, per site (found by a trial): each site's VIP must serve it in plain
 * HTTP. It was checked against the ports of all the sites' VIPs together, so a port only idc-a's
 * VIP serves passed, and the DNS servers would have found idc-b down whatever its health (gdnsd's
 * "all down: answer all" fallback hiding it).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runFabric } from '../support/cli.js';
import { inventoryWith } from '../support/tmp.js';

const withIdcB = (edit: (text: string) => string) =>
  inventoryWith(join(REPO, 'inventory'), 'idc-b.yaml', edit);

describe('GIVEN the reference inventory with idc-b’s www VIP serving other ports than idc-a’s', () => {
  it('WHEN idc-b’s VIP serves 443 only THEN the check on port 80 is located at gslb.yaml, naming idc-b (exit 2)', async () => {
    const dir = withIdcB((t) => t.replace('ports: [80, 443]', 'ports: [443]'));
    const r = await runFabric(['-i', dir, 'validate', '--no-secrets']);
    expect(r.stdout + r.stderr).toMatch(
      /gslb\.yaml:\d+:\d+ error bad-check-port port 80 is not a port of site idc-b's VIP \(443\): the DNS servers would find idc-b down whatever its health; give every site’s VIP a plain HTTP port in common/,
    );
    expect(r.stdout + r.stderr).not.toMatch(/site idc-a's VIP/);
    expect(r.code).toBe(2);
  });

  it('WHEN the check names no port THEN it takes 80, the plain HTTP port both VIPs serve: no error', async () => {
    const dir = inventoryWith(join(REPO, 'inventory'), 'gslb.yaml', (t) =>
      t.replace('check: { path: /healthz, port: 80 }', 'check: { path: /healthz }'),
    );
    const r = await runFabric(['-i', dir, 'validate', '--no-secrets']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });
});
