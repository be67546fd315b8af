/**
 * The data tier in compile (issue 12, docs/data-tier.md): the follow-time formula on timers whose
 * answer is known by hand, the HAProxy model of the data-tier fixture (who is backup, what each
 * backend expects), and its budget, met and missed.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataFollowMs } from '../../src/compile/data-tier.js';
import { normaliseHaproxy } from '../../src/daemons/haproxy/drift.js';
import { normaliseRedis, normaliseSentinel } from '../../src/daemons/redis/drift.js';
import { runsProxy } from '../../src/model/runs.js';
import { secretRefsOf } from '../../src/model/secret-refs.js';
import { checkedSecrets, runPipeline } from '../../src/pipeline.js';
import { SecretStore } from '../../src/render/secrets.js';
import { REPO } from '../support/cli.js';
import { renderExample } from '../support/render.js';
import { inventoryWith, tempDir } from '../support/tmp.js';

const FIXTURE = join(REPO, 'test', 'fixtures', 'data-tier', 'inventory');

describe('the write VIP following a promotion', () => {
  it('GIVEN inter 200 ms, fastinter 100 ms, rise 2, fall 2 THEN checks that answer follow in 200 + 100 = 300 ms', () => {
    expect(dataFollowMs({ interMs: 200, fastinterMs: 100, rise: 2, fall: 2 })).toBe(300);
  });

  it('GIVEN rise 3 and fall 2 THEN the slower, the new primary arriving: 200 + 2 × 100 = 400 ms', () => {
    expect(dataFollowMs({ interMs: 200, fastinterMs: 100, rise: 3, fall: 2 })).toBe(400);
  });
});

describe('the data-tier fixture compiled', () => {
  const r = runPipeline(FIXTURE);
  const site = r.model!.sites[0]!;

  it('GIVEN the Sentinels’ own password THEN the site’s secrets (show --json) list it with every other secret a device references', () => {
    expect(site.secrets).toContain('shop-sentinels');
    const referenced = new Set(site.devices.flatMap((d) => secretRefsOf(d).map(({ ref }) => ref.secret)));
    expect(site.secrets).toEqual([...referenced].sort());
  });

  it('GIVEN a Redis primary and two replicas behind web1 THEN web1 has a primary backend, a replicas backend with the members as tracked backups, and a frontend per VIP', () => {
    const web1 = site.devices.find((d) => d.name === 'web1')!;
    if (!runsProxy(web1)) throw new Error('web1 runs no HAProxy');
    const { tcpFrontends, tcpBackends } = web1.haproxy;
    expect(tcpFrontends.map((f) => [f.name, f.binds[0]!.port, f.backend])).toEqual([
      ['cache_ro', 6380, 'cache_replicas'],
      ['cache_rw', 6379, 'cache_primary'],
    ]);
    const [primary, replicas] = tcpBackends;
    expect(primary!.tcpCheck.map((s) => s.text)).toContain('role:master');
    // the split-brain guard: web1's own Sentinel must name the member as the primary, asked
    // after AUTH with the Sentinels' own password (sentinels.auth)
    expect(primary!.tcpCheck.slice(-5)).toEqual([
      { verb: 'connect', text: 'addr 10.20.3.11 port 26379' },
      {
        verb: 'send',
        text: 'AUTH\\ ',
        secret: { secret: 'shop-sentinels', use: 'redis-auth' },
        textAfter: '\\r\\n',
      },
      { verb: 'expect string', text: '+OK' },
      { verb: 'send', text: 'SENTINEL\\ get-master-addr-by-name\\ cache\\r\\n' },
      { verb: 'expect string-lf', text: '\\n%[var(check.member)]\\r' },
    ]);
    expect(replicas!.tcpCheck.map((s) => s.text)).toContain('role:slave');
    expect(primary!.servers.map((s) => [s.name, s.backup, s.track])).toEqual([
      ['redis1', false, null],
      ['redis2', false, null],
      ['redis3', false, null],
    ]);
    expect(replicas!.servers.filter((s) => s.backup).map((s) => s.track)).toEqual([
      'cache_primary/redis1',
      'cache_primary/redis2',
      'cache_primary/redis3',
    ]);
    expect(primary!.serverCheck).toMatchObject({
      downinter: primary!.checkInterval,
      shutdownSessionsOnDown: true,
    });
  });

  it('GIVEN the default budgets THEN the cache has a data-write budget of 5000 ms, predicted 1500 + 3000 + 300 = 4800 ms (Sentinel, then HAProxy), met', () => {
    const b = site.budgets.find((x) => x.kind === 'data-write')!;
    expect(b).toMatchObject({
      subject: 'shop/cache',
      members: ['redis1', 'redis2', 'redis3'],
      expectedOutageMs: 4800,
      budgetMs: 5000,
      met: true,
      budgetSource: null,
    });
  });

  it('GIVEN the cache with a budget of 500 ms THEN budget-exceeded is reported at that budget', () => {
    const dir = tempDir();
    cpSync(FIXTURE, join(dir, 'inventory'), { recursive: true });
    const file = join(dir, 'inventory', 'data-a-tenants.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        '        kind: redis\n',
        '        kind: redis\n        budget: 500\n',
      ),
    );
    const findings = runPipeline(join(dir, 'inventory')).findings.filter((f) => f.code === 'budget-exceeded');
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^shop\/cache \(data-write\): a failure costs up to 4800 ms .* over its budget of 500 ms; lower defaults.sentinel.down_after or defaults.checks/,
      ),
    ]);
    expect(findings[0]!.path).toEqual(['tenants', 'shop', 'data', 'cache', 'budget']);
  });

  it('GIVEN down_after 1000 ms THEN sentinel-down-after-short (a warning) at the setting; 1500 ms and the default have none', () => {
    const withDownAfter = (ms: number | null) => {
      const dir = tempDir();
      cpSync(FIXTURE, join(dir, 'inventory'), { recursive: true });
      const file = join(dir, 'inventory', 'data-a.yaml');
      if (ms !== null)
        writeFileSync(
          file,
          readFileSync(file, 'utf8').replace('defaults:\n', `defaults:\n  sentinel: { down_after: ${ms} }\n`),
        );
      return runPipeline(join(dir, 'inventory')).findings.filter(
        (f) => f.code === 'sentinel-down-after-short',
      );
    };
    const short = withDownAfter(1000);
    expect(short.map((f) => [f.severity, f.path, f.message])).toEqual([
      [
        'warning',
        ['defaults', 'sentinel', 'down_after'],
        expect.stringMatching(
          /^defaults.sentinel.down_after 1000 ms is below 1500 ms: .* use at least 1500$/,
        ),
      ],
    ]);
    expect(withDownAfter(1500)).toEqual([]);
    expect(withDownAfter(null)).toEqual([]);
  });
});

describe('drift reads the data sections', () => {
  it('GIVEN web1’s rendered haproxy.cfg WHEN normalised THEN the role check’s steps keep their order and the named defaults is its own section', () => {
    const cfg = readFileSync(join(REPO, 'test', 'golden', 'data-a', 'web1', 'haproxy.cfg'), 'utf8');
    const sections = normaliseHaproxy(cfg);
    expect(sections.filter((s) => s.name.startsWith('defaults')).map((s) => s.name)).toEqual([
      'defaults',
      'defaults data',
    ]);
    const primary = sections.find((s) => s.name === 'backend cache_primary')!;
    expect(primary.lines.filter((l) => l.includes('tcp-check ')).slice(0, 8)).toEqual([
      '#1 tcp-check connect default',
      '#2 tcp-check set-var(check.member) bc_dst',
      '#3 tcp-check send AUTH\\ lab-cache-auth-0123456789\\r\\n',
      '#4 tcp-check expect string +OK',
      '#5 tcp-check send PING\\r\\n',
      '#6 tcp-check expect string +PONG',
      '#7 tcp-check send info\\ replication\\r\\n',
      '#8 tcp-check expect string role:master',
    ]);
  });
});

describe('Redis and Sentinel for the data members', () => {
  const r = runPipeline(FIXTURE);
  const site = r.model!.sites[0]!;
  const redisOf = (name: string) => {
    const d = site.devices.find((x) => x.name === name)!;
    return 'redis' in d ? d.redis : undefined;
  };

  it('GIVEN redis1 primary, redis2 and redis3 replicas THEN each member runs redis-server on its data address, the replicas of redis1, with min-replicas-to-write 1 (two replicas)', () => {
    expect(redisOf('redis1')!.server).toMatchObject({ bind: '10.20.3.31', port: 6379, replicaOf: null });
    for (const name of ['redis2', 'redis3'])
      expect(redisOf(name)!.server).toMatchObject({
        replicaOf: { address: '10.20.3.31', port: 6379 },
        replicaPriority: 100,
        appendonly: true,
        minReplicasToWrite: 1,
        minReplicasMaxLagS: 10,
      });
    expect(site.devices.find((d) => d.name === 'redis1')!.daemons).toContain('redis');
  });

  it('GIVEN three members and the HAProxy pair THEN five Sentinels watch cache, a majority of 3, on the members and on web1/web2 (no redis-server there)', () => {
    for (const name of ['redis1', 'redis2', 'redis3', 'web1', 'web2']) {
      const s = redisOf(name)!.sentinel!;
      expect(s.port).toBe(26379);
      expect(s.monitors).toEqual([
        {
          name: 'cache',
          address: '10.20.3.31',
          port: 6379,
          quorum: 3,
          sentinels: ['redis1', 'redis2', 'redis3', 'web1', 'web2'],
          downAfterMs: 1500,
          failoverTimeoutMs: 10000,
          parallelSyncs: 1,
          authPass: { secret: 'shop-cache-auth', use: 'redis-auth' },
        },
      ]);
    }
    expect(redisOf('web1')).toMatchObject({ server: null, sentinel: { bind: '10.20.3.11' } });
    expect(redisOf('app1')).toBeUndefined();
    expect(r.findings.filter((f) => f.code === 'sentinel-quorum-at-risk')).toEqual([]);
  });

  it('GIVEN only two members THEN losing hv1 (redis1 and web1) leaves 2 of 4 Sentinels: sentinel-quorum-at-risk, and no min-replicas-to-write', () => {
    const dir = tempDir();
    cpSync(FIXTURE, join(dir, 'inventory'), { recursive: true });
    const file = join(dir, 'inventory', 'data-a-tenants.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('          - { device: redis3, role: replica }\n', ''),
    );
    const two = runPipeline(join(dir, 'inventory'));
    expect(two.findings.filter((f) => f.code === 'sentinel-quorum-at-risk').map((f) => f.message)).toEqual([
      expect.stringMatching(/^losing hv1 leaves 2 of the 4 Sentinels of cache/),
    ]);
    const redis2 = two.model!.sites[0]!.devices.find((d) => d.name === 'redis2')!;
    expect('redis' in redis2 && redis2.redis?.server?.minReplicasToWrite).toBe(0);
  });

  it('GIVEN a sentinel.conf and redis.conf as the daemons rewrite them THEN drift normalises them to the rendered ones', () => {
    const golden = (f: string) => readFileSync(join(REPO, 'test', 'golden', 'data-a', 'redis2', f), 'utf8');
    const sentinel = golden('sentinel.conf');
    const rewritten = `${sentinel.replace('sentinel monitor cache 10.20.3.31 6379 3', 'sentinel monitor cache 10.20.3.32 6379 3')}
# Generated by CONFIG REWRITE
latency-tracking-info-percentiles 50 99 99.9
user default on nopass ~* &* +@all
sentinel myid 4f0c1b0f5a0f2e2c2d33f5b1e1f4aa0e9b0c1d2e
sentinel config-epoch cache 1
sentinel leader-epoch cache 1
sentinel current-epoch 1
sentinel known-replica cache 10.20.3.31 6379
sentinel known-sentinel cache 10.20.3.11 26379 0d1f0b0f5a0f2e2c2d33f5b1e1f4aa0e9b0c1d2e
`;
    expect(normaliseSentinel(rewritten)).toEqual(normaliseSentinel(sentinel));
    expect(normaliseSentinel(sentinel).map((s) => s.name)).toEqual(['sentinel', 'sentinel cache']);
    const conf = golden('redis.conf');
    expect(normaliseRedis(conf.replace('replicaof 10.20.3.31 6379', 'replicaof 10.20.3.33 6379'))).toEqual(
      normaliseRedis(conf),
    );
    expect(normaliseRedis(conf.replace('min-replicas-to-write 1', 'min-replicas-to-write 0'))).not.toEqual(
      normaliseRedis(conf),
    );
  });
});

describe('Redis authentication: the service’s auth secret', () => {
  const tenants = join(FIXTURE, 'data-a-tenants.yaml');
  /** The fixture with data-a-tenants.yaml edited. */
  const fixtureWith = (edit: (text: string) => string) => inventoryWith(FIXTURE, 'data-a-tenants.yaml', edit);
  const AUTH_LINE = '        auth: { secret: shop-cache-auth }';
  const SENTINELS_LINES = ['    sentinels:', '      auth: { secret: shop-sentinels }'];
  /** The fixture without the lines of `drop` (the cache's password, the Sentinels'). */
  const without = (...drop: string[]) =>
    fixtureWith((t) =>
      t
        .split('\n')
        .filter((l) => !drop.some((d) => l.startsWith(d)))
        .join('\n'),
    );
  const withoutAuth = () => without(AUTH_LINE, ...SENTINELS_LINES);
  const ref = { secret: 'shop-cache-auth', use: 'redis-auth' };
  const sentinelRef = { secret: 'shop-sentinels', use: 'redis-auth' };

  it('GIVEN cache with auth THEN every member has requirepass/masterauth and protected-mode yes, every Sentinel auth-pass, and both backends AUTH before PING', () => {
    const r = runPipeline(FIXTURE);
    const site = r.model!.sites[0]!;
    const redisOf = (name: string) => {
      const d = site.devices.find((x) => x.name === name)!;
      return 'redis' in d ? d.redis : undefined;
    };
    for (const m of ['redis1', 'redis2', 'redis3'])
      expect(redisOf(m)!.server).toMatchObject({ auth: ref, protectedMode: true });
    for (const s of ['redis1', 'redis2', 'redis3', 'web1', 'web2'])
      expect(redisOf(s)!.sentinel!.monitors.map((m) => m.authPass)).toEqual([ref]);
    const web1 = site.devices.find((d) => d.name === 'web1')!;
    if (!runsProxy(web1)) throw new Error('web1 runs no HAProxy');
    for (const b of web1.haproxy.tcpBackends) {
      const at = b.tcpCheck.findIndex((s) => s.secret);
      expect(b.tcpCheck[at]).toEqual({ verb: 'send', text: 'AUTH\\ ', secret: ref, textAfter: '\\r\\n' });
      expect(b.tcpCheck[at + 1]).toEqual({ verb: 'expect string', text: '+OK' });
      expect(b.tcpCheck[at + 2]).toEqual({ verb: 'send', text: 'PING\\r\\n' });
      // the member's password once; the Sentinel question has the Sentinels' own (the primary backend)
      expect(b.tcpCheck.filter((s) => s.secret).map((s) => s.secret)).toEqual(
        b.holds === 'primary' ? [ref, sentinelRef] : [ref],
      );
    }
    for (const s of ['redis1', 'redis2', 'redis3', 'web1', 'web2'])
      expect(redisOf(s)!.sentinel!.auth).toEqual(sentinelRef);
    expect(site.secrets).toContain('shop-cache-auth');
    expect(r.findings.filter((f) => f.code === 'data-without-auth')).toEqual([]);
  });

  it('GIVEN the fixture rendered THEN the password is in every redis.conf, sentinel.conf and web haproxy.cfg, and those files (only) list the secret', () => {
    const [s] = renderExample(FIXTURE);
    const holding = s!.rendered.files.filter((f) => f.secrets.includes('shop-cache-auth'));
    expect(holding.map((f) => `${f.device}/${f.file}`).sort()).toEqual([
      'redis1/redis.conf',
      'redis1/sentinel.conf',
      'redis2/redis.conf',
      'redis2/sentinel.conf',
      'redis3/redis.conf',
      'redis3/sentinel.conf',
      'web1/haproxy.cfg',
      'web1/sentinel.conf',
      'web2/haproxy.cfg',
      'web2/sentinel.conf',
    ]);
    const password = 'lab-cache-auth-0123456789';
    for (const f of s!.rendered.files) expect(f.content.includes(password), f.file).toBe(holding.includes(f));
    // haproxy.cfg holds the Redis password, not the TLS bundle (a file of its own)
    expect(holding.find((f) => f.device === 'web1' && f.file === 'haproxy.cfg')!.secrets).toEqual([
      'shop-cache-auth',
      'shop-sentinels',
    ]);
    // the Sentinels' own password: in every sentinel.conf (requirepass, sentinel-pass) and in the
    // HAProxy pair's role check, nowhere else
    const sentinels = 'lab-sentinels-0123456789';
    expect(
      s!.rendered.files
        .filter((f) => f.content.includes(sentinels))
        .map((f) => `${f.device}/${f.file}`)
        .sort(),
    ).toEqual([
      'redis1/sentinel.conf',
      'redis2/sentinel.conf',
      'redis3/sentinel.conf',
      'web1/haproxy.cfg',
      'web1/sentinel.conf',
      'web2/haproxy.cfg',
      'web2/sentinel.conf',
    ]);
    const sentinelConf = holding.find((f) => f.device === 'web1' && f.file === 'sentinel.conf')!.content;
    expect(sentinelConf).toContain(
      `requirepass ${sentinels}\nsentinel sentinel-pass ${sentinels}\nprotected-mode yes\n`,
    );
    const conf = holding.find((f) => f.device === 'redis2' && f.file === 'redis.conf')!.content;
    expect(conf).toContain(`requirepass ${password}\nmasterauth ${password}\nprotected-mode yes\n`);
  });

  it('GIVEN cache without auth THEN the warning data-without-auth at the service, protected-mode no, no password anywhere, and no AUTH in the checks', () => {
    const r = runPipeline(withoutAuth());
    const findings = r.findings.filter((f) => f.code === 'data-without-auth');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', path: ['tenants', 'shop', 'data', 'cache'] });
    expect(findings[0]!.message).toMatch(
      /^data service cache has no password: .* auth: \{ secret: shop-cache-auth \}/,
    );
    const site = r.model!.sites[0]!;
    const redis2 = site.devices.find((d) => d.name === 'redis2')!;
    expect('redis' in redis2 && redis2.redis!.server).toMatchObject({ auth: null, protectedMode: false });
    expect('redis' in redis2 && redis2.redis!.sentinel!.monitors[0]!.authPass).toBeNull();
    const web1 = site.devices.find((d) => d.name === 'web1')!;
    if (!runsProxy(web1)) throw new Error('web1 runs no HAProxy');
    for (const b of web1.haproxy.tcpBackends) {
      expect(b.tcpCheck.some((s) => s.secret || s.text.startsWith('AUTH'))).toBe(false);
      expect(b.tcpCheck.find((s) => s.verb === 'send')!.text).toBe('PING\\r\\n');
    }
    expect(site.secrets).not.toContain('shop-cache-auth');
  });

  it('GIVEN cache with auth and the Sentinels without THEN the warning sentinel-without-auth at the service, and Sentinels without requirepass asked without AUTH', () => {
    const r = runPipeline(without(...SENTINELS_LINES));
    const findings = r.findings.filter((f) => f.code.startsWith('sentinel-'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'sentinel-without-auth',
      severity: 'warning',
      path: ['tenants', 'shop', 'data', 'cache'],
    });
    expect(findings[0]!.message).toMatch(
      /SENTINEL FAILOVER.*sentinels: \{ auth: \{ secret: shop-sentinels \} \}/,
    );
    const site = r.model!.sites[0]!;
    const web1 = site.devices.find((d) => d.name === 'web1')!;
    if (!runsProxy(web1)) throw new Error('web1 runs no HAProxy');
    expect(web1.redis!.sentinel!.auth).toBeNull();
    const primary = web1.haproxy.tcpBackends.find((b) => b.holds === 'primary')!;
    expect(primary.tcpCheck.filter((s) => s.secret).map((s) => s.secret)).toEqual([ref]);
    expect(primary.tcpCheck.at(-2)!.text).toBe('SENTINEL\\ get-master-addr-by-name\\ cache\\r\\n');
    expect(site.secrets).not.toContain('shop-sentinels');
  });

  it('GIVEN the Sentinels given the cache’s own secret THEN sentinel-auth-shared at sentinels.auth', () => {
    const r = runPipeline(
      fixtureWith((t) => t.replace('auth: { secret: shop-sentinels }', 'auth: { secret: shop-cache-auth }')),
    );
    const findings = r.findings.filter((f) => f.code.startsWith('sentinel-'));
    expect(findings.map((f) => [f.code, f.severity, f.path])).toEqual([
      ['sentinel-auth-shared', 'warning', ['tenants', 'shop', 'sentinels', 'auth']],
    ]);
    expect(findings[0]!.message).toContain("use the secret 'shop-cache-auth' of data service cache");
  });

  it('GIVEN sentinels.auth in a tenant without a redis service THEN sentinel-auth-unused there', () => {
    const pg = inventoryWith(
      join(REPO, 'test', 'fixtures', 'data-pg', 'inventory'),
      'data-pg-tenants.yaml',
      (t) => t.replace('    data:\n', '    sentinels: { auth: { secret: shop-sentinels } }\n    data:\n'),
    );
    const findings = runPipeline(pg).findings.filter((f) => f.code.startsWith('sentinel-'));
    expect(findings.map((f) => [f.code, f.path])).toEqual([
      ['sentinel-auth-unused', ['tenants', 'shop', 'sentinels', 'auth']],
    ]);
  });

  it('GIVEN the secret not set THEN secret-missing, located at the service’s auth, saying what to set', () => {
    const r = runPipeline(FIXTURE);
    const dir = tempDir();
    const secrets = join(dir, 'secrets.yaml');
    writeFileSync(
      secrets,
      readFileSync(join(REPO, 'secrets.yaml'), 'utf8')
        .split('\n')
        .filter((l) => !l.startsWith('shop-cache-auth:'))
        .join('\n'),
    );
    const { diagnostics } = checkedSecrets(r.model!, r.sources, secrets);
    expect(diagnostics).toHaveLength(1);
    const lines = readFileSync(tenants, 'utf8').split('\n');
    expect(diagnostics[0]).toMatchObject({
      code: 'secret-missing',
      location: {
        file: expect.stringMatching(/test\/fixtures\/data-tier\/inventory\/data-a-tenants\.yaml$/),
        line: lines.findIndex((l) => l.startsWith(AUTH_LINE)) + 1,
        // at the name: `auth: { secret: shop-cache-auth }`
        col: AUTH_LINE.indexOf('shop-cache-auth') + 1,
      },
    });
    expect(diagnostics[0]!.message).toBe(
      `secret 'shop-cache-auth' (used by redis1, redis2, redis3, web1 and 1 more) is not set: export FABRIC_SECRET_SHOP_CACHE_AUTH=… or add 'shop-cache-auth' to ${secrets}`,
    );
  });

  it('GIVEN a password of the wrong shape THEN secret-invalid, without showing it; letters, digits and ._~+/=:@- of 16 to 128 pass (base64, hex)', () => {
    const store = (v: string) => new SecretStore('secrets.yaml', { pw: v }, {});
    const allowed = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._~+/=:@-'.split('');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...allowed), { minLength: 16, maxLength: 128 }), (cs) => {
        expect(store(cs.join('')).resolve('pw', 'redis-auth', 'redis1')).toEqual({ value: cs.join('') });
      }),
    );
    // a character the configs would need quoted or escaped (a space, quotes, \, # and $), or too short/long
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...allowed), { minLength: 16, maxLength: 100 }),
        fc.constantFrom(' ', '"', "'", '\\', '#', '$', '\n', '%'),
        fc.nat(),
        (cs, bad, at) => {
          const v = cs.join('');
          const i = at % (v.length + 1);
          const r = store(`${v.slice(0, i)}${bad}${v.slice(i)}`).resolve('pw', 'redis-auth', 'redis1');
          expect('error' in r && r.error.code).toBe('secret-invalid');
          expect('error' in r && r.error.message).not.toContain(v);
        },
      ),
    );
    for (const v of ['short-0123456', 'x'.repeat(129)])
      expect(store(v).resolve('pw', 'redis-auth', 'redis1')).toMatchObject({
        error: {
          code: 'secret-invalid',
          message: expect.stringMatching(/must be a Redis password: 16 to 128/),
        },
      });
  });

  it('GIVEN redis.conf as CONFIG REWRITE writes it (quoted values, the default user’s hash) THEN drift normalises it to the rendered one', () => {
    const conf = readFileSync(join(REPO, 'test', 'golden', 'data-a', 'redis2', 'redis.conf'), 'utf8');
    // as Redis 7.0.15 rewrote a file with these lines (measured)
    const rewritten = `${conf
      .replace(/^requirepass (\S+)$/m, 'requirepass "$1"')
      .replace(/^masterauth (\S+)$/m, 'masterauth "$1"')
      .replace('dir /var/lib/redis', 'dir "/var/lib/redis"')
      .replace('replicaof 10.20.3.31 6379', 'replicaof 10.20.3.33 6379')}
# Generated by CONFIG REWRITE
latency-tracking-info-percentiles 50 99 99.9
user default on #21c9e6e6638784274577c6e50764e72f35f420291bf9b6ea41ebc1c5dece8af7 ~* &* +@all
`;
    expect(normaliseRedis(rewritten)).toEqual(normaliseRedis(conf));
    expect(
      normaliseRedis(conf.replace(/^requirepass \S+$/m, 'requirepass "other-password-0123"')),
    ).not.toEqual(normaliseRedis(conf));
    // `save ""` is not a quoted word to strip: it stays as written, on both sides
    expect(normaliseRedis(conf)[0]!.lines).toContain('save ""');
  });
});
