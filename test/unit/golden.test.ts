/**
 * Golden files at two levels, as readable files. Update them only on purpose:
 * `UPDATE_GOLDEN=1 npx vitest run test/unit/golden.test.ts`, then review the diff.
 * - the reference sites: the compiled model and every rendered file of every device, under
 *   test/golden/<site>/<device>/ (and the files of no device, a cluster's resources, under
 *   test/golden/<site>/_clusters/), and the checks verify derives for the site, one `id  title` a
 *   line, in test/golden/<site>/checks.txt (an IPv4-only site's list must not move when a kind
 *   learns a family: issue 14);
 * - one minimal inventory per feature (AVD's `host_vars/<feature>.yml` →
 *   `intended/configs/<feature>.cfg`): test/golden/features/<feature>/inventory.yaml, which must
 *   validate clean, and its rendered files under test/golden/features/<feature>/intended/<device>/.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveExpectations } from '../../src/verify/expectations.js';
import { REPO } from '../support/cli.js';
import { renderExample } from '../support/render.js';

const GOLDEN = join(REPO, 'test', 'golden');
const FEATURES = join(GOLDEN, 'features');
const update = process.env.UPDATE_GOLDEN === '1';
const SECRETS = join(REPO, 'secrets.yaml');
/** idc-a made dual-stack (issue 14): its goldens sit beside the reference sites', under idc-ds/. */
const DUAL_STACK = join(REPO, 'test', 'fixtures', 'dual-stack', 'inventory');
/** Kubernetes nodes on the fabric (issue 13): its goldens under k8s-a/, its clusters' files under k8s-a/_clusters/. */
const K8S = join(REPO, 'test', 'fixtures', 'k8s', 'inventory');
/** The same fabric with a Cilium cluster (docs/kubernetes.md, "Cilium"): its goldens under k8s-c/. */
const K8S_CILIUM = join(REPO, 'test', 'fixtures', 'k8s-cilium', 'inventory');
/** idc-a with a Redis data tier (issue 12, docs/data-tier.md): its goldens under data-a/. */
const DATA_TIER = join(REPO, 'test', 'fixtures', 'data-tier', 'inventory');
/** idc-a with a PostgreSQL data tier (Patroni, etcd, PgBouncer; docs/data-tier.md): its goldens under data-pg/. */
const DATA_PG = join(REPO, 'test', 'fixtures', 'data-pg', 'inventory');
/** idc-a with a RabbitMQ data tier (a 3-node cluster, a worker; docs/data-tier.md): its goldens under data-mq/. */
const DATA_MQ = join(REPO, 'test', 'fixtures', 'data-mq', 'inventory');
/** Two sites serving www.shop.example together (issue 11, docs/active-active.md): goldens under aa-a/, aa-b/. */
const ACTIVE_ACTIVE = join(REPO, 'test', 'fixtures', 'active-active', 'inventory');

function expected(): Map<string, string> {
  const files = new Map<string, string>();
  for (const { site, rendered } of [
    ...renderExample(),
    ...renderExample(DUAL_STACK),
    ...renderExample(K8S),
    ...renderExample(K8S_CILIUM),
    ...renderExample(DATA_TIER),
    ...renderExample(DATA_PG),
    ...renderExample(DATA_MQ),
    ...renderExample(ACTIVE_ACTIVE),
  ]) {
    for (const d of site.devices)
      files.set(`${site.name}/${d.name}/model.json`, `${JSON.stringify(d, null, 2)}\n`);
    files.set(
      `${site.name}/checks.txt`,
      deriveExpectations(site)
        .map((e) => `${e.id}  ${e.title}\n`)
        .join(''),
    );
    for (const f of rendered.files) {
      // a secret's whole content (a TLS bundle, an Erlang cookie): never kept in the repository
      if (f.file.startsWith('certs/') || f.file === 'erlang.cookie') continue;
      files.set(`${site.name}/${f.device}/${f.file}`, f.content);
    }
    for (const f of rendered.siteFiles) files.set(`${site.name}/${f.path}`, f.content);
  }
  return files;
}

