/* Generated from schema/inventory.schema.json by scripts/gen-types.ts. Do not edit; run `npm run gen`. */

/**
 * Free text that may reach a config file as a description: letters, digits, spaces and `.,:/()_+@=-` only, so that it can never start a comment or a new config line.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "Text".
 */
export type Text = string;
/**
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "Asn".
 */
export type Asn = number;
/**
 * An inclusive range of AS numbers, `first-last`.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "AsnRange".
 */
export type AsnRange = string;
/**
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "Ipv4Prefix".
 */
export type Ipv4Prefix = string;
/**
 * An IPv6 prefix, `address/length`; fabric prints it in RFC 5952 form.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "Ipv6Prefix".
 */
export type Ipv6Prefix = string;
/**
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "Name".
 */
export type Name = string;
/**
 * Explicit, site-wide unique number of the device. Every per-device address and ASN is derived from it, never from list order, so adding a device renumbers nothing.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "DeviceId".
 */
export type DeviceId = number;
/**
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "Device".
 */
export type Device = {
  role: string;
} & Device1;
export type Device1 =
  | SuperspineDevice
  | EdgeDevice
  | SpineDevice
  | LeafDevice
  | HypervisorDevice
  | StorageDevice
  | K8SNodeDevice
  | VrouterDevice
  | L4LbDevice
  | L7LbDevice
  | VmDevice;
/**
 * The far end of a cable: `<device>:<interface>`.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "Endpoint".
 */
export type Endpoint = string;
/**
 * The pair, e.g. `[{ device: vr1, priority: 150 }, { device: vr2, priority: 100 }]`.
 *
 * @minItems 1
 * @maxItems 2
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "VrrpMembers".
 */
export type VrrpMembers = [VrrpMember] | [VrrpMember, VrrpMember];
/**
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "Interface".
 */
export type Interface = string;
/**
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "Ipv4Address".
 */
export type Ipv4Address = string;
/**
 * An IPv6 address in any RFC 4291 text form; fabric prints it in RFC 5952 form (lower case, `::` for the longest run of zero groups).
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "Ipv6Address".
 */
export type Ipv6Address = string;
/**
 * A DNS name in lower case, without the final dot: labels of letters, digits and '-', e.g. `shop.example`.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "DnsName".
 */
export type DnsName = string;

/**
 * One file of a fabric inventory. Every file names its site; the files of one site are merged. `asns`, `pools`, `prefixes` and `defaults` may be given in one file of a site only; `devices`, `upstreams`, `tenants` and `clusters` are merged by name, and a name may appear once per site. A file may instead hold only `gslb` (the services that span sites and their DNS zones: docs/active-active.md); such a file names no site, and `gslb` may be given in one file of the inventory only.
 */
export interface InventoryFile {
  /**
   * Site name, e.g. `idc-a`. Output goes to `out/<site>/`.
   */
  site?: string;
  description?: Text;
  asns?: Asns;
  pools?: Pools;
  prefixes?: Prefixes;
  defaults?: Defaults;
  budgets?: Budgets;
  /**
   * Upstream ISPs, by name. In the lab each one is simulated by an FRR node.
   */
  upstreams?: {
    [k: string]: Upstream;
  };
  /**
   * Every device of the site, by name. The name is the hostname.
   */
  devices?: {
    [k: string]: Device;
  };
  /**
   * Tenants: overlay segments, the vRouter pair, the L4 and L7 load balancers.
   */
  tenants?: {
    [k: string]: Tenant;
  };
  /**
   * Kubernetes clusters whose nodes (`role: k8s-node`) peer BGP with their rack's leaf pair, by name. fabric renders the leaves' side (a peer group per cluster) and the resources the platform team applies to the cluster (`out/<site>/_clusters/<cluster>/`); it never pushes to the nodes themselves.
   */
  clusters?: {
    [k: string]: Cluster;
  };
  gslb?: Gslb;
}
/**
 * AS numbers. The edge pair shares `edge` (the site's own AS towards the upstreams); the spines of a pod share `spine` + pod - 1 (RFC 7938 section 5.2.1); super-spines share `superspine`; every leaf, hypervisor, storage host and vRouter gets its own: first of `pool` + device id.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "Asns".
 */
export interface Asns {
  edge: Asn;
  spine: Asn;
  pool: AsnRange;
  /**
   * AS number shared by the super-spine plane (5-stage Clos, RFC 7938 section 3.2). Required when the site has super-spines.
   */
  superspine?: number;
}
/**
 * Address pools. Each device's address in a pool is the pool's network address + device id. `loopback6` and `mgmt6` are the optional IPv6 counterparts of `loopback` and `mgmt`.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "Pools".
 */
export interface Pools {
  /**
   * Loopbacks (/32), also router-id and, on hypervisors, the VXLAN tunnel endpoint: network + id.
   */
  loopback: string;
  /**
   * Out-of-band management, used by push and drift to reach each device over SSH: network + id. The first address is the management gateway.
   */
  mgmt: string;
  /**
   * IPv6 loopbacks (/128) of every device with a `loopback`, beside the IPv4 one: network + id, as for `loopback`. Without it the fabric's loopbacks are IPv4 only. The router-id and the VXLAN tunnel endpoints stay IPv4.
   */
  loopback6?: string;
  /**
   * IPv6 out-of-band management of every device, beside its `mgmt` address: network + id, as for `mgmt` (a device that sets `mgmt` still derives this one). snmpd answers the NOC on it too. Push and drift still reach devices on `mgmt`. In the lab each node has it on eth0 (`mgmt-ipv6`), beside its IPv4 management address; the host's end of the lab's management network stays IPv4. Without it management is IPv4 only.
   */
  mgmt6?: string;
}
/**
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "Prefixes".
 */
export interface Prefixes {
  /**
   * The site's public prefixes: the only prefixes the edges announce to the upstreams. One that holds a segment or loopback of the site is a BGP aggregate: announced only while the edge has a route inside it.
   *
   * @minItems 1
   */
  announce: [Ipv4Prefix, ...Ipv4Prefix[]];
  /**
   * The site's public IPv6 prefixes: the only IPv6 prefixes the edges announce to the upstreams (IPv6 sessions: `upstreams.<name>.address6`).
   *
   * @minItems 1
   */
  announce6?: [Ipv6Prefix, ...Ipv6Prefix[]];
}
/**
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "Defaults".
 */
