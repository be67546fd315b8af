/** keepalived: keepalived.conf (templates/keepalived/). */
import type { AddressFamily, InterfaceAddress } from './address.js';
import type { SecretRef } from './secrets.js';

export interface KeepalivedModel {
  globalDefs: {
    routerId: string;
    /**
     * `enable_script_security` and `script_user`: keepalived refuses scripts that a non-root user
     * could change, and runs them as `scriptUser`. @default true, root
     */
    enableScriptSecurity: boolean;
    scriptUser: string;
    /** Register with the local snmpd over AgentX and serve KEEPALIVED-MIB (`enable_snmp_vrrp`). @default false */
    enableSnmpVrrp: boolean;
    /** `vrrp_version`: 3 allows sub-second `advert_int` (RFC 5798). @default 3 */
    vrrpVersion: 2 | 3;
    /**
     * `vrrp_higher_prio_send_advert`: a master that hears a higher priority sends one more advert
     * before it backs off, so the other master (after a partition both were) sends its gratuitous
     * ARPs and unsolicited NAs again: the hosts' neighbour entries point back at it at once,
     * instead of at the backup until NUD gives up on it. @default true
     */
    higherPrioSendAdvert: boolean;
    /**
     * `vrrp_garp_master_refresh`, seconds: a master sends its gratuitous ARPs and unsolicited NAs
     * again this often, so a host whose entry still points at the other half after a split brain
     * (the one advert `higherPrioSendAdvert` counts on lost, as the packets of a busy network are)
     * points back at the master within this long rather than never. 0: no refresh.
     */
    garpMasterRefreshS: number;
  };
  /**
   * Scripts whose failure puts the instances that track them in FAULT (`vrrp_script`): on a
   * gateway that routes with BGP, one per family it has instances of (src/compile/keepalived.ts
   * `BGP_ROUTES_SCRIPTS`); none elsewhere.
   */
  vrrpScripts: VrrpScript[];
  /** One group per device holding every instance of both families, so they fail over together. */
  vrrpSyncGroups: VrrpSyncGroup[];
  /**
   * The VRRP instances of both families, IPv4 first, each family sorted by name: keepalived takes
   * one family per instance, so a virtual address with `address` and `address6` is two instances
   * (`<name>`, `<name>_v6`, src/compile/allocate.ts `vrrpVrid`) of the same VRID, interface,
   * priority and tracked interfaces. Readers of one family select it by `family`
   * (src/model/address.ts `ofFamily`).
   */
  vrrpInstances: VrrpInstance[];
  /**
   * The IPVS virtual servers of the VIPs of both families, IPv4 first, each family sorted by VIP
   * and port; an IPv6 VIP's real servers by their IPv6 address (IPVS NAT does not translate
   * between families).
   */
  virtualServers: VirtualServer[];
  /**
   * `vrrp_track_file`: files the checker's quorum scripts write (0 quorum, 1 none) and a VIP's
   * instance tracks (weight 0: non-zero is FAULT). Only on an L4 member of a VIP that a `gslb`
   * service announces by anycast (src/compile/anycast.ts); absent elsewhere.
   */
  vrrpTrackFiles?: VrrpTrackFile[];
  /**
   * Commands systemd runs after keepalived stopped for any reason, a SIGKILL of all its processes
   * too (`ExecStopPost=` of a drop-in, keepalived/restart.conf): they delete every VIP of its
   * instances, so that a dead keepalived holds no address its peer has taken over (and FRR's
   * announcement of an anycast VIP ends with it), and reset anycast's quorum files to "none".
   */
  stopPost: string[];
  /**
   * Milliseconds systemd waits before starting a keepalived that ended (`Restart=always`,
   * `RestartSec=`): Debian's unit has no `Restart=`, so a pair left with one member stayed so.
   * @default 1000
   */
  restartMs: number;
}

export interface VrrpTrackFile {
  name: string;
  /** Path on the device. */
  file: string;
  /**
   * Written at start-up when the file is missing (`init_file <v>`, no `overwrite`: a reload must
   * not fault the VIP): 1, no quorum until the checks say so. `stopPost` writes it again.
   */
  initValue: number;
}

export interface VrrpScript {
  name: string;
  /** The command, run by `scriptUser`; exit 0: healthy. */
  script: string;
  /** Seconds between runs (keepalived 2.2 takes whole seconds, at least 1). */
  interval: number;
  /** Failed runs before FAULT, passed runs before it is healthy again. */
  fall: number;
  rise: number;
}

export interface VrrpSyncGroup {
  name: string;
  instances: string[];
}

export interface VrrpInstance {
  name: string;
  /** The family of its virtual address: an `ipv6` instance is VRRPv3 whatever `vrrpVersion` says. */
  family: AddressFamily;
  /** Always BACKUP: the priority elects the master, so a restart never causes two masters. */
  state: 'BACKUP';
  interface: string;
  virtualRouterId: number;
  priority: number;
  /** Seconds; fractions (centiseconds) with VRRPv3. @default 0.2 */
  advertInt: number;
  authentication: { authType: 'PASS'; authPass: SecretRef } | null;
  /** Virtual addresses with the length of their segment's prefix and device: `203.0.113.1/27 dev eth2`. */
  virtualIpaddress: (InterfaceAddress & { dev: string })[];
  /**
   * Interfaces whose failure puts the instance in FAULT. Instances are in a sync group, so a fault
   * moves the whole group to the peer (keepalived ignores tracking weights in sync groups).
   */
  trackInterfaces: string[];
  /**
   * Names of `vrrpScripts` that put the instance in FAULT when they fail (no weights: sync groups
   * ignore them): those of the instance's own family.
   */
  trackScripts: string[];
  /**
   * Names of `vrrpTrackFiles` (weight 0): an anycast VIP's instance faults while a virtual server
   * of its VIP has no quorum. Absent on every other instance.
   */
  trackFiles?: string[];
  /** Segment the instance runs on, as `tenant/segment`. */
  segment: string;
  /** The peer member of the pair (the other device), or null for a lone member. */
  peer: string | null;
  /** True on the member that should be master when both are healthy. */
  intendedMaster: boolean;
}

export interface HealthCheck {
  kind: 'tcp' | 'http';
  path: string | null;
  /** Seconds between checks (keepalived `delay_loop`). */
  interval: number;
  /** Seconds (keepalived `connect_timeout`). */
  timeout: number;
  /** Extra checks after a failure before the server is removed (keepalived `retry`: fall − 1). */
  retry: number;
  /** Seconds between those checks (keepalived `delay_before_retry`). */
  delayBeforeRetry: number;
  /** Port checked instead of the service's (keepalived `connect_port`); null: the service's. */
  connectPort: number | null;
}

export interface VirtualServer {
  /** The VIP's family, and its real servers'. */
  family: AddressFamily;
  /** The VIP, IPv6 in RFC 5952 form. */
  address: string;
  port: number;
  protocol: 'TCP';
  lbAlgo: 'rr' | 'wrr' | 'lc' | 'wlc' | 'sh';
  lbKind: 'NAT';
  /** Seconds between health checks. */
  delayLoop: number;
  realServers: { device: string; address: string; port: number; weight: number; check: HealthCheck }[];
  /**
   * An anycast VIP's virtual server (src/compile/anycast.ts): `alpha` (real servers start down,
   * so quorum is proven by checks), `quorum` (sum of the weights of healthy real servers needed),
   * and the scripts that write the quorum state to a tracked file. Absent elsewhere.
   */
  quorum?: { count: number; up: string; down: string };
}
