/**
 * A VM used directly as an L4 real server: IPVS NAT forwards the VIP's ports unchanged, so the
 * model says the VM serves each of them (services[].l4Services), which is what the lab starts
 * and verify checks. A port nothing listens on behind the VIP is a finding (vip-port-unserved).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { REPO } from '../support/cli.js';
import { singleFileInventory } from '../support/tmp.js';

/** The findings case with an HAProxy pair behind the VIP, turned into VMs behind the VIP. */
function vmRealServers(ports: string): string {
  return readFileSync(join(REPO, 'test', 'findings', 'vip-port-unserved.yaml'), 'utf8')
    .replace('ports: [80, 8443], real_servers: [web1, web2]', `ports: ${ports}, real_servers: [app1, app2]`)
    .replace(
      'address: 10.20.2.21 } }',
      'address: 10.20.2.21 }, eth2: { segment: lbnet, address: 10.20.1.21 } }',
    )
    .replace(
      'address: 10.20.2.22 } }',
      'address: 10.20.2.22 }, eth2: { segment: lbnet, address: 10.20.1.22 } }',
    );
}

describe('VMs as L4 real servers', () => {
  it('GIVEN app1 and app2 as real servers of www on 80 and 8080 WHEN compiled THEN each serves both ports for www (8080 also for its backend)', () => {
    const dir = singleFileInventory('t.yaml', vmRealServers('[80, 8080]'));
    const r = runPipeline(join(dir, 'inventory'));
    expect(r.inputErrors).toEqual([]);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    for (const name of ['app1', 'app2']) {
      const vm = r.model!.sites[0]!.devices.find((d) => d.name === name)!;
      expect(vm.services.map((s) => [s.port, s.l4Services, s.paths])).toEqual([
        [80, ['www'], ['/']],
        [8080, ['www'], ['/']], // the backend web uses 8080 too: one service, both uses
      ]);
      expect(vm.defaultGateway, 'IPVS NAT needs the replies back through the L4 pair').toBe('10.20.1.1');
    }
  });

  it('GIVEN VMs behind the VIP only as backends THEN their ports are not L4 services', () => {
    const r = runPipeline(join(REPO, 'inventory'));
    const app1 = r.model!.sites[0]!.devices.find((d) => d.name === 'app1')!;
    expect(app1.services.map((s) => [s.port, s.l4Services])).toEqual([[8080, []]]);
  });

  it('GIVEN a VM real server behind port 22, where sshd listens THEN a located listener-conflict', () => {
    const dir = singleFileInventory('t.yaml', vmRealServers('[80, 22]'));
    const r = runPipeline(join(dir, 'inventory'));
    const found = r.findings.filter((f) => f.severity === 'error');
    expect(found.map((f) => f.code)).toEqual(['listener-conflict']);
    expect(found[0]!.path).toEqual(['tenants', 'shop', 'l4', 'services', 'www', 'ports', 1]);
    expect(found[0]!.message).toContain('app1, app2');
  });
});