export interface Defaults {
  /**
   * MTU of every fabric and host link, in bytes: what the links are to be set to. fabric checks it (both ends of a cable agree, `mtu-mismatch`; room for VXLAN around the VMs' 1500, `mtu-below-vxlan`), documents it (cabling.csv) and sets it in the lab; it renders no interface configuration of the devices' operating system, so set it there too. @default 9000
   */
  mtu?: number;
  /**
   * BGP timers of every session. BFD detects failures; these only back it up.
   */
  bgp?: {
    /**
     * Seconds. @default 3
     */
    keepalive?: number;
    /**
     * Seconds, 0 or at least 3 and more than keepalive. @default 9
     */
    hold?: number;
    /**
     * Seconds between attempts to open a session that is down (FRR `timers connect`; its own default is 120). @default 2
     */
    connect_retry?: number;
    /**
     * Seconds a BGP speaker that has just started waits, advertising and installing nothing, until every configured peer has sent its End-of-RIB, at most (FRR `update-delay`; 0: off). A restarted device takes traffic back only with its whole table. @default 10
     */
    update_delay?: number;
  };
  /**
   * BFD of fabric sessions (the `fabric` profile) and of upstream sessions (`upstream`).
   */
  bfd?: {
    /**
     * BFD transmit and receive interval of fabric sessions, in milliseconds. @default 50
     */
    interval?: number;
    /**
     * BFD detect multiplier. @default 3
     */
    multiplier?: number;
    /**
     * BFD towards upstream ISPs (their routers decide too: agree on it with them).
     */
    upstream?: {
      /**
       * Milliseconds. @default 300
       */
      interval?: number;
      /**
       * @default 3
       */
      multiplier?: number;
    };
  };
  ssh?: {
    /**
     * @default root
     */
    user?: string;
    /**
     * @default 22
     */
    port?: number;
  };
  ovs?: {
    /**
     * OVS datapath of every hypervisor: `system` (kernel module) or `netdev` (userspace, as with DPDK). The lab runs every bridge on `netdev` whatever this says (it has no kernel module). @default system
     */
    datapath?: 'system' | 'netdev';
  };
  vrrp?: {
    /**
     * VRRP advertisement interval in seconds; fractions (centiseconds) need VRRPv3. A backup takes over after 3 × advert_int + skew (RFC 5798). @default 0.15
     */
    advert_int?: number;
    /**
     * VRRP version: 3 (RFC 5798) allows sub-second adverts but has no authentication; 2 (RFC 3768) allows a tenant's `auth` but only whole seconds. @default 3
     */
    version?: 2 | 3;
  };
  snmp?: Snmp;
  /**
   * Health checks of the L4 balancers' real servers (keepalived) and of HAProxy's servers, unless a service's or backend's `check` sets interval/timeout.
   */
  checks?: {
    /**
     * Seconds between checks of a healthy server (keepalived `delay_loop`, HAProxy `inter`). @default 0.2
     */
    interval?: number;
    /**
     * Seconds between checks of a server that is failing (HAProxy `fastinter`, keepalived `delay_before_retry`). @default 0.1
     */
    fast_interval?: number;
    /**
     * Seconds between checks of a server that is down (HAProxy `downinter`). @default 0.2
     */
    down_interval?: number;
    /**
     * Seconds a check may take (keepalived `connect_timeout`, HAProxy `timeout check`). @default 0.2
     */
    timeout?: number;
    /**
     * Successful checks before a server is up again. @default 2
     */
    rise?: number;
    /**
     * Failed checks before a server is down. @default 2
     */
    fall?: number;
  };
  /**
   * Redis Sentinel's timers for every `redis` data service (docs/data-tier.md). A primary's loss costs the write VIP `down_after` + Sentinel's own reaction (~3 s: its PING period, one round of asking the other Sentinels, one INFO period to see the promotion) + HAProxy's role checks; that sum is the `data-write` budget's prediction.
   */
  sentinel?: {
    /**
     * Milliseconds without a valid reply before a Sentinel holds a member down (`down-after-milliseconds`). Below 1500 a Sentinel may hold a just-promoted primary down before it has reconnected to it, and fail it over a second time (`sentinel-down-after-short`, docs/data-tier.md). @default 1500
     */
    down_after?: number;
    /**
     * Milliseconds a failover may take before another Sentinel may try again; also how long the replicas have to follow the new primary (`failover-timeout`). @default 10000
     */
    failover_timeout?: number;
  };
  /**
   * Patroni's timers for every `postgres` data service (its `bootstrap.dcs`, docs/data-tier.md). A primary's PostgreSQL crash costs the write VIP `loop_wait` + Patroni's own reaction (~2 s: a replica's HA cycle and `pg_ctl promote`) + HAProxy's role checks: the `data-write` budget's prediction. A primary whose node or Patroni dies keeps the leader lock until `ttl` runs out: that costs `ttl` more, and `patroni-node-loss-over-budget` says so when it exceeds the budget. `loop_wait + 2 × retry_timeout` must not exceed `ttl` (`patroni-timers-invalid`).
   */
  patroni?: {
    /**
     * Seconds the leader lock lives without being renewed (`ttl`); Patroni refuses less than 20. @default 20
     */
    ttl?: number;
    /**
     * Seconds between two runs of Patroni's HA loop (`loop_wait`). @default 1
     */
    loop_wait?: number;
    /**
     * Seconds Patroni retries the store and PostgreSQL before demoting (`retry_timeout`); Patroni refuses less than 3. @default 3
     */
    retry_timeout?: number;
  };
  /**
   * RabbitMQ's timers for every `rabbitmq` data service (docs/data-tier.md). A node that dies stops serving its AMQP connections at once; HAProxy's checks take it out of the AMQP VIP (the `data-write` budget's prediction adds the quorum queues' leader election on the nodes left). `net_ticktime` bounds how long the other nodes take to see a node that went silent (its VM lost, a cut link): that is when they elect new queue leaders and, with `pause_minority`, when a node cut off from the others pauses.
   */
  rabbitmq?: {
    /**
     * Seconds: the Erlang distribution's tick (`net_ticktime`); a node silent for about this long is down for the others (between 0.75 and 1.25 of it), and publishes to the queues it led wait that long (`rabbitmq-node-loss-over-budget`); too low and a busy node is taken for lost. @default 10
     */
    net_ticktime?: number;
    /**
     * Seconds: the AMQP heartbeat the nodes offer clients (`heartbeat`); a client or node that misses two is disconnected. @default 10
     */
    heartbeat?: number;
  };
}
/**
 * SNMP for the NOC (`fabric drift`): every managed device that runs a daemon gets an snmpd.conf. snmpd answers on the device's management address, UDP 161, to one read-only SNMPv3 user with authentication and privacy (authPriv), limited to the MIBs fabric polls: IF-MIB on every device, IP-MIB's address table on devices with IPv6 addresses, BGP4-MIB where FRR runs (FRR's AgentX module, so zebra and bgpd load `-M snmp` and frr.conf says `agentx`) and KEEPALIVED-MIB where keepalived runs (`enable_snmp_vrrp`). SNMPv2c is off unless `community` is given, and then only from the management subnet (and `pools.mgmt6`). With `pools.mgmt6` snmpd listens on both management addresses. Without this section no snmpd.conf is rendered and nothing registers with AgentX.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "Snmp".
 */
