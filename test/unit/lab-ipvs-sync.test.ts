import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { type AddressInfo, createServer, type Server } from 'node:net';
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

/** Runs `lab-ipvs-sync --run --dry-run` on a config; collects the rulesets it would load, with their times. */
function startChecker(config: string): { tables: { at: number; text: string }[]; stop: () => void } {
  const file = join(dir, 'checked.conf');
  writeFileSync(file, config);
  const child = spawn('python3', [NODE_FILES.ipvsSync, '--run', '--dry-run', file], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tables: { at: number; text: string }[] = [];
  let buffer = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const parts = buffer.split('\n\n'); // print() ends each ruleset's final newline with another
    buffer = parts.pop() ?? '';
    for (const text of parts) tables.push({ at: Date.now(), text: `${text}\n` });
  });
  return { tables, stop: () => child.kill('SIGTERM') };
}

function listen(): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer((socket) => socket.end());
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

const portOf = (s: Server) => (s.address() as AddressInfo).port;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('lab-ipvs-sync --run: the real servers in the map are those that pass their checks', () => {
  it('GIVEN TCP_CHECK with the rendered timers WHEN a real server stops listening THEN it leaves the map within delay_loop + connect_timeout + retry × (delay_before_retry + connect_timeout), and comes back once it listens again', async () => {
    const up = await listen();
    const flaky = await listen();
    const flakyPort = portOf(flaky);
    const check = 'TCP_CHECK {\n connect_timeout 0.2\n retry 1\n delay_before_retry 0.1\n }';
    const checker = startChecker(`virtual_server 10.0.1.100 80 {
  delay_loop 0.2
  protocol TCP
  real_server 127.0.0.1 ${portOf(up)} { weight 1
    ${check} }
  real_server 127.0.0.1 ${flakyPort} { weight 1
    ${check} }
}
`);
    try {
      await sleep(600);
      expect(checker.tables).toEqual([]); // both pass: the table the parent loaded stays
      const stopped = Date.now();
      await new Promise((r) => flaky.close(r));
      while (!checker.tables.length && Date.now() - stopped < 3000) await sleep(20);
      expect(checker.tables).toHaveLength(1);
      // 700 ms worst case (docs/timers-and-budgets.md), with room for a loaded machine
      expect(checker.tables[0]!.at - stopped).toBeLessThan(1200);
      expect(checker.tables[0]!.text).toContain(
        `ip daddr 10.0.1.100 tcp dport 80 dnat ip to 127.0.0.1:${portOf(up)}`,
      );
      expect(checker.tables[0]!.text).not.toContain(String(flakyPort));
      const back = createServer((socket) => socket.end());
      await new Promise<void>((r) => back.listen(flakyPort, '127.0.0.1', () => r()));
      const restarted = Date.now();
      while (checker.tables.length < 2 && Date.now() - restarted < 3000) await sleep(20);
      expect(checker.tables).toHaveLength(2);
      expect(checker.tables[1]!.text).toContain(
        `numgen inc mod 2 map { 0 : 127.0.0.1 . ${portOf(up)}, 1 : 127.0.0.1 . ${flakyPort} }`,
      );
      back.close();
    } finally {
      checker.stop();
      up.close();
    }
  });

  it('GIVEN HTTP_GET with a status_code WHEN the server answers another status THEN it leaves the map', async () => {
    let status = 200;
    const web = createHttpServer((_req, res) => res.writeHead(status).end('ok'));
    await new Promise<void>((r) => web.listen(0, '127.0.0.1', () => r()));
    const port = (web.address() as AddressInfo).port;
    const checker = startChecker(`virtual_server 10.0.1.100 80 {
  delay_loop 0.2
  real_server 127.0.0.1 ${port} {
    HTTP_GET {
      url {
        path /healthz
        status_code 200
      }
      connect_timeout 0.2
      retry 1
      delay_before_retry 0.1
    }
  }
}
`);
    try {
      await sleep(500);
      expect(checker.tables).toEqual([]);
      status = 503;
      const started = Date.now();
      while (!checker.tables.length && Date.now() - started < 3000) await sleep(20);
      expect(checker.tables[0]?.text).toContain('ip daddr 10.0.1.100 tcp dport 80 drop');
    } finally {
      checker.stop();
      web.close();
    }
  });
});