function onDisk(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? onDisk(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

/** The reference sites' goldens: every folder of test/golden but features/ and docs/ (docs.test.ts). */
function siteGoldens(): string[] {
  return onDisk(GOLDEN).filter((rel) => !rel.startsWith('features/') && !rel.startsWith('docs/'));
}

const features = readdirSync(FEATURES, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

/** A feature's inventory, compiled and rendered: its findings and its files by `<device>/<file>`. */
function renderFeature(feature: string) {
  const sites = renderExample(join(FEATURES, feature), SECRETS);
  const files = new Map<string, string>();
  for (const { rendered } of sites)
    for (const f of rendered.files)
      if (!f.file.startsWith('certs/')) files.set(`${f.device}/${f.file}`, f.content);
  return { findings: sites[0]?.findings ?? [], files };
}

describe('golden files of the reference sites', () => {
  const files = expected();

  if (update) {
    it('updates the goldens', () => {
      for (const site of new Set(siteGoldens().map((rel) => rel.split('/')[0]!)))
        rmSync(join(GOLDEN, site), { recursive: true, force: true });
      for (const [rel, text] of files) {
        mkdirSync(dirname(join(GOLDEN, rel)), { recursive: true });
        writeFileSync(join(GOLDEN, rel), text);
      }
    });
    return;
  }

  it('has exactly the expected files', () => {
    expect(siteGoldens().sort()).toEqual([...files.keys()].sort());
  });
  for (const [rel, text] of files) {
    it(rel, () => {
      expect(text).toBe(readFileSync(join(GOLDEN, rel), 'utf8'));
    });
  }
});

describe('the dual-stack fixture', () => {
  it('GIVEN idc-a made dual-stack WHEN validated THEN it has the findings idc-a has, and no other', () => {
    const codes = (sites: ReturnType<typeof renderExample>) =>
      sites[0]!.findings.filter((d) => d.site !== 'idc-b').map((d) => d.code);
    expect(codes(renderExample(DUAL_STACK))).toEqual(codes(renderExample()));
  });
});

describe('golden files of one minimal inventory per feature', () => {
  it('has a feature inventory for each part of the configs', () => {
    expect(features).toEqual(['bgp', 'edge', 'l4', 'l7', 'ovs', 'snmp', 'vrrp']);
  });

  for (const feature of features) {
    describe(feature, () => {
      const { findings, files } = renderFeature(feature);
      const intended = join(FEATURES, feature, 'intended');

      if (update) {
        it('updates the goldens', () => {
          rmSync(intended, { recursive: true, force: true });
          for (const [rel, text] of files) {
            mkdirSync(dirname(join(intended, rel)), { recursive: true });
            writeFileSync(join(intended, rel), text);
          }
        });
        return;
      }

      it('GIVEN the feature inventory WHEN validated THEN it has no findings', () => {
        expect(findings.map((d) => `${d.code} ${d.message}`)).toEqual([]);
      });
      it('has exactly the expected files', () => {
        expect(onDisk(intended).sort()).toEqual([...files.keys()].sort());
      });
      for (const [rel, text] of files) {
        it(rel, () => {
          expect(text).toBe(readFileSync(join(intended, rel), 'utf8'));
        });
      }
    });
  }
});

describe('determinism', () => {
  it('GIVEN the same inventory WHEN rendered twice THEN every file and the manifest are byte-identical', () => {
    const a = renderExample();
    const b = renderExample();
    expect(b.map((s) => s.rendered)).toEqual(a.map((s) => s.rendered));
    expect(JSON.stringify(b.map((s) => s.manifest))).toBe(JSON.stringify(a.map((s) => s.manifest)));
  });

  it('GIVEN a rendered site THEN the manifest lists each file with its SHA-256 and the secrets it holds, by name only', () => {
    const { rendered, manifest } = renderExample()[0]!;
    const edge = manifest.devices.edge1!;
    expect(edge.files.map((f) => f.path)).toEqual(['sysctl.conf', 'frr.conf', 'daemons', 'snmpd.conf']);
    expect(edge.files[0]!.secrets).toEqual([]);
    expect(edge.files[1]!.secrets).toEqual(['isp1-bgp']);
    expect(edge.files[3]!.secrets).toEqual(['snmp-noc-auth', 'snmp-noc-priv']);
    const frr = rendered.files.find((f) => f.device === 'edge1' && f.file === 'frr.conf')!;
    expect(edge.files[1]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(edge.files[1]!.sha256).toBe(frr.sha256);
    expect(JSON.stringify(manifest)).not.toContain('lab-isp1-md5');
    expect(JSON.stringify(manifest)).not.toContain('lab-noc-auth-01');
  });
});