export interface Snmp {
  /**
   * SNMPv3 user name (USM), e.g. fabric-noc.
   */
  user: string;
  auth: SecretRef;
  /**
   * SNMPv3 authentication protocol (HMAC). @default SHA
   */
  auth_protocol?: 'SHA' | 'SHA-256' | 'SHA-512';
  priv: SecretRef1;
  community?: SecretRef2;
}
/**
 * SNMPv3 authentication passphrase of the user: 8 to 64 characters.
 */
export interface SecretRef {
  secret: Name;
}
/**
 * SNMPv3 privacy (AES-128) passphrase of the user: 8 to 64 characters.
 */
export interface SecretRef1 {
  secret: Name;
}
/**
 * SNMPv2c read-only community, answered only from the management subnet and with the same view: for pollers without SNMPv3. 8 to 64 characters, so never `public`. @default none (SNMPv2c off)
 */
export interface SecretRef2 {
  secret: Name;
}
/**
 * Failure budgets of the site: the worst outage its users accept when one part fails. Compile computes each redundancy group's and service's expected worst-case outage from the timers it renders; a timer that cannot meet its budget is a finding (`budget-exceeded`). A tenant's `routers.budget`, `l4.budget` an L4 service's and a data service's `budget` override these for one group or service.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "Budgets".
 */
export interface Budgets {
  /**
   * Milliseconds of lost traffic when one fabric node (super-spine, spine, leaf, storage host) or one cable fails: BFD detection plus the routing reaction. @default 350
   */
  fabric?: number;
  /**
   * Milliseconds of lost traffic from the internet when one edge router fails: its upstream sees it only through the upstream session's BFD (`defaults.bfd.upstream`, agreed with the ISP), so the slower of that and the fabric's BFD, plus the routing reaction. @default 1000
   */
  edge?: number;
  /**
   * Milliseconds without a tenant gateway when the master of its vRouter pair fails: VRRP master-down time. @default 1000
   */
  gateway?: number;
  /**
   * Milliseconds without a service VIP when the master of the L4 pair fails: VRRP master-down time. @default 1000
   */
  vip?: number;
  /**
   * Milliseconds of failed requests when one HAProxy (a real server of the L4 VIP) fails: the L4 health check's detection time. @default 1000
   */
  haproxy?: number;
  /**
   * Requests that may fail when one application server fails (HAProxy retries on another server). @default 0
   */
  app_server?: number;
  /**
   * Milliseconds of outage of any service when one hypervisor fails with its VMs: the slowest failover among the groups with a member on it, and its routes. @default 1000
   */
  hypervisor?: number;
  /**
   * Milliseconds during which the write VIP of a data service sends to no primary after a promotion: HAProxy's role-aware checks see the old primary leave and the new one arrive (docs/data-tier.md). @default 5000
   */
  data?: number;
}
/**
 * An upstream ISP peering on one edge router. In the lab it is simulated by an FRR node that announces a default route and `lab.originate`.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "Upstream".
 */
export interface Upstream {
  id: DeviceId;
  description?: Text;
  asn: Asn;
  /**
   * The edge router that peers with this upstream.
   */
  edge: string;
  /**
   * The edge router's port towards the upstream.
   */
  interface: string;
  /**
   * The upstream's port (only used by the lab). @default eth1
   */
  peer_interface?: string;
  /**
   * Our address on the peering link, with its prefix length, e.g. 192.0.2.1/31.
   */
  address: string;
  /**
   * The upstream's address on the peering link.
   */
  peer: string;
  /**
   * An IPv6 prefix, `address/length`; fabric prints it in RFC 5952 form.
   */
  address6?: string;
  /**
   * The upstream's IPv6 address on the peering link; required with `address6`.
   */
  peer6?: string;
  password?: SecretRef3;
  /**
   * What we accept from the upstream: only a default route, or the full table. @default default
   */
  accept?: 'default' | 'full';
  lab?: {
    /**
     * Prefixes the simulated upstream announces besides the default route; its test client uses the first address of the first one.
     */
    originate?: Ipv4Prefix[];
    /**
     * IPv6 prefixes the simulated upstream announces besides the IPv6 default route (IPv6 session only).
     */
    originate6?: Ipv6Prefix[];
  };
}
/**
 * BGP TCP-MD5 password.
 */
export interface SecretRef3 {
  secret: Name;
}
/**
 * Super-spine of a 5-stage Clos: unnumbered eBGP to the spines of every pod.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "SuperspineDevice".
 */
