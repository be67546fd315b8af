/**
 * What the drivers say where the stages used to decide it themselves: the lab's boot order,
 * lab status of a node's daemons, and FRR's SNMP modules beside snmpd.
 */
import { describe, expect, it } from 'vitest';
import { DAEMONS } from '../../src/daemons/index.js';
import { DAEMONS as LAB_DAEMONS } from '../../src/lab/plan/node-roles.js';

const probe = (procs: string[], files: Record<string, string> = {}, reported = '') => ({
  has: (comm: string) => procs.includes(comm),
  readFile: (path: string) => (Object.hasOwn(files, path) ? files[path]! : null),
  reported,
});

describe('daemon drivers', () => {
  it('GIVEN the lab THEN daemons boot sshd first, snmpd before FRR (AgentX does not retry), a Cilium node’s gobgpd then http last', () => {
    expect(LAB_DAEMONS).toEqual([
      'sshd',
      'snmpd',
      'frr',
      'keepalived',
      'haproxy',
      'redis',
      'etcd',
      'patroni',
      'pgbouncer',
      'rabbitmq-server',
      'amqp-worker',
      'gdnsd',
      'ovs',
      'gobgpd',
      'http',
    ]);
  });

  it('GIVEN FRR in a lab node THEN up with watchfrr and zebra, and an enabled daemon not running is named', () => {
    const daemons = { '/etc/frr/daemons': 'bgpd=yes\nbfdd=no\nldpd=yes\n' };
    const status = DAEMONS.frr.lab.status(
      probe(['watchfrr', 'zebra', 'staticd', 'bgpd'], daemons, 'started (ldpd: no MPLS in this kernel)'),
    );
    expect(status).toEqual({ up: true, detail: 'not running: ldpd (ldpd: no MPLS in this kernel)' });
    expect(DAEMONS.frr.lab.status(probe(['watchfrr'], daemons)).up).toBe(false);
  });

  it('GIVEN one-process daemons THEN up while it runs, and the init saying unconfigured is not a failure', () => {
    expect(DAEMONS.keepalived.lab.status(probe(['keepalived']))).toEqual({ up: true, detail: 'ok' });
    expect(DAEMONS.haproxy.lab.status(probe([], {}, 'unconfigured: no /etc/haproxy/haproxy.cfg'))).toEqual({
      up: false,
      detail: 'unconfigured: no /etc/haproxy/haproxy.cfg',
      unconfigured: true,
    });
    expect(DAEMONS.ovs.lab.status(probe(['ovsdb-server'])).up).toBe(false);
  });

  it('GIVEN FRR beside an AgentX master THEN the host needs frr-snmp too', () => {
    const pkgs = (agentx: boolean) => DAEMONS.frr.lab.requires({ agentx }).map((r) => r.pkg);
    expect(pkgs(true)).toContain('frr-snmp');
    expect(pkgs(false)).not.toContain('frr-snmp');
    expect(DAEMONS.snmpd.lab.agentxMaster).toBe(true);
  });
});
