/**
 * Allocation is stable: addresses and ASNs derive from explicit ids and pools, never from list
 * order, so growing the fabric renumbers nothing.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { exampleCopy } from '../support/tmp.js';

type Site = NonNullable<ReturnType<typeof runPipeline>['model']>['sites'][number];

/** What must never change for an existing device: its addresses (every interface, mgmt, VIPs it holds) and its ASN. */
function identities(site: Site): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const d of site.devices) {
    out.set(d.name, {
      id: d.id,
      mgmt: d.mgmt.address,
      asn: 'frr' in d ? d.frr.routerBgp.asn : null,
      routerId: 'frr' in d ? d.frr.routerBgp.routerId : null,
      interfaces: Object.fromEntries(d.interfaces.map((i) => [i.name, i.addresses])),
      vips: 'keepalived' in d ? d.keepalived.vrrpInstances.map((v) => v.virtualIpaddress) : [],
      vtep: 'ovs' in d ? d.ovs.vtep : null,
    });
  }
  return out;
}

function compile(inventory: string): Site {
  const r = runPipeline(inventory, { sites: ['idc-a'] });
  expect(r.inputErrors).toEqual([]);
  expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  return r.model!.sites[0]!;
}

describe('stable allocation', () => {
  it('GIVEN idc-a WHEN a leaf pair and a hypervisor are added THEN no existing device changes address or ASN', () => {
    const { inventory } = exampleCopy();
    const before = compile(inventory);

    // a third rack: a new leaf pair (inserted at the top of the file, to prove order does not matter)
    // and a hypervisor dual-homed to it
    const fabricFile = join(inventory, 'idc-a-fabric.yaml');
    writeFileSync(
      fabricFile,
      readFileSync(fabricFile, 'utf8').replace(
        'devices:\n',
        `devices:
  leaf3a: { role: leaf, id: 15, rack: r3, uplinks: { eth1: spine1:eth15, eth2: spine2:eth15 } }
  leaf3b: { role: leaf, id: 16, rack: r3, uplinks: { eth1: spine1:eth16, eth2: spine2:eth16 } }
`,
      ),
    );
    appendFileSync(
      join(inventory, 'idc-a-compute.yaml'),
      '  hv5: { role: hypervisor, id: 25, rack: r3, uplinks: { eth1: leaf3a:eth11, eth2: leaf3b:eth11 } }\n',
    );
    const after = compile(inventory);

    expect(after.devices.map((d) => d.name)).toEqual(expect.arrayContaining(['leaf3a', 'leaf3b', 'hv5']));
    const old = identities(before);
    const now = identities(after);
    for (const [name, identity] of old) {
      // existing devices may gain ports (a spine cabled to the new leaves), never change one
      const { interfaces, ...rest } = identity as { interfaces: object };
      const { interfaces: nowInterfaces, ...nowRest } = now.get(name) as { interfaces: object };
      expect(nowRest, name).toEqual(rest);
      expect(nowInterfaces, name).toMatchObject(interfaces);
    }
    // and the new devices got addresses from the same rules
    const hv5 = after.devices.find((d) => d.name === 'hv5')!;
    expect(hv5.interfaces[0]!.addresses).toEqual([
      { family: 'ipv4', address: '10.1.0.25', prefixLength: 32 },
      { family: 'ipv6', address: '2001:db8:1::19', prefixLength: 128 }, // id 25 = 0x19
    ]);
    expect('frr' in hv5 && hv5.frr.routerBgp.asn).toBe(65225);
  });

  it('GIVEN idc-a WHEN the devices of a file are listed in reverse order THEN the model is identical', () => {
    const { inventory } = exampleCopy();
    const before = compile(inventory);
    const file = join(inventory, 'idc-a-compute.yaml');
    const text = readFileSync(file, 'utf8');
    const [head, body] = text.split('devices:\n') as [string, string];
    const blocks = body.split(/\n(?= {2}\S)/);
    writeFileSync(file, `${head}devices:\n${blocks.reverse().join('\n')}\n`);
    expect(compile(inventory)).toEqual(before);
  });
});