export interface SuperspineDevice {
  role: 'superspine';
  id: DeviceId;
  rack: Name;
  description?: Text;
  /**
   * @default pools.mgmt + id
   */
  mgmt?: string;
  /**
   * @default asns.superspine
   */
  asn?: number;
  interfaces?: InterfaceSettings;
}
/**
 * Per-interface overrides, by interface name.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "InterfaceSettings".
 */
export interface InterfaceSettings {
  [k: string]: {
    mtu?: number;
    description?: Text;
  };
}
/**
 * Internet edge router: eBGP to its upstream, unnumbered eBGP to every spine, default route into the fabric.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "EdgeDevice".
 */
export interface EdgeDevice {
  role: 'edge';
  id: DeviceId;
  rack: Name;
  description?: Text;
  /**
   * @default pools.mgmt + id
   */
  mgmt?: string;
  /**
   * @default asns.edge
   */
  asn?: number;
  uplinks: Uplinks;
  interfaces?: InterfaceSettings;
}
/**
 * Cables to the tier above, by local interface: `{ eth1: spine1:eth3 }`. Each cable is declared once, on its lower end.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "Uplinks".
 */
export interface Uplinks {
  [k: string]: Endpoint;
}
/**
 * Spine: unnumbered eBGP to every leaf and edge, ECMP, BFD.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "SpineDevice".
 */
export interface SpineDevice {
  role: 'spine';
  id: DeviceId;
  rack: Name;
  description?: Text;
  /**
   * @default pools.mgmt + id
   */
  mgmt?: string;
  /**
   * @default asns.spine + pod - 1
   */
  asn?: number;
  interfaces?: InterfaceSettings;
  /**
   * Pod of a 5-stage Clos. Leaves uplink to the spines of their pod. @default 1
   */
  pod?: number;
  uplinks?: Uplinks1;
}
/**
 * Cables to the tier above, by local interface: `{ eth1: spine1:eth3 }`. Each cable is declared once, on its lower end.
 */
export interface Uplinks1 {
  [k: string]: Endpoint;
}
/**
 * Leaf (top of rack). The leaves of one rack form its leaf pair; every host of the rack is cabled to both.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "LeafDevice".
 */
export interface LeafDevice {
  role: 'leaf';
  id: DeviceId;
  rack: Name;
  description?: Text;
  /**
   * @default pools.mgmt + id
   */
  mgmt?: string;
  /**
   * @default first of asns.pool + id
   */
  asn?: number;
  uplinks: Uplinks;
  interfaces?: InterfaceSettings;
  /**
   * Pod of a 5-stage Clos. Leaves uplink to the spines of their pod. @default 1
   */
  pod?: number;
}
/**
 * Hypervisor: FRR on the host (BGP to both leaves of its rack, loopback = VXLAN tunnel endpoint), OVS with a VXLAN tunnel to every other hypervisor for every tenant segment.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "HypervisorDevice".
 */
export interface HypervisorDevice {
  role: 'hypervisor';
  id: DeviceId;
  rack: Name;
  description?: Text;
  /**
   * @default pools.mgmt + id
   */
  mgmt?: string;
  /**
   * @default first of asns.pool + id
   */
  asn?: number;
  uplinks: Uplinks;
  interfaces?: InterfaceSettings;
}
/**
 * Storage host: FRR on the host, BGP to both leaves of its rack, announces its loopback.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "StorageDevice".
 */
export interface StorageDevice {
  role: 'storage';
  id: DeviceId;
  rack: Name;
  description?: Text;
  /**
   * @default pools.mgmt + id
   */
  mgmt?: string;
  /**
   * @default first of asns.pool + id
   */
  asn?: number;
  uplinks: Uplinks;
  interfaces?: InterfaceSettings;
}
/**
 * Kubernetes node: a server dual-homed to its rack's leaf pair, whose cluster's BGP speaker (MetalLB or Cilium) announces the cluster's LoadBalancer IPs to both leaves. fabric configures the leaves and renders the cluster's resources; the node itself is the platform team's (nothing is pushed to it).
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "K8sNodeDevice".
 */
export interface K8SNodeDevice {
  role: 'k8s-node';
  id: DeviceId;
  rack: Name;
  /**
   * The cluster it is a node of (`clusters.<name>`). Its name in the inventory is its Kubernetes node name (`kubernetes.io/hostname`).
   */
  cluster: string;
  description?: Text;
  /**
   * @default pools.mgmt + id
   */
  mgmt?: string;
  uplinks: Uplinks;
  interfaces?: InterfaceSettings;
}
/**
 * A tenant's virtual router (a VM): BGP over its uplink to its hypervisor, VRRP gateway on the tenant segments.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "VrouterDevice".
 */
export interface VrouterDevice {
  role: 'vrouter';
  id: DeviceId;
  /**
   * The hypervisor the VM runs on.
   */
  host: string;
  tenant: Name;
  description?: Text;
  /**
   * @default pools.mgmt + id
   */
  mgmt?: string;
  /**
   * @default first of asns.pool + id
   */
  asn?: number;
  nics: Nics;
}
/**
 * The VM's network interfaces, by name (`eth0` is the management NIC and is implicit).
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "Nics".
 */
export interface Nics {
  [k: string]: Nic;
}
/**
 * Either a port on a tenant segment (`segment` + `address` and/or `address6`: one per family the segment carries) or, for a vRouter, its routed uplink to the hypervisor (`uplink: true`).
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "Nic".
 */
export interface Nic {
  /**
   * Tenant segment the NIC is attached to.
   */
  segment?: string;
  /**
   * IPv4 address of the NIC inside the segment's `subnet`; required on a segment with a `subnet`.
   */
  address?: string;
  /**
   * IPv6 address of the NIC inside the segment's `subnet6`; required on a segment with a `subnet6`.
   */
  address6?: string;
  /**
   * The vRouter's routed uplink to its hypervisor (BGP unnumbered).
   */
  uplink?: true;
}
/**
 * L4 load balancer (a VM): keepalived VRRP for the service VIPs and IPVS virtual servers.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "L4lbDevice".
 */
export interface L4LbDevice {
  role: 'l4lb';
  id: DeviceId;
  host: Name;
  tenant: Name;
  description?: Text;
  /**
   * @default pools.mgmt + id
   */
  mgmt?: string;
  nics: Nics;
}
/**
 * L7 load balancer (a VM running HAProxy), a real server of the L4 pair.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "L7lbDevice".
 */
