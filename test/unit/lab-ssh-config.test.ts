/**
 * A lab's SSH config names the lab and its sites in its first line, so that `fabric drift`
 * watching a lab judges only the sites the lab runs (a single-site lab's DNS server rightly holds
 * the other site's VIP DOWN); any other SSH config is a real network's.
 */
import { describe, expect, it } from 'vitest';
import { labOfSshConfig, sshConfigHeader } from '../../src/lab/runtime/lab-folder.js';

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
