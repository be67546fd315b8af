import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

function renderWithWarnings(config: string, ...flags: string[]): { stdout: string; stderr: string } {
  const file = join(dir, 'keepalived.conf');
  writeFileSync(file, config);
  const r = spawnSync('python3', [NODE_FILES.ipvsSync, '--print', ...flags, file], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return { stdout: r.stdout, stderr: r.stderr };
}

const render = (config: string, ...flags: string[]): string => renderWithWarnings(config, ...flags).stdout;

/** Every ruleset starts by removing both tables, so that one `nft -f` replaces them. */
const REMOVE_BOTH = `table ip lab_ipvs
delete table ip lab_ipvs
table ip6 lab_ipvs
delete table ip6 lab_ipvs
`;

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
    expect(out).toBe(`${REMOVE_BOTH}table ip lab_ipvs {
  chain prerouting {
    type nat hook prerouting priority dstnat; policy accept;
    ip daddr 10.0.1.100 tcp dport 80 fib daddr type local dnat ip to numgen inc mod 2 map { 0 : 10.0.1.2 . 8080, 1 : 10.0.1.3 . 8080 }
    ip daddr 10.0.1.101 udp dport 53 fib daddr type local dnat ip to 10.0.1.2:5353
  }
  chain output {
    type nat hook output priority -100; policy accept;
    ip daddr 10.0.1.100 tcp dport 80 fib daddr type local dnat ip to numgen inc mod 2 map { 0 : 10.0.1.2 . 8080, 1 : 10.0.1.3 . 8080 }
    ip daddr 10.0.1.101 udp dport 53 fib daddr type local dnat ip to 10.0.1.2:5353
  }
}
`);
  });

  it('GIVEN --flush or no virtual servers THEN both tables are only removed', () => {
    expect(render('virtual_server 10.0.1.100 80 { real_server 10.0.1.2 80 { } }', '--flush')).toBe(
      REMOVE_BOTH,
    );
    expect(
      render('virtual_server 2001:db8:100:10::10 80 { real_server 2001:db8:20:1::11 80 { } }', '--flush'),
    ).toBe(REMOVE_BOTH);
    expect(render('vrrp_instance VI_1 {\n state MASTER\n}\n')).toBe(REMOVE_BOTH);
  });

  it('GIVEN IPv6 virtual servers beside IPv4 ones THEN each family gets its own table, IPv6 VIPs DNAT to IPv6 real servers in RFC 5952 form, and a real server of the other family is skipped', () => {
    const { stdout, stderr } = renderWithWarnings(`
virtual_server 203.0.113.10 80 {
  protocol TCP
  real_server 10.20.1.11 80 { weight 1 }
  real_server 10.20.1.12 80 { weight 1 }
}
virtual_server 2001:0DB8:0100:0010::0010 80 {
  protocol TCP
  real_server 2001:db8:20:1::11 80 {
    weight 1
    HTTP_GET {
      url {
        path /fabric-health
        status_code 200
      }
      connect_port 8404
    }
  }
  real_server 2001:db8:20:1:0:0:0:12 80 { weight 1 }
  real_server 10.20.1.13 80 { weight 1 }
  real_server 2001:db8:20:1::14 80 { weight 0 }
}
virtual_server 2001:db8:100:10::10 443 {
  real_server 2001:db8:20:1::11 443 { weight 1 }
}
virtual_server 2001:db8:100:10::53 53 { protocol UDP
  real_server 10.20.1.11 53 { weight 1 } }
`);
    expect(stdout).toBe(`${REMOVE_BOTH}table ip lab_ipvs {
  chain prerouting {
    type nat hook prerouting priority dstnat; policy accept;
    ip daddr 203.0.113.10 tcp dport 80 fib daddr type local dnat ip to numgen inc mod 2 map { 0 : 10.20.1.11 . 80, 1 : 10.20.1.12 . 80 }
  }
  chain output {
    type nat hook output priority -100; policy accept;
    ip daddr 203.0.113.10 tcp dport 80 fib daddr type local dnat ip to numgen inc mod 2 map { 0 : 10.20.1.11 . 80, 1 : 10.20.1.12 . 80 }
  }
}
table ip6 lab_ipvs {
  chain prerouting {
    type nat hook prerouting priority dstnat; policy accept;
    ip6 daddr 2001:db8:100:10::10 tcp dport 80 fib daddr type local dnat ip6 to numgen inc mod 2 map { 0 : 2001:db8:20:1::11 . 80, 1 : 2001:db8:20:1::12 . 80 }
    ip6 daddr 2001:db8:100:10::10 tcp dport 443 fib daddr type local dnat ip6 to [2001:db8:20:1::11]:443
    ip6 daddr 2001:db8:100:10::53 udp dport 53 fib daddr type local drop
  }
  chain output {
    type nat hook output priority -100; policy accept;
    ip6 daddr 2001:db8:100:10::10 tcp dport 80 fib daddr type local dnat ip6 to numgen inc mod 2 map { 0 : 2001:db8:20:1::11 . 80, 1 : 2001:db8:20:1::12 . 80 }
    ip6 daddr 2001:db8:100:10::10 tcp dport 443 fib daddr type local dnat ip6 to [2001:db8:20:1::11]:443
    ip6 daddr 2001:db8:100:10::53 udp dport 53 fib daddr type local drop
  }
}
`);
    expect(stderr).toContain(
      'skipped real_server 10.20.1.13 80 of virtual_server 2001:0DB8:0100:0010::0010 80 (another address family)',
    );
    expect(stderr).toContain(
      'skipped real_server 10.20.1.11 53 of virtual_server 2001:db8:100:10::53 53 (another address family)',
    );
  });

  it('GIVEN only IPv6 virtual servers THEN the IPv4 table is only removed', () => {
    expect(render('virtual_server 2001:db8:100:10::10 80 { real_server 2001:db8:20:1::11 80 { } }')).toBe(
      `${REMOVE_BOTH}table ip6 lab_ipvs {
  chain prerouting {
    type nat hook prerouting priority dstnat; policy accept;
    ip6 daddr 2001:db8:100:10::10 tcp dport 80 fib daddr type local dnat ip6 to [2001:db8:20:1::11]:80
  }
  chain output {
    type nat hook output priority -100; policy accept;
    ip6 daddr 2001:db8:100:10::10 tcp dport 80 fib daddr type local dnat ip6 to [2001:db8:20:1::11]:80
  }
}
`,
    );
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

function listen(host = '127.0.0.1'): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer((socket) => socket.end());
    server.listen(0, host, () => resolve(server));
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
        `ip daddr 10.0.1.100 tcp dport 80 fib daddr type local dnat ip to 127.0.0.1:${portOf(up)}`,
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
      expect(checker.tables[0]?.text).toContain('ip daddr 10.0.1.100 tcp dport 80 fib daddr type local drop');
    } finally {
      checker.stop();
      web.close();
    }
  });

  it('GIVEN HTTP_GET on an IPv6 real server THEN the check asks it over IPv6 with a bracketed Host, and a failing status takes it out of the ip6 map', async () => {
    let status = 200;
    const hosts = new Set<string>();
    const web = createHttpServer((req, res) => {
      hosts.add(`${req.socket.remoteAddress} ${req.headers.host}`);
      res.writeHead(status).end('ok');
    });
    await new Promise<void>((r) => web.listen(0, '::1', () => r()));
    const port = (web.address() as AddressInfo).port;
    const checker = startChecker(`virtual_server 2001:db8:100:10::10 443 {
  delay_loop 0.2
  real_server ::1 443 {
    HTTP_GET {
      url {
        path /fabric-health
        status_code 200
      }
      connect_port ${port}
      connect_timeout 0.2
      retry 1
      delay_before_retry 0.1
    }
  }
}
`);
    try {
      const begun = Date.now();
      while (!hosts.size && Date.now() - begun < 3000) await sleep(20);
      expect([...hosts]).toEqual(['::1 [::1]']);
      expect(checker.tables).toEqual([]);
      status = 503;
      const started = Date.now();
      while (!checker.tables.length && Date.now() - started < 3000) await sleep(20);
      expect(checker.tables[0]?.text).toContain(
        'ip6 daddr 2001:db8:100:10::10 tcp dport 443 fib daddr type local drop',
      );
    } finally {
      checker.stop();
      web.close();
    }
  });

  it('GIVEN an IPv6 virtual server WHEN one of its IPv6 real servers stops listening THEN it is checked over IPv6 and leaves the ip6 map, the IPv4 table untouched', async () => {
    const up = await listen('::1');
    const flaky = await listen('::1');
    const v4 = await listen();
    const flakyPort = portOf(flaky);
    const check = 'TCP_CHECK {\n connect_timeout 0.2\n retry 1\n delay_before_retry 0.1\n }';
    const checker = startChecker(`virtual_server 10.0.1.100 80 {
  delay_loop 0.2
  real_server 127.0.0.1 ${portOf(v4)} { ${check} }
}
virtual_server 2001:db8:100:10::10 80 {
  delay_loop 0.2
  real_server ::1 ${portOf(up)} { ${check} }
  real_server ::1 ${flakyPort} { ${check} }
}
`);
    try {
      await sleep(600);
      expect(checker.tables).toEqual([]); // all pass over IPv6 (and IPv4): nothing to change
      const stopped = Date.now();
      await new Promise((r) => flaky.close(r));
      while (!checker.tables.length && Date.now() - stopped < 3000) await sleep(20);
      expect(checker.tables).toHaveLength(1);
      expect(checker.tables[0]!.at - stopped).toBeLessThan(1200);
      const text = checker.tables[0]!.text;
      expect(text).toContain(
        `ip6 daddr 2001:db8:100:10::10 tcp dport 80 fib daddr type local dnat ip6 to [::1]:${portOf(up)}`,
      );
      expect(text).not.toContain(String(flakyPort));
      expect(text).toContain(
        `ip daddr 10.0.1.100 tcp dport 80 fib daddr type local dnat ip to 127.0.0.1:${portOf(v4)}`,
      );
    } finally {
      checker.stop();
      up.close();
      v4.close();
    }
  });
});