export interface L7LbDevice {
  role: 'l7lb';
  id: DeviceId;
  host: Name;
  tenant: Name;
  description?: Text;
  /**
   * @default pools.mgmt + id
   */
  mgmt?: string;
  nics: Nics;
}
/**
 * An application VM. fabric does not configure it; it places its NICs on the overlay and routes to it.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "VmDevice".
 */
export interface VmDevice {
  role: 'vm';
  id: DeviceId;
  host: Name;
  tenant: Name;
  description?: Text;
  /**
   * @default pools.mgmt + id
   */
  mgmt?: string;
  nics: Nics;
}
/**
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "Tenant".
 */
export interface Tenant {
  description?: Text;
  /**
   * Overlay segments (one VXLAN VNI each), by name.
   */
  segments: {
    [k: string]: Segment;
  };
  routers?: TenantRouters;
  l4?: TenantL4;
  l7?: TenantL7;
  /**
   * The tenant's data services (Redis first; PostgreSQL and RabbitMQ later: docs/data-tier.md), by name. Clients reach each through its VIPs: `write` always the current primary, `read` the healthy replicas (the primary when none is left). The tenant's HAProxy pair (`l7.members`) checks which member holds which role (TCP mode, role-aware `tcp-check`) and sends each VIP's connections to the members that hold its role.
   */
  data?: {
    [k: string]: DataService;
  };
  /**
   * The tenant's Redis Sentinels: one on every member of its `redis` data services and one on each member of its HAProxy pair (docs/data-tier.md).
   */
  sentinels?: {
    auth?: SecretRef10;
  };
}
/**
 * A tenant segment: IPv4 (`subnet`), IPv6 (`subnet6`) or dual-stack (both); at least one of them.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "Segment".
 */
export interface Segment {
  /**
   * VXLAN network identifier, unique in the site. The local VLAN tag on br-int is derived from it.
   */
  vni: number;
  /**
   * The segment's IPv4 subnet.
   */
  subnet?: string;
  /**
   * An IPv6 prefix, `address/length`; fabric prints it in RFC 5952 form.
   */
  subnet6?: string;
  description?: Text;
}
/**
 * The tenant's vRouter pair: the default gateway (a VRRP address) of each listed segment, and the routes to the tenant's segments in the fabric.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "TenantRouters".
 */
export interface TenantRouters {
  members: VrrpMembers;
  auth?: SecretRef4;
  /**
   * Gateway address per segment, by segment name.
   */
  gateways: {
    [k: string]: VrrpAddress;
  };
  /**
   * Milliseconds: the failure budget of this vRouter pair (VRRP master failure), instead of the site's `budgets`.
   */
  budget?: number;
}
/**
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "VrrpMember".
 */
export interface VrrpMember {
  device: Name;
  /**
   * VRRP priority; the member with the highest priority is the intended master.
   */
  priority: number;
}
/**
 * VRRP authentication (PASS, at most 8 characters).
 */
export interface SecretRef4 {
  secret: Name;
}
/**
 * A VRRP virtual address per family the segment carries: `address` (IPv4) and/or `address6` (IPv6). keepalived holds each family in its own instance (`<name>` and `<name>_v6`, one family per instance) with the same `vrid`, both in the pair's sync group.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "VrrpAddress".
 */
export interface VrrpAddress {
  /**
   * VRRP virtual router id, unique on its segment.
   */
  vrid: number;
  /**
   * The virtual IPv4 address, inside the segment's `subnet`; required on a segment with a `subnet`.
   */
  address?: string;
  /**
   * The virtual IPv6 address, inside the segment's `subnet6`; required on a segment with a `subnet6`.
   */
  address6?: string;
}
/**
 * The L4 load balancer pair: keepalived VRRP for every VIP plus IPVS virtual servers (NAT), and the real servers' gateway on the internal segment.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "TenantL4".
 */
export interface TenantL4 {
  members: VrrpMembers;
  auth?: SecretRef5;
  /**
   * The real servers' default gateway (IPVS NAT needs the replies to come back through the balancer).
   */
  gateway: {
    segment: Name;
    vrid: number;
    /**
     * The real servers' IPv4 gateway; required on a segment with a `subnet`.
     */
    address?: string;
    /**
     * The real servers' IPv6 gateway; required on a segment with a `subnet6`: the L4 pair's IPv6 VRRP instance (`<tenant>_lb_gw_v6`), same `vrid`.
     */
    address6?: string;
  };
  services: {
    [k: string]: L4Service;
  };
  /**
   * Milliseconds: the failure budget of this L4 pair (VRRP master failure of its VIPs), instead of the site's `budgets`.
   */
  budget?: number;
}
/**
 * A reference to a secret. Its value comes from the environment variable `FABRIC_SECRET_<NAME>` (upper case, `-` as `_`) or from the secrets file, never from the inventory.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "SecretRef".
 */
export interface SecretRef5 {
  secret: Name;
}
/**
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "L4Service".
 */
export interface L4Service {
  description?: Text;
  /**
   * Segment that carries the VIP.
   */
  segment: string;
  vrid: number;
  /**
   * The IPv4 VIP; at least one of `address` and `address6`.
   */
  address?: string;
  /**
   * The IPv6 VIP, on a segment with a `subnet6`: its own VRRP instance (`<tenant>_vip_<name>_v6`, same `vrid`), an IPVS `virtual_server` per port to the real servers' `address6` on the L4 gateway segment (IPVS NAT does not translate between families: that segment needs a `subnet6`), and HAProxy binds `[address6]:port` on the real servers.
   */
  address6?: string;
  /**
   * @minItems 1
   */
  ports: [number, ...number[]];
  /**
   * Devices that serve the VIP; each is reached on its NIC in the L4 gateway's segment, same port.
   *
   * @minItems 1
   */
  real_servers: [Name, ...Name[]];
  /**
   * IPVS scheduler. @default wrr
   */
  scheduler?: 'rr' | 'wrr' | 'lc' | 'wlc' | 'sh';
  check?: HealthCheck;
  /**
   * Milliseconds: the failure budget of this service when one of its real servers fails (the health check's detection time), instead of the site's `budgets`.
   */
  budget?: number;
}
/**
 * How a service's servers are checked, every `interval` with `timeout` (@default defaults.checks). A backend's: by HAProxy, on the backend's port. An L4 service's: by keepalived, on the service's port, except that a real server that is fabric's HAProxy (an `l7lb`, the usual case) is always checked on its health frontend: an HTTP GET of `/fabric-health` on port 8404, which answers 200 only while one of its application servers is up (a TCP connect would only say that it listens; docs/timers-and-budgets.md). `kind` and `path` do not apply to it, and `kind: tcp` or another `path` there is the warning `l4-check-ignored`. Without `check`: a TCP connect with defaults.checks' timers.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "HealthCheck".
 */
