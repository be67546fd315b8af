/**
 * The speaker side of a Kubernetes node (issue 13, docs/kubernetes.md) is MetalLB's own output:
 * MetalLB's FRR-mode templates (../shared/metallb/frr-templates/, read at test time, never copied
 * into the repository) executed by Go's real text/template (test/tools/metallb-frr/main.go, the
 * data types and template funcs of MetalLB's config.go):
 * - on the inputs of MetalLB's own goldens, it prints them byte for byte
 *   (../shared/metallb/speaker-goldens/): the tool runs MetalLB's templates as MetalLB does;
 * - on each node's speaker model (fabric's compile), it prints exactly what fabric renders with
 *   its handlebars port (templates/metallb/frr.conf.hbs): the port is faithful.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../support/cli.js';
import { renderExample } from '../support/render.js';
import { ensureInstalled } from '../support/system.js';
import { tempDir } from '../support/tmp.js';

const METALLB = join(REPO, '..', 'shared', 'metallb');
const TEMPLATES = join(METALLB, 'frr-templates');
const TOOL = join(REPO, 'test', 'tools', 'metallb-frr');
const INPUTS = join(REPO, 'test', 'fixtures', 'metallb-frr');
const GOLDENS = ['TestUnnumberedSession', 'TestBFDWithSession', 'TestSingleAdvertisement'];

let binary = '';

/** MetalLB's frr.conf for `config` (its frrConfig as JSON), by its own templates. */
function metallb(config: unknown): string {
  const r = spawnSync(binary, [TEMPLATES], { input: JSON.stringify(config), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`metallb-frr failed: ${r.stderr}`);
  return r.stdout;
}

beforeAll(() => {
  // Go 1.19 from Debian, installed when missing (never skipped)
  ensureInstalled([{ bin: 'go', pkg: 'golang-go' }]);
  const dir = tempDir('fabric-metallb-frr-');
  binary = join(dir, 'metallb-frr');
  execFileSync('go', ['build', '-o', binary, 'main.go'], {
    cwd: TOOL,
    env: { ...process.env, GOCACHE: join(dir, 'cache'), GOPATH: join(dir, 'gopath'), GO111MODULE: 'off' },
    stdio: 'pipe',
  });
});

describe("GIVEN MetalLB's FRR templates run by Go's text/template", () => {
  for (const name of GOLDENS)
    it(`WHEN given the input of MetalLB's ${name} THEN it prints MetalLB's golden byte for byte`, () => {
      const input = JSON.parse(readFileSync(join(INPUTS, `${name}.json`), 'utf8'));
      expect(metallb(input)).toBe(readFileSync(join(METALLB, 'speaker-goldens', `${name}.golden`), 'utf8'));
    });
});

describe("GIVEN each node's speaker model of test/fixtures/k8s", () => {
  const [k8s] = renderExample(join(REPO, 'test', 'fixtures', 'k8s', 'inventory'));
  const cluster = k8s!.site.clusters![0]!;

  it("THEN MetalLB's own templates print exactly what fabric renders for it", () => {
    expect(cluster.speakers.map((s) => s.node)).toEqual(['kn1', 'kn2', 'kn3']);
    for (const s of cluster.speakers) {
      const rendered = k8s!.rendered.siteFiles.find((f) => f.path === s.file)!;
      expect(rendered.content, s.node).toBe(metallb(s));
    }
  });

  it('WHEN a node announces no IPv6 (an IPv4-only cluster) THEN they still agree: `deny any`, no IPv6 network', () => {
    const dir = tempDir();
    const text = readFileSync(join(REPO, 'test', 'fixtures', 'k8s', 'inventory', 'k8s-a.yaml'), 'utf8');
    const without = text.replace(/\n\s*load_balancer_pools6: \[[^\]]*\]/, '');
    expect(without).not.toBe(text);
    writeFileSync(join(dir, 'k8s-a.yaml'), without);
    const [site] = renderExample(dir);
    const s = site!.site.clusters![0]!.speakers[0]!;
    const rendered = site!.rendered.siteFiles.find((f) => f.path === s.file)!.content;
    expect(rendered).toContain('ipv6 prefix-list eth1-allowed-ipv6 seq 1 deny any');
    expect(rendered).not.toContain('address-family ipv6 unicast\n    network');
    expect(rendered).toBe(metallb(s));
  });
});