/** An anycast VIP's virtual server as fabric renders it: alpha, quorum, the quorum file's commands. */
function quorumServer(port: number, quorumFile: string, extra = ''): string {
  return `virtual_server 203.0.113.10 80 {
  delay_loop 0.2
  lb_kind NAT
  protocol TCP
  alpha
  quorum 1
  ${extra}
  quorum_up "/bin/sh -c 'echo 0 > ${quorumFile}'"
  quorum_down "/bin/sh -c 'echo 1 > ${quorumFile}'"
  real_server 127.0.0.1 ${port} {
    weight 1
    TCP_CHECK {
      connect_timeout 0.2
      retry 1
      delay_before_retry 0.1
    }
  }
}
`;
}

/** The quorum file's content; '' while it does not exist (the command is printed before it runs). */
const fileSays = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').trim() : '');

const until = async (what: () => boolean, ms: number) => {
  const start = Date.now();
  while (!what() && Date.now() - start < ms) await sleep(20);
  return what();
};

describe("lab-ipvs-sync: keepalived's quorum and alpha, played (anycast's quorum files hang off them)", () => {
  it('GIVEN alpha THEN the table it starts with has none of the checked real servers (they start down until a check passes)', () => {
    const out = render(quorumServer(8080, '/nonexistent/q'));
    expect(out).toContain('ip daddr 203.0.113.10 tcp dport 80 fib daddr type local drop');
    expect(out).not.toContain('127.0.0.1');
  });

  it('GIVEN alpha and quorum 1 WHEN the real server comes up and goes THEN quorum_down runs at start, quorum_up once its check passes, quorum_down when it fails: the file follows', async () => {
    const file = join(dir, 'fabric-anycast.www_80_quorum');
    const probe = await listen(); // a free port: taken, then released for the real server
    const port = portOf(probe);
    await new Promise((r) => probe.close(r));
    const checker = startChecker(quorumServer(port, file));
    const runs = () => checker.tables.filter((t) => t.text.startsWith('run: ')).map((t) => t.text.trim());
    try {
      expect(await until(() => runs().length === 1, 3000), 'quorum_down at start').toBe(true);
      expect(runs()[0]).toBe(`run: /bin/sh -c echo 1 > ${file}`);
      expect(await until(() => fileSays(file) === '1', 1000)).toBe(true);

      const server = createServer((socket) => socket.end());
      await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
      expect(await until(() => runs().length === 2, 3000), 'quorum_up once the check passes').toBe(true);
      expect(runs()[1]).toBe(`run: /bin/sh -c echo 0 > ${file}`);
      expect(await until(() => fileSays(file) === '0', 1000)).toBe(true);
      // the ruleset that brought the real server in came first: traffic is served before the announcement
      const tables = checker.tables.map((t) => t.text);
      const upAt = tables.findIndex((t) => t.startsWith(`run: /bin/sh -c echo 0`));
      expect(tables[upAt - 1]).toContain(`dnat ip to 127.0.0.1:${port}`);

      await new Promise((r) => server.close(r));
      expect(await until(() => runs().length === 3, 3000), 'quorum_down once it fails').toBe(true);
      expect(runs()[2]).toBe(`run: /bin/sh -c echo 1 > ${file}`);
      expect(await until(() => fileSays(file) === '1', 1000)).toBe(true);
    } finally {
      checker.stop();
    }
  });

  it('GIVEN quorum 2 with hysteresis 1 and two real servers up WHEN one stops THEN quorum holds (no command), WHEN both stop THEN quorum_down runs', async () => {
    const file = join(dir, 'fabric-anycast.hyst_quorum');
    const a = await listen();
    const b = await listen();
    const real = (s: Server) => `real_server 127.0.0.1 ${portOf(s)} { weight 1
    TCP_CHECK { connect_timeout 0.2
      retry 0 } }`;
    const checker = startChecker(`virtual_server 203.0.113.10 80 {
  delay_loop 0.2
  protocol TCP
  quorum 2
  hysteresis 1
  quorum_up "/bin/sh -c 'echo 0 > ${file}'"
  quorum_down "/bin/sh -c 'echo 1 > ${file}'"
  ${real(a)}
  ${real(b)}
}
`);
    const runs = () => checker.tables.filter((t) => t.text.startsWith('run: ')).map((t) => t.text.trim());
    try {
      expect(await until(() => runs().length === 1, 3000)).toBe(true);
      expect(runs()[0], 'both up at start: quorum').toBe(`run: /bin/sh -c echo 0 > ${file}`);
      await new Promise((r) => a.close(r));
      expect(
        await until(
          () => checker.tables.some((t) => t.text.includes('numgen') === false && t.text.includes('dnat')),
          3000,
        ),
      ).toBe(true);
      await sleep(500);
      expect(runs(), 'weight 1 is not below quorum 2 - hysteresis 1').toHaveLength(1);
      await new Promise((r) => b.close(r));
      expect(await until(() => runs().length === 2, 3000)).toBe(true);
      expect(runs()[1]).toBe(`run: /bin/sh -c echo 1 > ${file}`);
    } finally {
      checker.stop();
    }
  });
});