export interface HealthCheck {
  /**
   * `tcp`: a TCP connect to the server's port; `http`: an HTTP GET of `path` that must answer 200.
   */
  kind: 'tcp' | 'http';
  /**
   * `kind: http`: the path asked; with `kind: tcp` nothing asks it (the warning `check-path-unused`). @default /
   */
  path?: string;
  /**
   * Seconds between checks; fractions allowed. @default defaults.checks.interval
   */
  interval?: number;
  /**
   * Seconds; fractions allowed. @default defaults.checks.timeout
   */
  timeout?: number;
}
/**
 * The HAProxy pair: TLS termination, routing to application backends, rate limits, health checks.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "TenantL7".
 */
export interface TenantL7 {
  /**
   * @minItems 1
   */
  members: [Name, ...Name[]];
  frontends: {
    [k: string]: Frontend;
  };
  backends: {
    [k: string]: Backend;
  };
  auth?: SecretRef7;
}
/**
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "Frontend".
 */
export interface Frontend {
  /**
   * Plain HTTP port. @default 80
   */
  http?: number;
  /**
   * TLS port. @default 443
   */
  https?: number;
  certificate?: SecretRef6;
  /**
   * Per client address; over the limit HAProxy answers 429.
   */
  rate_limit?: {
    requests: number;
    period: string;
  };
  /**
   * Path prefix routes, tried in order before `default_backend`.
   */
  routes?: {
    path: string;
    backend: Name;
  }[];
  default_backend: Name;
}
/**
 * A reference to a secret. Its value comes from the environment variable `FABRIC_SECRET_<NAME>` (upper case, `-` as `_`) or from the secrets file, never from the inventory.
 */
export interface SecretRef6 {
  secret: Name;
}
/**
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "Backend".
 */
export interface Backend {
  /**
   * Application VMs, reached on their NIC in a segment the HAProxy pair shares with them.
   *
   * @minItems 1
   */
  servers: [Name, ...Name[]];
  port: number;
  /**
   * @default roundrobin
   */
  balance?: 'roundrobin' | 'leastconn' | 'source';
  check?: HealthCheck;
  /**
   * Seconds the application may take to answer a request (HAProxy `timeout server` of the backend). A GET, HEAD or OPTIONS request still waiting when its server dies silently is sent to another server after this long (`retry-on response-timeout`), so it is late by this much instead of lost; other methods are never retried once sent. Set it just above the application's slowest answer. @default 30
   */
  response_timeout?: number;
}
/**
 * A reference to a secret. Its value comes from the environment variable `FABRIC_SECRET_<NAME>` (upper case, `-` as `_`) or from the secrets file, never from the inventory.
 */
export interface SecretRef7 {
  secret: Name;
}
/**
 * A replicated data service, e.g. `cache: { kind: redis, members: [{ device: redis1, role: primary }, { device: redis2, role: replica }], vips: { cache-rw: { role: write, segment: data, address: 10.20.3.10, port: 6379 }, cache-ro: { role: read, segment: data, address: 10.20.3.11, port: 6380 } } }`.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "DataService".
 */
export interface DataService {
  description?: Text;
  /**
   * What the members run: `redis` (a primary and its replicas, Redis Sentinel; the role is read from `INFO replication`), `postgres` (PostgreSQL 15 with streaming replicas, Patroni with etcd on every member managing the roles, PgBouncer in front of each member's PostgreSQL; the role is read from Patroni's REST API `/primary` and `/replica`), or `rabbitmq` (a RabbitMQ 3.10 cluster, every member a `node`: the workers' queues are quorum queues replicated on every node, so any node serves any queue and the AMQP VIP spreads over every healthy node, checked through the management API's `/api/health/checks/local-alarms`).
   */
  kind: 'redis' | 'postgres' | 'rabbitmq';
  /**
   * The port the members serve on, the port of HAProxy's servers: Redis's, PgBouncer's for `postgres`, AMQP's for `rabbitmq`. @default 6379 (redis), 6432 (postgres), 5672 (rabbitmq)
   */
  port?: number;
  auth?: SecretRef8;
  cookie?: SecretRef9;
  /**
   * `rabbitmq` only: the VMs that consume a queue of the service (the application's asynchronous workers: app → MQ → worker). Each queue named here is declared by fabric as a durable quorum queue; each worker gets its credentials file and a systemd unit running Debian's `amqp-consume` (amqp-tools) on the AMQP VIP.
   *
   * @minItems 1
   */
  workers?: [DataWorker, ...DataWorker[]];
  /**
   * The VMs of the service (role `vm` of the tenant), each with the role it starts in. HAProxy reaches each on its NIC in a segment it shares with the HAProxy pair.
   *
   * @minItems 1
   */
  members: [DataMember, ...DataMember[]];
  /**
   * The service's VIPs by name; the name is also the HAProxy `listen` section's.
   */
  vips: {
    [k: string]: DataVip;
  };
  /**
   * Milliseconds: how long the write VIP may send to no primary after a promotion, instead of the site's `budgets.data`.
   */
  budget?: number;
}
/**
 * A reference to a secret. Its value comes from the environment variable `FABRIC_SECRET_<NAME>` (upper case, `-` as `_`) or from the secrets file, never from the inventory.
 */
