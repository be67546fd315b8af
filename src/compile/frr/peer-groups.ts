/**
 * BGP peer groups and their policy, by who is on each side of a session. The policy that matters
 * in a Clos is at its borders: what the edges take from and give to upstreams, what leaves accept
 * from hosts, what hypervisors accept from vRouters. Inside the fabric everything is permitted,
 * with explicit route-maps so `bgp ebgp-requires-policy` holds.
 */
import type { Role } from '../../model/types.js';

export interface PeerGroupSpec {
  name: string;
  description: string;
  /** Prefix-list a route must match to be accepted, or null to accept everything. */
  acceptPrefixList: string | null;
  /** Prefix-list a route must match to be announced, or null to announce everything. */
  announcePrefixList: string | null;
  bfdProfile: 'fabric' | 'upstream';
  /** Originate a default route towards the group's members (simulated upstreams only). */
  defaultOriginate: boolean;
}

const any = { acceptPrefixList: null, announcePrefixList: null, defaultOriginate: false } as const;

export function peerGroupFor(me: Role, peer: Role, acceptFullTable: boolean): PeerGroupSpec {
  switch (peer) {
    case 'superspine':
      return { name: 'SUPERSPINES', description: 'super-spine plane', bfdProfile: 'fabric', ...any };
    case 'spine':
      return { name: 'SPINES', description: 'spine plane', bfdProfile: 'fabric', ...any };
    case 'edge':
      if (me === 'upstream')
        return {
          name: 'CUSTOMERS',
          description: 'customer edge routers',
          bfdProfile: 'upstream',
          ...any,
          defaultOriginate: true,
        };
      return { name: 'EDGES', description: 'edge routers', bfdProfile: 'fabric', ...any };
    case 'leaf':
      return {
        name: 'LEAVES',
        description: me === 'spine' ? 'leaves of the pod' : 'leaf pair of the rack',
        bfdProfile: 'fabric',
        ...any,
      };
    case 'hypervisor':
    case 'storage':
      if (me === 'vrouter')
        return {
          name: 'HYPERVISOR',
          description: 'the hypervisor this vRouter runs on',
          bfdProfile: 'fabric',
          ...any,
          announcePrefixList: 'OWN-SEGMENTS',
        };
      return {
        name: 'HOSTS',
        description: 'hosts of the rack (BGP to the host)',
        bfdProfile: 'fabric',
        ...any,
        acceptPrefixList: 'HOST-ROUTES',
      };
    case 'vrouter':
      return {
        name: 'VROUTERS',
        description: 'tenant vRouters on this host',
        bfdProfile: 'fabric',
        ...any,
        acceptPrefixList: 'TENANT-PREFIXES',
      };
    case 'upstream':
      if (me === 'upstream')
        return {
          name: 'INTERNET',
          description: 'the other simulated upstreams (lab only)',
          bfdProfile: 'upstream',
          ...any,
        };
      return {
        name: 'UPSTREAMS',
        description: 'upstream ISPs',
        bfdProfile: 'upstream',
        acceptPrefixList: acceptFullTable ? 'FULL-TABLE' : 'DEFAULT-ONLY',
        announcePrefixList: 'SITE-PREFIXES',
        defaultOriginate: false,
      };
    default:
      throw new Error(`no BGP session is defined between a ${me} and a ${peer}`);
  }
}
