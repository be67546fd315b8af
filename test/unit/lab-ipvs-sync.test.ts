import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_FILES } from '../../src/lab/runtime/node-files.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lab-ipvs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function render(config: string, ...flags: string[]): string {
  const file = join(dir, 'keepalived.conf');
  writeFileSync(file, config);
  const r = spawnSync('python3', [NODE_FILES.ipvsSync, '--print', ...flags, file], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe('lab-ipvs-sync: keepalived virtual servers as nftables DNAT (no IPVS in the kernel)', () => {
  it('GIVEN fabric-style virtual servers THEN round-robin DNAT per VIP and port, weight 0 left out', () => {
    const out = render(`
global_defs {
  router_id lb1
}
include missing-*.conf
virtual_server 10.0.1.100 80 {
  lb_kind NAT
  protocol TCP
  ! a comment { with braces }
  real_server 10.0.1.2 8080 {
    weight 1
    HTTP_GET {
      url {
        path /healthz
      }
    }
  }
  real_server 10.0.1.3 8080
  {
    weight 1
  }
  real_server 10.0.1.4 8080 { weight 0 }
}
virtual_server 10.0.1.101 53 { protocol UDP
  real_server 10.0.1.2 5353 { weight 1 } }
`);
    expect(out).toBe(`table ip lab_ipvs
delete table ip lab_ipvs
table ip lab_ipvs {
  chain prerouting {
    type nat hook prerouting priority dstnat; policy accept;
    ip daddr 10.0.1.100 tcp dport 80 dnat ip to numgen inc mod 2 map { 0 : 10.0.1.2 . 8080, 1 : 10.0.1.3 . 8080 }
    ip daddr 10.0.1.101 udp dport 53 dnat ip to 10.0.1.2:5353
  }
  chain output {
    type nat hook output priority -100; policy accept;
    ip daddr 10.0.1.100 tcp dport 80 dnat ip to numgen inc mod 2 map { 0 : 10.0.1.2 . 8080, 1 : 10.0.1.3 . 8080 }
    ip daddr 10.0.1.101 udp dport 53 dnat ip to 10.0.1.2:5353
  }
}
`);
  });

  it('GIVEN --flush or no virtual servers THEN the table is only removed', () => {
    const removeOnly = 'table ip lab_ipvs\ndelete table ip lab_ipvs\n';
    expect(render('virtual_server 10.0.1.100 80 { real_server 10.0.1.2 80 { } }', '--flush')).toBe(
      removeOnly,
    );
    expect(render('vrrp_instance VI_1 {\n state MASTER\n}\n')).toBe(removeOnly);
  });
});