export interface SecretRef8 {
  secret: Name;
}
/**
 * A reference to a secret. Its value comes from the environment variable `FABRIC_SECRET_<NAME>` (upper case, `-` as `_`) or from the secrets file, never from the inventory.
 */
export interface SecretRef9 {
  secret: Name;
}
/**
 * A worker of a `rabbitmq` service, e.g. `{ device: worker1, queue: jobs }`.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "DataWorker".
 */
export interface DataWorker {
  /**
   * The VM (role `vm` of the tenant) that runs the worker.
   */
  device: string;
  /**
   * The queue it consumes from (a durable quorum queue fabric declares).
   */
  queue: string;
  /**
   * Messages the worker holds unacknowledged at once (`basic.qos` prefetch). @default 1
   */
  prefetch?: number;
}
/**
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "DataMember".
 */
export interface DataMember {
  device: Name;
  /**
   * The role the member starts in. `redis` and `postgres`: one `primary`, the others `replica` (of the primary); a failover changes who holds which role, and HAProxy follows what the members say, not this. `rabbitmq`: every member is a `node` (no member has a role of its own).
   */
  role: 'primary' | 'replica' | 'node';
}
/**
 * One VIP of a data service: an address clients use and the port on it, with the members it reaches chosen by their current role. The tenant's HAProxy pair holds the address itself with keepalived VRRP on the VIP's segment (one instance per segment holding all the tenant's data VIPs there, `<tenant>_data_<segment>`; VRID: the highest the tenant's VRRP groups leave free on the segment; priorities from the pair's `members` order, 150 then 100; tracking HAProxy) and binds `address:port` (docs/data-tier.md); no IPVS, no route: put it on the clients' segment.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "DataVip".
 */
export interface DataVip {
  /**
   * `write`: the current primary only (`role:master`); for `rabbitmq`, every node that is healthy (all serve every queue). `read`: the replicas that are up (`role:slave`), and the primary as the `backup` server when none is; `rabbitmq` has none.
   */
  role: 'write' | 'read';
  /**
   * The tenant segment that carries the VIP: one on which every member of the HAProxy pair has a NIC (`data-vip-off-proxy`), the one its clients are on (e.g. `app`).
   */
  segment: string;
  /**
   * The IPv4 VIP, a host address inside the segment's `subnet` (`address-outside-pool`, `not-a-host-address`), no device's address nor another VIP's (`duplicate-address`).
   */
  address: string;
  /**
   * The IPv6 VIP beside `address`, for clients on IPv6: a host address inside the segment's `subnet6`, no device's address nor another VIP's. The HAProxy pair holds it in an IPv6 VRRP instance of its own (`<tenant>_data_<segment>_v6`, the same VRID, in one sync group with the IPv4 one, so both move together) and binds `[address6]:port` too; the members stay reached over IPv4.
   */
  address6?: string;
  /**
   * The port clients connect to, and the HAProxy pair's listening port for this VIP (it binds `address:port`): unique among the HAProxy pair's listeners, so a write and a read VIP use two ports (as in Patroni's HAProxy recipe, 5000 and 5001).
   */
  port: number;
}
/**
 * A reference to a secret. Its value comes from the environment variable `FABRIC_SECRET_<NAME>` (upper case, `-` as `_`) or from the secrets file, never from the inventory.
 */
export interface SecretRef10 {
  secret: Name;
}
/**
 * A Kubernetes cluster on the fabric: one AS for all its nodes (each node its own eBGP session to each leaf of its rack), the LoadBalancer pools its speaker announces and nothing else, its pod and service CIDRs (checked for overlaps; not announced by a MetalLB speaker).
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "Cluster".
 */
export interface Cluster {
  description?: Text;
  /**
   * The cluster's AS: every node speaks it (MetalLB's `myASN`), the leaves' `remote-as` for the cluster's peer group. One AS per cluster, outside `asns.pool`'s per-device numbers (a collision is the finding `asn-collision`).
   */
  asn: number;
  /**
   * What announces the LoadBalancer IPs on the nodes: `metallb` (FRR mode: unnumbered sessions on the node's uplinks, with BFD) or `cilium` (Cilium's BGP control plane, GoBGP: numbered sessions on `node_links`, no BFD, announces each node's pod CIDR too). docs/kubernetes.md compares them.
   */
  speaker: 'metallb' | 'cilium';
  /**
   * IPv4 LoadBalancer pools (MetalLB `IPAddressPool`, Cilium `CiliumLoadBalancerIPPool`): the only IPv4 prefixes the leaves accept from the cluster's nodes, each up to /32. A public pool must lie inside `prefixes.announce` to reach the upstreams.
   *
   * @minItems 1
   */
  load_balancer_pools: [Ipv4Prefix, ...Ipv4Prefix[]];
  /**
   * IPv6 LoadBalancer pools, accepted up to /128 (needs `pools.loopback6`: IPv6 runs on the fabric's sessions only on a site with IPv6). Not with `cilium` (its sessions here are IPv4). @default none
   *
   * @minItems 1
   */
  load_balancer_pools6?: [Ipv6Prefix, ...Ipv6Prefix[]];
  /**
   * The cluster's pod CIDR (`--cluster-cidr`): checked for overlaps with the fabric; never accepted from a MetalLB speaker, accepted from a Cilium node as one `pod_cidr_mask` block per node.
   */
  pod_cidr: string;
  /**
   * The cluster's service CIDR (`--service-cluster-ip-range`): checked for overlaps, never routed by the fabric.
   */
  service_cidr: string;
  /**
   * `cilium` only: the size of each node's pod CIDR (Cilium's `clusterPoolIPv4MaskSize`, Kubernetes' `--node-cidr-mask-size`). The leaves accept from a node exactly one prefix of this length inside `pod_cidr`. @default 24
   */
  pod_cidr_mask?: number;
  /**
   * `cilium` only, and required with it: the pool of the numbered /31s of the nodes' cables to their leaves (Cilium peers by address, it has no unnumbered peers). Numbered by the node's id, as loopbacks are network + id: node id N has the /31s number 2N and 2N + 1 (its cables in port order), so adding or removing a node moves no other node's addresses; the leaf's end is the even address, the node's the odd one.
   */
  node_links?: string;
  /**
   * `neighbor <group> maximum-prefix` on the leaves, per node session and family: a node announcing more is torn down. @default 1000
   */
  maximum_prefix?: number;
  /**
   * Milliseconds: the failure budget of one of this cluster's nodes (its leaves withdraw its routes), instead of the site's `budgets.fabric`. A Cilium cluster needs one of 3100 at least: without BFD a silent node is noticed by the BGP hold timer (3 s, Cilium's shortest).
   */
  budget?: number;
}
/**
 * Services that span sites, answered by GSLB DNS (docs/active-active.md). Fabric-wide, not a site's: `gslb` is given in one file of the inventory, which may name no site. Each zone is served by DNS servers (VMs of the sites, one per site) running gdnsd; each service's name answers the VIPs of the sites whose health check passes.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "Gslb".
 */
