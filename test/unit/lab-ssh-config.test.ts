/**
 * A lab's SSH config names the lab and its sites in its first line, so that `fabric drift`
 * watching a lab judges only the sites the lab runs (a single-site lab's DNS server rightly holds
 * the other site's VIP DOWN); any other SSH config is a real network's. A lab running on this
 * machine that holds the site's management addresses is the lab drift watches too.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchedLab } from '../../src/cli/watched-lab.js';
import { labOfSshConfig, sshConfigHeader } from '../../src/lab/runtime/lab-folder.js';
import { STATE_FILE } from '../../src/lab/runtime/state.js';
import { LABEL_SITE } from '../../src/topology/lab-nodes.js';
import { compileExample } from '../support/render.js';
import { tempDir } from '../support/tmp.js';

describe("the lab's SSH config header", () => {
  it('GIVEN a lab of one site or of two THEN its header reads back as that lab and those sites', () => {
    for (const sites of [['idc-a'], ['idc-a', 'idc-b']]) {
      const text = `${sshConfigHeader('x', sites, '/tmp/lab/clab-x/ssh_config')}\n\nHost leaf1a\n  HostName 198.18.1.11\n`;
      expect(labOfSshConfig(text)).toEqual({ lab: 'x', sites });
    }
  });

  it('GIVEN a lab whose nodes name no site, or a real network’s config THEN no lab', () => {
    expect(labOfSshConfig(`${sshConfigHeader('bare', [], '/tmp/ssh_config')}\n`)).toBeNull();
    expect(labOfSshConfig('# fabric lab x: made by hand\nHost *\n  User noc\n')).toBeNull();
    expect(
      labOfSshConfig('Host leaf1a\n  HostName 10.0.0.1\n# fabric lab x (sites: idc-a): later\n'),
    ).toBeNull();
  });
});

describe('drift knows the lab it watches', () => {
  const site = compileExample().model!.sites.find((s) => s.name === 'idc-a')!;
  /** A state root holding one lab whose nodes are those sites' devices at these addresses. */
  function stateRoot(lab: string, nodes: { site: string; mgmt: string }[]): string {
    const root = tempDir('fabric-watched-');
    mkdirSync(join(root, lab));
    const plan = {
      lab,
      nodes: nodes.map((n, i) => ({ name: `n${i}`, mgmtIpv4: n.mgmt, labels: { [LABEL_SITE]: n.site } })),
    };
    writeFileSync(join(root, lab, STATE_FILE), JSON.stringify({ version: 1, plan, phase: 'up' }));
    return root;
  }

  it('GIVEN a lab on this machine holding the site’s management addresses THEN that lab and its sites, whatever the SSH config', () => {
    const root = stateRoot('idc-a', [{ site: 'idc-a', mgmt: '198.18.1.11' }]);
    expect(watchedLab(site, undefined, root)).toEqual({ lab: 'idc-a', sites: ['idc-a'] });
    const both = stateRoot('idc-a_idc-b', [
      { site: 'idc-a', mgmt: '198.18.1.11' },
      { site: 'idc-b', mgmt: '198.18.2.11' },
    ]);
    expect(watchedLab(site, undefined, both)).toEqual({ lab: 'idc-a_idc-b', sites: ['idc-a', 'idc-b'] });
  });

  it('GIVEN no lab, or a lab of another site or on other addresses THEN a real network: everything judged', () => {
    expect(watchedLab(site, undefined, join(tempDir(), 'none'))).toBeNull();
    expect(
      watchedLab(site, undefined, stateRoot('idc-b', [{ site: 'idc-b', mgmt: '198.18.2.11' }])),
    ).toBeNull();
    expect(
      watchedLab(site, undefined, stateRoot('other', [{ site: 'idc-a', mgmt: '198.19.1.11' }])),
    ).toBeNull();
  });

  it('GIVEN the SSH config of a lab of this site THEN that lab, with no state on this machine', () => {
    const file = join(tempDir(), 'ssh_config');
    writeFileSync(file, `${sshConfigHeader('idc-a', ['idc-a'], file)}\n`);
    expect(watchedLab(site, file, join(tempDir(), 'none'))).toEqual({ lab: 'idc-a', sites: ['idc-a'] });
  });
});