export interface Gslb {
  /**
   * DNS zones served by fabric's GSLB servers, by name (e.g. `shop.example`).
   */
  zones: {
    [k: string]: GslbZone;
  };
  /**
   * Services offered by several sites, by name; the name is the service's label in its zone unless `host` says otherwise.
   */
  services: {
    [k: string]: GslbService;
  };
}
/**
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "GslbZone".
 */
export interface GslbZone {
  /**
   * The zone's DNS servers: site name → a VM of that site (`role: vm`) that runs gdnsd for it, one per site. Each listens on its NICs' addresses (port 53) and is the zone's name server `ns-<site>.<zone>`. One site only is a finding (`gslb-single-server`).
   */
  servers: {
    [k: string]: Name;
  };
  /**
   * Seconds: the TTL of the zone's static records (SOA, NS, glue) and its negative-answer TTL. @default 300
   */
  ttl?: number;
}
/**
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "GslbService".
 */
export interface GslbService {
  description?: Text;
  /**
   * A DNS name in lower case, without the final dot: labels of letters, digits and '-', e.g. `shop.example`.
   */
  zone: string;
  /**
   * Its label in the zone. @default the service's name
   */
  host?: string;
  /**
   * Seconds: the TTL of the service's answers (gdnsd halves it while a site is down). @default 30
   */
  ttl?: number;
  /**
   * Site name → where the site serves it: a tenant and one of its L4 services (the VIP). A service offered by one site only is a finding (`gslb-single-site`).
   */
  sites: {
    [k: string]: GslbSite;
  };
  check?: GslbCheck;
  /**
   * Milliseconds: the longest the DNS answer may keep a site's VIP after the site stopped serving (the health check's detection time: `fall` × `interval` + `timeout`); above it is a finding (`budget-exceeded`). @default 10000
   */
  budget?: number;
  anycast?: GslbAnycast;
}
/**
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "GslbSite".
 */
export interface GslbSite {
  /**
   * The site's tenant that serves it.
   */
  tenant: string;
  /**
   * An L4 service of that tenant (`tenants.<t>.l4.services.<vip>`): its `address` answers A queries, its `address6` AAAA queries. Each address must be inside the site's `prefixes.announce` / `announce6` (else `gslb-vip-not-announced`).
   */
  vip: string;
}
/**
 * How the DNS servers check each site's VIP (gdnsd's http_status monitor: an HTTP GET that must answer 200). gdnsd counts in whole seconds, so the site's sub-second `defaults.checks` do not apply; the defaults are documented here and in docs/active-active.md.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "GslbCheck".
 */
export interface GslbCheck {
  /**
   * URL path fetched from each VIP. @default /
   */
  path?: string;
  /**
   * TCP port of the VIP in every site: one of each site's VIP `ports` that its HAProxy pair serves in plain HTTP (gdnsd's check speaks no TLS). @default 80 if every site's VIP serves it, else the lowest plain HTTP port they all serve
   */
  port?: number;
  /**
   * Seconds between checks of each VIP. @default 2
   */
  interval?: number;
  /**
   * Seconds a check may take; less than `interval`. @default 1
   */
  timeout?: number;
  /**
   * Failed checks that take a VIP out of the answer (gdnsd `down_thresh`). @default 2
   */
  fall?: number;
  /**
   * Checks in a row that must pass before a VIP is answered again (gdnsd `up_thresh`): the hold-down against flapping. @default 3
   */
  rise?: number;
}
/**
 * Health-following route injection (docs/active-active.md, "Anycast: the L4 side"): each L4 member of the service's tenant, in each of its sites, runs FRR and announces the VIP as a host route to the tenant's vRouters (eBGP, BFD) only while it is the VRRP master of the VIP and each of the VIP's virtual servers (ports) has `quorum` healthy real servers. Without this section the L4 pairs announce nothing. IPv4 only for now: the IPv6 VIP is held under the same quorum but not announced.
 *
 * This interface was referenced by `InventoryFile`'s JSON-Schema
 * via the `definition` "GslbAnycast".
 */
export interface GslbAnycast {
  /**
   * Healthy real servers (keepalived's `quorum`: the sum of their weights, 1 each) each virtual server of the VIP needs for the VIP to be announced; at most each site's count of `real_servers` (`anycast-quorum-unreachable`). @default 1
   */
  quorum?: number;
  /**
   * Milliseconds for an L4 member to stop announcing the VIP once it cannot serve it (its real servers down, keepalived killed, the VM silent); compile predicts each (`device.anycast`); the slowest above it is a finding (`budget-exceeded`). @default 3000
   */
  budget?: number;
  /**
   * The site-independent service prefix (docs/active-active.md, "Anycast: the edges"): the same in every site of the service, and every site's VIP of the service inside it (the same address in each site makes it anycast). The VIP host routes travel from the L4 members through the vRouters, hypervisors and leaves to the edges, and each edge announces this prefix upstream as a BGP aggregate whose only contributors are those host routes: only while at least one VIP inside it is alive in its site. It must overlap none of a site's `prefixes.announce`, pools, segments, peering links or lab prefixes (`anycast-prefix-overlap`). Without it the VIP host routes stop at the vRouters.
   */
  prefix?: string;
}
