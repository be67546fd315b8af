/* Generated from schema/inventory.schema.json by scripts/gen-types.ts (Ajv standalone code). Do not edit; run `npm run gen`. */
// @ts-nocheck
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
"use strict";
export const validate = validate14;
export default validate14;
const schema16 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://fabric.invalid/schema/inventory.schema.json","title":"InventoryFile","description":"One file of a fabric inventory. Every file names its site; the files of one site are merged. `asns`, `pools`, `prefixes` and `defaults` may be given in one file of a site only; `devices`, `upstreams`, `tenants` and `clusters` are merged by name, and a name may appear once per site. A file may instead hold only `gslb` (the services that span sites and their DNS zones: docs/active-active.md); such a file names no site, and `gslb` may be given in one file of the inventory only.","type":"object","additionalProperties":false,"properties":{"site":{"$ref":"#/definitions/Name","description":"Site name, e.g. `idc-a`. Output goes to `out/<site>/`."},"description":{"$ref":"#/definitions/Text"},"asns":{"$ref":"#/definitions/Asns"},"pools":{"$ref":"#/definitions/Pools"},"prefixes":{"$ref":"#/definitions/Prefixes"},"defaults":{"$ref":"#/definitions/Defaults"},"budgets":{"$ref":"#/definitions/Budgets"},"upstreams":{"type":"object","description":"Upstream ISPs, by name. In the lab each one is simulated by an FRR node.","propertyNames":{"$ref":"#/definitions/Name"},"additionalProperties":{"$ref":"#/definitions/Upstream"}},"devices":{"type":"object","description":"Every device of the site, by name. The name is the hostname.","propertyNames":{"$ref":"#/definitions/Name"},"additionalProperties":{"$ref":"#/definitions/Device"}},"tenants":{"type":"object","description":"Tenants: overlay segments, the vRouter pair, the L4 and L7 load balancers.","propertyNames":{"$ref":"#/definitions/Name"},"additionalProperties":{"$ref":"#/definitions/Tenant"}},"clusters":{"type":"object","description":"Kubernetes clusters whose nodes (`role: k8s-node`) peer BGP with their rack's leaf pair, by name. fabric renders the leaves' side (a peer group per cluster) and the resources the platform team applies to the cluster (`out/<site>/_clusters/<cluster>/`); it never pushes to the nodes themselves.","propertyNames":{"$ref":"#/definitions/Name"},"additionalProperties":{"$ref":"#/definitions/Cluster"}},"gslb":{"$ref":"#/definitions/Gslb"}},"definitions":{"Name":{"type":"string","pattern":"^[a-z][a-z0-9-]{0,30}$","errorMessage":"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a"},"Text":{"type":"string","description":"Free text that may reach a config file as a description: letters, digits, spaces and `.,:/()_+@=-` only, so that it can never start a comment or a new config line.","maxLength":80,"pattern":"^[A-Za-z0-9 .,:/()_+@=-]*$","errorMessage":"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt"},"Interface":{"type":"string","pattern":"^[a-z][a-z0-9]{0,9}[0-9]$","errorMessage":"must be an interface name like eth1 or swp12 (letters then digits, at most 11 characters)"},"Endpoint":{"type":"string","description":"The far end of a cable: `<device>:<interface>`.","pattern":"^[a-z][a-z0-9-]{0,30}:[a-z][a-z0-9]{0,9}[0-9]$","errorMessage":"must be <device>:<interface>, e.g. spine1:eth3"},"Ipv4Address":{"type":"string","pattern":"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$","errorMessage":"must be an IPv4 address like 10.1.0.5"},"Ipv4Prefix":{"type":"string","pattern":"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$","errorMessage":"must be an IPv4 prefix like 10.1.0.0/24"},"Ipv6Address":{"type":"string","maxLength":45,"pattern":"^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$","description":"An IPv6 address in any RFC 4291 text form; fabric prints it in RFC 5952 form (lower case, `::` for the longest run of zero groups).","errorMessage":"must be an IPv6 address like 2001:db8::5"},"Ipv6Prefix":{"type":"string","maxLength":49,"pattern":"^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$","description":"An IPv6 prefix, `address/length`; fabric prints it in RFC 5952 form.","errorMessage":"must be an IPv6 prefix like 2001:db8:1::/64"},"Asn":{"type":"integer","minimum":1,"maximum":4294967294,"errorMessage":"must be an AS number from 1 to 4294967294, e.g. 65001"},"AsnRange":{"type":"string","pattern":"^[0-9]{1,10}-[0-9]{1,10}$","description":"An inclusive range of AS numbers, `first-last`.","errorMessage":"must be an AS number range first-last, e.g. 65200-65499"},"DeviceId":{"type":"integer","minimum":1,"maximum":65535,"description":"Explicit, site-wide unique number of the device. Every per-device address and ASN is derived from it, never from list order, so adding a device renumbers nothing.","errorMessage":"must be a whole number from 1 to 65535, unique in the site, e.g. 11"},"SecretRef":{"type":"object","additionalProperties":false,"required":["secret"],"description":"A reference to a secret. Its value comes from the environment variable `FABRIC_SECRET_<NAME>` (upper case, `-` as `_`) or from the secrets file, never from the inventory.","properties":{"secret":{"$ref":"#/definitions/Name"}}},"Asns":{"type":"object","additionalProperties":false,"required":["edge","spine","pool"],"description":"AS numbers. The edge pair shares `edge` (the site's own AS towards the upstreams); the spines of a pod share `spine` + pod - 1 (RFC 7938 section 5.2.1); super-spines share `superspine`; every leaf, hypervisor, storage host and vRouter gets its own: first of `pool` + device id.","properties":{"edge":{"$ref":"#/definitions/Asn"},"spine":{"$ref":"#/definitions/Asn"},"pool":{"$ref":"#/definitions/AsnRange"},"superspine":{"$ref":"#/definitions/Asn","description":"AS number shared by the super-spine plane (5-stage Clos, RFC 7938 section 3.2). Required when the site has super-spines."}}},"Pools":{"type":"object","additionalProperties":false,"required":["loopback","mgmt"],"description":"Address pools. Each device's address in a pool is the pool's network address + device id. `loopback6` and `mgmt6` are the optional IPv6 counterparts of `loopback` and `mgmt`.","properties":{"loopback":{"$ref":"#/definitions/Ipv4Prefix","description":"Loopbacks (/32), also router-id and, on hypervisors, the VXLAN tunnel endpoint: network + id."},"mgmt":{"$ref":"#/definitions/Ipv4Prefix","description":"Out-of-band management, used by push and drift to reach each device over SSH: network + id. The first address is the management gateway."},"loopback6":{"$ref":"#/definitions/Ipv6Prefix","description":"IPv6 loopbacks (/128) of every device with a `loopback`, beside the IPv4 one: network + id, as for `loopback`. Without it the fabric's loopbacks are IPv4 only. The router-id and the VXLAN tunnel endpoints stay IPv4."},"mgmt6":{"$ref":"#/definitions/Ipv6Prefix","description":"IPv6 out-of-band management of every device, beside its `mgmt` address: network + id, as for `mgmt` (a device that sets `mgmt` still derives this one). snmpd answers the NOC on it too. Push and drift still reach devices on `mgmt`. In the lab each node has it on eth0 (`mgmt-ipv6`), beside its IPv4 management address; the host's end of the lab's management network stays IPv4. Without it management is IPv4 only."}}},"Prefixes":{"type":"object","additionalProperties":false,"required":["announce"],"properties":{"announce":{"type":"array","minItems":1,"uniqueItems":true,"items":{"$ref":"#/definitions/Ipv4Prefix"},"description":"The site's public prefixes: the only prefixes the edges announce to the upstreams. One that holds a segment or loopback of the site is a BGP aggregate: announced only while the edge has a route inside it."},"announce6":{"type":"array","minItems":1,"uniqueItems":true,"items":{"$ref":"#/definitions/Ipv6Prefix"},"description":"The site's public IPv6 prefixes: the only IPv6 prefixes the edges announce to the upstreams (IPv6 sessions: `upstreams.<name>.address6`)."}}},"Defaults":{"type":"object","additionalProperties":false,"properties":{"mtu":{"type":"integer","minimum":1280,"maximum":9216,"description":"MTU of every fabric and host link, in bytes: what the links are to be set to. fabric checks it (both ends of a cable agree, `mtu-mismatch`; room for VXLAN around the VMs' 1500, `mtu-below-vxlan`), documents it (cabling.csv) and sets it in the lab; it renders no interface configuration of the devices' operating system, so set it there too. @default 9000"},"bgp":{"type":"object","additionalProperties":false,"description":"BGP timers of every session. BFD detects failures; these only back it up.","properties":{"keepalive":{"type":"integer","minimum":1,"maximum":65535,"description":"Seconds. @default 3"},"hold":{"type":"integer","minimum":0,"maximum":65535,"description":"Seconds, 0 or at least 3 and more than keepalive. @default 9"},"connect_retry":{"type":"integer","minimum":1,"maximum":65535,"description":"Seconds between attempts to open a session that is down (FRR `timers connect`; its own default is 120). @default 2"},"update_delay":{"type":"integer","minimum":0,"maximum":3600,"description":"Seconds a BGP speaker that has just started waits, advertising and installing nothing, until every configured peer has sent its End-of-RIB, at most (FRR `update-delay`; 0: off). A restarted device takes traffic back only with its whole table. @default 10"}}},"bfd":{"type":"object","additionalProperties":false,"properties":{"interval":{"type":"integer","minimum":10,"maximum":60000,"description":"BFD transmit and receive interval of fabric sessions, in milliseconds. @default 50"},"multiplier":{"type":"integer","minimum":2,"maximum":255,"description":"BFD detect multiplier. @default 3"},"upstream":{"type":"object","additionalProperties":false,"description":"BFD towards upstream ISPs (their routers decide too: agree on it with them).","properties":{"interval":{"type":"integer","minimum":10,"maximum":60000,"description":"Milliseconds. @default 300"},"multiplier":{"type":"integer","minimum":2,"maximum":255,"description":"@default 3"}}}},"description":"BFD of fabric sessions (the `fabric` profile) and of upstream sessions (`upstream`)."},"ssh":{"type":"object","additionalProperties":false,"properties":{"user":{"type":"string","pattern":"^[a-z_][a-z0-9_-]{0,31}$","description":"@default root"},"port":{"type":"integer","minimum":1,"maximum":65535,"description":"@default 22"}}},"ovs":{"type":"object","additionalProperties":false,"properties":{"datapath":{"enum":["system","netdev"],"description":"OVS datapath of every hypervisor: `system` (kernel module) or `netdev` (userspace, as with DPDK). The lab runs every bridge on `netdev` whatever this says (it has no kernel module). @default system"}}},"vrrp":{"type":"object","additionalProperties":false,"properties":{"advert_int":{"type":"number","minimum":0.01,"maximum":255,"description":"VRRP advertisement interval in seconds; fractions (centiseconds) need VRRPv3. A backup takes over after 3 × advert_int + skew (RFC 5798). @default 0.15"},"version":{"enum":[2,3],"description":"VRRP version: 3 (RFC 5798) allows sub-second adverts but has no authentication; 2 (RFC 3768) allows a tenant's `auth` but only whole seconds. @default 3"}}},"snmp":{"$ref":"#/definitions/Snmp"},"checks":{"type":"object","additionalProperties":false,"description":"Health checks of the L4 balancers' real servers (keepalived) and of HAProxy's servers, unless a service's or backend's `check` sets interval/timeout.","properties":{"interval":{"type":"number","minimum":0.01,"maximum":3600,"description":"Seconds between checks of a healthy server (keepalived `delay_loop`, HAProxy `inter`). @default 0.2"},"fast_interval":{"type":"number","minimum":0.01,"maximum":3600,"description":"Seconds between checks of a server that is failing (HAProxy `fastinter`, keepalived `delay_before_retry`). @default 0.1"},"down_interval":{"type":"number","minimum":0.01,"maximum":3600,"description":"Seconds between checks of a server that is down (HAProxy `downinter`). @default 0.2"},"timeout":{"type":"number","minimum":0.01,"maximum":60,"description":"Seconds a check may take (keepalived `connect_timeout`, HAProxy `timeout check`). @default 0.2"},"rise":{"type":"integer","minimum":1,"maximum":100,"description":"Successful checks before a server is up again. @default 2"},"fall":{"type":"integer","minimum":1,"maximum":100,"description":"Failed checks before a server is down. @default 2"}}},"sentinel":{"type":"object","additionalProperties":false,"description":"Redis Sentinel's timers for every `redis` data service (docs/data-tier.md). A primary's loss costs the write VIP `down_after` + Sentinel's own reaction (~3 s: its PING period, one round of asking the other Sentinels, one INFO period to see the promotion) + HAProxy's role checks; that sum is the `data-write` budget's prediction.","properties":{"down_after":{"type":"integer","minimum":100,"maximum":600000,"description":"Milliseconds without a valid reply before a Sentinel holds a member down (`down-after-milliseconds`). Below 1500 a Sentinel may hold a just-promoted primary down before it has reconnected to it, and fail it over a second time (`sentinel-down-after-short`, docs/data-tier.md). @default 1500"},"failover_timeout":{"type":"integer","minimum":1000,"maximum":3600000,"description":"Milliseconds a failover may take before another Sentinel may try again; also how long the replicas have to follow the new primary (`failover-timeout`). @default 10000"}}},"patroni":{"type":"object","additionalProperties":false,"description":"Patroni's timers for every `postgres` data service (its `bootstrap.dcs`, docs/data-tier.md). A primary's PostgreSQL crash costs the write VIP `loop_wait` + Patroni's own reaction (~2 s: a replica's HA cycle and `pg_ctl promote`) + HAProxy's role checks: the `data-write` budget's prediction. A primary whose node or Patroni dies keeps the leader lock until `ttl` runs out: that costs `ttl` more, and `patroni-node-loss-over-budget` says so when it exceeds the budget. `loop_wait + 2 × retry_timeout` must not exceed `ttl` (`patroni-timers-invalid`).","properties":{"ttl":{"type":"integer","minimum":20,"maximum":3600,"description":"Seconds the leader lock lives without being renewed (`ttl`); Patroni refuses less than 20. @default 20"},"loop_wait":{"type":"integer","minimum":1,"maximum":600,"description":"Seconds between two runs of Patroni's HA loop (`loop_wait`). @default 1"},"retry_timeout":{"type":"integer","minimum":3,"maximum":600,"description":"Seconds Patroni retries the store and PostgreSQL before demoting (`retry_timeout`); Patroni refuses less than 3. @default 3"}}},"rabbitmq":{"type":"object","additionalProperties":false,"description":"RabbitMQ's timers for every `rabbitmq` data service (docs/data-tier.md). A node that dies stops serving its AMQP connections at once; HAProxy's checks take it out of the AMQP VIP (the `data-write` budget's prediction adds the quorum queues' leader election on the nodes left). `net_ticktime` bounds how long the other nodes take to see a node that went silent (its VM lost, a cut link): that is when they elect new queue leaders and, with `pause_minority`, when a node cut off from the others pauses.","properties":{"net_ticktime":{"type":"integer","minimum":2,"maximum":600,"description":"Seconds: the Erlang distribution's tick (`net_ticktime`); a node silent for about this long is down for the others (between 0.75 and 1.25 of it), and publishes to the queues it led wait that long (`rabbitmq-node-loss-over-budget`); too low and a busy node is taken for lost. @default 10"},"heartbeat":{"type":"integer","minimum":0,"maximum":600,"description":"Seconds: the AMQP heartbeat the nodes offer clients (`heartbeat`); a client or node that misses two is disconnected. @default 10"}}}}},"Snmp":{"type":"object","additionalProperties":false,"required":["user","auth","priv"],"description":"SNMP for the NOC (`fabric drift`): every managed device that runs a daemon gets an snmpd.conf. snmpd answers on the device's management address, UDP 161, to one read-only SNMPv3 user with authentication and privacy (authPriv), limited to the MIBs fabric polls: IF-MIB on every device, IP-MIB's address table on devices with IPv6 addresses, BGP4-MIB where FRR runs (FRR's AgentX module, so zebra and bgpd load `-M snmp` and frr.conf says `agentx`) and KEEPALIVED-MIB where keepalived runs (`enable_snmp_vrrp`). SNMPv2c is off unless `community` is given, and then only from the management subnet (and `pools.mgmt6`). With `pools.mgmt6` snmpd listens on both management addresses. Without this section no snmpd.conf is rendered and nothing registers with AgentX.","properties":{"user":{"type":"string","pattern":"^[a-z][a-z0-9-]{0,31}$","description":"SNMPv3 user name (USM), e.g. fabric-noc.","errorMessage":"must be a lower-case name of letters, digits and '-' starting with a letter, at most 32 characters, e.g. fabric-noc"},"auth":{"$ref":"#/definitions/SecretRef","description":"SNMPv3 authentication passphrase of the user: 8 to 64 characters."},"auth_protocol":{"enum":["SHA","SHA-256","SHA-512"],"description":"SNMPv3 authentication protocol (HMAC). @default SHA"},"priv":{"$ref":"#/definitions/SecretRef","description":"SNMPv3 privacy (AES-128) passphrase of the user: 8 to 64 characters."},"community":{"$ref":"#/definitions/SecretRef","description":"SNMPv2c read-only community, answered only from the management subnet and with the same view: for pollers without SNMPv3. 8 to 64 characters, so never `public`. @default none (SNMPv2c off)"}}},"Upstream":{"type":"object","additionalProperties":false,"required":["id","asn","edge","interface","address","peer"],"description":"An upstream ISP peering on one edge router. In the lab it is simulated by an FRR node that announces a default route and `lab.originate`.","properties":{"id":{"$ref":"#/definitions/DeviceId"},"description":{"$ref":"#/definitions/Text"},"asn":{"$ref":"#/definitions/Asn"},"edge":{"$ref":"#/definitions/Name","description":"The edge router that peers with this upstream."},"interface":{"$ref":"#/definitions/Interface","description":"The edge router's port towards the upstream."},"peer_interface":{"$ref":"#/definitions/Interface","description":"The upstream's port (only used by the lab). @default eth1"},"address":{"$ref":"#/definitions/Ipv4Prefix","description":"Our address on the peering link, with its prefix length, e.g. 192.0.2.1/31."},"peer":{"$ref":"#/definitions/Ipv4Address","description":"The upstream's address on the peering link."},"address6":{"$ref":"#/definitions/Ipv6Prefix","description":"Our IPv6 address on the peering link, with its prefix length, e.g. 2001:db8:ffff::1/127: a second, IPv6 session with the upstream (with `peer6`)."},"peer6":{"$ref":"#/definitions/Ipv6Address","description":"The upstream's IPv6 address on the peering link; required with `address6`."},"password":{"$ref":"#/definitions/SecretRef","description":"BGP TCP-MD5 password."},"accept":{"enum":["default","full"],"description":"What we accept from the upstream: only a default route, or the full table. @default default"},"lab":{"type":"object","additionalProperties":false,"properties":{"originate":{"type":"array","uniqueItems":true,"items":{"$ref":"#/definitions/Ipv4Prefix"},"description":"Prefixes the simulated upstream announces besides the default route; its test client uses the first address of the first one."},"originate6":{"type":"array","uniqueItems":true,"items":{"$ref":"#/definitions/Ipv6Prefix"},"description":"IPv6 prefixes the simulated upstream announces besides the IPv6 default route (IPv6 session only)."}}}}},"Uplinks":{"type":"object","description":"Cables to the tier above, by local interface: `{ eth1: spine1:eth3 }`. Each cable is declared once, on its lower end.","propertyNames":{"$ref":"#/definitions/Interface"},"additionalProperties":{"$ref":"#/definitions/Endpoint"},"minProperties":1},"InterfaceSettings":{"type":"object","description":"Per-interface overrides, by interface name.","propertyNames":{"$ref":"#/definitions/Interface"},"additionalProperties":{"type":"object","additionalProperties":false,"properties":{"mtu":{"type":"integer","minimum":1280,"maximum":9216},"description":{"$ref":"#/definitions/Text"}}}},"Nics":{"type":"object","description":"The VM's network interfaces, by name (`eth0` is the management NIC and is implicit).","propertyNames":{"type":"string","pattern":"^eth([1-9]|1[0-9])$","errorMessage":"must be eth1 to eth19 (eth0 is the management NIC)"},"minProperties":1,"additionalProperties":{"$ref":"#/definitions/Nic"}},"Nic":{"type":"object","additionalProperties":false,"description":"Either a port on a tenant segment (`segment` + `address` and/or `address6`: one per family the segment carries) or, for a vRouter, its routed uplink to the hypervisor (`uplink: true`).","properties":{"segment":{"$ref":"#/definitions/Name","description":"Tenant segment the NIC is attached to."},"address":{"$ref":"#/definitions/Ipv4Address","description":"IPv4 address of the NIC inside the segment's `subnet`; required on a segment with a `subnet`."},"address6":{"$ref":"#/definitions/Ipv6Address","description":"IPv6 address of the NIC inside the segment's `subnet6`; required on a segment with a `subnet6`."},"uplink":{"const":true,"description":"The vRouter's routed uplink to its hypervisor (BGP unnumbered)."}}},"Device":{"type":"object","required":["role"],"properties":{"role":{"type":"string"}},"discriminator":{"propertyName":"role"},"oneOf":[{"$ref":"#/definitions/SuperspineDevice"},{"$ref":"#/definitions/EdgeDevice"},{"$ref":"#/definitions/SpineDevice"},{"$ref":"#/definitions/LeafDevice"},{"$ref":"#/definitions/HypervisorDevice"},{"$ref":"#/definitions/StorageDevice"},{"$ref":"#/definitions/K8sNodeDevice"},{"$ref":"#/definitions/VrouterDevice"},{"$ref":"#/definitions/L4lbDevice"},{"$ref":"#/definitions/L7lbDevice"},{"$ref":"#/definitions/VmDevice"}],"errorMessage":{"discriminator":"must have a role: superspine, spine, leaf, edge, hypervisor, storage, k8s-node, vrouter, l4lb, l7lb or vm"}},"EdgeDevice":{"type":"object","additionalProperties":false,"required":["role","id","rack","uplinks"],"description":"Internet edge router: eBGP to its upstream, unnumbered eBGP to every spine, default route into the fabric.","properties":{"role":{"const":"edge"},"id":{"$ref":"#/definitions/DeviceId"},"rack":{"$ref":"#/definitions/Name"},"description":{"$ref":"#/definitions/Text"},"mgmt":{"$ref":"#/definitions/Ipv4Address","description":"@default pools.mgmt + id"},"asn":{"$ref":"#/definitions/Asn","description":"@default asns.edge"},"uplinks":{"$ref":"#/definitions/Uplinks"},"interfaces":{"$ref":"#/definitions/InterfaceSettings"}}},"SuperspineDevice":{"type":"object","additionalProperties":false,"required":["role","id","rack"],"description":"Super-spine of a 5-stage Clos: unnumbered eBGP to the spines of every pod.","properties":{"role":{"const":"superspine"},"id":{"$ref":"#/definitions/DeviceId"},"rack":{"$ref":"#/definitions/Name"},"description":{"$ref":"#/definitions/Text"},"mgmt":{"$ref":"#/definitions/Ipv4Address","description":"@default pools.mgmt + id"},"asn":{"$ref":"#/definitions/Asn","description":"@default asns.superspine"},"interfaces":{"$ref":"#/definitions/InterfaceSettings"}}},"SpineDevice":{"type":"object","additionalProperties":false,"required":["role","id","rack"],"description":"Spine: unnumbered eBGP to every leaf and edge, ECMP, BFD.","properties":{"role":{"const":"spine"},"id":{"$ref":"#/definitions/DeviceId"},"rack":{"$ref":"#/definitions/Name"},"description":{"$ref":"#/definitions/Text"},"mgmt":{"$ref":"#/definitions/Ipv4Address","description":"@default pools.mgmt + id"},"asn":{"$ref":"#/definitions/Asn","description":"@default asns.spine + pod - 1"},"interfaces":{"$ref":"#/definitions/InterfaceSettings"},"pod":{"type":"integer","minimum":1,"maximum":255,"description":"Pod of a 5-stage Clos. Leaves uplink to the spines of their pod. @default 1"},"uplinks":{"$ref":"#/definitions/Uplinks","description":"Cables to the super-spines (5-stage Clos only)."}}},"LeafDevice":{"type":"object","additionalProperties":false,"required":["role","id","rack","uplinks"],"description":"Leaf (top of rack). The leaves of one rack form its leaf pair; every host of the rack is cabled to both.","properties":{"role":{"const":"leaf"},"id":{"$ref":"#/definitions/DeviceId"},"rack":{"$ref":"#/definitions/Name"},"description":{"$ref":"#/definitions/Text"},"mgmt":{"$ref":"#/definitions/Ipv4Address","description":"@default pools.mgmt + id"},"asn":{"$ref":"#/definitions/Asn","description":"@default first of asns.pool + id"},"uplinks":{"$ref":"#/definitions/Uplinks"},"interfaces":{"$ref":"#/definitions/InterfaceSettings"},"pod":{"type":"integer","minimum":1,"maximum":255,"description":"Pod of a 5-stage Clos. Leaves uplink to the spines of their pod. @default 1"}}},"HypervisorDevice":{"type":"object","additionalProperties":false,"required":["role","id","rack","uplinks"],"description":"Hypervisor: FRR on the host (BGP to both leaves of its rack, loopback = VXLAN tunnel endpoint), OVS with a VXLAN tunnel to every other hypervisor for every tenant segment.","properties":{"role":{"const":"hypervisor"},"id":{"$ref":"#/definitions/DeviceId"},"rack":{"$ref":"#/definitions/Name"},"description":{"$ref":"#/definitions/Text"},"mgmt":{"$ref":"#/definitions/Ipv4Address","description":"@default pools.mgmt + id"},"asn":{"$ref":"#/definitions/Asn","description":"@default first of asns.pool + id"},"uplinks":{"$ref":"#/definitions/Uplinks"},"interfaces":{"$ref":"#/definitions/InterfaceSettings"}}},"StorageDevice":{"type":"object","additionalProperties":false,"required":["role","id","rack","uplinks"],"description":"Storage host: FRR on the host, BGP to both leaves of its rack, announces its loopback.","properties":{"role":{"const":"storage"},"id":{"$ref":"#/definitions/DeviceId"},"rack":{"$ref":"#/definitions/Name"},"description":{"$ref":"#/definitions/Text"},"mgmt":{"$ref":"#/definitions/Ipv4Address","description":"@default pools.mgmt + id"},"asn":{"$ref":"#/definitions/Asn","description":"@default first of asns.pool + id"},"uplinks":{"$ref":"#/definitions/Uplinks"},"interfaces":{"$ref":"#/definitions/InterfaceSettings"}}},"K8sNodeDevice":{"type":"object","additionalProperties":false,"required":["role","id","rack","cluster","uplinks"],"description":"Kubernetes node: a server dual-homed to its rack's leaf pair, whose cluster's BGP speaker (MetalLB or Cilium) announces the cluster's LoadBalancer IPs to both leaves. fabric configures the leaves and renders the cluster's resources; the node itself is the platform team's (nothing is pushed to it).","properties":{"role":{"const":"k8s-node"},"id":{"$ref":"#/definitions/DeviceId"},"rack":{"$ref":"#/definitions/Name"},"cluster":{"$ref":"#/definitions/Name","description":"The cluster it is a node of (`clusters.<name>`). Its name in the inventory is its Kubernetes node name (`kubernetes.io/hostname`)."},"description":{"$ref":"#/definitions/Text"},"mgmt":{"$ref":"#/definitions/Ipv4Address","description":"@default pools.mgmt + id"},"uplinks":{"$ref":"#/definitions/Uplinks"},"interfaces":{"$ref":"#/definitions/InterfaceSettings"}}},"VrouterDevice":{"type":"object","additionalProperties":false,"required":["role","id","host","tenant","nics"],"description":"A tenant's virtual router (a VM): BGP over its uplink to its hypervisor, VRRP gateway on the tenant segments.","properties":{"role":{"const":"vrouter"},"id":{"$ref":"#/definitions/DeviceId"},"host":{"$ref":"#/definitions/Name","description":"The hypervisor the VM runs on."},"tenant":{"$ref":"#/definitions/Name"},"description":{"$ref":"#/definitions/Text"},"mgmt":{"$ref":"#/definitions/Ipv4Address","description":"@default pools.mgmt + id"},"asn":{"$ref":"#/definitions/Asn","description":"@default first of asns.pool + id"},"nics":{"$ref":"#/definitions/Nics"}}},"L4lbDevice":{"type":"object","additionalProperties":false,"required":["role","id","host","tenant","nics"],"description":"L4 load balancer (a VM): keepalived VRRP for the service VIPs and IPVS virtual servers.","properties":{"role":{"const":"l4lb"},"id":{"$ref":"#/definitions/DeviceId"},"host":{"$ref":"#/definitions/Name"},"tenant":{"$ref":"#/definitions/Name"},"description":{"$ref":"#/definitions/Text"},"mgmt":{"$ref":"#/definitions/Ipv4Address","description":"@default pools.mgmt + id"},"nics":{"$ref":"#/definitions/Nics"}}},"L7lbDevice":{"type":"object","additionalProperties":false,"required":["role","id","host","tenant","nics"],"description":"L7 load balancer (a VM running HAProxy), a real server of the L4 pair.","properties":{"role":{"const":"l7lb"},"id":{"$ref":"#/definitions/DeviceId"},"host":{"$ref":"#/definitions/Name"},"tenant":{"$ref":"#/definitions/Name"},"description":{"$ref":"#/definitions/Text"},"mgmt":{"$ref":"#/definitions/Ipv4Address","description":"@default pools.mgmt + id"},"nics":{"$ref":"#/definitions/Nics"}}},"VmDevice":{"type":"object","additionalProperties":false,"required":["role","id","host","tenant","nics"],"description":"An application VM. fabric does not configure it; it places its NICs on the overlay and routes to it.","properties":{"role":{"const":"vm"},"id":{"$ref":"#/definitions/DeviceId"},"host":{"$ref":"#/definitions/Name"},"tenant":{"$ref":"#/definitions/Name"},"description":{"$ref":"#/definitions/Text"},"mgmt":{"$ref":"#/definitions/Ipv4Address","description":"@default pools.mgmt + id"},"nics":{"$ref":"#/definitions/Nics"}}},"Tenant":{"type":"object","additionalProperties":false,"required":["segments"],"properties":{"description":{"$ref":"#/definitions/Text"},"segments":{"type":"object","minProperties":1,"description":"Overlay segments (one VXLAN VNI each), by name.","propertyNames":{"$ref":"#/definitions/Name"},"additionalProperties":{"$ref":"#/definitions/Segment"}},"routers":{"$ref":"#/definitions/TenantRouters"},"l4":{"$ref":"#/definitions/TenantL4"},"l7":{"$ref":"#/definitions/TenantL7"},"data":{"type":"object","minProperties":1,"description":"The tenant's data services (Redis first; PostgreSQL and RabbitMQ later: docs/data-tier.md), by name. Clients reach each through its VIPs: `write` always the current primary, `read` the healthy replicas (the primary when none is left). The tenant's HAProxy pair (`l7.members`) checks which member holds which role (TCP mode, role-aware `tcp-check`) and sends each VIP's connections to the members that hold its role.","propertyNames":{"$ref":"#/definitions/Name"},"additionalProperties":{"$ref":"#/definitions/DataService"}},"sentinels":{"type":"object","additionalProperties":false,"description":"The tenant's Redis Sentinels: one on every member of its `redis` data services and one on each member of its HAProxy pair (docs/data-tier.md).","properties":{"auth":{"$ref":"#/definitions/SecretRef","description":"The Sentinels' own password (a secret: 16 to 128 characters of letters, digits and ._~+/=:@-, e.g. `openssl rand -base64 32`), one for all of the tenant's Sentinels: each gets it as `requirepass` (a client, `redis-cli` or HAProxy's role check must `AUTH` before asking or commanding it) and as `sentinel sentinel-pass` (what it sends the other Sentinels, which all have the same one). Never a data service's password: that would give the service's clients the failover of every other service. Without it the Sentinels answer anyone on the data segment, and the warning `sentinel-without-auth` says so when a `redis` service has a password."}}}}},"Segment":{"type":"object","additionalProperties":false,"required":["vni"],"properties":{"vni":{"type":"integer","minimum":1,"maximum":16777215,"description":"VXLAN network identifier, unique in the site. The local VLAN tag on br-int is derived from it."},"subnet":{"$ref":"#/definitions/Ipv4Prefix","description":"The segment's IPv4 subnet."},"subnet6":{"$ref":"#/definitions/Ipv6Prefix","description":"The segment's IPv6 subnet, usually a /64."},"description":{"$ref":"#/definitions/Text"}},"description":"A tenant segment: IPv4 (`subnet`), IPv6 (`subnet6`) or dual-stack (both); at least one of them."},"VrrpMember":{"type":"object","additionalProperties":false,"required":["device","priority"],"properties":{"device":{"$ref":"#/definitions/Name"},"priority":{"type":"integer","minimum":1,"maximum":254,"description":"VRRP priority; the member with the highest priority is the intended master."}}},"VrrpMembers":{"type":"array","minItems":1,"maxItems":2,"items":{"$ref":"#/definitions/VrrpMember"},"description":"The pair, e.g. `[{ device: vr1, priority: 150 }, { device: vr2, priority: 100 }]`."},"VrrpAddress":{"type":"object","additionalProperties":false,"required":["vrid"],"properties":{"vrid":{"type":"integer","minimum":1,"maximum":255,"description":"VRRP virtual router id, unique on its segment."},"address":{"$ref":"#/definitions/Ipv4Address","description":"The virtual IPv4 address, inside the segment's `subnet`; required on a segment with a `subnet`."},"address6":{"$ref":"#/definitions/Ipv6Address","description":"The virtual IPv6 address, inside the segment's `subnet6`; required on a segment with a `subnet6`."}},"description":"A VRRP virtual address per family the segment carries: `address` (IPv4) and/or `address6` (IPv6). keepalived holds each family in its own instance (`<name>` and `<name>_v6`, one family per instance) with the same `vrid`, both in the pair's sync group."},"TenantRouters":{"type":"object","additionalProperties":false,"required":["members","gateways"],"description":"The tenant's vRouter pair: the default gateway (a VRRP address) of each listed segment, and the routes to the tenant's segments in the fabric.","properties":{"members":{"$ref":"#/definitions/VrrpMembers"},"auth":{"$ref":"#/definitions/SecretRef","description":"VRRP authentication (PASS, at most 8 characters)."},"gateways":{"type":"object","minProperties":1,"description":"Gateway address per segment, by segment name.","propertyNames":{"$ref":"#/definitions/Name"},"additionalProperties":{"$ref":"#/definitions/VrrpAddress"}},"budget":{"type":"integer","minimum":0,"maximum":600000,"description":"Milliseconds: the failure budget of this vRouter pair (VRRP master failure), instead of the site's `budgets`."}}},"TenantL4":{"type":"object","additionalProperties":false,"required":["members","gateway","services"],"description":"The L4 load balancer pair: keepalived VRRP for every VIP plus IPVS virtual servers (NAT), and the real servers' gateway on the internal segment.","properties":{"members":{"$ref":"#/definitions/VrrpMembers"},"auth":{"$ref":"#/definitions/SecretRef"},"gateway":{"type":"object","additionalProperties":false,"required":["segment","vrid"],"description":"The real servers' default gateway (IPVS NAT needs the replies to come back through the balancer).","properties":{"segment":{"$ref":"#/definitions/Name"},"vrid":{"type":"integer","minimum":1,"maximum":255},"address":{"$ref":"#/definitions/Ipv4Address","description":"The real servers' IPv4 gateway; required on a segment with a `subnet`."},"address6":{"$ref":"#/definitions/Ipv6Address","description":"The real servers' IPv6 gateway; required on a segment with a `subnet6`: the L4 pair's IPv6 VRRP instance (`<tenant>_lb_gw_v6`), same `vrid`."}}},"services":{"type":"object","minProperties":1,"propertyNames":{"$ref":"#/definitions/Name"},"additionalProperties":{"$ref":"#/definitions/L4Service"}},"budget":{"type":"integer","minimum":0,"maximum":600000,"description":"Milliseconds: the failure budget of this L4 pair (VRRP master failure of its VIPs), instead of the site's `budgets`."}}},"L4Service":{"type":"object","additionalProperties":false,"required":["segment","vrid","ports","real_servers"],"properties":{"description":{"$ref":"#/definitions/Text"},"segment":{"$ref":"#/definitions/Name","description":"Segment that carries the VIP."},"vrid":{"type":"integer","minimum":1,"maximum":255},"address":{"$ref":"#/definitions/Ipv4Address","description":"The IPv4 VIP; at least one of `address` and `address6`."},"address6":{"$ref":"#/definitions/Ipv6Address","description":"The IPv6 VIP, on a segment with a `subnet6`: its own VRRP instance (`<tenant>_vip_<name>_v6`, same `vrid`), an IPVS `virtual_server` per port to the real servers' `address6` on the L4 gateway segment (IPVS NAT does not translate between families: that segment needs a `subnet6`), and HAProxy binds `[address6]:port` on the real servers."},"ports":{"type":"array","minItems":1,"uniqueItems":true,"items":{"type":"integer","minimum":1,"maximum":65535}},"real_servers":{"type":"array","minItems":1,"uniqueItems":true,"items":{"$ref":"#/definitions/Name"},"description":"Devices that serve the VIP; each is reached on its NIC in the L4 gateway's segment, same port."},"scheduler":{"enum":["rr","wrr","lc","wlc","sh"],"description":"IPVS scheduler. @default wrr"},"check":{"$ref":"#/definitions/HealthCheck"},"budget":{"type":"integer","minimum":0,"maximum":600000,"description":"Milliseconds: the failure budget of this service when one of its real servers fails (the health check's detection time), instead of the site's `budgets`."}}},"HealthCheck":{"type":"object","additionalProperties":false,"required":["kind"],"properties":{"kind":{"enum":["tcp","http"],"description":"`tcp`: a TCP connect to the server's port; `http`: an HTTP GET of `path` that must answer 200."},"path":{"type":"string","pattern":"^/[A-Za-z0-9._~/-]*$","errorMessage":"must be a URL path like /healthz","description":"`kind: http`: the path asked; with `kind: tcp` nothing asks it (the warning `check-path-unused`). @default /"},"interval":{"type":"number","minimum":0.01,"maximum":3600,"description":"Seconds between checks; fractions allowed. @default defaults.checks.interval"},"timeout":{"type":"number","minimum":0.01,"maximum":60,"description":"Seconds; fractions allowed. @default defaults.checks.timeout"}},"description":"How a service's servers are checked, every `interval` with `timeout` (@default defaults.checks). A backend's: by HAProxy, on the backend's port. An L4 service's: by keepalived, on the service's port, except that a real server that is fabric's HAProxy (an `l7lb`, the usual case) is always checked on its health frontend: an HTTP GET of `/fabric-health` on port 8404, which answers 200 only while one of its application servers is up (a TCP connect would only say that it listens; docs/timers-and-budgets.md). `kind` and `path` do not apply to it, and `kind: tcp` or another `path` there is the warning `l4-check-ignored`. Without `check`: a TCP connect with defaults.checks' timers."},"DataService":{"type":"object","additionalProperties":false,"required":["kind","members","vips"],"description":"A replicated data service, e.g. `cache: { kind: redis, members: [{ device: redis1, role: primary }, { device: redis2, role: replica }], vips: { cache-rw: { role: write, segment: data, address: 10.20.3.10, port: 6379 }, cache-ro: { role: read, segment: data, address: 10.20.3.11, port: 6380 } } }`.","properties":{"description":{"$ref":"#/definitions/Text"},"kind":{"enum":["redis","postgres","rabbitmq"],"errorMessage":"must be redis, postgres or rabbitmq, e.g. kind: postgres","description":"What the members run: `redis` (a primary and its replicas, Redis Sentinel; the role is read from `INFO replication`), `postgres` (PostgreSQL 15 with streaming replicas, Patroni with etcd on every member managing the roles, PgBouncer in front of each member's PostgreSQL; the role is read from Patroni's REST API `/primary` and `/replica`), or `rabbitmq` (a RabbitMQ 3.10 cluster, every member a `node`: the workers' queues are quorum queues replicated on every node, so any node serves any queue and the AMQP VIP spreads over every healthy node, checked through the management API's `/api/health/checks/local-alarms`)."},"port":{"type":"integer","minimum":1,"maximum":65535,"description":"The port the members serve on, the port of HAProxy's servers: Redis's, PgBouncer's for `postgres`, AMQP's for `rabbitmq`. @default 6379 (redis), 6432 (postgres), 5672 (rabbitmq)"},"auth":{"$ref":"#/definitions/SecretRef","description":"`rabbitmq`: the password (a secret: 16 to 128 characters of letters, digits and ._~+/=@-) of the application's user (named as the service: it reads and writes every queue, declares none) and of the `monitoring` user HAProxy's checks log in as; required (`rabbitmq-without-auth`). `postgres`: the password (a secret: 16 to 128 characters of letters, digits and ._~+/=@-) of the application's login role (named as the service, through PgBouncer), of the superuser and of the replication and pg_rewind users; required (`postgres-without-auth`). `redis`: the service's password (a secret: 16 to 128 characters of letters, digits and ._~+/=:@-, e.g. `openssl rand -base64 32`). Every member gets it as `requirepass` (clients and the other members AUTH with it) and `masterauth` (a replica AUTHs to its primary; any member can become the primary), every Sentinel watching the service as `sentinel auth-pass`, and the HAProxy pair's role checks send `AUTH` with it first. Optional: without it the members run `protected-mode no` with no password, and the warning `data-without-auth` says so (docs/data-tier.md)."},"cookie":{"$ref":"#/definitions/SecretRef","description":"`rabbitmq` only: the Erlang cookie every node of the cluster shares (a secret: 20 to 255 letters and digits, e.g. `openssl rand -hex 32`), the nodes' and the CLI tools' only credential toward each other: whoever has it controls the nodes. Its own secret, never the application's password; required (`rabbitmq-without-cookie`)."},"workers":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/DataWorker"},"description":"`rabbitmq` only: the VMs that consume a queue of the service (the application's asynchronous workers: app → MQ → worker). Each queue named here is declared by fabric as a durable quorum queue; each worker gets its credentials file and a systemd unit running Debian's `amqp-consume` (amqp-tools) on the AMQP VIP."},"members":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/DataMember"},"description":"The VMs of the service (role `vm` of the tenant), each with the role it starts in. HAProxy reaches each on its NIC in a segment it shares with the HAProxy pair."},"vips":{"type":"object","minProperties":1,"propertyNames":{"$ref":"#/definitions/Name"},"additionalProperties":{"$ref":"#/definitions/DataVip"},"description":"The service's VIPs by name; the name is also the HAProxy `listen` section's."},"budget":{"type":"integer","minimum":0,"maximum":600000,"description":"Milliseconds: how long the write VIP may send to no primary after a promotion, instead of the site's `budgets.data`."}}},"DataMember":{"type":"object","additionalProperties":false,"required":["device","role"],"properties":{"device":{"$ref":"#/definitions/Name"},"role":{"enum":["primary","replica","node"],"errorMessage":"must be primary, replica or node, e.g. { device: redis1, role: primary }","description":"The role the member starts in. `redis` and `postgres`: one `primary`, the others `replica` (of the primary); a failover changes who holds which role, and HAProxy follows what the members say, not this. `rabbitmq`: every member is a `node` (no member has a role of its own)."}}},"DataWorker":{"type":"object","additionalProperties":false,"required":["device","queue"],"description":"A worker of a `rabbitmq` service, e.g. `{ device: worker1, queue: jobs }`.","properties":{"device":{"$ref":"#/definitions/Name","description":"The VM (role `vm` of the tenant) that runs the worker."},"queue":{"$ref":"#/definitions/Name","description":"The queue it consumes from (a durable quorum queue fabric declares)."},"prefetch":{"type":"integer","minimum":1,"maximum":1000,"description":"Messages the worker holds unacknowledged at once (`basic.qos` prefetch). @default 1"}}},"DataVip":{"type":"object","additionalProperties":false,"required":["role","segment","address","port"],"description":"One VIP of a data service: an address clients use and the port on it, with the members it reaches chosen by their current role. The tenant's HAProxy pair holds the address itself with keepalived VRRP on the VIP's segment (one instance per segment holding all the tenant's data VIPs there, `<tenant>_data_<segment>`; VRID: the highest the tenant's VRRP groups leave free on the segment; priorities from the pair's `members` order, 150 then 100; tracking HAProxy) and binds `address:port` (docs/data-tier.md); no IPVS, no route: put it on the clients' segment.","properties":{"role":{"enum":["write","read"],"errorMessage":"must be write or read, e.g. role: write","description":"`write`: the current primary only (`role:master`); for `rabbitmq`, every node that is healthy (all serve every queue). `read`: the replicas that are up (`role:slave`), and the primary as the `backup` server when none is; `rabbitmq` has none."},"segment":{"$ref":"#/definitions/Name","description":"The tenant segment that carries the VIP: one on which every member of the HAProxy pair has a NIC (`data-vip-off-proxy`), the one its clients are on (e.g. `app`)."},"address":{"$ref":"#/definitions/Ipv4Address","description":"The IPv4 VIP, a host address inside the segment's `subnet` (`address-outside-pool`, `not-a-host-address`), no device's address nor another VIP's (`duplicate-address`)."},"address6":{"$ref":"#/definitions/Ipv6Address","description":"The IPv6 VIP beside `address`, for clients on IPv6: a host address inside the segment's `subnet6`, no device's address nor another VIP's. The HAProxy pair holds it in an IPv6 VRRP instance of its own (`<tenant>_data_<segment>_v6`, the same VRID, in one sync group with the IPv4 one, so both move together) and binds `[address6]:port` too; the members stay reached over IPv4."},"port":{"type":"integer","minimum":1,"maximum":65535,"description":"The port clients connect to, and the HAProxy pair's listening port for this VIP (it binds `address:port`): unique among the HAProxy pair's listeners, so a write and a read VIP use two ports (as in Patroni's HAProxy recipe, 5000 and 5001)."}}},"TenantL7":{"type":"object","additionalProperties":false,"required":["members","frontends","backends"],"description":"The HAProxy pair: TLS termination, routing to application backends, rate limits, health checks.","properties":{"members":{"type":"array","minItems":1,"uniqueItems":true,"items":{"$ref":"#/definitions/Name"}},"frontends":{"type":"object","minProperties":1,"propertyNames":{"$ref":"#/definitions/Name"},"additionalProperties":{"$ref":"#/definitions/Frontend"}},"backends":{"type":"object","minProperties":1,"propertyNames":{"$ref":"#/definitions/Name"},"additionalProperties":{"$ref":"#/definitions/Backend"}},"auth":{"$ref":"#/definitions/SecretRef","description":"VRRP authentication (PASS, at most 8 characters) of the pair's own VRRP, which holds the tenant's data VIPs (`data:` services); on a VRRPv2 site only (VRRPv3 has none, a finding). @default none"}}},"Frontend":{"type":"object","additionalProperties":false,"required":["default_backend"],"properties":{"http":{"type":"integer","minimum":1,"maximum":65535,"description":"Plain HTTP port. @default 80"},"https":{"type":"integer","minimum":1,"maximum":65535,"description":"TLS port. @default 443"},"certificate":{"$ref":"#/definitions/SecretRef","description":"PEM bundle (certificate + key) for TLS termination. Without it the frontend serves plain HTTP only."},"rate_limit":{"type":"object","additionalProperties":false,"required":["requests","period"],"description":"Per client address; over the limit HAProxy answers 429.","properties":{"requests":{"type":"integer","minimum":1,"maximum":1000000},"period":{"type":"string","pattern":"^[1-9][0-9]{0,4}(s|m)$","errorMessage":"must be a duration in seconds or minutes, e.g. 10s"}}},"routes":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["path","backend"],"properties":{"path":{"type":"string","pattern":"^/[A-Za-z0-9._~/-]*$","errorMessage":"must be a URL path prefix like /api/"},"backend":{"$ref":"#/definitions/Name"}}},"description":"Path prefix routes, tried in order before `default_backend`."},"default_backend":{"$ref":"#/definitions/Name"}}},"Backend":{"type":"object","additionalProperties":false,"required":["servers","port"],"properties":{"servers":{"type":"array","minItems":1,"uniqueItems":true,"items":{"$ref":"#/definitions/Name"},"description":"Application VMs, reached on their NIC in a segment the HAProxy pair shares with them."},"port":{"type":"integer","minimum":1,"maximum":65535},"balance":{"enum":["roundrobin","leastconn","source"],"description":"@default roundrobin"},"check":{"$ref":"#/definitions/HealthCheck"},"response_timeout":{"type":"number","minimum":0.01,"maximum":3600,"description":"Seconds the application may take to answer a request (HAProxy `timeout server` of the backend). A GET, HEAD or OPTIONS request still waiting when its server dies silently is sent to another server after this long (`retry-on response-timeout`), so it is late by this much instead of lost; other methods are never retried once sent. Set it just above the application's slowest answer. @default 30"}}},"Cluster":{"type":"object","additionalProperties":false,"required":["asn","speaker","load_balancer_pools","pod_cidr","service_cidr"],"description":"A Kubernetes cluster on the fabric: one AS for all its nodes (each node its own eBGP session to each leaf of its rack), the LoadBalancer pools its speaker announces and nothing else, its pod and service CIDRs (checked for overlaps; not announced by a MetalLB speaker).","properties":{"description":{"$ref":"#/definitions/Text"},"asn":{"$ref":"#/definitions/Asn","description":"The cluster's AS: every node speaks it (MetalLB's `myASN`), the leaves' `remote-as` for the cluster's peer group. One AS per cluster, outside `asns.pool`'s per-device numbers (a collision is the finding `asn-collision`)."},"speaker":{"enum":["metallb","cilium"],"description":"What announces the LoadBalancer IPs on the nodes: `metallb` (FRR mode: unnumbered sessions on the node's uplinks, with BFD) or `cilium` (Cilium's BGP control plane, GoBGP: numbered sessions on `node_links`, no BFD, announces each node's pod CIDR too). docs/kubernetes.md compares them.","errorMessage":"must be metallb or cilium, e.g. speaker: metallb"},"load_balancer_pools":{"type":"array","minItems":1,"uniqueItems":true,"items":{"$ref":"#/definitions/Ipv4Prefix"},"description":"IPv4 LoadBalancer pools (MetalLB `IPAddressPool`, Cilium `CiliumLoadBalancerIPPool`): the only IPv4 prefixes the leaves accept from the cluster's nodes, each up to /32. A public pool must lie inside `prefixes.announce` to reach the upstreams."},"load_balancer_pools6":{"type":"array","minItems":1,"uniqueItems":true,"items":{"$ref":"#/definitions/Ipv6Prefix"},"description":"IPv6 LoadBalancer pools, accepted up to /128 (needs `pools.loopback6`: IPv6 runs on the fabric's sessions only on a site with IPv6). Not with `cilium` (its sessions here are IPv4). @default none"},"pod_cidr":{"$ref":"#/definitions/Ipv4Prefix","description":"The cluster's pod CIDR (`--cluster-cidr`): checked for overlaps with the fabric; never accepted from a MetalLB speaker, accepted from a Cilium node as one `pod_cidr_mask` block per node."},"service_cidr":{"$ref":"#/definitions/Ipv4Prefix","description":"The cluster's service CIDR (`--service-cluster-ip-range`): checked for overlaps, never routed by the fabric."},"pod_cidr_mask":{"type":"integer","minimum":16,"maximum":28,"description":"`cilium` only: the size of each node's pod CIDR (Cilium's `clusterPoolIPv4MaskSize`, Kubernetes' `--node-cidr-mask-size`). The leaves accept from a node exactly one prefix of this length inside `pod_cidr`. @default 24","errorMessage":"must be an integer from 16 to 28, e.g. pod_cidr_mask: 24"},"node_links":{"$ref":"#/definitions/Ipv4Prefix","description":"`cilium` only, and required with it: the pool of the numbered /31s of the nodes' cables to their leaves (Cilium peers by address, it has no unnumbered peers). Numbered by the node's id, as loopbacks are network + id: node id N has the /31s number 2N and 2N + 1 (its cables in port order), so adding or removing a node moves no other node's addresses; the leaf's end is the even address, the node's the odd one."},"maximum_prefix":{"type":"integer","minimum":1,"maximum":100000,"description":"`neighbor <group> maximum-prefix` on the leaves, per node session and family: a node announcing more is torn down. @default 1000","errorMessage":"must be an integer from 1 to 100000, e.g. maximum_prefix: 1000"},"budget":{"type":"integer","minimum":0,"maximum":600000,"description":"Milliseconds: the failure budget of one of this cluster's nodes (its leaves withdraw its routes), instead of the site's `budgets.fabric`. A Cilium cluster needs one of 3100 at least: without BFD a silent node is noticed by the BGP hold timer (3 s, Cilium's shortest)."}}},"Budgets":{"type":"object","additionalProperties":false,"description":"Failure budgets of the site: the worst outage its users accept when one part fails. Compile computes each redundancy group's and service's expected worst-case outage from the timers it renders; a timer that cannot meet its budget is a finding (`budget-exceeded`). A tenant's `routers.budget`, `l4.budget` an L4 service's and a data service's `budget` override these for one group or service.","properties":{"fabric":{"type":"integer","minimum":0,"maximum":600000,"description":"Milliseconds of lost traffic when one fabric node (super-spine, spine, leaf, storage host) or one cable fails: BFD detection plus the routing reaction. @default 350"},"edge":{"type":"integer","minimum":0,"maximum":600000,"description":"Milliseconds of lost traffic from the internet when one edge router fails: its upstream sees it only through the upstream session's BFD (`defaults.bfd.upstream`, agreed with the ISP), so the slower of that and the fabric's BFD, plus the routing reaction. @default 1000"},"gateway":{"type":"integer","minimum":0,"maximum":600000,"description":"Milliseconds without a tenant gateway when the master of its vRouter pair fails: VRRP master-down time. @default 1000"},"vip":{"type":"integer","minimum":0,"maximum":600000,"description":"Milliseconds without a service VIP when the master of the L4 pair fails: VRRP master-down time. @default 1000"},"haproxy":{"type":"integer","minimum":0,"maximum":600000,"description":"Milliseconds of failed requests when one HAProxy (a real server of the L4 VIP) fails: the L4 health check's detection time. @default 1000"},"app_server":{"type":"integer","minimum":0,"maximum":1000000,"description":"Requests that may fail when one application server fails (HAProxy retries on another server). @default 0"},"hypervisor":{"type":"integer","minimum":0,"maximum":600000,"description":"Milliseconds of outage of any service when one hypervisor fails with its VMs: the slowest failover among the groups with a member on it, and its routes. @default 1000"},"data":{"type":"integer","minimum":0,"maximum":600000,"description":"Milliseconds during which the write VIP of a data service sends to no primary after a promotion: HAProxy's role-aware checks see the old primary leave and the new one arrive (docs/data-tier.md). @default 5000"}}},"DnsName":{"type":"string","description":"A DNS name in lower case, without the final dot: labels of letters, digits and '-', e.g. `shop.example`.","maxLength":200,"pattern":"^(?=.{1,200}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$","errorMessage":"must be a lower-case DNS name of labels of letters, digits and '-' separated by dots, without the final dot, e.g. shop.example"},"Gslb":{"type":"object","additionalProperties":false,"required":["zones","services"],"description":"Services that span sites, answered by GSLB DNS (docs/active-active.md). Fabric-wide, not a site's: `gslb` is given in one file of the inventory, which may name no site. Each zone is served by DNS servers (VMs of the sites, one per site) running gdnsd; each service's name answers the VIPs of the sites whose health check passes.","properties":{"zones":{"type":"object","minProperties":1,"propertyNames":{"$ref":"#/definitions/DnsName"},"additionalProperties":{"$ref":"#/definitions/GslbZone"},"description":"DNS zones served by fabric's GSLB servers, by name (e.g. `shop.example`)."},"services":{"type":"object","minProperties":1,"propertyNames":{"$ref":"#/definitions/Name"},"additionalProperties":{"$ref":"#/definitions/GslbService"},"description":"Services offered by several sites, by name; the name is the service's label in its zone unless `host` says otherwise."}}},"GslbZone":{"type":"object","additionalProperties":false,"required":["servers"],"properties":{"servers":{"type":"object","minProperties":1,"propertyNames":{"$ref":"#/definitions/Name"},"additionalProperties":{"$ref":"#/definitions/Name"},"description":"The zone's DNS servers: site name → a VM of that site (`role: vm`) that runs gdnsd for it, one per site. Each listens on its NICs' addresses (port 53) and is the zone's name server `ns-<site>.<zone>`. One site only is a finding (`gslb-single-server`)."},"ttl":{"type":"integer","minimum":60,"maximum":86400,"description":"Seconds: the TTL of the zone's static records (SOA, NS, glue) and its negative-answer TTL. @default 300"}}},"GslbService":{"type":"object","additionalProperties":false,"required":["zone","sites"],"properties":{"description":{"$ref":"#/definitions/Text"},"zone":{"$ref":"#/definitions/DnsName","description":"The zone (a key of `gslb.zones`) that answers the service's name."},"host":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","errorMessage":"must be one DNS label of lower-case letters, digits and '-', e.g. www","description":"Its label in the zone. @default the service's name"},"ttl":{"type":"integer","minimum":1,"maximum":3600,"description":"Seconds: the TTL of the service's answers (gdnsd halves it while a site is down). @default 30"},"sites":{"type":"object","minProperties":1,"propertyNames":{"$ref":"#/definitions/Name"},"additionalProperties":{"$ref":"#/definitions/GslbSite"},"description":"Site name → where the site serves it: a tenant and one of its L4 services (the VIP). A service offered by one site only is a finding (`gslb-single-site`)."},"check":{"$ref":"#/definitions/GslbCheck"},"budget":{"type":"integer","minimum":0,"maximum":3600000,"description":"Milliseconds: the longest the DNS answer may keep a site's VIP after the site stopped serving (the health check's detection time: `fall` × `interval` + `timeout`); above it is a finding (`budget-exceeded`). @default 10000"},"anycast":{"$ref":"#/definitions/GslbAnycast"}}},"GslbAnycast":{"type":"object","additionalProperties":false,"description":"Health-following route injection (docs/active-active.md, \"Anycast: the L4 side\"): each L4 member of the service's tenant, in each of its sites, runs FRR and announces the VIP as a host route to the tenant's vRouters (eBGP, BFD) only while it is the VRRP master of the VIP and each of the VIP's virtual servers (ports) has `quorum` healthy real servers. Without this section the L4 pairs announce nothing. IPv4 only for now: the IPv6 VIP is held under the same quorum but not announced.","properties":{"quorum":{"type":"integer","minimum":1,"maximum":1000,"description":"Healthy real servers (keepalived's `quorum`: the sum of their weights, 1 each) each virtual server of the VIP needs for the VIP to be announced; at most each site's count of `real_servers` (`anycast-quorum-unreachable`). @default 1"},"budget":{"type":"integer","minimum":0,"maximum":600000,"description":"Milliseconds for an L4 member to stop announcing the VIP once it cannot serve it (its real servers down, keepalived killed, the VM silent); compile predicts each (`device.anycast`); the slowest above it is a finding (`budget-exceeded`). @default 3000"},"prefix":{"$ref":"#/definitions/Ipv4Prefix","description":"The site-independent service prefix (docs/active-active.md, \"Anycast: the edges\"): the same in every site of the service, and every site's VIP of the service inside it (the same address in each site makes it anycast). The VIP host routes travel from the L4 members through the vRouters, hypervisors and leaves to the edges, and each edge announces this prefix upstream as a BGP aggregate whose only contributors are those host routes: only while at least one VIP inside it is alive in its site. It must overlap none of a site's `prefixes.announce`, pools, segments, peering links or lab prefixes (`anycast-prefix-overlap`). Without it the VIP host routes stop at the vRouters."}}},"GslbSite":{"type":"object","additionalProperties":false,"required":["tenant","vip"],"properties":{"tenant":{"$ref":"#/definitions/Name","description":"The site's tenant that serves it."},"vip":{"$ref":"#/definitions/Name","description":"An L4 service of that tenant (`tenants.<t>.l4.services.<vip>`): its `address` answers A queries, its `address6` AAAA queries. Each address must be inside the site's `prefixes.announce` / `announce6` (else `gslb-vip-not-announced`)."}}},"GslbCheck":{"type":"object","additionalProperties":false,"description":"How the DNS servers check each site's VIP (gdnsd's http_status monitor: an HTTP GET that must answer 200). gdnsd counts in whole seconds, so the site's sub-second `defaults.checks` do not apply; the defaults are documented here and in docs/active-active.md.","properties":{"path":{"type":"string","pattern":"^/[A-Za-z0-9._~/-]*$","errorMessage":"must be a URL path like /healthz","description":"URL path fetched from each VIP. @default /"},"port":{"type":"integer","minimum":1,"maximum":65535,"description":"TCP port of the VIP in every site: one of each site's VIP `ports` that its HAProxy pair serves in plain HTTP (gdnsd's check speaks no TLS). @default 80 if every site's VIP serves it, else the lowest plain HTTP port they all serve"},"interval":{"type":"integer","minimum":2,"maximum":255,"description":"Seconds between checks of each VIP. @default 2"},"timeout":{"type":"integer","minimum":1,"maximum":254,"description":"Seconds a check may take; less than `interval`. @default 1"},"fall":{"type":"integer","minimum":1,"maximum":100,"description":"Failed checks that take a VIP out of the answer (gdnsd `down_thresh`). @default 2"},"rise":{"type":"integer","minimum":1,"maximum":100,"description":"Checks in a row that must pass before a VIP is answered again (gdnsd `up_thresh`): the hold-down against flapping. @default 3"}}}},"if":{"properties":{"gslb":false}},"then":{"properties":{"site":{"$ref":"#/definitions/Name"}},"required":["site"]}};
const schema17 = {"type":"string","pattern":"^[a-z][a-z0-9-]{0,30}$","errorMessage":"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a"};
const schema19 = {"type":"string","description":"Free text that may reach a config file as a description: letters, digits, spaces and `.,:/()_+@=-` only, so that it can never start a comment or a new config line.","maxLength":80,"pattern":"^[A-Za-z0-9 .,:/()_+@=-]*$","errorMessage":"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt"};
const schema37 = {"type":"object","additionalProperties":false,"description":"Failure budgets of the site: the worst outage its users accept when one part fails. Compile computes each redundancy group's and service's expected worst-case outage from the timers it renders; a timer that cannot meet its budget is a finding (`budget-exceeded`). A tenant's `routers.budget`, `l4.budget` an L4 service's and a data service's `budget` override these for one group or service.","properties":{"fabric":{"type":"integer","minimum":0,"maximum":600000,"description":"Milliseconds of lost traffic when one fabric node (super-spine, spine, leaf, storage host) or one cable fails: BFD detection plus the routing reaction. @default 350"},"edge":{"type":"integer","minimum":0,"maximum":600000,"description":"Milliseconds of lost traffic from the internet when one edge router fails: its upstream sees it only through the upstream session's BFD (`defaults.bfd.upstream`, agreed with the ISP), so the slower of that and the fabric's BFD, plus the routing reaction. @default 1000"},"gateway":{"type":"integer","minimum":0,"maximum":600000,"description":"Milliseconds without a tenant gateway when the master of its vRouter pair fails: VRRP master-down time. @default 1000"},"vip":{"type":"integer","minimum":0,"maximum":600000,"description":"Milliseconds without a service VIP when the master of the L4 pair fails: VRRP master-down time. @default 1000"},"haproxy":{"type":"integer","minimum":0,"maximum":600000,"description":"Milliseconds of failed requests when one HAProxy (a real server of the L4 VIP) fails: the L4 health check's detection time. @default 1000"},"app_server":{"type":"integer","minimum":0,"maximum":1000000,"description":"Requests that may fail when one application server fails (HAProxy retries on another server). @default 0"},"hypervisor":{"type":"integer","minimum":0,"maximum":600000,"description":"Milliseconds of outage of any service when one hypervisor fails with its VMs: the slowest failover among the groups with a member on it, and its routes. @default 1000"},"data":{"type":"integer","minimum":0,"maximum":600000,"description":"Milliseconds during which the write VIP of a data service sends to no primary after a promotion: HAProxy's role-aware checks see the old primary leave and the new one arrive (docs/data-tier.md). @default 5000"}}};
const pattern0 = new RegExp("^[a-z][a-z0-9-]{0,30}$", "u");
const pattern2 = new RegExp("^[A-Za-z0-9 .,:/()_+@=-]*$", "u");
const func2 = Object.prototype.hasOwnProperty;
const func3 = require("ajv/dist/runtime/ucs2length").default;
const schema20 = {"type":"object","additionalProperties":false,"required":["edge","spine","pool"],"description":"AS numbers. The edge pair shares `edge` (the site's own AS towards the upstreams); the spines of a pod share `spine` + pod - 1 (RFC 7938 section 5.2.1); super-spines share `superspine`; every leaf, hypervisor, storage host and vRouter gets its own: first of `pool` + device id.","properties":{"edge":{"$ref":"#/definitions/Asn"},"spine":{"$ref":"#/definitions/Asn"},"pool":{"$ref":"#/definitions/AsnRange"},"superspine":{"$ref":"#/definitions/Asn","description":"AS number shared by the super-spine plane (5-stage Clos, RFC 7938 section 3.2). Required when the site has super-spines."}}};
const schema21 = {"type":"integer","minimum":1,"maximum":4294967294,"errorMessage":"must be an AS number from 1 to 4294967294, e.g. 65001"};
const schema23 = {"type":"string","pattern":"^[0-9]{1,10}-[0-9]{1,10}$","description":"An inclusive range of AS numbers, `first-last`.","errorMessage":"must be an AS number range first-last, e.g. 65200-65499"};
const pattern3 = new RegExp("^[0-9]{1,10}-[0-9]{1,10}$", "u");

function validate15(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.edge === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "edge"},message:"must have required property '"+"edge"+"'",schema:schema20.required,parentSchema:schema20,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.spine === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "spine"},message:"must have required property '"+"spine"+"'",schema:schema20.required,parentSchema:schema20,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.pool === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "pool"},message:"must have required property '"+"pool"+"'",schema:schema20.required,parentSchema:schema20,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "edge") || (key0 === "spine")) || (key0 === "pool")) || (key0 === "superspine"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema20,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.edge !== undefined){
let data0 = data.edge;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err4 = {instancePath:instancePath+"/edge",schemaPath:"#/definitions/Asn/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema21.type,parentSchema:schema21,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 4294967294 || isNaN(data0)){
const err5 = {instancePath:instancePath+"/edge",schemaPath:"#/definitions/Asn/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967294},message:"must be <= 4294967294",schema:4294967294,parentSchema:schema21,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data0 < 1 || isNaN(data0)){
const err6 = {instancePath:instancePath+"/edge",schemaPath:"#/definitions/Asn/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema21,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(errors > 0){
const emErrs0 = [];
for(const err7 of vErrors){
if(((((err7.keyword !== "errorMessage") && (!err7.emUsed)) && ((err7.instancePath === instancePath+"/edge") || ((err7.instancePath.indexOf(instancePath+"/edge") === 0) && (err7.instancePath[instancePath+"/edge".length] === "/")))) && (err7.schemaPath.indexOf("#/definitions/Asn") === 0)) && (err7.schemaPath["#/definitions/Asn".length] === "/")){
emErrs0.push(err7);
err7.emUsed = true;
}
}
if(emErrs0.length){
const err8 = {instancePath:instancePath+"/edge",schemaPath:"#/definitions/Asn/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be an AS number from 1 to 4294967294, e.g. 65001",schema:"must be an AS number from 1 to 4294967294, e.g. 65001",parentSchema:schema21,data:data0};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
const emErrs1 = [];
for(const err9 of vErrors){
if(!err9.emUsed){
emErrs1.push(err9);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
if(data.spine !== undefined){
let data1 = data.spine;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err10 = {instancePath:instancePath+"/spine",schemaPath:"#/definitions/Asn/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema21.type,parentSchema:schema21,data:data1};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 4294967294 || isNaN(data1)){
const err11 = {instancePath:instancePath+"/spine",schemaPath:"#/definitions/Asn/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967294},message:"must be <= 4294967294",schema:4294967294,parentSchema:schema21,data:data1};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data1 < 1 || isNaN(data1)){
const err12 = {instancePath:instancePath+"/spine",schemaPath:"#/definitions/Asn/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema21,data:data1};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(errors > 0){
const emErrs2 = [];
for(const err13 of vErrors){
if(((((err13.keyword !== "errorMessage") && (!err13.emUsed)) && ((err13.instancePath === instancePath+"/spine") || ((err13.instancePath.indexOf(instancePath+"/spine") === 0) && (err13.instancePath[instancePath+"/spine".length] === "/")))) && (err13.schemaPath.indexOf("#/definitions/Asn") === 0)) && (err13.schemaPath["#/definitions/Asn".length] === "/")){
emErrs2.push(err13);
err13.emUsed = true;
}
}
if(emErrs2.length){
const err14 = {instancePath:instancePath+"/spine",schemaPath:"#/definitions/Asn/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be an AS number from 1 to 4294967294, e.g. 65001",schema:"must be an AS number from 1 to 4294967294, e.g. 65001",parentSchema:schema21,data:data1};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
const emErrs3 = [];
for(const err15 of vErrors){
if(!err15.emUsed){
emErrs3.push(err15);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
}
if(data.pool !== undefined){
let data2 = data.pool;
if(typeof data2 === "string"){
if(!pattern3.test(data2)){
const err16 = {instancePath:instancePath+"/pool",schemaPath:"#/definitions/AsnRange/pattern",keyword:"pattern",params:{pattern: "^[0-9]{1,10}-[0-9]{1,10}$"},message:"must match pattern \""+"^[0-9]{1,10}-[0-9]{1,10}$"+"\"",schema:"^[0-9]{1,10}-[0-9]{1,10}$",parentSchema:schema23,data:data2};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/pool",schemaPath:"#/definitions/AsnRange/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.type,parentSchema:schema23,data:data2};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(errors > 0){
const emErrs4 = [];
for(const err18 of vErrors){
if(((((err18.keyword !== "errorMessage") && (!err18.emUsed)) && ((err18.instancePath === instancePath+"/pool") || ((err18.instancePath.indexOf(instancePath+"/pool") === 0) && (err18.instancePath[instancePath+"/pool".length] === "/")))) && (err18.schemaPath.indexOf("#/definitions/AsnRange") === 0)) && (err18.schemaPath["#/definitions/AsnRange".length] === "/")){
emErrs4.push(err18);
err18.emUsed = true;
}
}
if(emErrs4.length){
const err19 = {instancePath:instancePath+"/pool",schemaPath:"#/definitions/AsnRange/errorMessage",keyword:"errorMessage",params:{errors: emErrs4},message:"must be an AS number range first-last, e.g. 65200-65499",schema:"must be an AS number range first-last, e.g. 65200-65499",parentSchema:schema23,data:data2};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
const emErrs5 = [];
for(const err20 of vErrors){
if(!err20.emUsed){
emErrs5.push(err20);
}
}
vErrors = emErrs5;
errors = emErrs5.length;
}
}
if(data.superspine !== undefined){
let data3 = data.superspine;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err21 = {instancePath:instancePath+"/superspine",schemaPath:"#/definitions/Asn/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema21.type,parentSchema:schema21,data:data3};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 > 4294967294 || isNaN(data3)){
const err22 = {instancePath:instancePath+"/superspine",schemaPath:"#/definitions/Asn/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967294},message:"must be <= 4294967294",schema:4294967294,parentSchema:schema21,data:data3};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data3 < 1 || isNaN(data3)){
const err23 = {instancePath:instancePath+"/superspine",schemaPath:"#/definitions/Asn/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema21,data:data3};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(errors > 0){
const emErrs6 = [];
for(const err24 of vErrors){
if(((((err24.keyword !== "errorMessage") && (!err24.emUsed)) && ((err24.instancePath === instancePath+"/superspine") || ((err24.instancePath.indexOf(instancePath+"/superspine") === 0) && (err24.instancePath[instancePath+"/superspine".length] === "/")))) && (err24.schemaPath.indexOf("#/definitions/Asn") === 0)) && (err24.schemaPath["#/definitions/Asn".length] === "/")){
emErrs6.push(err24);
err24.emUsed = true;
}
}
if(emErrs6.length){
const err25 = {instancePath:instancePath+"/superspine",schemaPath:"#/definitions/Asn/errorMessage",keyword:"errorMessage",params:{errors: emErrs6},message:"must be an AS number from 1 to 4294967294, e.g. 65001",schema:"must be an AS number from 1 to 4294967294, e.g. 65001",parentSchema:schema21,data:data3};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
const emErrs7 = [];
for(const err26 of vErrors){
if(!err26.emUsed){
emErrs7.push(err26);
}
}
vErrors = emErrs7;
errors = emErrs7.length;
}
}
}
else {
const err27 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema20.type,parentSchema:schema20,data};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
validate15.errors = vErrors;
return errors === 0;
}

const schema25 = {"type":"object","additionalProperties":false,"required":["loopback","mgmt"],"description":"Address pools. Each device's address in a pool is the pool's network address + device id. `loopback6` and `mgmt6` are the optional IPv6 counterparts of `loopback` and `mgmt`.","properties":{"loopback":{"$ref":"#/definitions/Ipv4Prefix","description":"Loopbacks (/32), also router-id and, on hypervisors, the VXLAN tunnel endpoint: network + id."},"mgmt":{"$ref":"#/definitions/Ipv4Prefix","description":"Out-of-band management, used by push and drift to reach each device over SSH: network + id. The first address is the management gateway."},"loopback6":{"$ref":"#/definitions/Ipv6Prefix","description":"IPv6 loopbacks (/128) of every device with a `loopback`, beside the IPv4 one: network + id, as for `loopback`. Without it the fabric's loopbacks are IPv4 only. The router-id and the VXLAN tunnel endpoints stay IPv4."},"mgmt6":{"$ref":"#/definitions/Ipv6Prefix","description":"IPv6 out-of-band management of every device, beside its `mgmt` address: network + id, as for `mgmt` (a device that sets `mgmt` still derives this one). snmpd answers the NOC on it too. Push and drift still reach devices on `mgmt`. In the lab each node has it on eth0 (`mgmt-ipv6`), beside its IPv4 management address; the host's end of the lab's management network stays IPv4. Without it management is IPv4 only."}}};
const schema26 = {"type":"string","pattern":"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$","errorMessage":"must be an IPv4 prefix like 10.1.0.0/24"};
const schema28 = {"type":"string","maxLength":49,"pattern":"^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$","description":"An IPv6 prefix, `address/length`; fabric prints it in RFC 5952 form.","errorMessage":"must be an IPv6 prefix like 2001:db8:1::/64"};
const pattern4 = new RegExp("^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$", "u");
const pattern6 = new RegExp("^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$", "u");

function validate17(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.loopback === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "loopback"},message:"must have required property '"+"loopback"+"'",schema:schema25.required,parentSchema:schema25,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.mgmt === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "mgmt"},message:"must have required property '"+"mgmt"+"'",schema:schema25.required,parentSchema:schema25,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "loopback") || (key0 === "mgmt")) || (key0 === "loopback6")) || (key0 === "mgmt6"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema25,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.loopback !== undefined){
let data0 = data.loopback;
if(typeof data0 === "string"){
if(!pattern4.test(data0)){
const err3 = {instancePath:instancePath+"/loopback",schemaPath:"#/definitions/Ipv4Prefix/pattern",keyword:"pattern",params:{pattern: "^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$"},message:"must match pattern \""+"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$"+"\"",schema:"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$",parentSchema:schema26,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/loopback",schemaPath:"#/definitions/Ipv4Prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.type,parentSchema:schema26,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(errors > 0){
const emErrs0 = [];
for(const err5 of vErrors){
if(((((err5.keyword !== "errorMessage") && (!err5.emUsed)) && ((err5.instancePath === instancePath+"/loopback") || ((err5.instancePath.indexOf(instancePath+"/loopback") === 0) && (err5.instancePath[instancePath+"/loopback".length] === "/")))) && (err5.schemaPath.indexOf("#/definitions/Ipv4Prefix") === 0)) && (err5.schemaPath["#/definitions/Ipv4Prefix".length] === "/")){
emErrs0.push(err5);
err5.emUsed = true;
}
}
if(emErrs0.length){
const err6 = {instancePath:instancePath+"/loopback",schemaPath:"#/definitions/Ipv4Prefix/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be an IPv4 prefix like 10.1.0.0/24",schema:"must be an IPv4 prefix like 10.1.0.0/24",parentSchema:schema26,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
const emErrs1 = [];
for(const err7 of vErrors){
if(!err7.emUsed){
emErrs1.push(err7);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
if(data.mgmt !== undefined){
let data1 = data.mgmt;
if(typeof data1 === "string"){
if(!pattern4.test(data1)){
const err8 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Prefix/pattern",keyword:"pattern",params:{pattern: "^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$"},message:"must match pattern \""+"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$"+"\"",schema:"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$",parentSchema:schema26,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.type,parentSchema:schema26,data:data1};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err10 of vErrors){
if(((((err10.keyword !== "errorMessage") && (!err10.emUsed)) && ((err10.instancePath === instancePath+"/mgmt") || ((err10.instancePath.indexOf(instancePath+"/mgmt") === 0) && (err10.instancePath[instancePath+"/mgmt".length] === "/")))) && (err10.schemaPath.indexOf("#/definitions/Ipv4Prefix") === 0)) && (err10.schemaPath["#/definitions/Ipv4Prefix".length] === "/")){
emErrs2.push(err10);
err10.emUsed = true;
}
}
if(emErrs2.length){
const err11 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Prefix/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be an IPv4 prefix like 10.1.0.0/24",schema:"must be an IPv4 prefix like 10.1.0.0/24",parentSchema:schema26,data:data1};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
const emErrs3 = [];
for(const err12 of vErrors){
if(!err12.emUsed){
emErrs3.push(err12);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
}
if(data.loopback6 !== undefined){
let data2 = data.loopback6;
if(typeof data2 === "string"){
if(func3(data2) > 49){
const err13 = {instancePath:instancePath+"/loopback6",schemaPath:"#/definitions/Ipv6Prefix/maxLength",keyword:"maxLength",params:{limit: 49},message:"must NOT have more than 49 characters",schema:49,parentSchema:schema28,data:data2};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(!pattern6.test(data2)){
const err14 = {instancePath:instancePath+"/loopback6",schemaPath:"#/definitions/Ipv6Prefix/pattern",keyword:"pattern",params:{pattern: "^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$"},message:"must match pattern \""+"^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$"+"\"",schema:"^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$",parentSchema:schema28,data:data2};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/loopback6",schemaPath:"#/definitions/Ipv6Prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.type,parentSchema:schema28,data:data2};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(errors > 0){
const emErrs4 = [];
for(const err16 of vErrors){
if(((((err16.keyword !== "errorMessage") && (!err16.emUsed)) && ((err16.instancePath === instancePath+"/loopback6") || ((err16.instancePath.indexOf(instancePath+"/loopback6") === 0) && (err16.instancePath[instancePath+"/loopback6".length] === "/")))) && (err16.schemaPath.indexOf("#/definitions/Ipv6Prefix") === 0)) && (err16.schemaPath["#/definitions/Ipv6Prefix".length] === "/")){
emErrs4.push(err16);
err16.emUsed = true;
}
}
if(emErrs4.length){
const err17 = {instancePath:instancePath+"/loopback6",schemaPath:"#/definitions/Ipv6Prefix/errorMessage",keyword:"errorMessage",params:{errors: emErrs4},message:"must be an IPv6 prefix like 2001:db8:1::/64",schema:"must be an IPv6 prefix like 2001:db8:1::/64",parentSchema:schema28,data:data2};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
const emErrs5 = [];
for(const err18 of vErrors){
if(!err18.emUsed){
emErrs5.push(err18);
}
}
vErrors = emErrs5;
errors = emErrs5.length;
}
}
if(data.mgmt6 !== undefined){
let data3 = data.mgmt6;
if(typeof data3 === "string"){
if(func3(data3) > 49){
const err19 = {instancePath:instancePath+"/mgmt6",schemaPath:"#/definitions/Ipv6Prefix/maxLength",keyword:"maxLength",params:{limit: 49},message:"must NOT have more than 49 characters",schema:49,parentSchema:schema28,data:data3};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(!pattern6.test(data3)){
const err20 = {instancePath:instancePath+"/mgmt6",schemaPath:"#/definitions/Ipv6Prefix/pattern",keyword:"pattern",params:{pattern: "^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$"},message:"must match pattern \""+"^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$"+"\"",schema:"^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$",parentSchema:schema28,data:data3};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/mgmt6",schemaPath:"#/definitions/Ipv6Prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.type,parentSchema:schema28,data:data3};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(errors > 0){
const emErrs6 = [];
for(const err22 of vErrors){
if(((((err22.keyword !== "errorMessage") && (!err22.emUsed)) && ((err22.instancePath === instancePath+"/mgmt6") || ((err22.instancePath.indexOf(instancePath+"/mgmt6") === 0) && (err22.instancePath[instancePath+"/mgmt6".length] === "/")))) && (err22.schemaPath.indexOf("#/definitions/Ipv6Prefix") === 0)) && (err22.schemaPath["#/definitions/Ipv6Prefix".length] === "/")){
emErrs6.push(err22);
err22.emUsed = true;
}
}
if(emErrs6.length){
const err23 = {instancePath:instancePath+"/mgmt6",schemaPath:"#/definitions/Ipv6Prefix/errorMessage",keyword:"errorMessage",params:{errors: emErrs6},message:"must be an IPv6 prefix like 2001:db8:1::/64",schema:"must be an IPv6 prefix like 2001:db8:1::/64",parentSchema:schema28,data:data3};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
const emErrs7 = [];
for(const err24 of vErrors){
if(!err24.emUsed){
emErrs7.push(err24);
}
}
vErrors = emErrs7;
errors = emErrs7.length;
}
}
}
else {
const err25 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema25.type,parentSchema:schema25,data};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
validate17.errors = vErrors;
return errors === 0;
}

const schema30 = {"type":"object","additionalProperties":false,"required":["announce"],"properties":{"announce":{"type":"array","minItems":1,"uniqueItems":true,"items":{"$ref":"#/definitions/Ipv4Prefix"},"description":"The site's public prefixes: the only prefixes the edges announce to the upstreams. One that holds a segment or loopback of the site is a BGP aggregate: announced only while the edge has a route inside it."},"announce6":{"type":"array","minItems":1,"uniqueItems":true,"items":{"$ref":"#/definitions/Ipv6Prefix"},"description":"The site's public IPv6 prefixes: the only IPv6 prefixes the edges announce to the upstreams (IPv6 sessions: `upstreams.<name>.address6`)."}}};
const func0 = require("ajv/dist/runtime/equal").default;

function validate19(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.announce === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "announce"},message:"must have required property '"+"announce"+"'",schema:schema30.required,parentSchema:schema30,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((key0 === "announce") || (key0 === "announce6"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema30,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.announce !== undefined){
let data0 = data.announce;
if(Array.isArray(data0)){
if(data0.length < 1){
const err2 = {instancePath:instancePath+"/announce",schemaPath:"#/properties/announce/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema30.properties.announce,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
if(typeof data1 === "string"){
if(!pattern4.test(data1)){
const err3 = {instancePath:instancePath+"/announce/" + i0,schemaPath:"#/definitions/Ipv4Prefix/pattern",keyword:"pattern",params:{pattern: "^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$"},message:"must match pattern \""+"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$"+"\"",schema:"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$",parentSchema:schema26,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/announce/" + i0,schemaPath:"#/definitions/Ipv4Prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.type,parentSchema:schema26,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(errors > 0){
const emErrs0 = [];
for(const err5 of vErrors){
if(((((err5.keyword !== "errorMessage") && (!err5.emUsed)) && ((err5.instancePath === instancePath+"/announce/" + i0) || ((err5.instancePath.indexOf(instancePath+"/announce/" + i0) === 0) && (err5.instancePath[instancePath+"/announce/" + i0.length] === "/")))) && (err5.schemaPath.indexOf("#/definitions/Ipv4Prefix") === 0)) && (err5.schemaPath["#/definitions/Ipv4Prefix".length] === "/")){
emErrs0.push(err5);
err5.emUsed = true;
}
}
if(emErrs0.length){
const err6 = {instancePath:instancePath+"/announce/" + i0,schemaPath:"#/definitions/Ipv4Prefix/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be an IPv4 prefix like 10.1.0.0/24",schema:"must be an IPv4 prefix like 10.1.0.0/24",parentSchema:schema26,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
const emErrs1 = [];
for(const err7 of vErrors){
if(!err7.emUsed){
emErrs1.push(err7);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
let i1 = data0.length;
let j0;
if(i1 > 1){
outer0:
for(;i1--;){
for(j0 = i1; j0--;){
if(func0(data0[i1], data0[j0])){
const err8 = {instancePath:instancePath+"/announce",schemaPath:"#/properties/announce/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema30.properties.announce,data:data0};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
break outer0;
}
}
}
}
}
else {
const err9 = {instancePath:instancePath+"/announce",schemaPath:"#/properties/announce/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema30.properties.announce.type,parentSchema:schema30.properties.announce,data:data0};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.announce6 !== undefined){
let data2 = data.announce6;
if(Array.isArray(data2)){
if(data2.length < 1){
const err10 = {instancePath:instancePath+"/announce6",schemaPath:"#/properties/announce6/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema30.properties.announce6,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
const len1 = data2.length;
for(let i2=0; i2<len1; i2++){
let data3 = data2[i2];
if(typeof data3 === "string"){
if(func3(data3) > 49){
const err11 = {instancePath:instancePath+"/announce6/" + i2,schemaPath:"#/definitions/Ipv6Prefix/maxLength",keyword:"maxLength",params:{limit: 49},message:"must NOT have more than 49 characters",schema:49,parentSchema:schema28,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(!pattern6.test(data3)){
const err12 = {instancePath:instancePath+"/announce6/" + i2,schemaPath:"#/definitions/Ipv6Prefix/pattern",keyword:"pattern",params:{pattern: "^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$"},message:"must match pattern \""+"^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$"+"\"",schema:"^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$",parentSchema:schema28,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/announce6/" + i2,schemaPath:"#/definitions/Ipv6Prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.type,parentSchema:schema28,data:data3};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err14 of vErrors){
if(((((err14.keyword !== "errorMessage") && (!err14.emUsed)) && ((err14.instancePath === instancePath+"/announce6/" + i2) || ((err14.instancePath.indexOf(instancePath+"/announce6/" + i2) === 0) && (err14.instancePath[instancePath+"/announce6/" + i2.length] === "/")))) && (err14.schemaPath.indexOf("#/definitions/Ipv6Prefix") === 0)) && (err14.schemaPath["#/definitions/Ipv6Prefix".length] === "/")){
emErrs2.push(err14);
err14.emUsed = true;
}
}
if(emErrs2.length){
const err15 = {instancePath:instancePath+"/announce6/" + i2,schemaPath:"#/definitions/Ipv6Prefix/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be an IPv6 prefix like 2001:db8:1::/64",schema:"must be an IPv6 prefix like 2001:db8:1::/64",parentSchema:schema28,data:data3};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
const emErrs3 = [];
for(const err16 of vErrors){
if(!err16.emUsed){
emErrs3.push(err16);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
}
let i3 = data2.length;
let j1;
if(i3 > 1){
outer1:
for(;i3--;){
for(j1 = i3; j1--;){
if(func0(data2[i3], data2[j1])){
const err17 = {instancePath:instancePath+"/announce6",schemaPath:"#/properties/announce6/uniqueItems",keyword:"uniqueItems",params:{i: i3, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i3+" are identical)",schema:true,parentSchema:schema30.properties.announce6,data:data2};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
break outer1;
}
}
}
}
}
else {
const err18 = {instancePath:instancePath+"/announce6",schemaPath:"#/properties/announce6/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema30.properties.announce6.type,parentSchema:schema30.properties.announce6,data:data2};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
else {
const err19 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema30.type,parentSchema:schema30,data};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
validate19.errors = vErrors;
return errors === 0;
}

const schema33 = {"type":"object","additionalProperties":false,"properties":{"mtu":{"type":"integer","minimum":1280,"maximum":9216,"description":"MTU of every fabric and host link, in bytes: what the links are to be set to. fabric checks it (both ends of a cable agree, `mtu-mismatch`; room for VXLAN around the VMs' 1500, `mtu-below-vxlan`), documents it (cabling.csv) and sets it in the lab; it renders no interface configuration of the devices' operating system, so set it there too. @default 9000"},"bgp":{"type":"object","additionalProperties":false,"description":"BGP timers of every session. BFD detects failures; these only back it up.","properties":{"keepalive":{"type":"integer","minimum":1,"maximum":65535,"description":"Seconds. @default 3"},"hold":{"type":"integer","minimum":0,"maximum":65535,"description":"Seconds, 0 or at least 3 and more than keepalive. @default 9"},"connect_retry":{"type":"integer","minimum":1,"maximum":65535,"description":"Seconds between attempts to open a session that is down (FRR `timers connect`; its own default is 120). @default 2"},"update_delay":{"type":"integer","minimum":0,"maximum":3600,"description":"Seconds a BGP speaker that has just started waits, advertising and installing nothing, until every configured peer has sent its End-of-RIB, at most (FRR `update-delay`; 0: off). A restarted device takes traffic back only with its whole table. @default 10"}}},"bfd":{"type":"object","additionalProperties":false,"properties":{"interval":{"type":"integer","minimum":10,"maximum":60000,"description":"BFD transmit and receive interval of fabric sessions, in milliseconds. @default 50"},"multiplier":{"type":"integer","minimum":2,"maximum":255,"description":"BFD detect multiplier. @default 3"},"upstream":{"type":"object","additionalProperties":false,"description":"BFD towards upstream ISPs (their routers decide too: agree on it with them).","properties":{"interval":{"type":"integer","minimum":10,"maximum":60000,"description":"Milliseconds. @default 300"},"multiplier":{"type":"integer","minimum":2,"maximum":255,"description":"@default 3"}}}},"description":"BFD of fabric sessions (the `fabric` profile) and of upstream sessions (`upstream`)."},"ssh":{"type":"object","additionalProperties":false,"properties":{"user":{"type":"string","pattern":"^[a-z_][a-z0-9_-]{0,31}$","description":"@default root"},"port":{"type":"integer","minimum":1,"maximum":65535,"description":"@default 22"}}},"ovs":{"type":"object","additionalProperties":false,"properties":{"datapath":{"enum":["system","netdev"],"description":"OVS datapath of every hypervisor: `system` (kernel module) or `netdev` (userspace, as with DPDK). The lab runs every bridge on `netdev` whatever this says (it has no kernel module). @default system"}}},"vrrp":{"type":"object","additionalProperties":false,"properties":{"advert_int":{"type":"number","minimum":0.01,"maximum":255,"description":"VRRP advertisement interval in seconds; fractions (centiseconds) need VRRPv3. A backup takes over after 3 × advert_int + skew (RFC 5798). @default 0.15"},"version":{"enum":[2,3],"description":"VRRP version: 3 (RFC 5798) allows sub-second adverts but has no authentication; 2 (RFC 3768) allows a tenant's `auth` but only whole seconds. @default 3"}}},"snmp":{"$ref":"#/definitions/Snmp"},"checks":{"type":"object","additionalProperties":false,"description":"Health checks of the L4 balancers' real servers (keepalived) and of HAProxy's servers, unless a service's or backend's `check` sets interval/timeout.","properties":{"interval":{"type":"number","minimum":0.01,"maximum":3600,"description":"Seconds between checks of a healthy server (keepalived `delay_loop`, HAProxy `inter`). @default 0.2"},"fast_interval":{"type":"number","minimum":0.01,"maximum":3600,"description":"Seconds between checks of a server that is failing (HAProxy `fastinter`, keepalived `delay_before_retry`). @default 0.1"},"down_interval":{"type":"number","minimum":0.01,"maximum":3600,"description":"Seconds between checks of a server that is down (HAProxy `downinter`). @default 0.2"},"timeout":{"type":"number","minimum":0.01,"maximum":60,"description":"Seconds a check may take (keepalived `connect_timeout`, HAProxy `timeout check`). @default 0.2"},"rise":{"type":"integer","minimum":1,"maximum":100,"description":"Successful checks before a server is up again. @default 2"},"fall":{"type":"integer","minimum":1,"maximum":100,"description":"Failed checks before a server is down. @default 2"}}},"sentinel":{"type":"object","additionalProperties":false,"description":"Redis Sentinel's timers for every `redis` data service (docs/data-tier.md). A primary's loss costs the write VIP `down_after` + Sentinel's own reaction (~3 s: its PING period, one round of asking the other Sentinels, one INFO period to see the promotion) + HAProxy's role checks; that sum is the `data-write` budget's prediction.","properties":{"down_after":{"type":"integer","minimum":100,"maximum":600000,"description":"Milliseconds without a valid reply before a Sentinel holds a member down (`down-after-milliseconds`). Below 1500 a Sentinel may hold a just-promoted primary down before it has reconnected to it, and fail it over a second time (`sentinel-down-after-short`, docs/data-tier.md). @default 1500"},"failover_timeout":{"type":"integer","minimum":1000,"maximum":3600000,"description":"Milliseconds a failover may take before another Sentinel may try again; also how long the replicas have to follow the new primary (`failover-timeout`). @default 10000"}}},"patroni":{"type":"object","additionalProperties":false,"description":"Patroni's timers for every `postgres` data service (its `bootstrap.dcs`, docs/data-tier.md). A primary's PostgreSQL crash costs the write VIP `loop_wait` + Patroni's own reaction (~2 s: a replica's HA cycle and `pg_ctl promote`) + HAProxy's role checks: the `data-write` budget's prediction. A primary whose node or Patroni dies keeps the leader lock until `ttl` runs out: that costs `ttl` more, and `patroni-node-loss-over-budget` says so when it exceeds the budget. `loop_wait + 2 × retry_timeout` must not exceed `ttl` (`patroni-timers-invalid`).","properties":{"ttl":{"type":"integer","minimum":20,"maximum":3600,"description":"Seconds the leader lock lives without being renewed (`ttl`); Patroni refuses less than 20. @default 20"},"loop_wait":{"type":"integer","minimum":1,"maximum":600,"description":"Seconds between two runs of Patroni's HA loop (`loop_wait`). @default 1"},"retry_timeout":{"type":"integer","minimum":3,"maximum":600,"description":"Seconds Patroni retries the store and PostgreSQL before demoting (`retry_timeout`); Patroni refuses less than 3. @default 3"}}},"rabbitmq":{"type":"object","additionalProperties":false,"description":"RabbitMQ's timers for every `rabbitmq` data service (docs/data-tier.md). A node that dies stops serving its AMQP connections at once; HAProxy's checks take it out of the AMQP VIP (the `data-write` budget's prediction adds the quorum queues' leader election on the nodes left). `net_ticktime` bounds how long the other nodes take to see a node that went silent (its VM lost, a cut link): that is when they elect new queue leaders and, with `pause_minority`, when a node cut off from the others pauses.","properties":{"net_ticktime":{"type":"integer","minimum":2,"maximum":600,"description":"Seconds: the Erlang distribution's tick (`net_ticktime`); a node silent for about this long is down for the others (between 0.75 and 1.25 of it), and publishes to the queues it led wait that long (`rabbitmq-node-loss-over-budget`); too low and a busy node is taken for lost. @default 10"},"heartbeat":{"type":"integer","minimum":0,"maximum":600,"description":"Seconds: the AMQP heartbeat the nodes offer clients (`heartbeat`); a client or node that misses two is disconnected. @default 10"}}}}};
const pattern10 = new RegExp("^[a-z_][a-z0-9_-]{0,31}$", "u");
const schema34 = {"type":"object","additionalProperties":false,"required":["user","auth","priv"],"description":"SNMP for the NOC (`fabric drift`): every managed device that runs a daemon gets an snmpd.conf. snmpd answers on the device's management address, UDP 161, to one read-only SNMPv3 user with authentication and privacy (authPriv), limited to the MIBs fabric polls: IF-MIB on every device, IP-MIB's address table on devices with IPv6 addresses, BGP4-MIB where FRR runs (FRR's AgentX module, so zebra and bgpd load `-M snmp` and frr.conf says `agentx`) and KEEPALIVED-MIB where keepalived runs (`enable_snmp_vrrp`). SNMPv2c is off unless `community` is given, and then only from the management subnet (and `pools.mgmt6`). With `pools.mgmt6` snmpd listens on both management addresses. Without this section no snmpd.conf is rendered and nothing registers with AgentX.","properties":{"user":{"type":"string","pattern":"^[a-z][a-z0-9-]{0,31}$","description":"SNMPv3 user name (USM), e.g. fabric-noc.","errorMessage":"must be a lower-case name of letters, digits and '-' starting with a letter, at most 32 characters, e.g. fabric-noc"},"auth":{"$ref":"#/definitions/SecretRef","description":"SNMPv3 authentication passphrase of the user: 8 to 64 characters."},"auth_protocol":{"enum":["SHA","SHA-256","SHA-512"],"description":"SNMPv3 authentication protocol (HMAC). @default SHA"},"priv":{"$ref":"#/definitions/SecretRef","description":"SNMPv3 privacy (AES-128) passphrase of the user: 8 to 64 characters."},"community":{"$ref":"#/definitions/SecretRef","description":"SNMPv2c read-only community, answered only from the management subnet and with the same view: for pollers without SNMPv3. 8 to 64 characters, so never `public`. @default none (SNMPv2c off)"}}};
const pattern11 = new RegExp("^[a-z][a-z0-9-]{0,31}$", "u");
const schema35 = {"type":"object","additionalProperties":false,"required":["secret"],"description":"A reference to a secret. Its value comes from the environment variable `FABRIC_SECRET_<NAME>` (upper case, `-` as `_`) or from the secrets file, never from the inventory.","properties":{"secret":{"$ref":"#/definitions/Name"}}};

function validate23(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.secret === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "secret"},message:"must have required property '"+"secret"+"'",schema:schema35.required,parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(key0 === "secret")){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.secret !== undefined){
let data0 = data.secret;
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
const err2 = {instancePath:instancePath+"/secret",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/secret",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(errors > 0){
const emErrs0 = [];
for(const err4 of vErrors){
if(((((err4.keyword !== "errorMessage") && (!err4.emUsed)) && ((err4.instancePath === instancePath+"/secret") || ((err4.instancePath.indexOf(instancePath+"/secret") === 0) && (err4.instancePath[instancePath+"/secret".length] === "/")))) && (err4.schemaPath.indexOf("#/definitions/Name") === 0)) && (err4.schemaPath["#/definitions/Name".length] === "/")){
emErrs0.push(err4);
err4.emUsed = true;
}
}
if(emErrs0.length){
const err5 = {instancePath:instancePath+"/secret",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
const emErrs1 = [];
for(const err6 of vErrors){
if(!err6.emUsed){
emErrs1.push(err6);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
}
else {
const err7 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.type,parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
validate23.errors = vErrors;
return errors === 0;
}


function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.user === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "user"},message:"must have required property '"+"user"+"'",schema:schema34.required,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.auth === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "auth"},message:"must have required property '"+"auth"+"'",schema:schema34.required,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.priv === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "priv"},message:"must have required property '"+"priv"+"'",schema:schema34.required,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "user") || (key0 === "auth")) || (key0 === "auth_protocol")) || (key0 === "priv")) || (key0 === "community"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.user !== undefined){
let data0 = data.user;
if(typeof data0 === "string"){
if(!pattern11.test(data0)){
const err4 = {instancePath:instancePath+"/user",schemaPath:"#/properties/user/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,31}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,31}$"+"\"",schema:"^[a-z][a-z0-9-]{0,31}$",parentSchema:schema34.properties.user,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/user",schemaPath:"#/properties/user/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.user.type,parentSchema:schema34.properties.user,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(errors > 0){
const emErrs0 = [];
for(const err6 of vErrors){
if(((((err6.keyword !== "errorMessage") && (!err6.emUsed)) && ((err6.instancePath === instancePath+"/user") || ((err6.instancePath.indexOf(instancePath+"/user") === 0) && (err6.instancePath[instancePath+"/user".length] === "/")))) && (err6.schemaPath.indexOf("#/properties/user") === 0)) && (err6.schemaPath["#/properties/user".length] === "/")){
emErrs0.push(err6);
err6.emUsed = true;
}
}
if(emErrs0.length){
const err7 = {instancePath:instancePath+"/user",schemaPath:"#/properties/user/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 32 characters, e.g. fabric-noc",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 32 characters, e.g. fabric-noc",parentSchema:schema34.properties.user,data:data0};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
const emErrs1 = [];
for(const err8 of vErrors){
if(!err8.emUsed){
emErrs1.push(err8);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
if(data.auth !== undefined){
if(!(validate23(data.auth, {instancePath:instancePath+"/auth",parentData:data,parentDataProperty:"auth",rootData}))){
vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
errors = vErrors.length;
}
}
if(data.auth_protocol !== undefined){
let data2 = data.auth_protocol;
if(!(((data2 === "SHA") || (data2 === "SHA-256")) || (data2 === "SHA-512"))){
const err9 = {instancePath:instancePath+"/auth_protocol",schemaPath:"#/properties/auth_protocol/enum",keyword:"enum",params:{allowedValues: schema34.properties.auth_protocol.enum},message:"must be equal to one of the allowed values",schema:schema34.properties.auth_protocol.enum,parentSchema:schema34.properties.auth_protocol,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.priv !== undefined){
if(!(validate23(data.priv, {instancePath:instancePath+"/priv",parentData:data,parentDataProperty:"priv",rootData}))){
vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
errors = vErrors.length;
}
}
if(data.community !== undefined){
if(!(validate23(data.community, {instancePath:instancePath+"/community",parentData:data,parentDataProperty:"community",rootData}))){
vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
errors = vErrors.length;
}
}
}
else {
const err10 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.type,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
validate22.errors = vErrors;
return errors === 0;
}


function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(func2.call(schema33.properties, key0))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema33,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.mtu !== undefined){
let data0 = data.mtu;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err1 = {instancePath:instancePath+"/mtu",schemaPath:"#/properties/mtu/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.properties.mtu.type,parentSchema:schema33.properties.mtu,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 9216 || isNaN(data0)){
const err2 = {instancePath:instancePath+"/mtu",schemaPath:"#/properties/mtu/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9216},message:"must be <= 9216",schema:9216,parentSchema:schema33.properties.mtu,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data0 < 1280 || isNaN(data0)){
const err3 = {instancePath:instancePath+"/mtu",schemaPath:"#/properties/mtu/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1280},message:"must be >= 1280",schema:1280,parentSchema:schema33.properties.mtu,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
if(data.bgp !== undefined){
let data1 = data.bgp;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key1 in data1){
if(!((((key1 === "keepalive") || (key1 === "hold")) || (key1 === "connect_retry")) || (key1 === "update_delay"))){
const err4 = {instancePath:instancePath+"/bgp",schemaPath:"#/properties/bgp/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.bgp,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data1.keepalive !== undefined){
let data2 = data1.keepalive;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err5 = {instancePath:instancePath+"/bgp/keepalive",schemaPath:"#/properties/bgp/properties/keepalive/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.properties.bgp.properties.keepalive.type,parentSchema:schema33.properties.bgp.properties.keepalive,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 > 65535 || isNaN(data2)){
const err6 = {instancePath:instancePath+"/bgp/keepalive",schemaPath:"#/properties/bgp/properties/keepalive/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema33.properties.bgp.properties.keepalive,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data2 < 1 || isNaN(data2)){
const err7 = {instancePath:instancePath+"/bgp/keepalive",schemaPath:"#/properties/bgp/properties/keepalive/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema33.properties.bgp.properties.keepalive,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
if(data1.hold !== undefined){
let data3 = data1.hold;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err8 = {instancePath:instancePath+"/bgp/hold",schemaPath:"#/properties/bgp/properties/hold/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.properties.bgp.properties.hold.type,parentSchema:schema33.properties.bgp.properties.hold,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 > 65535 || isNaN(data3)){
const err9 = {instancePath:instancePath+"/bgp/hold",schemaPath:"#/properties/bgp/properties/hold/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema33.properties.bgp.properties.hold,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data3 < 0 || isNaN(data3)){
const err10 = {instancePath:instancePath+"/bgp/hold",schemaPath:"#/properties/bgp/properties/hold/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema33.properties.bgp.properties.hold,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
if(data1.connect_retry !== undefined){
let data4 = data1.connect_retry;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err11 = {instancePath:instancePath+"/bgp/connect_retry",schemaPath:"#/properties/bgp/properties/connect_retry/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.properties.bgp.properties.connect_retry.type,parentSchema:schema33.properties.bgp.properties.connect_retry,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 65535 || isNaN(data4)){
const err12 = {instancePath:instancePath+"/bgp/connect_retry",schemaPath:"#/properties/bgp/properties/connect_retry/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema33.properties.bgp.properties.connect_retry,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data4 < 1 || isNaN(data4)){
const err13 = {instancePath:instancePath+"/bgp/connect_retry",schemaPath:"#/properties/bgp/properties/connect_retry/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema33.properties.bgp.properties.connect_retry,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
if(data1.update_delay !== undefined){
let data5 = data1.update_delay;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err14 = {instancePath:instancePath+"/bgp/update_delay",schemaPath:"#/properties/bgp/properties/update_delay/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.properties.bgp.properties.update_delay.type,parentSchema:schema33.properties.bgp.properties.update_delay,data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 3600 || isNaN(data5)){
const err15 = {instancePath:instancePath+"/bgp/update_delay",schemaPath:"#/properties/bgp/properties/update_delay/maximum",keyword:"maximum",params:{comparison: "<=", limit: 3600},message:"must be <= 3600",schema:3600,parentSchema:schema33.properties.bgp.properties.update_delay,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data5 < 0 || isNaN(data5)){
const err16 = {instancePath:instancePath+"/bgp/update_delay",schemaPath:"#/properties/bgp/properties/update_delay/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema33.properties.bgp.properties.update_delay,data:data5};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
}
else {
const err17 = {instancePath:instancePath+"/bgp",schemaPath:"#/properties/bgp/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.bgp.type,parentSchema:schema33.properties.bgp,data:data1};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.bfd !== undefined){
let data6 = data.bfd;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
for(const key2 in data6){
if(!(((key2 === "interval") || (key2 === "multiplier")) || (key2 === "upstream"))){
const err18 = {instancePath:instancePath+"/bfd",schemaPath:"#/properties/bfd/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.bfd,data:data6};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data6.interval !== undefined){
let data7 = data6.interval;
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
const err19 = {instancePath:instancePath+"/bfd/interval",schemaPath:"#/properties/bfd/properties/interval/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.properties.bfd.properties.interval.type,parentSchema:schema33.properties.bfd.properties.interval,data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 60000 || isNaN(data7)){
const err20 = {instancePath:instancePath+"/bfd/interval",schemaPath:"#/properties/bfd/properties/interval/maximum",keyword:"maximum",params:{comparison: "<=", limit: 60000},message:"must be <= 60000",schema:60000,parentSchema:schema33.properties.bfd.properties.interval,data:data7};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(data7 < 10 || isNaN(data7)){
const err21 = {instancePath:instancePath+"/bfd/interval",schemaPath:"#/properties/bfd/properties/interval/minimum",keyword:"minimum",params:{comparison: ">=", limit: 10},message:"must be >= 10",schema:10,parentSchema:schema33.properties.bfd.properties.interval,data:data7};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
if(data6.multiplier !== undefined){
let data8 = data6.multiplier;
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
const err22 = {instancePath:instancePath+"/bfd/multiplier",schemaPath:"#/properties/bfd/properties/multiplier/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.properties.bfd.properties.multiplier.type,parentSchema:schema33.properties.bfd.properties.multiplier,data:data8};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 > 255 || isNaN(data8)){
const err23 = {instancePath:instancePath+"/bfd/multiplier",schemaPath:"#/properties/bfd/properties/multiplier/maximum",keyword:"maximum",params:{comparison: "<=", limit: 255},message:"must be <= 255",schema:255,parentSchema:schema33.properties.bfd.properties.multiplier,data:data8};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(data8 < 2 || isNaN(data8)){
const err24 = {instancePath:instancePath+"/bfd/multiplier",schemaPath:"#/properties/bfd/properties/multiplier/minimum",keyword:"minimum",params:{comparison: ">=", limit: 2},message:"must be >= 2",schema:2,parentSchema:schema33.properties.bfd.properties.multiplier,data:data8};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
if(data6.upstream !== undefined){
let data9 = data6.upstream;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
for(const key3 in data9){
if(!((key3 === "interval") || (key3 === "multiplier"))){
const err25 = {instancePath:instancePath+"/bfd/upstream",schemaPath:"#/properties/bfd/properties/upstream/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.bfd.properties.upstream,data:data9};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data9.interval !== undefined){
let data10 = data9.interval;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
const err26 = {instancePath:instancePath+"/bfd/upstream/interval",schemaPath:"#/properties/bfd/properties/upstream/properties/interval/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.properties.bfd.properties.upstream.properties.interval.type,parentSchema:schema33.properties.bfd.properties.upstream.properties.interval,data:data10};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 > 60000 || isNaN(data10)){
const err27 = {instancePath:instancePath+"/bfd/upstream/interval",schemaPath:"#/properties/bfd/properties/upstream/properties/interval/maximum",keyword:"maximum",params:{comparison: "<=", limit: 60000},message:"must be <= 60000",schema:60000,parentSchema:schema33.properties.bfd.properties.upstream.properties.interval,data:data10};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if(data10 < 10 || isNaN(data10)){
const err28 = {instancePath:instancePath+"/bfd/upstream/interval",schemaPath:"#/properties/bfd/properties/upstream/properties/interval/minimum",keyword:"minimum",params:{comparison: ">=", limit: 10},message:"must be >= 10",schema:10,parentSchema:schema33.properties.bfd.properties.upstream.properties.interval,data:data10};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
if(data9.multiplier !== undefined){
let data11 = data9.multiplier;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
const err29 = {instancePath:instancePath+"/bfd/upstream/multiplier",schemaPath:"#/properties/bfd/properties/upstream/properties/multiplier/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.properties.bfd.properties.upstream.properties.multiplier.type,parentSchema:schema33.properties.bfd.properties.upstream.properties.multiplier,data:data11};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 > 255 || isNaN(data11)){
const err30 = {instancePath:instancePath+"/bfd/upstream/multiplier",schemaPath:"#/properties/bfd/properties/upstream/properties/multiplier/maximum",keyword:"maximum",params:{comparison: "<=", limit: 255},message:"must be <= 255",schema:255,parentSchema:schema33.properties.bfd.properties.upstream.properties.multiplier,data:data11};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(data11 < 2 || isNaN(data11)){
const err31 = {instancePath:instancePath+"/bfd/upstream/multiplier",schemaPath:"#/properties/bfd/properties/upstream/properties/multiplier/minimum",keyword:"minimum",params:{comparison: ">=", limit: 2},message:"must be >= 2",schema:2,parentSchema:schema33.properties.bfd.properties.upstream.properties.multiplier,data:data11};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
}
else {
const err32 = {instancePath:instancePath+"/bfd/upstream",schemaPath:"#/properties/bfd/properties/upstream/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.bfd.properties.upstream.type,parentSchema:schema33.properties.bfd.properties.upstream,data:data9};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
else {
const err33 = {instancePath:instancePath+"/bfd",schemaPath:"#/properties/bfd/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.bfd.type,parentSchema:schema33.properties.bfd,data:data6};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data.ssh !== undefined){
let data12 = data.ssh;
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
for(const key4 in data12){
if(!((key4 === "user") || (key4 === "port"))){
const err34 = {instancePath:instancePath+"/ssh",schemaPath:"#/properties/ssh/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.ssh,data:data12};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data12.user !== undefined){
let data13 = data12.user;
if(typeof data13 === "string"){
if(!pattern10.test(data13)){
const err35 = {instancePath:instancePath+"/ssh/user",schemaPath:"#/properties/ssh/properties/user/pattern",keyword:"pattern",params:{pattern: "^[a-z_][a-z0-9_-]{0,31}$"},message:"must match pattern \""+"^[a-z_][a-z0-9_-]{0,31}$"+"\"",schema:"^[a-z_][a-z0-9_-]{0,31}$",parentSchema:schema33.properties.ssh.properties.user,data:data13};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
else {
const err36 = {instancePath:instancePath+"/ssh/user",schemaPath:"#/properties/ssh/properties/user/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.ssh.properties.user.type,parentSchema:schema33.properties.ssh.properties.user,data:data13};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data12.port !== undefined){
let data14 = data12.port;
if(!(((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14))) && (isFinite(data14)))){
const err37 = {instancePath:instancePath+"/ssh/port",schemaPath:"#/properties/ssh/properties/port/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.properties.ssh.properties.port.type,parentSchema:schema33.properties.ssh.properties.port,data:data14};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if((typeof data14 == "number") && (isFinite(data14))){
if(data14 > 65535 || isNaN(data14)){
const err38 = {instancePath:instancePath+"/ssh/port",schemaPath:"#/properties/ssh/properties/port/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema33.properties.ssh.properties.port,data:data14};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
if(data14 < 1 || isNaN(data14)){
const err39 = {instancePath:instancePath+"/ssh/port",schemaPath:"#/properties/ssh/properties/port/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema33.properties.ssh.properties.port,data:data14};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
}
}
else {
const err40 = {instancePath:instancePath+"/ssh",schemaPath:"#/properties/ssh/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.ssh.type,parentSchema:schema33.properties.ssh,data:data12};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data.ovs !== undefined){
let data15 = data.ovs;
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
for(const key5 in data15){
if(!(key5 === "datapath")){
const err41 = {instancePath:instancePath+"/ovs",schemaPath:"#/properties/ovs/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.ovs,data:data15};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data15.datapath !== undefined){
let data16 = data15.datapath;
if(!((data16 === "system") || (data16 === "netdev"))){
const err42 = {instancePath:instancePath+"/ovs/datapath",schemaPath:"#/properties/ovs/properties/datapath/enum",keyword:"enum",params:{allowedValues: schema33.properties.ovs.properties.datapath.enum},message:"must be equal to one of the allowed values",schema:schema33.properties.ovs.properties.datapath.enum,parentSchema:schema33.properties.ovs.properties.datapath,data:data16};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
}
else {
const err43 = {instancePath:instancePath+"/ovs",schemaPath:"#/properties/ovs/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.ovs.type,parentSchema:schema33.properties.ovs,data:data15};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data.vrrp !== undefined){
let data17 = data.vrrp;
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
for(const key6 in data17){
if(!((key6 === "advert_int") || (key6 === "version"))){
const err44 = {instancePath:instancePath+"/vrrp",schemaPath:"#/properties/vrrp/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.vrrp,data:data17};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data17.advert_int !== undefined){
let data18 = data17.advert_int;
if((typeof data18 == "number") && (isFinite(data18))){
if(data18 > 255 || isNaN(data18)){
const err45 = {instancePath:instancePath+"/vrrp/advert_int",schemaPath:"#/properties/vrrp/properties/advert_int/maximum",keyword:"maximum",params:{comparison: "<=", limit: 255},message:"must be <= 255",schema:255,parentSchema:schema33.properties.vrrp.properties.advert_int,data:data18};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
if(data18 < 0.01 || isNaN(data18)){
const err46 = {instancePath:instancePath+"/vrrp/advert_int",schemaPath:"#/properties/vrrp/properties/advert_int/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0.01},message:"must be >= 0.01",schema:0.01,parentSchema:schema33.properties.vrrp.properties.advert_int,data:data18};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
else {
const err47 = {instancePath:instancePath+"/vrrp/advert_int",schemaPath:"#/properties/vrrp/properties/advert_int/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema33.properties.vrrp.properties.advert_int.type,parentSchema:schema33.properties.vrrp.properties.advert_int,data:data18};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data17.version !== undefined){
let data19 = data17.version;
if(!((data19 === 2) || (data19 === 3))){
const err48 = {instancePath:instancePath+"/vrrp/version",schemaPath:"#/properties/vrrp/properties/version/enum",keyword:"enum",params:{allowedValues: schema33.properties.vrrp.properties.version.enum},message:"must be equal to one of the allowed values",schema:schema33.properties.vrrp.properties.version.enum,parentSchema:schema33.properties.vrrp.properties.version,data:data19};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
}
else {
const err49 = {instancePath:instancePath+"/vrrp",schemaPath:"#/properties/vrrp/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.vrrp.type,parentSchema:schema33.properties.vrrp,data:data17};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data.snmp !== undefined){
if(!(validate22(data.snmp, {instancePath:instancePath+"/snmp",parentData:data,parentDataProperty:"snmp",rootData}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
}
if(data.checks !== undefined){
let data21 = data.checks;
if(data21 && typeof data21 == "object" && !Array.isArray(data21)){
for(const key7 in data21){
if(!((((((key7 === "interval") || (key7 === "fast_interval")) || (key7 === "down_interval")) || (key7 === "timeout")) || (key7 === "rise")) || (key7 === "fall"))){
const err50 = {instancePath:instancePath+"/checks",schemaPath:"#/properties/checks/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.checks,data:data21};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
if(data21.interval !== undefined){
let data22 = data21.interval;
if((typeof data22 == "number") && (isFinite(data22))){
if(data22 > 3600 || isNaN(data22)){
const err51 = {instancePath:instancePath+"/checks/interval",schemaPath:"#/properties/checks/properties/interval/maximum",keyword:"maximum",params:{comparison: "<=", limit: 3600},message:"must be <= 3600",schema:3600,parentSchema:schema33.properties.checks.properties.interval,data:data22};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
if(data22 < 0.01 || isNaN(data22)){
const err52 = {instancePath:instancePath+"/checks/interval",schemaPath:"#/properties/checks/properties/interval/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0.01},message:"must be >= 0.01",schema:0.01,parentSchema:schema33.properties.checks.properties.interval,data:data22};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
else {
const err53 = {instancePath:instancePath+"/checks/interval",schemaPath:"#/properties/checks/properties/interval/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema33.properties.checks.properties.interval.type,parentSchema:schema33.properties.checks.properties.interval,data:data22};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
if(data21.fast_interval !== undefined){
let data23 = data21.fast_interval;
if((typeof data23 == "number") && (isFinite(data23))){
if(data23 > 3600 || isNaN(data23)){
const err54 = {instancePath:instancePath+"/checks/fast_interval",schemaPath:"#/properties/checks/properties/fast_interval/maximum",keyword:"maximum",params:{comparison: "<=", limit: 3600},message:"must be <= 3600",schema:3600,parentSchema:schema33.properties.checks.properties.fast_interval,data:data23};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
if(data23 < 0.01 || isNaN(data23)){
const err55 = {instancePath:instancePath+"/checks/fast_interval",schemaPath:"#/properties/checks/properties/fast_interval/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0.01},message:"must be >= 0.01",schema:0.01,parentSchema:schema33.properties.checks.properties.fast_interval,data:data23};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
else {
const err56 = {instancePath:instancePath+"/checks/fast_interval",schemaPath:"#/properties/checks/properties/fast_interval/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema33.properties.checks.properties.fast_interval.type,parentSchema:schema33.properties.checks.properties.fast_interval,data:data23};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
if(data21.down_interval !== undefined){
let data24 = data21.down_interval;
if((typeof data24 == "number") && (isFinite(data24))){
if(data24 > 3600 || isNaN(data24)){
const err57 = {instancePath:instancePath+"/checks/down_interval",schemaPath:"#/properties/checks/properties/down_interval/maximum",keyword:"maximum",params:{comparison: "<=", limit: 3600},message:"must be <= 3600",schema:3600,parentSchema:schema33.properties.checks.properties.down_interval,data:data24};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
if(data24 < 0.01 || isNaN(data24)){
const err58 = {instancePath:instancePath+"/checks/down_interval",schemaPath:"#/properties/checks/properties/down_interval/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0.01},message:"must be >= 0.01",schema:0.01,parentSchema:schema33.properties.checks.properties.down_interval,data:data24};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
else {
const err59 = {instancePath:instancePath+"/checks/down_interval",schemaPath:"#/properties/checks/properties/down_interval/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema33.properties.checks.properties.down_interval.type,parentSchema:schema33.properties.checks.properties.down_interval,data:data24};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data21.timeout !== undefined){
let data25 = data21.timeout;
if((typeof data25 == "number") && (isFinite(data25))){
if(data25 > 60 || isNaN(data25)){
const err60 = {instancePath:instancePath+"/checks/timeout",schemaPath:"#/properties/checks/properties/timeout/maximum",keyword:"maximum",params:{comparison: "<=", limit: 60},message:"must be <= 60",schema:60,parentSchema:schema33.properties.checks.properties.timeout,data:data25};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
if(data25 < 0.01 || isNaN(data25)){
const err61 = {instancePath:instancePath+"/checks/timeout",schemaPath:"#/properties/checks/properties/timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0.01},message:"must be >= 0.01",schema:0.01,parentSchema:schema33.properties.checks.properties.timeout,data:data25};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
else {
const err62 = {instancePath:instancePath+"/checks/timeout",schemaPath:"#/properties/checks/properties/timeout/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema33.properties.checks.properties.timeout.type,parentSchema:schema33.properties.checks.properties.timeout,data:data25};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
if(data21.rise !== undefined){
let data26 = data21.rise;
if(!(((typeof data26 == "number") && (!(data26 % 1) && !isNaN(data26))) && (isFinite(data26)))){
const err63 = {instancePath:instancePath+"/checks/rise",schemaPath:"#/properties/checks/properties/rise/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.properties.checks.properties.rise.type,parentSchema:schema33.properties.checks.properties.rise,data:data26};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
if((typeof data26 == "number") && (isFinite(data26))){
if(data26 > 100 || isNaN(data26)){
const err64 = {instancePath:instancePath+"/checks/rise",schemaPath:"#/properties/checks/properties/rise/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema33.properties.checks.properties.rise,data:data26};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
if(data26 < 1 || isNaN(data26)){
const err65 = {instancePath:instancePath+"/checks/rise",schemaPath:"#/properties/checks/properties/rise/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema33.properties.checks.properties.rise,data:data26};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
}
if(data21.fall !== undefined){
let data27 = data21.fall;
if(!(((typeof data27 == "number") && (!(data27 % 1) && !isNaN(data27))) && (isFinite(data27)))){
const err66 = {instancePath:instancePath+"/checks/fall",schemaPath:"#/properties/checks/properties/fall/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.properties.checks.properties.fall.type,parentSchema:schema33.properties.checks.properties.fall,data:data27};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
if((typeof data27 == "number") && (isFinite(data27))){
if(data27 > 100 || isNaN(data27)){
const err67 = {instancePath:instancePath+"/checks/fall",schemaPath:"#/properties/checks/properties/fall/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema33.properties.checks.properties.fall,data:data27};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
if(data27 < 1 || isNaN(data27)){
const err68 = {instancePath:instancePath+"/checks/fall",schemaPath:"#/properties/checks/properties/fall/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema33.properties.checks.properties.fall,data:data27};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
}
}
else {
const err69 = {instancePath:instancePath+"/checks",schemaPath:"#/properties/checks/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.checks.type,parentSchema:schema33.properties.checks,data:data21};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
if(data.sentinel !== undefined){
let data28 = data.sentinel;
if(data28 && typeof data28 == "object" && !Array.isArray(data28)){
for(const key8 in data28){
if(!((key8 === "down_after") || (key8 === "failover_timeout"))){
const err70 = {instancePath:instancePath+"/sentinel",schemaPath:"#/properties/sentinel/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.sentinel,data:data28};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
if(data28.down_after !== undefined){
let data29 = data28.down_after;
if(!(((typeof data29 == "number") && (!(data29 % 1) && !isNaN(data29))) && (isFinite(data29)))){
const err71 = {instancePath:instancePath+"/sentinel/down_after",schemaPath:"#/properties/sentinel/properties/down_after/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.properties.sentinel.properties.down_after.type,parentSchema:schema33.properties.sentinel.properties.down_after,data:data29};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
if((typeof data29 == "number") && (isFinite(data29))){
if(data29 > 600000 || isNaN(data29)){
const err72 = {instancePath:instancePath+"/sentinel/down_after",schemaPath:"#/properties/sentinel/properties/down_after/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema33.properties.sentinel.properties.down_after,data:data29};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
if(data29 < 100 || isNaN(data29)){
const err73 = {instancePath:instancePath+"/sentinel/down_after",schemaPath:"#/properties/sentinel/properties/down_after/minimum",keyword:"minimum",params:{comparison: ">=", limit: 100},message:"must be >= 100",schema:100,parentSchema:schema33.properties.sentinel.properties.down_after,data:data29};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
}
if(data28.failover_timeout !== undefined){
let data30 = data28.failover_timeout;
if(!(((typeof data30 == "number") && (!(data30 % 1) && !isNaN(data30))) && (isFinite(data30)))){
const err74 = {instancePath:instancePath+"/sentinel/failover_timeout",schemaPath:"#/properties/sentinel/properties/failover_timeout/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.properties.sentinel.properties.failover_timeout.type,parentSchema:schema33.properties.sentinel.properties.failover_timeout,data:data30};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
if((typeof data30 == "number") && (isFinite(data30))){
if(data30 > 3600000 || isNaN(data30)){
const err75 = {instancePath:instancePath+"/sentinel/failover_timeout",schemaPath:"#/properties/sentinel/properties/failover_timeout/maximum",keyword:"maximum",params:{comparison: "<=", limit: 3600000},message:"must be <= 3600000",schema:3600000,parentSchema:schema33.properties.sentinel.properties.failover_timeout,data:data30};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
if(data30 < 1000 || isNaN(data30)){
const err76 = {instancePath:instancePath+"/sentinel/failover_timeout",schemaPath:"#/properties/sentinel/properties/failover_timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1000},message:"must be >= 1000",schema:1000,parentSchema:schema33.properties.sentinel.properties.failover_timeout,data:data30};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
}
}
else {
const err77 = {instancePath:instancePath+"/sentinel",schemaPath:"#/properties/sentinel/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.sentinel.type,parentSchema:schema33.properties.sentinel,data:data28};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
if(data.patroni !== undefined){
let data31 = data.patroni;
if(data31 && typeof data31 == "object" && !Array.isArray(data31)){
for(const key9 in data31){
if(!(((key9 === "ttl") || (key9 === "loop_wait")) || (key9 === "retry_timeout"))){
const err78 = {instancePath:instancePath+"/patroni",schemaPath:"#/properties/patroni/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.patroni,data:data31};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
if(data31.ttl !== undefined){
let data32 = data31.ttl;
if(!(((typeof data32 == "number") && (!(data32 % 1) && !isNaN(data32))) && (isFinite(data32)))){
const err79 = {instancePath:instancePath+"/patroni/ttl",schemaPath:"#/properties/patroni/properties/ttl/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.properties.patroni.properties.ttl.type,parentSchema:schema33.properties.patroni.properties.ttl,data:data32};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
if((typeof data32 == "number") && (isFinite(data32))){
if(data32 > 3600 || isNaN(data32)){
const err80 = {instancePath:instancePath+"/patroni/ttl",schemaPath:"#/properties/patroni/properties/ttl/maximum",keyword:"maximum",params:{comparison: "<=", limit: 3600},message:"must be <= 3600",schema:3600,parentSchema:schema33.properties.patroni.properties.ttl,data:data32};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
if(data32 < 20 || isNaN(data32)){
const err81 = {instancePath:instancePath+"/patroni/ttl",schemaPath:"#/properties/patroni/properties/ttl/minimum",keyword:"minimum",params:{comparison: ">=", limit: 20},message:"must be >= 20",schema:20,parentSchema:schema33.properties.patroni.properties.ttl,data:data32};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
}
if(data31.loop_wait !== undefined){
let data33 = data31.loop_wait;
if(!(((typeof data33 == "number") && (!(data33 % 1) && !isNaN(data33))) && (isFinite(data33)))){
const err82 = {instancePath:instancePath+"/patroni/loop_wait",schemaPath:"#/properties/patroni/properties/loop_wait/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.properties.patroni.properties.loop_wait.type,parentSchema:schema33.properties.patroni.properties.loop_wait,data:data33};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
if((typeof data33 == "number") && (isFinite(data33))){
if(data33 > 600 || isNaN(data33)){
const err83 = {instancePath:instancePath+"/patroni/loop_wait",schemaPath:"#/properties/patroni/properties/loop_wait/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600},message:"must be <= 600",schema:600,parentSchema:schema33.properties.patroni.properties.loop_wait,data:data33};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
if(data33 < 1 || isNaN(data33)){
const err84 = {instancePath:instancePath+"/patroni/loop_wait",schemaPath:"#/properties/patroni/properties/loop_wait/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema33.properties.patroni.properties.loop_wait,data:data33};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
}
}
if(data31.retry_timeout !== undefined){
let data34 = data31.retry_timeout;
if(!(((typeof data34 == "number") && (!(data34 % 1) && !isNaN(data34))) && (isFinite(data34)))){
const err85 = {instancePath:instancePath+"/patroni/retry_timeout",schemaPath:"#/properties/patroni/properties/retry_timeout/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.properties.patroni.properties.retry_timeout.type,parentSchema:schema33.properties.patroni.properties.retry_timeout,data:data34};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
if((typeof data34 == "number") && (isFinite(data34))){
if(data34 > 600 || isNaN(data34)){
const err86 = {instancePath:instancePath+"/patroni/retry_timeout",schemaPath:"#/properties/patroni/properties/retry_timeout/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600},message:"must be <= 600",schema:600,parentSchema:schema33.properties.patroni.properties.retry_timeout,data:data34};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
if(data34 < 3 || isNaN(data34)){
const err87 = {instancePath:instancePath+"/patroni/retry_timeout",schemaPath:"#/properties/patroni/properties/retry_timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 3},message:"must be >= 3",schema:3,parentSchema:schema33.properties.patroni.properties.retry_timeout,data:data34};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
}
}
else {
const err88 = {instancePath:instancePath+"/patroni",schemaPath:"#/properties/patroni/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.patroni.type,parentSchema:schema33.properties.patroni,data:data31};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
}
if(data.rabbitmq !== undefined){
let data35 = data.rabbitmq;
if(data35 && typeof data35 == "object" && !Array.isArray(data35)){
for(const key10 in data35){
if(!((key10 === "net_ticktime") || (key10 === "heartbeat"))){
const err89 = {instancePath:instancePath+"/rabbitmq",schemaPath:"#/properties/rabbitmq/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.rabbitmq,data:data35};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
}
if(data35.net_ticktime !== undefined){
let data36 = data35.net_ticktime;
if(!(((typeof data36 == "number") && (!(data36 % 1) && !isNaN(data36))) && (isFinite(data36)))){
const err90 = {instancePath:instancePath+"/rabbitmq/net_ticktime",schemaPath:"#/properties/rabbitmq/properties/net_ticktime/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.properties.rabbitmq.properties.net_ticktime.type,parentSchema:schema33.properties.rabbitmq.properties.net_ticktime,data:data36};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
if((typeof data36 == "number") && (isFinite(data36))){
if(data36 > 600 || isNaN(data36)){
const err91 = {instancePath:instancePath+"/rabbitmq/net_ticktime",schemaPath:"#/properties/rabbitmq/properties/net_ticktime/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600},message:"must be <= 600",schema:600,parentSchema:schema33.properties.rabbitmq.properties.net_ticktime,data:data36};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
if(data36 < 2 || isNaN(data36)){
const err92 = {instancePath:instancePath+"/rabbitmq/net_ticktime",schemaPath:"#/properties/rabbitmq/properties/net_ticktime/minimum",keyword:"minimum",params:{comparison: ">=", limit: 2},message:"must be >= 2",schema:2,parentSchema:schema33.properties.rabbitmq.properties.net_ticktime,data:data36};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
}
}
if(data35.heartbeat !== undefined){
let data37 = data35.heartbeat;
if(!(((typeof data37 == "number") && (!(data37 % 1) && !isNaN(data37))) && (isFinite(data37)))){
const err93 = {instancePath:instancePath+"/rabbitmq/heartbeat",schemaPath:"#/properties/rabbitmq/properties/heartbeat/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema33.properties.rabbitmq.properties.heartbeat.type,parentSchema:schema33.properties.rabbitmq.properties.heartbeat,data:data37};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
if((typeof data37 == "number") && (isFinite(data37))){
if(data37 > 600 || isNaN(data37)){
const err94 = {instancePath:instancePath+"/rabbitmq/heartbeat",schemaPath:"#/properties/rabbitmq/properties/heartbeat/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600},message:"must be <= 600",schema:600,parentSchema:schema33.properties.rabbitmq.properties.heartbeat,data:data37};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
if(data37 < 0 || isNaN(data37)){
const err95 = {instancePath:instancePath+"/rabbitmq/heartbeat",schemaPath:"#/properties/rabbitmq/properties/heartbeat/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema33.properties.rabbitmq.properties.heartbeat,data:data37};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
}
}
else {
const err96 = {instancePath:instancePath+"/rabbitmq",schemaPath:"#/properties/rabbitmq/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.rabbitmq.type,parentSchema:schema33.properties.rabbitmq,data:data35};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
}
}
else {
const err97 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.type,parentSchema:schema33,data};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
validate21.errors = vErrors;
return errors === 0;
}

const schema39 = {"type":"object","additionalProperties":false,"required":["id","asn","edge","interface","address","peer"],"description":"An upstream ISP peering on one edge router. In the lab it is simulated by an FRR node that announces a default route and `lab.originate`.","properties":{"id":{"$ref":"#/definitions/DeviceId"},"description":{"$ref":"#/definitions/Text"},"asn":{"$ref":"#/definitions/Asn"},"edge":{"$ref":"#/definitions/Name","description":"The edge router that peers with this upstream."},"interface":{"$ref":"#/definitions/Interface","description":"The edge router's port towards the upstream."},"peer_interface":{"$ref":"#/definitions/Interface","description":"The upstream's port (only used by the lab). @default eth1"},"address":{"$ref":"#/definitions/Ipv4Prefix","description":"Our address on the peering link, with its prefix length, e.g. 192.0.2.1/31."},"peer":{"$ref":"#/definitions/Ipv4Address","description":"The upstream's address on the peering link."},"address6":{"$ref":"#/definitions/Ipv6Prefix","description":"Our IPv6 address on the peering link, with its prefix length, e.g. 2001:db8:ffff::1/127: a second, IPv6 session with the upstream (with `peer6`)."},"peer6":{"$ref":"#/definitions/Ipv6Address","description":"The upstream's IPv6 address on the peering link; required with `address6`."},"password":{"$ref":"#/definitions/SecretRef","description":"BGP TCP-MD5 password."},"accept":{"enum":["default","full"],"description":"What we accept from the upstream: only a default route, or the full table. @default default"},"lab":{"type":"object","additionalProperties":false,"properties":{"originate":{"type":"array","uniqueItems":true,"items":{"$ref":"#/definitions/Ipv4Prefix"},"description":"Prefixes the simulated upstream announces besides the default route; its test client uses the first address of the first one."},"originate6":{"type":"array","uniqueItems":true,"items":{"$ref":"#/definitions/Ipv6Prefix"},"description":"IPv6 prefixes the simulated upstream announces besides the IPv6 default route (IPv6 session only)."}}}}};
const schema40 = {"type":"integer","minimum":1,"maximum":65535,"description":"Explicit, site-wide unique number of the device. Every per-device address and ASN is derived from it, never from list order, so adding a device renumbers nothing.","errorMessage":"must be a whole number from 1 to 65535, unique in the site, e.g. 11"};
const schema44 = {"type":"string","pattern":"^[a-z][a-z0-9]{0,9}[0-9]$","errorMessage":"must be an interface name like eth1 or swp12 (letters then digits, at most 11 characters)"};
const schema47 = {"type":"string","pattern":"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$","errorMessage":"must be an IPv4 address like 10.1.0.5"};
const schema49 = {"type":"string","maxLength":45,"pattern":"^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$","description":"An IPv6 address in any RFC 4291 text form; fabric prints it in RFC 5952 form (lower case, `::` for the longest run of zero groups).","errorMessage":"must be an IPv6 address like 2001:db8::5"};
const pattern16 = new RegExp("^[a-z][a-z0-9]{0,9}[0-9]$", "u");
const pattern19 = new RegExp("^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$", "u");
const pattern21 = new RegExp("^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$", "u");

function validate29(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema39.required,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.asn === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "asn"},message:"must have required property '"+"asn"+"'",schema:schema39.required,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.edge === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "edge"},message:"must have required property '"+"edge"+"'",schema:schema39.required,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.interface === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "interface"},message:"must have required property '"+"interface"+"'",schema:schema39.required,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.address === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "address"},message:"must have required property '"+"address"+"'",schema:schema39.required,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.peer === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "peer"},message:"must have required property '"+"peer"+"'",schema:schema39.required,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
for(const key0 in data){
if(!(func2.call(schema39.properties, key0))){
const err6 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.id !== undefined){
let data0 = data.id;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err7 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema40.type,parentSchema:schema40,data:data0};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 65535 || isNaN(data0)){
const err8 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema40,data:data0};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data0 < 1 || isNaN(data0)){
const err9 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema40,data:data0};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(errors > 0){
const emErrs0 = [];
for(const err10 of vErrors){
if(((((err10.keyword !== "errorMessage") && (!err10.emUsed)) && ((err10.instancePath === instancePath+"/id") || ((err10.instancePath.indexOf(instancePath+"/id") === 0) && (err10.instancePath[instancePath+"/id".length] === "/")))) && (err10.schemaPath.indexOf("#/definitions/DeviceId") === 0)) && (err10.schemaPath["#/definitions/DeviceId".length] === "/")){
emErrs0.push(err10);
err10.emUsed = true;
}
}
if(emErrs0.length){
const err11 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be a whole number from 1 to 65535, unique in the site, e.g. 11",schema:"must be a whole number from 1 to 65535, unique in the site, e.g. 11",parentSchema:schema40,data:data0};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
const emErrs1 = [];
for(const err12 of vErrors){
if(!err12.emUsed){
emErrs1.push(err12);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
if(data.description !== undefined){
let data1 = data.description;
if(typeof data1 === "string"){
if(func3(data1) > 80){
const err13 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/maxLength",keyword:"maxLength",params:{limit: 80},message:"must NOT have more than 80 characters",schema:80,parentSchema:schema19,data:data1};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(!pattern2.test(data1)){
const err14 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9 .,:/()_+@=-]*$"},message:"must match pattern \""+"^[A-Za-z0-9 .,:/()_+@=-]*$"+"\"",schema:"^[A-Za-z0-9 .,:/()_+@=-]*$",parentSchema:schema19,data:data1};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.type,parentSchema:schema19,data:data1};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err16 of vErrors){
if(((((err16.keyword !== "errorMessage") && (!err16.emUsed)) && ((err16.instancePath === instancePath+"/description") || ((err16.instancePath.indexOf(instancePath+"/description") === 0) && (err16.instancePath[instancePath+"/description".length] === "/")))) && (err16.schemaPath.indexOf("#/definitions/Text") === 0)) && (err16.schemaPath["#/definitions/Text".length] === "/")){
emErrs2.push(err16);
err16.emUsed = true;
}
}
if(emErrs2.length){
const err17 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",schema:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",parentSchema:schema19,data:data1};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
const emErrs3 = [];
for(const err18 of vErrors){
if(!err18.emUsed){
emErrs3.push(err18);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
}
if(data.asn !== undefined){
let data2 = data.asn;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err19 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema21.type,parentSchema:schema21,data:data2};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 > 4294967294 || isNaN(data2)){
const err20 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967294},message:"must be <= 4294967294",schema:4294967294,parentSchema:schema21,data:data2};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(data2 < 1 || isNaN(data2)){
const err21 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema21,data:data2};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(errors > 0){
const emErrs4 = [];
for(const err22 of vErrors){
if(((((err22.keyword !== "errorMessage") && (!err22.emUsed)) && ((err22.instancePath === instancePath+"/asn") || ((err22.instancePath.indexOf(instancePath+"/asn") === 0) && (err22.instancePath[instancePath+"/asn".length] === "/")))) && (err22.schemaPath.indexOf("#/definitions/Asn") === 0)) && (err22.schemaPath["#/definitions/Asn".length] === "/")){
emErrs4.push(err22);
err22.emUsed = true;
}
}
if(emErrs4.length){
const err23 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/errorMessage",keyword:"errorMessage",params:{errors: emErrs4},message:"must be an AS number from 1 to 4294967294, e.g. 65001",schema:"must be an AS number from 1 to 4294967294, e.g. 65001",parentSchema:schema21,data:data2};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
const emErrs5 = [];
for(const err24 of vErrors){
if(!err24.emUsed){
emErrs5.push(err24);
}
}
vErrors = emErrs5;
errors = emErrs5.length;
}
}
if(data.edge !== undefined){
let data3 = data.edge;
if(typeof data3 === "string"){
if(!pattern0.test(data3)){
const err25 = {instancePath:instancePath+"/edge",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data3};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
else {
const err26 = {instancePath:instancePath+"/edge",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data3};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(errors > 0){
const emErrs6 = [];
for(const err27 of vErrors){
if(((((err27.keyword !== "errorMessage") && (!err27.emUsed)) && ((err27.instancePath === instancePath+"/edge") || ((err27.instancePath.indexOf(instancePath+"/edge") === 0) && (err27.instancePath[instancePath+"/edge".length] === "/")))) && (err27.schemaPath.indexOf("#/definitions/Name") === 0)) && (err27.schemaPath["#/definitions/Name".length] === "/")){
emErrs6.push(err27);
err27.emUsed = true;
}
}
if(emErrs6.length){
const err28 = {instancePath:instancePath+"/edge",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs6},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data3};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
const emErrs7 = [];
for(const err29 of vErrors){
if(!err29.emUsed){
emErrs7.push(err29);
}
}
vErrors = emErrs7;
errors = emErrs7.length;
}
}
if(data.interface !== undefined){
let data4 = data.interface;
if(typeof data4 === "string"){
if(!pattern16.test(data4)){
const err30 = {instancePath:instancePath+"/interface",schemaPath:"#/definitions/Interface/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9]{0,9}[0-9]$"},message:"must match pattern \""+"^[a-z][a-z0-9]{0,9}[0-9]$"+"\"",schema:"^[a-z][a-z0-9]{0,9}[0-9]$",parentSchema:schema44,data:data4};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
else {
const err31 = {instancePath:instancePath+"/interface",schemaPath:"#/definitions/Interface/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.type,parentSchema:schema44,data:data4};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if(errors > 0){
const emErrs8 = [];
for(const err32 of vErrors){
if(((((err32.keyword !== "errorMessage") && (!err32.emUsed)) && ((err32.instancePath === instancePath+"/interface") || ((err32.instancePath.indexOf(instancePath+"/interface") === 0) && (err32.instancePath[instancePath+"/interface".length] === "/")))) && (err32.schemaPath.indexOf("#/definitions/Interface") === 0)) && (err32.schemaPath["#/definitions/Interface".length] === "/")){
emErrs8.push(err32);
err32.emUsed = true;
}
}
if(emErrs8.length){
const err33 = {instancePath:instancePath+"/interface",schemaPath:"#/definitions/Interface/errorMessage",keyword:"errorMessage",params:{errors: emErrs8},message:"must be an interface name like eth1 or swp12 (letters then digits, at most 11 characters)",schema:"must be an interface name like eth1 or swp12 (letters then digits, at most 11 characters)",parentSchema:schema44,data:data4};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
const emErrs9 = [];
for(const err34 of vErrors){
if(!err34.emUsed){
emErrs9.push(err34);
}
}
vErrors = emErrs9;
errors = emErrs9.length;
}
}
if(data.peer_interface !== undefined){
let data5 = data.peer_interface;
if(typeof data5 === "string"){
if(!pattern16.test(data5)){
const err35 = {instancePath:instancePath+"/peer_interface",schemaPath:"#/definitions/Interface/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9]{0,9}[0-9]$"},message:"must match pattern \""+"^[a-z][a-z0-9]{0,9}[0-9]$"+"\"",schema:"^[a-z][a-z0-9]{0,9}[0-9]$",parentSchema:schema44,data:data5};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
else {
const err36 = {instancePath:instancePath+"/peer_interface",schemaPath:"#/definitions/Interface/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.type,parentSchema:schema44,data:data5};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
if(errors > 0){
const emErrs10 = [];
for(const err37 of vErrors){
if(((((err37.keyword !== "errorMessage") && (!err37.emUsed)) && ((err37.instancePath === instancePath+"/peer_interface") || ((err37.instancePath.indexOf(instancePath+"/peer_interface") === 0) && (err37.instancePath[instancePath+"/peer_interface".length] === "/")))) && (err37.schemaPath.indexOf("#/definitions/Interface") === 0)) && (err37.schemaPath["#/definitions/Interface".length] === "/")){
emErrs10.push(err37);
err37.emUsed = true;
}
}
if(emErrs10.length){
const err38 = {instancePath:instancePath+"/peer_interface",schemaPath:"#/definitions/Interface/errorMessage",keyword:"errorMessage",params:{errors: emErrs10},message:"must be an interface name like eth1 or swp12 (letters then digits, at most 11 characters)",schema:"must be an interface name like eth1 or swp12 (letters then digits, at most 11 characters)",parentSchema:schema44,data:data5};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
const emErrs11 = [];
for(const err39 of vErrors){
if(!err39.emUsed){
emErrs11.push(err39);
}
}
vErrors = emErrs11;
errors = emErrs11.length;
}
}
if(data.address !== undefined){
let data6 = data.address;
if(typeof data6 === "string"){
if(!pattern4.test(data6)){
const err40 = {instancePath:instancePath+"/address",schemaPath:"#/definitions/Ipv4Prefix/pattern",keyword:"pattern",params:{pattern: "^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$"},message:"must match pattern \""+"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$"+"\"",schema:"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$",parentSchema:schema26,data:data6};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
else {
const err41 = {instancePath:instancePath+"/address",schemaPath:"#/definitions/Ipv4Prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.type,parentSchema:schema26,data:data6};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
if(errors > 0){
const emErrs12 = [];
for(const err42 of vErrors){
if(((((err42.keyword !== "errorMessage") && (!err42.emUsed)) && ((err42.instancePath === instancePath+"/address") || ((err42.instancePath.indexOf(instancePath+"/address") === 0) && (err42.instancePath[instancePath+"/address".length] === "/")))) && (err42.schemaPath.indexOf("#/definitions/Ipv4Prefix") === 0)) && (err42.schemaPath["#/definitions/Ipv4Prefix".length] === "/")){
emErrs12.push(err42);
err42.emUsed = true;
}
}
if(emErrs12.length){
const err43 = {instancePath:instancePath+"/address",schemaPath:"#/definitions/Ipv4Prefix/errorMessage",keyword:"errorMessage",params:{errors: emErrs12},message:"must be an IPv4 prefix like 10.1.0.0/24",schema:"must be an IPv4 prefix like 10.1.0.0/24",parentSchema:schema26,data:data6};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
const emErrs13 = [];
for(const err44 of vErrors){
if(!err44.emUsed){
emErrs13.push(err44);
}
}
vErrors = emErrs13;
errors = emErrs13.length;
}
}
if(data.peer !== undefined){
let data7 = data.peer;
if(typeof data7 === "string"){
if(!pattern19.test(data7)){
const err45 = {instancePath:instancePath+"/peer",schemaPath:"#/definitions/Ipv4Address/pattern",keyword:"pattern",params:{pattern: "^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"},message:"must match pattern \""+"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"+"\"",schema:"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$",parentSchema:schema47,data:data7};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
else {
const err46 = {instancePath:instancePath+"/peer",schemaPath:"#/definitions/Ipv4Address/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.type,parentSchema:schema47,data:data7};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
if(errors > 0){
const emErrs14 = [];
for(const err47 of vErrors){
if(((((err47.keyword !== "errorMessage") && (!err47.emUsed)) && ((err47.instancePath === instancePath+"/peer") || ((err47.instancePath.indexOf(instancePath+"/peer") === 0) && (err47.instancePath[instancePath+"/peer".length] === "/")))) && (err47.schemaPath.indexOf("#/definitions/Ipv4Address") === 0)) && (err47.schemaPath["#/definitions/Ipv4Address".length] === "/")){
emErrs14.push(err47);
err47.emUsed = true;
}
}
if(emErrs14.length){
const err48 = {instancePath:instancePath+"/peer",schemaPath:"#/definitions/Ipv4Address/errorMessage",keyword:"errorMessage",params:{errors: emErrs14},message:"must be an IPv4 address like 10.1.0.5",schema:"must be an IPv4 address like 10.1.0.5",parentSchema:schema47,data:data7};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
const emErrs15 = [];
for(const err49 of vErrors){
if(!err49.emUsed){
emErrs15.push(err49);
}
}
vErrors = emErrs15;
errors = emErrs15.length;
}
}
if(data.address6 !== undefined){
let data8 = data.address6;
if(typeof data8 === "string"){
if(func3(data8) > 49){
const err50 = {instancePath:instancePath+"/address6",schemaPath:"#/definitions/Ipv6Prefix/maxLength",keyword:"maxLength",params:{limit: 49},message:"must NOT have more than 49 characters",schema:49,parentSchema:schema28,data:data8};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
if(!pattern6.test(data8)){
const err51 = {instancePath:instancePath+"/address6",schemaPath:"#/definitions/Ipv6Prefix/pattern",keyword:"pattern",params:{pattern: "^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$"},message:"must match pattern \""+"^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$"+"\"",schema:"^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$",parentSchema:schema28,data:data8};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
else {
const err52 = {instancePath:instancePath+"/address6",schemaPath:"#/definitions/Ipv6Prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.type,parentSchema:schema28,data:data8};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
if(errors > 0){
const emErrs16 = [];
for(const err53 of vErrors){
if(((((err53.keyword !== "errorMessage") && (!err53.emUsed)) && ((err53.instancePath === instancePath+"/address6") || ((err53.instancePath.indexOf(instancePath+"/address6") === 0) && (err53.instancePath[instancePath+"/address6".length] === "/")))) && (err53.schemaPath.indexOf("#/definitions/Ipv6Prefix") === 0)) && (err53.schemaPath["#/definitions/Ipv6Prefix".length] === "/")){
emErrs16.push(err53);
err53.emUsed = true;
}
}
if(emErrs16.length){
const err54 = {instancePath:instancePath+"/address6",schemaPath:"#/definitions/Ipv6Prefix/errorMessage",keyword:"errorMessage",params:{errors: emErrs16},message:"must be an IPv6 prefix like 2001:db8:1::/64",schema:"must be an IPv6 prefix like 2001:db8:1::/64",parentSchema:schema28,data:data8};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
const emErrs17 = [];
for(const err55 of vErrors){
if(!err55.emUsed){
emErrs17.push(err55);
}
}
vErrors = emErrs17;
errors = emErrs17.length;
}
}
if(data.peer6 !== undefined){
let data9 = data.peer6;
if(typeof data9 === "string"){
if(func3(data9) > 45){
const err56 = {instancePath:instancePath+"/peer6",schemaPath:"#/definitions/Ipv6Address/maxLength",keyword:"maxLength",params:{limit: 45},message:"must NOT have more than 45 characters",schema:45,parentSchema:schema49,data:data9};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
if(!pattern21.test(data9)){
const err57 = {instancePath:instancePath+"/peer6",schemaPath:"#/definitions/Ipv6Address/pattern",keyword:"pattern",params:{pattern: "^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$"},message:"must match pattern \""+"^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$"+"\"",schema:"^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$",parentSchema:schema49,data:data9};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
else {
const err58 = {instancePath:instancePath+"/peer6",schemaPath:"#/definitions/Ipv6Address/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.type,parentSchema:schema49,data:data9};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
if(errors > 0){
const emErrs18 = [];
for(const err59 of vErrors){
if(((((err59.keyword !== "errorMessage") && (!err59.emUsed)) && ((err59.instancePath === instancePath+"/peer6") || ((err59.instancePath.indexOf(instancePath+"/peer6") === 0) && (err59.instancePath[instancePath+"/peer6".length] === "/")))) && (err59.schemaPath.indexOf("#/definitions/Ipv6Address") === 0)) && (err59.schemaPath["#/definitions/Ipv6Address".length] === "/")){
emErrs18.push(err59);
err59.emUsed = true;
}
}
if(emErrs18.length){
const err60 = {instancePath:instancePath+"/peer6",schemaPath:"#/definitions/Ipv6Address/errorMessage",keyword:"errorMessage",params:{errors: emErrs18},message:"must be an IPv6 address like 2001:db8::5",schema:"must be an IPv6 address like 2001:db8::5",parentSchema:schema49,data:data9};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
const emErrs19 = [];
for(const err61 of vErrors){
if(!err61.emUsed){
emErrs19.push(err61);
}
}
vErrors = emErrs19;
errors = emErrs19.length;
}
}
if(data.password !== undefined){
if(!(validate23(data.password, {instancePath:instancePath+"/password",parentData:data,parentDataProperty:"password",rootData}))){
vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
errors = vErrors.length;
}
}
if(data.accept !== undefined){
let data11 = data.accept;
if(!((data11 === "default") || (data11 === "full"))){
const err62 = {instancePath:instancePath+"/accept",schemaPath:"#/properties/accept/enum",keyword:"enum",params:{allowedValues: schema39.properties.accept.enum},message:"must be equal to one of the allowed values",schema:schema39.properties.accept.enum,parentSchema:schema39.properties.accept,data:data11};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
if(data.lab !== undefined){
let data12 = data.lab;
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
for(const key1 in data12){
if(!((key1 === "originate") || (key1 === "originate6"))){
const err63 = {instancePath:instancePath+"/lab",schemaPath:"#/properties/lab/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema39.properties.lab,data:data12};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
if(data12.originate !== undefined){
let data13 = data12.originate;
if(Array.isArray(data13)){
const len0 = data13.length;
for(let i0=0; i0<len0; i0++){
let data14 = data13[i0];
if(typeof data14 === "string"){
if(!pattern4.test(data14)){
const err64 = {instancePath:instancePath+"/lab/originate/" + i0,schemaPath:"#/definitions/Ipv4Prefix/pattern",keyword:"pattern",params:{pattern: "^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$"},message:"must match pattern \""+"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$"+"\"",schema:"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$",parentSchema:schema26,data:data14};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
else {
const err65 = {instancePath:instancePath+"/lab/originate/" + i0,schemaPath:"#/definitions/Ipv4Prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.type,parentSchema:schema26,data:data14};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
if(errors > 0){
const emErrs20 = [];
for(const err66 of vErrors){
if(((((err66.keyword !== "errorMessage") && (!err66.emUsed)) && ((err66.instancePath === instancePath+"/lab/originate/" + i0) || ((err66.instancePath.indexOf(instancePath+"/lab/originate/" + i0) === 0) && (err66.instancePath[instancePath+"/lab/originate/" + i0.length] === "/")))) && (err66.schemaPath.indexOf("#/definitions/Ipv4Prefix") === 0)) && (err66.schemaPath["#/definitions/Ipv4Prefix".length] === "/")){
emErrs20.push(err66);
err66.emUsed = true;
}
}
if(emErrs20.length){
const err67 = {instancePath:instancePath+"/lab/originate/" + i0,schemaPath:"#/definitions/Ipv4Prefix/errorMessage",keyword:"errorMessage",params:{errors: emErrs20},message:"must be an IPv4 prefix like 10.1.0.0/24",schema:"must be an IPv4 prefix like 10.1.0.0/24",parentSchema:schema26,data:data14};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
const emErrs21 = [];
for(const err68 of vErrors){
if(!err68.emUsed){
emErrs21.push(err68);
}
}
vErrors = emErrs21;
errors = emErrs21.length;
}
}
let i1 = data13.length;
let j0;
if(i1 > 1){
outer0:
for(;i1--;){
for(j0 = i1; j0--;){
if(func0(data13[i1], data13[j0])){
const err69 = {instancePath:instancePath+"/lab/originate",schemaPath:"#/properties/lab/properties/originate/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema39.properties.lab.properties.originate,data:data13};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
break outer0;
}
}
}
}
}
else {
const err70 = {instancePath:instancePath+"/lab/originate",schemaPath:"#/properties/lab/properties/originate/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema39.properties.lab.properties.originate.type,parentSchema:schema39.properties.lab.properties.originate,data:data13};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
if(data12.originate6 !== undefined){
let data15 = data12.originate6;
if(Array.isArray(data15)){
const len1 = data15.length;
for(let i2=0; i2<len1; i2++){
let data16 = data15[i2];
if(typeof data16 === "string"){
if(func3(data16) > 49){
const err71 = {instancePath:instancePath+"/lab/originate6/" + i2,schemaPath:"#/definitions/Ipv6Prefix/maxLength",keyword:"maxLength",params:{limit: 49},message:"must NOT have more than 49 characters",schema:49,parentSchema:schema28,data:data16};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
if(!pattern6.test(data16)){
const err72 = {instancePath:instancePath+"/lab/originate6/" + i2,schemaPath:"#/definitions/Ipv6Prefix/pattern",keyword:"pattern",params:{pattern: "^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$"},message:"must match pattern \""+"^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$"+"\"",schema:"^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$",parentSchema:schema28,data:data16};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
else {
const err73 = {instancePath:instancePath+"/lab/originate6/" + i2,schemaPath:"#/definitions/Ipv6Prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.type,parentSchema:schema28,data:data16};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
if(errors > 0){
const emErrs22 = [];
for(const err74 of vErrors){
if(((((err74.keyword !== "errorMessage") && (!err74.emUsed)) && ((err74.instancePath === instancePath+"/lab/originate6/" + i2) || ((err74.instancePath.indexOf(instancePath+"/lab/originate6/" + i2) === 0) && (err74.instancePath[instancePath+"/lab/originate6/" + i2.length] === "/")))) && (err74.schemaPath.indexOf("#/definitions/Ipv6Prefix") === 0)) && (err74.schemaPath["#/definitions/Ipv6Prefix".length] === "/")){
emErrs22.push(err74);
err74.emUsed = true;
}
}
if(emErrs22.length){
const err75 = {instancePath:instancePath+"/lab/originate6/" + i2,schemaPath:"#/definitions/Ipv6Prefix/errorMessage",keyword:"errorMessage",params:{errors: emErrs22},message:"must be an IPv6 prefix like 2001:db8:1::/64",schema:"must be an IPv6 prefix like 2001:db8:1::/64",parentSchema:schema28,data:data16};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
const emErrs23 = [];
for(const err76 of vErrors){
if(!err76.emUsed){
emErrs23.push(err76);
}
}
vErrors = emErrs23;
errors = emErrs23.length;
}
}
let i3 = data15.length;
let j1;
if(i3 > 1){
outer1:
for(;i3--;){
for(j1 = i3; j1--;){
if(func0(data15[i3], data15[j1])){
const err77 = {instancePath:instancePath+"/lab/originate6",schemaPath:"#/properties/lab/properties/originate6/uniqueItems",keyword:"uniqueItems",params:{i: i3, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i3+" are identical)",schema:true,parentSchema:schema39.properties.lab.properties.originate6,data:data15};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
break outer1;
}
}
}
}
}
else {
const err78 = {instancePath:instancePath+"/lab/originate6",schemaPath:"#/properties/lab/properties/originate6/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema39.properties.lab.properties.originate6.type,parentSchema:schema39.properties.lab.properties.originate6,data:data15};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
}
else {
const err79 = {instancePath:instancePath+"/lab",schemaPath:"#/properties/lab/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema39.properties.lab.type,parentSchema:schema39.properties.lab,data:data12};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
}
else {
const err80 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema39.type,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
validate29.errors = vErrors;
return errors === 0;
}

const schema53 = {"type":"object","required":["role"],"properties":{"role":{"type":"string"}},"discriminator":{"propertyName":"role"},"oneOf":[{"$ref":"#/definitions/SuperspineDevice"},{"$ref":"#/definitions/EdgeDevice"},{"$ref":"#/definitions/SpineDevice"},{"$ref":"#/definitions/LeafDevice"},{"$ref":"#/definitions/HypervisorDevice"},{"$ref":"#/definitions/StorageDevice"},{"$ref":"#/definitions/K8sNodeDevice"},{"$ref":"#/definitions/VrouterDevice"},{"$ref":"#/definitions/L4lbDevice"},{"$ref":"#/definitions/L7lbDevice"},{"$ref":"#/definitions/VmDevice"}],"errorMessage":{"discriminator":"must have a role: superspine, spine, leaf, edge, hypervisor, storage, k8s-node, vrouter, l4lb, l7lb or vm"}};
const schema54 = {"type":"object","additionalProperties":false,"required":["role","id","rack"],"description":"Super-spine of a 5-stage Clos: unnumbered eBGP to the spines of every pod.","properties":{"role":{"const":"superspine"},"id":{"$ref":"#/definitions/DeviceId"},"rack":{"$ref":"#/definitions/Name"},"description":{"$ref":"#/definitions/Text"},"mgmt":{"$ref":"#/definitions/Ipv4Address","description":"@default pools.mgmt + id"},"asn":{"$ref":"#/definitions/Asn","description":"@default asns.superspine"},"interfaces":{"$ref":"#/definitions/InterfaceSettings"}}};
const schema60 = {"type":"object","description":"Per-interface overrides, by interface name.","propertyNames":{"$ref":"#/definitions/Interface"},"additionalProperties":{"type":"object","additionalProperties":false,"properties":{"mtu":{"type":"integer","minimum":1280,"maximum":9216},"description":{"$ref":"#/definitions/Text"}}}};

function validate34(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
const _errs1 = errors;
if(typeof key0 === "string"){
if(!pattern16.test(key0)){
const err0 = {instancePath,schemaPath:"#/definitions/Interface/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9]{0,9}[0-9]$"},message:"must match pattern \""+"^[a-z][a-z0-9]{0,9}[0-9]$"+"\"",schema:"^[a-z][a-z0-9]{0,9}[0-9]$",parentSchema:schema44,data:key0,propertyName:key0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
else {
const err1 = {instancePath,schemaPath:"#/definitions/Interface/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.type,parentSchema:schema44,data:key0,propertyName:key0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(errors > 0){
const emErrs0 = [];
for(const err2 of vErrors){
if(((((err2.keyword !== "errorMessage") && (!err2.emUsed)) && ((err2.instancePath === instancePath) || ((err2.instancePath.indexOf(instancePath) === 0) && (err2.instancePath[instancePath.length] === "/")))) && (err2.schemaPath.indexOf("#/definitions/Interface") === 0)) && (err2.schemaPath["#/definitions/Interface".length] === "/")){
emErrs0.push(err2);
err2.emUsed = true;
}
}
if(emErrs0.length){
const err3 = {instancePath,schemaPath:"#/definitions/Interface/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be an interface name like eth1 or swp12 (letters then digits, at most 11 characters)",schema:"must be an interface name like eth1 or swp12 (letters then digits, at most 11 characters)",parentSchema:schema44,data:key0,propertyName:key0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
const emErrs1 = [];
for(const err4 of vErrors){
if(!err4.emUsed){
emErrs1.push(err4);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
var valid0 = _errs1 === errors;
if(!valid0){
const err5 = {instancePath,schemaPath:"#/propertyNames",keyword:"propertyNames",params:{propertyName: key0},message:"property name must be valid",schema:schema60.propertyNames,parentSchema:schema60,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
for(const key1 in data){
let data0 = data[key1];
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key2 in data0){
if(!((key2 === "mtu") || (key2 === "description"))){
const err6 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/additionalProperties/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema60.additionalProperties,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data0.mtu !== undefined){
let data1 = data0.mtu;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err7 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/mtu",schemaPath:"#/additionalProperties/properties/mtu/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema60.additionalProperties.properties.mtu.type,parentSchema:schema60.additionalProperties.properties.mtu,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 9216 || isNaN(data1)){
const err8 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/mtu",schemaPath:"#/additionalProperties/properties/mtu/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9216},message:"must be <= 9216",schema:9216,parentSchema:schema60.additionalProperties.properties.mtu,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data1 < 1280 || isNaN(data1)){
const err9 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/mtu",schemaPath:"#/additionalProperties/properties/mtu/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1280},message:"must be >= 1280",schema:1280,parentSchema:schema60.additionalProperties.properties.mtu,data:data1};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
if(data0.description !== undefined){
let data2 = data0.description;
if(typeof data2 === "string"){
if(func3(data2) > 80){
const err10 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/description",schemaPath:"#/definitions/Text/maxLength",keyword:"maxLength",params:{limit: 80},message:"must NOT have more than 80 characters",schema:80,parentSchema:schema19,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(!pattern2.test(data2)){
const err11 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/description",schemaPath:"#/definitions/Text/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9 .,:/()_+@=-]*$"},message:"must match pattern \""+"^[A-Za-z0-9 .,:/()_+@=-]*$"+"\"",schema:"^[A-Za-z0-9 .,:/()_+@=-]*$",parentSchema:schema19,data:data2};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/description",schemaPath:"#/definitions/Text/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.type,parentSchema:schema19,data:data2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err13 of vErrors){
if(((((err13.keyword !== "errorMessage") && (!err13.emUsed)) && ((err13.instancePath === instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/description") || ((err13.instancePath.indexOf(instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/description") === 0) && (err13.instancePath[instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/description".length] === "/")))) && (err13.schemaPath.indexOf("#/definitions/Text") === 0)) && (err13.schemaPath["#/definitions/Text".length] === "/")){
emErrs2.push(err13);
err13.emUsed = true;
}
}
if(emErrs2.length){
const err14 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/description",schemaPath:"#/definitions/Text/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",schema:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",parentSchema:schema19,data:data2};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
const emErrs3 = [];
for(const err15 of vErrors){
if(!err15.emUsed){
emErrs3.push(err15);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
}
}
else {
const err16 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/additionalProperties/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema60.additionalProperties.type,parentSchema:schema60.additionalProperties,data:data0};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema60.type,parentSchema:schema60,data};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
validate34.errors = vErrors;
return errors === 0;
}


function validate33(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.role === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "role"},message:"must have required property '"+"role"+"'",schema:schema54.required,parentSchema:schema54,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.id === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema54.required,parentSchema:schema54,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.rack === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "rack"},message:"must have required property '"+"rack"+"'",schema:schema54.required,parentSchema:schema54,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!(((((((key0 === "role") || (key0 === "id")) || (key0 === "rack")) || (key0 === "description")) || (key0 === "mgmt")) || (key0 === "asn")) || (key0 === "interfaces"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema54,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.role !== undefined){
let data0 = data.role;
if("superspine" !== data0){
const err4 = {instancePath:instancePath+"/role",schemaPath:"#/properties/role/const",keyword:"const",params:{allowedValue: "superspine"},message:"must be equal to constant",schema:"superspine",parentSchema:schema54.properties.role,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.id !== undefined){
let data1 = data.id;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err5 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema40.type,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 65535 || isNaN(data1)){
const err6 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data1 < 1 || isNaN(data1)){
const err7 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(errors > 0){
const emErrs0 = [];
for(const err8 of vErrors){
if(((((err8.keyword !== "errorMessage") && (!err8.emUsed)) && ((err8.instancePath === instancePath+"/id") || ((err8.instancePath.indexOf(instancePath+"/id") === 0) && (err8.instancePath[instancePath+"/id".length] === "/")))) && (err8.schemaPath.indexOf("#/definitions/DeviceId") === 0)) && (err8.schemaPath["#/definitions/DeviceId".length] === "/")){
emErrs0.push(err8);
err8.emUsed = true;
}
}
if(emErrs0.length){
const err9 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be a whole number from 1 to 65535, unique in the site, e.g. 11",schema:"must be a whole number from 1 to 65535, unique in the site, e.g. 11",parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
const emErrs1 = [];
for(const err10 of vErrors){
if(!err10.emUsed){
emErrs1.push(err10);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
if(data.rack !== undefined){
let data2 = data.rack;
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
const err11 = {instancePath:instancePath+"/rack",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/rack",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err13 of vErrors){
if(((((err13.keyword !== "errorMessage") && (!err13.emUsed)) && ((err13.instancePath === instancePath+"/rack") || ((err13.instancePath.indexOf(instancePath+"/rack") === 0) && (err13.instancePath[instancePath+"/rack".length] === "/")))) && (err13.schemaPath.indexOf("#/definitions/Name") === 0)) && (err13.schemaPath["#/definitions/Name".length] === "/")){
emErrs2.push(err13);
err13.emUsed = true;
}
}
if(emErrs2.length){
const err14 = {instancePath:instancePath+"/rack",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
const emErrs3 = [];
for(const err15 of vErrors){
if(!err15.emUsed){
emErrs3.push(err15);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
}
if(data.description !== undefined){
let data3 = data.description;
if(typeof data3 === "string"){
if(func3(data3) > 80){
const err16 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/maxLength",keyword:"maxLength",params:{limit: 80},message:"must NOT have more than 80 characters",schema:80,parentSchema:schema19,data:data3};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(!pattern2.test(data3)){
const err17 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9 .,:/()_+@=-]*$"},message:"must match pattern \""+"^[A-Za-z0-9 .,:/()_+@=-]*$"+"\"",schema:"^[A-Za-z0-9 .,:/()_+@=-]*$",parentSchema:schema19,data:data3};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.type,parentSchema:schema19,data:data3};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(errors > 0){
const emErrs4 = [];
for(const err19 of vErrors){
if(((((err19.keyword !== "errorMessage") && (!err19.emUsed)) && ((err19.instancePath === instancePath+"/description") || ((err19.instancePath.indexOf(instancePath+"/description") === 0) && (err19.instancePath[instancePath+"/description".length] === "/")))) && (err19.schemaPath.indexOf("#/definitions/Text") === 0)) && (err19.schemaPath["#/definitions/Text".length] === "/")){
emErrs4.push(err19);
err19.emUsed = true;
}
}
if(emErrs4.length){
const err20 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/errorMessage",keyword:"errorMessage",params:{errors: emErrs4},message:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",schema:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",parentSchema:schema19,data:data3};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
const emErrs5 = [];
for(const err21 of vErrors){
if(!err21.emUsed){
emErrs5.push(err21);
}
}
vErrors = emErrs5;
errors = emErrs5.length;
}
}
if(data.mgmt !== undefined){
let data4 = data.mgmt;
if(typeof data4 === "string"){
if(!pattern19.test(data4)){
const err22 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Address/pattern",keyword:"pattern",params:{pattern: "^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"},message:"must match pattern \""+"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"+"\"",schema:"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$",parentSchema:schema47,data:data4};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Address/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.type,parentSchema:schema47,data:data4};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(errors > 0){
const emErrs6 = [];
for(const err24 of vErrors){
if(((((err24.keyword !== "errorMessage") && (!err24.emUsed)) && ((err24.instancePath === instancePath+"/mgmt") || ((err24.instancePath.indexOf(instancePath+"/mgmt") === 0) && (err24.instancePath[instancePath+"/mgmt".length] === "/")))) && (err24.schemaPath.indexOf("#/definitions/Ipv4Address") === 0)) && (err24.schemaPath["#/definitions/Ipv4Address".length] === "/")){
emErrs6.push(err24);
err24.emUsed = true;
}
}
if(emErrs6.length){
const err25 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Address/errorMessage",keyword:"errorMessage",params:{errors: emErrs6},message:"must be an IPv4 address like 10.1.0.5",schema:"must be an IPv4 address like 10.1.0.5",parentSchema:schema47,data:data4};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
const emErrs7 = [];
for(const err26 of vErrors){
if(!err26.emUsed){
emErrs7.push(err26);
}
}
vErrors = emErrs7;
errors = emErrs7.length;
}
}
if(data.asn !== undefined){
let data5 = data.asn;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err27 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema21.type,parentSchema:schema21,data:data5};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 4294967294 || isNaN(data5)){
const err28 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967294},message:"must be <= 4294967294",schema:4294967294,parentSchema:schema21,data:data5};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(data5 < 1 || isNaN(data5)){
const err29 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema21,data:data5};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(errors > 0){
const emErrs8 = [];
for(const err30 of vErrors){
if(((((err30.keyword !== "errorMessage") && (!err30.emUsed)) && ((err30.instancePath === instancePath+"/asn") || ((err30.instancePath.indexOf(instancePath+"/asn") === 0) && (err30.instancePath[instancePath+"/asn".length] === "/")))) && (err30.schemaPath.indexOf("#/definitions/Asn") === 0)) && (err30.schemaPath["#/definitions/Asn".length] === "/")){
emErrs8.push(err30);
err30.emUsed = true;
}
}
if(emErrs8.length){
const err31 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/errorMessage",keyword:"errorMessage",params:{errors: emErrs8},message:"must be an AS number from 1 to 4294967294, e.g. 65001",schema:"must be an AS number from 1 to 4294967294, e.g. 65001",parentSchema:schema21,data:data5};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
const emErrs9 = [];
for(const err32 of vErrors){
if(!err32.emUsed){
emErrs9.push(err32);
}
}
vErrors = emErrs9;
errors = emErrs9.length;
}
}
if(data.interfaces !== undefined){
if(!(validate34(data.interfaces, {instancePath:instancePath+"/interfaces",parentData:data,parentDataProperty:"interfaces",rootData}))){
vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
errors = vErrors.length;
}
}
}
else {
const err33 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema54.type,parentSchema:schema54,data};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
validate33.errors = vErrors;
return errors === 0;
}

const schema63 = {"type":"object","additionalProperties":false,"required":["role","id","rack","uplinks"],"description":"Internet edge router: eBGP to its upstream, unnumbered eBGP to every spine, default route into the fabric.","properties":{"role":{"const":"edge"},"id":{"$ref":"#/definitions/DeviceId"},"rack":{"$ref":"#/definitions/Name"},"description":{"$ref":"#/definitions/Text"},"mgmt":{"$ref":"#/definitions/Ipv4Address","description":"@default pools.mgmt + id"},"asn":{"$ref":"#/definitions/Asn","description":"@default asns.edge"},"uplinks":{"$ref":"#/definitions/Uplinks"},"interfaces":{"$ref":"#/definitions/InterfaceSettings"}}};
const schema69 = {"type":"object","description":"Cables to the tier above, by local interface: `{ eth1: spine1:eth3 }`. Each cable is declared once, on its lower end.","propertyNames":{"$ref":"#/definitions/Interface"},"additionalProperties":{"$ref":"#/definitions/Endpoint"},"minProperties":1};
const schema71 = {"type":"string","description":"The far end of a cable: `<device>:<interface>`.","pattern":"^[a-z][a-z0-9-]{0,30}:[a-z][a-z0-9]{0,9}[0-9]$","errorMessage":"must be <device>:<interface>, e.g. spine1:eth3"};
const pattern34 = new RegExp("^[a-z][a-z0-9-]{0,30}:[a-z][a-z0-9]{0,9}[0-9]$", "u");

function validate37(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(Object.keys(data).length < 1){
const err0 = {instancePath,schemaPath:"#/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema69,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
const _errs1 = errors;
if(typeof key0 === "string"){
if(!pattern16.test(key0)){
const err1 = {instancePath,schemaPath:"#/definitions/Interface/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9]{0,9}[0-9]$"},message:"must match pattern \""+"^[a-z][a-z0-9]{0,9}[0-9]$"+"\"",schema:"^[a-z][a-z0-9]{0,9}[0-9]$",parentSchema:schema44,data:key0,propertyName:key0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
else {
const err2 = {instancePath,schemaPath:"#/definitions/Interface/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.type,parentSchema:schema44,data:key0,propertyName:key0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(errors > 0){
const emErrs0 = [];
for(const err3 of vErrors){
if(((((err3.keyword !== "errorMessage") && (!err3.emUsed)) && ((err3.instancePath === instancePath) || ((err3.instancePath.indexOf(instancePath) === 0) && (err3.instancePath[instancePath.length] === "/")))) && (err3.schemaPath.indexOf("#/definitions/Interface") === 0)) && (err3.schemaPath["#/definitions/Interface".length] === "/")){
emErrs0.push(err3);
err3.emUsed = true;
}
}
if(emErrs0.length){
const err4 = {instancePath,schemaPath:"#/definitions/Interface/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be an interface name like eth1 or swp12 (letters then digits, at most 11 characters)",schema:"must be an interface name like eth1 or swp12 (letters then digits, at most 11 characters)",parentSchema:schema44,data:key0,propertyName:key0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
const emErrs1 = [];
for(const err5 of vErrors){
if(!err5.emUsed){
emErrs1.push(err5);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
var valid0 = _errs1 === errors;
if(!valid0){
const err6 = {instancePath,schemaPath:"#/propertyNames",keyword:"propertyNames",params:{propertyName: key0},message:"property name must be valid",schema:schema69.propertyNames,parentSchema:schema69,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
for(const key1 in data){
let data0 = data[key1];
if(typeof data0 === "string"){
if(!pattern34.test(data0)){
const err7 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/Endpoint/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}:[a-z][a-z0-9]{0,9}[0-9]$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}:[a-z][a-z0-9]{0,9}[0-9]$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}:[a-z][a-z0-9]{0,9}[0-9]$",parentSchema:schema71,data:data0};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/Endpoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema71.type,parentSchema:schema71,data:data0};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err9 of vErrors){
if(((((err9.keyword !== "errorMessage") && (!err9.emUsed)) && ((err9.instancePath === instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")) || ((err9.instancePath.indexOf(instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")) === 0) && (err9.instancePath[instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1").length] === "/")))) && (err9.schemaPath.indexOf("#/definitions/Endpoint") === 0)) && (err9.schemaPath["#/definitions/Endpoint".length] === "/")){
emErrs2.push(err9);
err9.emUsed = true;
}
}
if(emErrs2.length){
const err10 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/Endpoint/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be <device>:<interface>, e.g. spine1:eth3",schema:"must be <device>:<interface>, e.g. spine1:eth3",parentSchema:schema71,data:data0};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
const emErrs3 = [];
for(const err11 of vErrors){
if(!err11.emUsed){
emErrs3.push(err11);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
}
}
else {
const err12 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema69.type,parentSchema:schema69,data};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
validate37.errors = vErrors;
return errors === 0;
}


function validate36(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.role === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "role"},message:"must have required property '"+"role"+"'",schema:schema63.required,parentSchema:schema63,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.id === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema63.required,parentSchema:schema63,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.rack === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "rack"},message:"must have required property '"+"rack"+"'",schema:schema63.required,parentSchema:schema63,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.uplinks === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "uplinks"},message:"must have required property '"+"uplinks"+"'",schema:schema63.required,parentSchema:schema63,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!((((((((key0 === "role") || (key0 === "id")) || (key0 === "rack")) || (key0 === "description")) || (key0 === "mgmt")) || (key0 === "asn")) || (key0 === "uplinks")) || (key0 === "interfaces"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema63,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.role !== undefined){
let data0 = data.role;
if("edge" !== data0){
const err5 = {instancePath:instancePath+"/role",schemaPath:"#/properties/role/const",keyword:"const",params:{allowedValue: "edge"},message:"must be equal to constant",schema:"edge",parentSchema:schema63.properties.role,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.id !== undefined){
let data1 = data.id;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err6 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema40.type,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 65535 || isNaN(data1)){
const err7 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data1 < 1 || isNaN(data1)){
const err8 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(errors > 0){
const emErrs0 = [];
for(const err9 of vErrors){
if(((((err9.keyword !== "errorMessage") && (!err9.emUsed)) && ((err9.instancePath === instancePath+"/id") || ((err9.instancePath.indexOf(instancePath+"/id") === 0) && (err9.instancePath[instancePath+"/id".length] === "/")))) && (err9.schemaPath.indexOf("#/definitions/DeviceId") === 0)) && (err9.schemaPath["#/definitions/DeviceId".length] === "/")){
emErrs0.push(err9);
err9.emUsed = true;
}
}
if(emErrs0.length){
const err10 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be a whole number from 1 to 65535, unique in the site, e.g. 11",schema:"must be a whole number from 1 to 65535, unique in the site, e.g. 11",parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
const emErrs1 = [];
for(const err11 of vErrors){
if(!err11.emUsed){
emErrs1.push(err11);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
if(data.rack !== undefined){
let data2 = data.rack;
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
const err12 = {instancePath:instancePath+"/rack",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/rack",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err14 of vErrors){
if(((((err14.keyword !== "errorMessage") && (!err14.emUsed)) && ((err14.instancePath === instancePath+"/rack") || ((err14.instancePath.indexOf(instancePath+"/rack") === 0) && (err14.instancePath[instancePath+"/rack".length] === "/")))) && (err14.schemaPath.indexOf("#/definitions/Name") === 0)) && (err14.schemaPath["#/definitions/Name".length] === "/")){
emErrs2.push(err14);
err14.emUsed = true;
}
}
if(emErrs2.length){
const err15 = {instancePath:instancePath+"/rack",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
const emErrs3 = [];
for(const err16 of vErrors){
if(!err16.emUsed){
emErrs3.push(err16);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
}
if(data.description !== undefined){
let data3 = data.description;
if(typeof data3 === "string"){
if(func3(data3) > 80){
const err17 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/maxLength",keyword:"maxLength",params:{limit: 80},message:"must NOT have more than 80 characters",schema:80,parentSchema:schema19,data:data3};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(!pattern2.test(data3)){
const err18 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9 .,:/()_+@=-]*$"},message:"must match pattern \""+"^[A-Za-z0-9 .,:/()_+@=-]*$"+"\"",schema:"^[A-Za-z0-9 .,:/()_+@=-]*$",parentSchema:schema19,data:data3};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.type,parentSchema:schema19,data:data3};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(errors > 0){
const emErrs4 = [];
for(const err20 of vErrors){
if(((((err20.keyword !== "errorMessage") && (!err20.emUsed)) && ((err20.instancePath === instancePath+"/description") || ((err20.instancePath.indexOf(instancePath+"/description") === 0) && (err20.instancePath[instancePath+"/description".length] === "/")))) && (err20.schemaPath.indexOf("#/definitions/Text") === 0)) && (err20.schemaPath["#/definitions/Text".length] === "/")){
emErrs4.push(err20);
err20.emUsed = true;
}
}
if(emErrs4.length){
const err21 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/errorMessage",keyword:"errorMessage",params:{errors: emErrs4},message:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",schema:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",parentSchema:schema19,data:data3};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
const emErrs5 = [];
for(const err22 of vErrors){
if(!err22.emUsed){
emErrs5.push(err22);
}
}
vErrors = emErrs5;
errors = emErrs5.length;
}
}
if(data.mgmt !== undefined){
let data4 = data.mgmt;
if(typeof data4 === "string"){
if(!pattern19.test(data4)){
const err23 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Address/pattern",keyword:"pattern",params:{pattern: "^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"},message:"must match pattern \""+"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"+"\"",schema:"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$",parentSchema:schema47,data:data4};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Address/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.type,parentSchema:schema47,data:data4};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(errors > 0){
const emErrs6 = [];
for(const err25 of vErrors){
if(((((err25.keyword !== "errorMessage") && (!err25.emUsed)) && ((err25.instancePath === instancePath+"/mgmt") || ((err25.instancePath.indexOf(instancePath+"/mgmt") === 0) && (err25.instancePath[instancePath+"/mgmt".length] === "/")))) && (err25.schemaPath.indexOf("#/definitions/Ipv4Address") === 0)) && (err25.schemaPath["#/definitions/Ipv4Address".length] === "/")){
emErrs6.push(err25);
err25.emUsed = true;
}
}
if(emErrs6.length){
const err26 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Address/errorMessage",keyword:"errorMessage",params:{errors: emErrs6},message:"must be an IPv4 address like 10.1.0.5",schema:"must be an IPv4 address like 10.1.0.5",parentSchema:schema47,data:data4};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
const emErrs7 = [];
for(const err27 of vErrors){
if(!err27.emUsed){
emErrs7.push(err27);
}
}
vErrors = emErrs7;
errors = emErrs7.length;
}
}
if(data.asn !== undefined){
let data5 = data.asn;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err28 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema21.type,parentSchema:schema21,data:data5};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 4294967294 || isNaN(data5)){
const err29 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967294},message:"must be <= 4294967294",schema:4294967294,parentSchema:schema21,data:data5};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(data5 < 1 || isNaN(data5)){
const err30 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema21,data:data5};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(errors > 0){
const emErrs8 = [];
for(const err31 of vErrors){
if(((((err31.keyword !== "errorMessage") && (!err31.emUsed)) && ((err31.instancePath === instancePath+"/asn") || ((err31.instancePath.indexOf(instancePath+"/asn") === 0) && (err31.instancePath[instancePath+"/asn".length] === "/")))) && (err31.schemaPath.indexOf("#/definitions/Asn") === 0)) && (err31.schemaPath["#/definitions/Asn".length] === "/")){
emErrs8.push(err31);
err31.emUsed = true;
}
}
if(emErrs8.length){
const err32 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/errorMessage",keyword:"errorMessage",params:{errors: emErrs8},message:"must be an AS number from 1 to 4294967294, e.g. 65001",schema:"must be an AS number from 1 to 4294967294, e.g. 65001",parentSchema:schema21,data:data5};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
const emErrs9 = [];
for(const err33 of vErrors){
if(!err33.emUsed){
emErrs9.push(err33);
}
}
vErrors = emErrs9;
errors = emErrs9.length;
}
}
if(data.uplinks !== undefined){
if(!(validate37(data.uplinks, {instancePath:instancePath+"/uplinks",parentData:data,parentDataProperty:"uplinks",rootData}))){
vErrors = vErrors === null ? validate37.errors : vErrors.concat(validate37.errors);
errors = vErrors.length;
}
}
if(data.interfaces !== undefined){
if(!(validate34(data.interfaces, {instancePath:instancePath+"/interfaces",parentData:data,parentDataProperty:"interfaces",rootData}))){
vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
errors = vErrors.length;
}
}
}
else {
const err34 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema63.type,parentSchema:schema63,data};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
validate36.errors = vErrors;
return errors === 0;
}

const schema72 = {"type":"object","additionalProperties":false,"required":["role","id","rack"],"description":"Spine: unnumbered eBGP to every leaf and edge, ECMP, BFD.","properties":{"role":{"const":"spine"},"id":{"$ref":"#/definitions/DeviceId"},"rack":{"$ref":"#/definitions/Name"},"description":{"$ref":"#/definitions/Text"},"mgmt":{"$ref":"#/definitions/Ipv4Address","description":"@default pools.mgmt + id"},"asn":{"$ref":"#/definitions/Asn","description":"@default asns.spine + pod - 1"},"interfaces":{"$ref":"#/definitions/InterfaceSettings"},"pod":{"type":"integer","minimum":1,"maximum":255,"description":"Pod of a 5-stage Clos. Leaves uplink to the spines of their pod. @default 1"},"uplinks":{"$ref":"#/definitions/Uplinks","description":"Cables to the super-spines (5-stage Clos only)."}}};

function validate40(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.role === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "role"},message:"must have required property '"+"role"+"'",schema:schema72.required,parentSchema:schema72,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.id === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema72.required,parentSchema:schema72,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.rack === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "rack"},message:"must have required property '"+"rack"+"'",schema:schema72.required,parentSchema:schema72,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!(func2.call(schema72.properties, key0))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema72,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.role !== undefined){
let data0 = data.role;
if("spine" !== data0){
const err4 = {instancePath:instancePath+"/role",schemaPath:"#/properties/role/const",keyword:"const",params:{allowedValue: "spine"},message:"must be equal to constant",schema:"spine",parentSchema:schema72.properties.role,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.id !== undefined){
let data1 = data.id;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err5 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema40.type,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 65535 || isNaN(data1)){
const err6 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data1 < 1 || isNaN(data1)){
const err7 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(errors > 0){
const emErrs0 = [];
for(const err8 of vErrors){
if(((((err8.keyword !== "errorMessage") && (!err8.emUsed)) && ((err8.instancePath === instancePath+"/id") || ((err8.instancePath.indexOf(instancePath+"/id") === 0) && (err8.instancePath[instancePath+"/id".length] === "/")))) && (err8.schemaPath.indexOf("#/definitions/DeviceId") === 0)) && (err8.schemaPath["#/definitions/DeviceId".length] === "/")){
emErrs0.push(err8);
err8.emUsed = true;
}
}
if(emErrs0.length){
const err9 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be a whole number from 1 to 65535, unique in the site, e.g. 11",schema:"must be a whole number from 1 to 65535, unique in the site, e.g. 11",parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
const emErrs1 = [];
for(const err10 of vErrors){
if(!err10.emUsed){
emErrs1.push(err10);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
if(data.rack !== undefined){
let data2 = data.rack;
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
const err11 = {instancePath:instancePath+"/rack",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/rack",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err13 of vErrors){
if(((((err13.keyword !== "errorMessage") && (!err13.emUsed)) && ((err13.instancePath === instancePath+"/rack") || ((err13.instancePath.indexOf(instancePath+"/rack") === 0) && (err13.instancePath[instancePath+"/rack".length] === "/")))) && (err13.schemaPath.indexOf("#/definitions/Name") === 0)) && (err13.schemaPath["#/definitions/Name".length] === "/")){
emErrs2.push(err13);
err13.emUsed = true;
}
}
if(emErrs2.length){
const err14 = {instancePath:instancePath+"/rack",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
const emErrs3 = [];
for(const err15 of vErrors){
if(!err15.emUsed){
emErrs3.push(err15);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
}
if(data.description !== undefined){
let data3 = data.description;
if(typeof data3 === "string"){
if(func3(data3) > 80){
const err16 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/maxLength",keyword:"maxLength",params:{limit: 80},message:"must NOT have more than 80 characters",schema:80,parentSchema:schema19,data:data3};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(!pattern2.test(data3)){
const err17 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9 .,:/()_+@=-]*$"},message:"must match pattern \""+"^[A-Za-z0-9 .,:/()_+@=-]*$"+"\"",schema:"^[A-Za-z0-9 .,:/()_+@=-]*$",parentSchema:schema19,data:data3};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.type,parentSchema:schema19,data:data3};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(errors > 0){
const emErrs4 = [];
for(const err19 of vErrors){
if(((((err19.keyword !== "errorMessage") && (!err19.emUsed)) && ((err19.instancePath === instancePath+"/description") || ((err19.instancePath.indexOf(instancePath+"/description") === 0) && (err19.instancePath[instancePath+"/description".length] === "/")))) && (err19.schemaPath.indexOf("#/definitions/Text") === 0)) && (err19.schemaPath["#/definitions/Text".length] === "/")){
emErrs4.push(err19);
err19.emUsed = true;
}
}
if(emErrs4.length){
const err20 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/errorMessage",keyword:"errorMessage",params:{errors: emErrs4},message:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",schema:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",parentSchema:schema19,data:data3};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
const emErrs5 = [];
for(const err21 of vErrors){
if(!err21.emUsed){
emErrs5.push(err21);
}
}
vErrors = emErrs5;
errors = emErrs5.length;
}
}
if(data.mgmt !== undefined){
let data4 = data.mgmt;
if(typeof data4 === "string"){
if(!pattern19.test(data4)){
const err22 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Address/pattern",keyword:"pattern",params:{pattern: "^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"},message:"must match pattern \""+"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"+"\"",schema:"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$",parentSchema:schema47,data:data4};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Address/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.type,parentSchema:schema47,data:data4};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(errors > 0){
const emErrs6 = [];
for(const err24 of vErrors){
if(((((err24.keyword !== "errorMessage") && (!err24.emUsed)) && ((err24.instancePath === instancePath+"/mgmt") || ((err24.instancePath.indexOf(instancePath+"/mgmt") === 0) && (err24.instancePath[instancePath+"/mgmt".length] === "/")))) && (err24.schemaPath.indexOf("#/definitions/Ipv4Address") === 0)) && (err24.schemaPath["#/definitions/Ipv4Address".length] === "/")){
emErrs6.push(err24);
err24.emUsed = true;
}
}
if(emErrs6.length){
const err25 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Address/errorMessage",keyword:"errorMessage",params:{errors: emErrs6},message:"must be an IPv4 address like 10.1.0.5",schema:"must be an IPv4 address like 10.1.0.5",parentSchema:schema47,data:data4};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
const emErrs7 = [];
for(const err26 of vErrors){
if(!err26.emUsed){
emErrs7.push(err26);
}
}
vErrors = emErrs7;
errors = emErrs7.length;
}
}
if(data.asn !== undefined){
let data5 = data.asn;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err27 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema21.type,parentSchema:schema21,data:data5};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 4294967294 || isNaN(data5)){
const err28 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967294},message:"must be <= 4294967294",schema:4294967294,parentSchema:schema21,data:data5};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(data5 < 1 || isNaN(data5)){
const err29 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema21,data:data5};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(errors > 0){
const emErrs8 = [];
for(const err30 of vErrors){
if(((((err30.keyword !== "errorMessage") && (!err30.emUsed)) && ((err30.instancePath === instancePath+"/asn") || ((err30.instancePath.indexOf(instancePath+"/asn") === 0) && (err30.instancePath[instancePath+"/asn".length] === "/")))) && (err30.schemaPath.indexOf("#/definitions/Asn") === 0)) && (err30.schemaPath["#/definitions/Asn".length] === "/")){
emErrs8.push(err30);
err30.emUsed = true;
}
}
if(emErrs8.length){
const err31 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/errorMessage",keyword:"errorMessage",params:{errors: emErrs8},message:"must be an AS number from 1 to 4294967294, e.g. 65001",schema:"must be an AS number from 1 to 4294967294, e.g. 65001",parentSchema:schema21,data:data5};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
const emErrs9 = [];
for(const err32 of vErrors){
if(!err32.emUsed){
emErrs9.push(err32);
}
}
vErrors = emErrs9;
errors = emErrs9.length;
}
}
if(data.interfaces !== undefined){
if(!(validate34(data.interfaces, {instancePath:instancePath+"/interfaces",parentData:data,parentDataProperty:"interfaces",rootData}))){
vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
errors = vErrors.length;
}
}
if(data.pod !== undefined){
let data7 = data.pod;
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
const err33 = {instancePath:instancePath+"/pod",schemaPath:"#/properties/pod/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema72.properties.pod.type,parentSchema:schema72.properties.pod,data:data7};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 255 || isNaN(data7)){
const err34 = {instancePath:instancePath+"/pod",schemaPath:"#/properties/pod/maximum",keyword:"maximum",params:{comparison: "<=", limit: 255},message:"must be <= 255",schema:255,parentSchema:schema72.properties.pod,data:data7};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if(data7 < 1 || isNaN(data7)){
const err35 = {instancePath:instancePath+"/pod",schemaPath:"#/properties/pod/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema72.properties.pod,data:data7};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
}
if(data.uplinks !== undefined){
if(!(validate37(data.uplinks, {instancePath:instancePath+"/uplinks",parentData:data,parentDataProperty:"uplinks",rootData}))){
vErrors = vErrors === null ? validate37.errors : vErrors.concat(validate37.errors);
errors = vErrors.length;
}
}
}
else {
const err36 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema72.type,parentSchema:schema72,data};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
validate40.errors = vErrors;
return errors === 0;
}

const schema78 = {"type":"object","additionalProperties":false,"required":["role","id","rack","uplinks"],"description":"Leaf (top of rack). The leaves of one rack form its leaf pair; every host of the rack is cabled to both.","properties":{"role":{"const":"leaf"},"id":{"$ref":"#/definitions/DeviceId"},"rack":{"$ref":"#/definitions/Name"},"description":{"$ref":"#/definitions/Text"},"mgmt":{"$ref":"#/definitions/Ipv4Address","description":"@default pools.mgmt + id"},"asn":{"$ref":"#/definitions/Asn","description":"@default first of asns.pool + id"},"uplinks":{"$ref":"#/definitions/Uplinks"},"interfaces":{"$ref":"#/definitions/InterfaceSettings"},"pod":{"type":"integer","minimum":1,"maximum":255,"description":"Pod of a 5-stage Clos. Leaves uplink to the spines of their pod. @default 1"}}};

function validate43(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.role === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "role"},message:"must have required property '"+"role"+"'",schema:schema78.required,parentSchema:schema78,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.id === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema78.required,parentSchema:schema78,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.rack === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "rack"},message:"must have required property '"+"rack"+"'",schema:schema78.required,parentSchema:schema78,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.uplinks === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "uplinks"},message:"must have required property '"+"uplinks"+"'",schema:schema78.required,parentSchema:schema78,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!(func2.call(schema78.properties, key0))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema78,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.role !== undefined){
let data0 = data.role;
if("leaf" !== data0){
const err5 = {instancePath:instancePath+"/role",schemaPath:"#/properties/role/const",keyword:"const",params:{allowedValue: "leaf"},message:"must be equal to constant",schema:"leaf",parentSchema:schema78.properties.role,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.id !== undefined){
let data1 = data.id;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err6 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema40.type,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 65535 || isNaN(data1)){
const err7 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data1 < 1 || isNaN(data1)){
const err8 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(errors > 0){
const emErrs0 = [];
for(const err9 of vErrors){
if(((((err9.keyword !== "errorMessage") && (!err9.emUsed)) && ((err9.instancePath === instancePath+"/id") || ((err9.instancePath.indexOf(instancePath+"/id") === 0) && (err9.instancePath[instancePath+"/id".length] === "/")))) && (err9.schemaPath.indexOf("#/definitions/DeviceId") === 0)) && (err9.schemaPath["#/definitions/DeviceId".length] === "/")){
emErrs0.push(err9);
err9.emUsed = true;
}
}
if(emErrs0.length){
const err10 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be a whole number from 1 to 65535, unique in the site, e.g. 11",schema:"must be a whole number from 1 to 65535, unique in the site, e.g. 11",parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
const emErrs1 = [];
for(const err11 of vErrors){
if(!err11.emUsed){
emErrs1.push(err11);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
if(data.rack !== undefined){
let data2 = data.rack;
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
const err12 = {instancePath:instancePath+"/rack",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/rack",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err14 of vErrors){
if(((((err14.keyword !== "errorMessage") && (!err14.emUsed)) && ((err14.instancePath === instancePath+"/rack") || ((err14.instancePath.indexOf(instancePath+"/rack") === 0) && (err14.instancePath[instancePath+"/rack".length] === "/")))) && (err14.schemaPath.indexOf("#/definitions/Name") === 0)) && (err14.schemaPath["#/definitions/Name".length] === "/")){
emErrs2.push(err14);
err14.emUsed = true;
}
}
if(emErrs2.length){
const err15 = {instancePath:instancePath+"/rack",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
const emErrs3 = [];
for(const err16 of vErrors){
if(!err16.emUsed){
emErrs3.push(err16);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
}
if(data.description !== undefined){
let data3 = data.description;
if(typeof data3 === "string"){
if(func3(data3) > 80){
const err17 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/maxLength",keyword:"maxLength",params:{limit: 80},message:"must NOT have more than 80 characters",schema:80,parentSchema:schema19,data:data3};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(!pattern2.test(data3)){
const err18 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9 .,:/()_+@=-]*$"},message:"must match pattern \""+"^[A-Za-z0-9 .,:/()_+@=-]*$"+"\"",schema:"^[A-Za-z0-9 .,:/()_+@=-]*$",parentSchema:schema19,data:data3};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.type,parentSchema:schema19,data:data3};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(errors > 0){
const emErrs4 = [];
for(const err20 of vErrors){
if(((((err20.keyword !== "errorMessage") && (!err20.emUsed)) && ((err20.instancePath === instancePath+"/description") || ((err20.instancePath.indexOf(instancePath+"/description") === 0) && (err20.instancePath[instancePath+"/description".length] === "/")))) && (err20.schemaPath.indexOf("#/definitions/Text") === 0)) && (err20.schemaPath["#/definitions/Text".length] === "/")){
emErrs4.push(err20);
err20.emUsed = true;
}
}
if(emErrs4.length){
const err21 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/errorMessage",keyword:"errorMessage",params:{errors: emErrs4},message:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",schema:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",parentSchema:schema19,data:data3};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
const emErrs5 = [];
for(const err22 of vErrors){
if(!err22.emUsed){
emErrs5.push(err22);
}
}
vErrors = emErrs5;
errors = emErrs5.length;
}
}
if(data.mgmt !== undefined){
let data4 = data.mgmt;
if(typeof data4 === "string"){
if(!pattern19.test(data4)){
const err23 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Address/pattern",keyword:"pattern",params:{pattern: "^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"},message:"must match pattern \""+"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"+"\"",schema:"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$",parentSchema:schema47,data:data4};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Address/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.type,parentSchema:schema47,data:data4};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(errors > 0){
const emErrs6 = [];
for(const err25 of vErrors){
if(((((err25.keyword !== "errorMessage") && (!err25.emUsed)) && ((err25.instancePath === instancePath+"/mgmt") || ((err25.instancePath.indexOf(instancePath+"/mgmt") === 0) && (err25.instancePath[instancePath+"/mgmt".length] === "/")))) && (err25.schemaPath.indexOf("#/definitions/Ipv4Address") === 0)) && (err25.schemaPath["#/definitions/Ipv4Address".length] === "/")){
emErrs6.push(err25);
err25.emUsed = true;
}
}
if(emErrs6.length){
const err26 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Address/errorMessage",keyword:"errorMessage",params:{errors: emErrs6},message:"must be an IPv4 address like 10.1.0.5",schema:"must be an IPv4 address like 10.1.0.5",parentSchema:schema47,data:data4};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
const emErrs7 = [];
for(const err27 of vErrors){
if(!err27.emUsed){
emErrs7.push(err27);
}
}
vErrors = emErrs7;
errors = emErrs7.length;
}
}
if(data.asn !== undefined){
let data5 = data.asn;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err28 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema21.type,parentSchema:schema21,data:data5};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 4294967294 || isNaN(data5)){
const err29 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967294},message:"must be <= 4294967294",schema:4294967294,parentSchema:schema21,data:data5};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(data5 < 1 || isNaN(data5)){
const err30 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema21,data:data5};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(errors > 0){
const emErrs8 = [];
for(const err31 of vErrors){
if(((((err31.keyword !== "errorMessage") && (!err31.emUsed)) && ((err31.instancePath === instancePath+"/asn") || ((err31.instancePath.indexOf(instancePath+"/asn") === 0) && (err31.instancePath[instancePath+"/asn".length] === "/")))) && (err31.schemaPath.indexOf("#/definitions/Asn") === 0)) && (err31.schemaPath["#/definitions/Asn".length] === "/")){
emErrs8.push(err31);
err31.emUsed = true;
}
}
if(emErrs8.length){
const err32 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/errorMessage",keyword:"errorMessage",params:{errors: emErrs8},message:"must be an AS number from 1 to 4294967294, e.g. 65001",schema:"must be an AS number from 1 to 4294967294, e.g. 65001",parentSchema:schema21,data:data5};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
const emErrs9 = [];
for(const err33 of vErrors){
if(!err33.emUsed){
emErrs9.push(err33);
}
}
vErrors = emErrs9;
errors = emErrs9.length;
}
}
if(data.uplinks !== undefined){
if(!(validate37(data.uplinks, {instancePath:instancePath+"/uplinks",parentData:data,parentDataProperty:"uplinks",rootData}))){
vErrors = vErrors === null ? validate37.errors : vErrors.concat(validate37.errors);
errors = vErrors.length;
}
}
if(data.interfaces !== undefined){
if(!(validate34(data.interfaces, {instancePath:instancePath+"/interfaces",parentData:data,parentDataProperty:"interfaces",rootData}))){
vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
errors = vErrors.length;
}
}
if(data.pod !== undefined){
let data8 = data.pod;
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
const err34 = {instancePath:instancePath+"/pod",schemaPath:"#/properties/pod/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema78.properties.pod.type,parentSchema:schema78.properties.pod,data:data8};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 > 255 || isNaN(data8)){
const err35 = {instancePath:instancePath+"/pod",schemaPath:"#/properties/pod/maximum",keyword:"maximum",params:{comparison: "<=", limit: 255},message:"must be <= 255",schema:255,parentSchema:schema78.properties.pod,data:data8};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if(data8 < 1 || isNaN(data8)){
const err36 = {instancePath:instancePath+"/pod",schemaPath:"#/properties/pod/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema78.properties.pod,data:data8};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
}
}
else {
const err37 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema78.type,parentSchema:schema78,data};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
validate43.errors = vErrors;
return errors === 0;
}

const schema84 = {"type":"object","additionalProperties":false,"required":["role","id","rack","uplinks"],"description":"Hypervisor: FRR on the host (BGP to both leaves of its rack, loopback = VXLAN tunnel endpoint), OVS with a VXLAN tunnel to every other hypervisor for every tenant segment.","properties":{"role":{"const":"hypervisor"},"id":{"$ref":"#/definitions/DeviceId"},"rack":{"$ref":"#/definitions/Name"},"description":{"$ref":"#/definitions/Text"},"mgmt":{"$ref":"#/definitions/Ipv4Address","description":"@default pools.mgmt + id"},"asn":{"$ref":"#/definitions/Asn","description":"@default first of asns.pool + id"},"uplinks":{"$ref":"#/definitions/Uplinks"},"interfaces":{"$ref":"#/definitions/InterfaceSettings"}}};

function validate46(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.role === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "role"},message:"must have required property '"+"role"+"'",schema:schema84.required,parentSchema:schema84,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.id === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema84.required,parentSchema:schema84,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.rack === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "rack"},message:"must have required property '"+"rack"+"'",schema:schema84.required,parentSchema:schema84,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.uplinks === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "uplinks"},message:"must have required property '"+"uplinks"+"'",schema:schema84.required,parentSchema:schema84,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!((((((((key0 === "role") || (key0 === "id")) || (key0 === "rack")) || (key0 === "description")) || (key0 === "mgmt")) || (key0 === "asn")) || (key0 === "uplinks")) || (key0 === "interfaces"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema84,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.role !== undefined){
let data0 = data.role;
if("hypervisor" !== data0){
const err5 = {instancePath:instancePath+"/role",schemaPath:"#/properties/role/const",keyword:"const",params:{allowedValue: "hypervisor"},message:"must be equal to constant",schema:"hypervisor",parentSchema:schema84.properties.role,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.id !== undefined){
let data1 = data.id;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err6 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema40.type,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 65535 || isNaN(data1)){
const err7 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data1 < 1 || isNaN(data1)){
const err8 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(errors > 0){
const emErrs0 = [];
for(const err9 of vErrors){
if(((((err9.keyword !== "errorMessage") && (!err9.emUsed)) && ((err9.instancePath === instancePath+"/id") || ((err9.instancePath.indexOf(instancePath+"/id") === 0) && (err9.instancePath[instancePath+"/id".length] === "/")))) && (err9.schemaPath.indexOf("#/definitions/DeviceId") === 0)) && (err9.schemaPath["#/definitions/DeviceId".length] === "/")){
emErrs0.push(err9);
err9.emUsed = true;
}
}
if(emErrs0.length){
const err10 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be a whole number from 1 to 65535, unique in the site, e.g. 11",schema:"must be a whole number from 1 to 65535, unique in the site, e.g. 11",parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
const emErrs1 = [];
for(const err11 of vErrors){
if(!err11.emUsed){
emErrs1.push(err11);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
if(data.rack !== undefined){
let data2 = data.rack;
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
const err12 = {instancePath:instancePath+"/rack",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/rack",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err14 of vErrors){
if(((((err14.keyword !== "errorMessage") && (!err14.emUsed)) && ((err14.instancePath === instancePath+"/rack") || ((err14.instancePath.indexOf(instancePath+"/rack") === 0) && (err14.instancePath[instancePath+"/rack".length] === "/")))) && (err14.schemaPath.indexOf("#/definitions/Name") === 0)) && (err14.schemaPath["#/definitions/Name".length] === "/")){
emErrs2.push(err14);
err14.emUsed = true;
}
}
if(emErrs2.length){
const err15 = {instancePath:instancePath+"/rack",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
const emErrs3 = [];
for(const err16 of vErrors){
if(!err16.emUsed){
emErrs3.push(err16);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
}
if(data.description !== undefined){
let data3 = data.description;
if(typeof data3 === "string"){
if(func3(data3) > 80){
const err17 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/maxLength",keyword:"maxLength",params:{limit: 80},message:"must NOT have more than 80 characters",schema:80,parentSchema:schema19,data:data3};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(!pattern2.test(data3)){
const err18 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9 .,:/()_+@=-]*$"},message:"must match pattern \""+"^[A-Za-z0-9 .,:/()_+@=-]*$"+"\"",schema:"^[A-Za-z0-9 .,:/()_+@=-]*$",parentSchema:schema19,data:data3};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.type,parentSchema:schema19,data:data3};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(errors > 0){
const emErrs4 = [];
for(const err20 of vErrors){
if(((((err20.keyword !== "errorMessage") && (!err20.emUsed)) && ((err20.instancePath === instancePath+"/description") || ((err20.instancePath.indexOf(instancePath+"/description") === 0) && (err20.instancePath[instancePath+"/description".length] === "/")))) && (err20.schemaPath.indexOf("#/definitions/Text") === 0)) && (err20.schemaPath["#/definitions/Text".length] === "/")){
emErrs4.push(err20);
err20.emUsed = true;
}
}
if(emErrs4.length){
const err21 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/errorMessage",keyword:"errorMessage",params:{errors: emErrs4},message:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",schema:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",parentSchema:schema19,data:data3};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
const emErrs5 = [];
for(const err22 of vErrors){
if(!err22.emUsed){
emErrs5.push(err22);
}
}
vErrors = emErrs5;
errors = emErrs5.length;
}
}
if(data.mgmt !== undefined){
let data4 = data.mgmt;
if(typeof data4 === "string"){
if(!pattern19.test(data4)){
const err23 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Address/pattern",keyword:"pattern",params:{pattern: "^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"},message:"must match pattern \""+"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"+"\"",schema:"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$",parentSchema:schema47,data:data4};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Address/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.type,parentSchema:schema47,data:data4};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(errors > 0){
const emErrs6 = [];
for(const err25 of vErrors){
if(((((err25.keyword !== "errorMessage") && (!err25.emUsed)) && ((err25.instancePath === instancePath+"/mgmt") || ((err25.instancePath.indexOf(instancePath+"/mgmt") === 0) && (err25.instancePath[instancePath+"/mgmt".length] === "/")))) && (err25.schemaPath.indexOf("#/definitions/Ipv4Address") === 0)) && (err25.schemaPath["#/definitions/Ipv4Address".length] === "/")){
emErrs6.push(err25);
err25.emUsed = true;
}
}
if(emErrs6.length){
const err26 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Address/errorMessage",keyword:"errorMessage",params:{errors: emErrs6},message:"must be an IPv4 address like 10.1.0.5",schema:"must be an IPv4 address like 10.1.0.5",parentSchema:schema47,data:data4};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
const emErrs7 = [];
for(const err27 of vErrors){
if(!err27.emUsed){
emErrs7.push(err27);
}
}
vErrors = emErrs7;
errors = emErrs7.length;
}
}
if(data.asn !== undefined){
let data5 = data.asn;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err28 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema21.type,parentSchema:schema21,data:data5};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 4294967294 || isNaN(data5)){
const err29 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967294},message:"must be <= 4294967294",schema:4294967294,parentSchema:schema21,data:data5};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(data5 < 1 || isNaN(data5)){
const err30 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema21,data:data5};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(errors > 0){
const emErrs8 = [];
for(const err31 of vErrors){
if(((((err31.keyword !== "errorMessage") && (!err31.emUsed)) && ((err31.instancePath === instancePath+"/asn") || ((err31.instancePath.indexOf(instancePath+"/asn") === 0) && (err31.instancePath[instancePath+"/asn".length] === "/")))) && (err31.schemaPath.indexOf("#/definitions/Asn") === 0)) && (err31.schemaPath["#/definitions/Asn".length] === "/")){
emErrs8.push(err31);
err31.emUsed = true;
}
}
if(emErrs8.length){
const err32 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/errorMessage",keyword:"errorMessage",params:{errors: emErrs8},message:"must be an AS number from 1 to 4294967294, e.g. 65001",schema:"must be an AS number from 1 to 4294967294, e.g. 65001",parentSchema:schema21,data:data5};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
const emErrs9 = [];
for(const err33 of vErrors){
if(!err33.emUsed){
emErrs9.push(err33);
}
}
vErrors = emErrs9;
errors = emErrs9.length;
}
}
if(data.uplinks !== undefined){
if(!(validate37(data.uplinks, {instancePath:instancePath+"/uplinks",parentData:data,parentDataProperty:"uplinks",rootData}))){
vErrors = vErrors === null ? validate37.errors : vErrors.concat(validate37.errors);
errors = vErrors.length;
}
}
if(data.interfaces !== undefined){
if(!(validate34(data.interfaces, {instancePath:instancePath+"/interfaces",parentData:data,parentDataProperty:"interfaces",rootData}))){
vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
errors = vErrors.length;
}
}
}
else {
const err34 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema84.type,parentSchema:schema84,data};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
validate46.errors = vErrors;
return errors === 0;
}

const schema90 = {"type":"object","additionalProperties":false,"required":["role","id","rack","uplinks"],"description":"Storage host: FRR on the host, BGP to both leaves of its rack, announces its loopback.","properties":{"role":{"const":"storage"},"id":{"$ref":"#/definitions/DeviceId"},"rack":{"$ref":"#/definitions/Name"},"description":{"$ref":"#/definitions/Text"},"mgmt":{"$ref":"#/definitions/Ipv4Address","description":"@default pools.mgmt + id"},"asn":{"$ref":"#/definitions/Asn","description":"@default first of asns.pool + id"},"uplinks":{"$ref":"#/definitions/Uplinks"},"interfaces":{"$ref":"#/definitions/InterfaceSettings"}}};

function validate49(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.role === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "role"},message:"must have required property '"+"role"+"'",schema:schema90.required,parentSchema:schema90,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.id === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema90.required,parentSchema:schema90,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.rack === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "rack"},message:"must have required property '"+"rack"+"'",schema:schema90.required,parentSchema:schema90,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.uplinks === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "uplinks"},message:"must have required property '"+"uplinks"+"'",schema:schema90.required,parentSchema:schema90,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!((((((((key0 === "role") || (key0 === "id")) || (key0 === "rack")) || (key0 === "description")) || (key0 === "mgmt")) || (key0 === "asn")) || (key0 === "uplinks")) || (key0 === "interfaces"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema90,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.role !== undefined){
let data0 = data.role;
if("storage" !== data0){
const err5 = {instancePath:instancePath+"/role",schemaPath:"#/properties/role/const",keyword:"const",params:{allowedValue: "storage"},message:"must be equal to constant",schema:"storage",parentSchema:schema90.properties.role,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.id !== undefined){
let data1 = data.id;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err6 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema40.type,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 65535 || isNaN(data1)){
const err7 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data1 < 1 || isNaN(data1)){
const err8 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(errors > 0){
const emErrs0 = [];
for(const err9 of vErrors){
if(((((err9.keyword !== "errorMessage") && (!err9.emUsed)) && ((err9.instancePath === instancePath+"/id") || ((err9.instancePath.indexOf(instancePath+"/id") === 0) && (err9.instancePath[instancePath+"/id".length] === "/")))) && (err9.schemaPath.indexOf("#/definitions/DeviceId") === 0)) && (err9.schemaPath["#/definitions/DeviceId".length] === "/")){
emErrs0.push(err9);
err9.emUsed = true;
}
}
if(emErrs0.length){
const err10 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be a whole number from 1 to 65535, unique in the site, e.g. 11",schema:"must be a whole number from 1 to 65535, unique in the site, e.g. 11",parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
const emErrs1 = [];
for(const err11 of vErrors){
if(!err11.emUsed){
emErrs1.push(err11);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
if(data.rack !== undefined){
let data2 = data.rack;
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
const err12 = {instancePath:instancePath+"/rack",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/rack",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err14 of vErrors){
if(((((err14.keyword !== "errorMessage") && (!err14.emUsed)) && ((err14.instancePath === instancePath+"/rack") || ((err14.instancePath.indexOf(instancePath+"/rack") === 0) && (err14.instancePath[instancePath+"/rack".length] === "/")))) && (err14.schemaPath.indexOf("#/definitions/Name") === 0)) && (err14.schemaPath["#/definitions/Name".length] === "/")){
emErrs2.push(err14);
err14.emUsed = true;
}
}
if(emErrs2.length){
const err15 = {instancePath:instancePath+"/rack",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
const emErrs3 = [];
for(const err16 of vErrors){
if(!err16.emUsed){
emErrs3.push(err16);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
}
if(data.description !== undefined){
let data3 = data.description;
if(typeof data3 === "string"){
if(func3(data3) > 80){
const err17 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/maxLength",keyword:"maxLength",params:{limit: 80},message:"must NOT have more than 80 characters",schema:80,parentSchema:schema19,data:data3};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(!pattern2.test(data3)){
const err18 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9 .,:/()_+@=-]*$"},message:"must match pattern \""+"^[A-Za-z0-9 .,:/()_+@=-]*$"+"\"",schema:"^[A-Za-z0-9 .,:/()_+@=-]*$",parentSchema:schema19,data:data3};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.type,parentSchema:schema19,data:data3};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(errors > 0){
const emErrs4 = [];
for(const err20 of vErrors){
if(((((err20.keyword !== "errorMessage") && (!err20.emUsed)) && ((err20.instancePath === instancePath+"/description") || ((err20.instancePath.indexOf(instancePath+"/description") === 0) && (err20.instancePath[instancePath+"/description".length] === "/")))) && (err20.schemaPath.indexOf("#/definitions/Text") === 0)) && (err20.schemaPath["#/definitions/Text".length] === "/")){
emErrs4.push(err20);
err20.emUsed = true;
}
}
if(emErrs4.length){
const err21 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/errorMessage",keyword:"errorMessage",params:{errors: emErrs4},message:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",schema:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",parentSchema:schema19,data:data3};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
const emErrs5 = [];
for(const err22 of vErrors){
if(!err22.emUsed){
emErrs5.push(err22);
}
}
vErrors = emErrs5;
errors = emErrs5.length;
}
}
if(data.mgmt !== undefined){
let data4 = data.mgmt;
if(typeof data4 === "string"){
if(!pattern19.test(data4)){
const err23 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Address/pattern",keyword:"pattern",params:{pattern: "^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"},message:"must match pattern \""+"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"+"\"",schema:"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$",parentSchema:schema47,data:data4};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Address/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.type,parentSchema:schema47,data:data4};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(errors > 0){
const emErrs6 = [];
for(const err25 of vErrors){
if(((((err25.keyword !== "errorMessage") && (!err25.emUsed)) && ((err25.instancePath === instancePath+"/mgmt") || ((err25.instancePath.indexOf(instancePath+"/mgmt") === 0) && (err25.instancePath[instancePath+"/mgmt".length] === "/")))) && (err25.schemaPath.indexOf("#/definitions/Ipv4Address") === 0)) && (err25.schemaPath["#/definitions/Ipv4Address".length] === "/")){
emErrs6.push(err25);
err25.emUsed = true;
}
}
if(emErrs6.length){
const err26 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Address/errorMessage",keyword:"errorMessage",params:{errors: emErrs6},message:"must be an IPv4 address like 10.1.0.5",schema:"must be an IPv4 address like 10.1.0.5",parentSchema:schema47,data:data4};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
const emErrs7 = [];
for(const err27 of vErrors){
if(!err27.emUsed){
emErrs7.push(err27);
}
}
vErrors = emErrs7;
errors = emErrs7.length;
}
}
if(data.asn !== undefined){
let data5 = data.asn;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err28 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema21.type,parentSchema:schema21,data:data5};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 4294967294 || isNaN(data5)){
const err29 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967294},message:"must be <= 4294967294",schema:4294967294,parentSchema:schema21,data:data5};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(data5 < 1 || isNaN(data5)){
const err30 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema21,data:data5};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(errors > 0){
const emErrs8 = [];
for(const err31 of vErrors){
if(((((err31.keyword !== "errorMessage") && (!err31.emUsed)) && ((err31.instancePath === instancePath+"/asn") || ((err31.instancePath.indexOf(instancePath+"/asn") === 0) && (err31.instancePath[instancePath+"/asn".length] === "/")))) && (err31.schemaPath.indexOf("#/definitions/Asn") === 0)) && (err31.schemaPath["#/definitions/Asn".length] === "/")){
emErrs8.push(err31);
err31.emUsed = true;
}
}
if(emErrs8.length){
const err32 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/errorMessage",keyword:"errorMessage",params:{errors: emErrs8},message:"must be an AS number from 1 to 4294967294, e.g. 65001",schema:"must be an AS number from 1 to 4294967294, e.g. 65001",parentSchema:schema21,data:data5};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
const emErrs9 = [];
for(const err33 of vErrors){
if(!err33.emUsed){
emErrs9.push(err33);
}
}
vErrors = emErrs9;
errors = emErrs9.length;
}
}
if(data.uplinks !== undefined){
if(!(validate37(data.uplinks, {instancePath:instancePath+"/uplinks",parentData:data,parentDataProperty:"uplinks",rootData}))){
vErrors = vErrors === null ? validate37.errors : vErrors.concat(validate37.errors);
errors = vErrors.length;
}
}
if(data.interfaces !== undefined){
if(!(validate34(data.interfaces, {instancePath:instancePath+"/interfaces",parentData:data,parentDataProperty:"interfaces",rootData}))){
vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
errors = vErrors.length;
}
}
}
else {
const err34 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema90.type,parentSchema:schema90,data};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
validate49.errors = vErrors;
return errors === 0;
}

const schema96 = {"type":"object","additionalProperties":false,"required":["role","id","rack","cluster","uplinks"],"description":"Kubernetes node: a server dual-homed to its rack's leaf pair, whose cluster's BGP speaker (MetalLB or Cilium) announces the cluster's LoadBalancer IPs to both leaves. fabric configures the leaves and renders the cluster's resources; the node itself is the platform team's (nothing is pushed to it).","properties":{"role":{"const":"k8s-node"},"id":{"$ref":"#/definitions/DeviceId"},"rack":{"$ref":"#/definitions/Name"},"cluster":{"$ref":"#/definitions/Name","description":"The cluster it is a node of (`clusters.<name>`). Its name in the inventory is its Kubernetes node name (`kubernetes.io/hostname`)."},"description":{"$ref":"#/definitions/Text"},"mgmt":{"$ref":"#/definitions/Ipv4Address","description":"@default pools.mgmt + id"},"uplinks":{"$ref":"#/definitions/Uplinks"},"interfaces":{"$ref":"#/definitions/InterfaceSettings"}}};

function validate52(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.role === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "role"},message:"must have required property '"+"role"+"'",schema:schema96.required,parentSchema:schema96,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.id === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema96.required,parentSchema:schema96,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.rack === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "rack"},message:"must have required property '"+"rack"+"'",schema:schema96.required,parentSchema:schema96,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.cluster === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "cluster"},message:"must have required property '"+"cluster"+"'",schema:schema96.required,parentSchema:schema96,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.uplinks === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "uplinks"},message:"must have required property '"+"uplinks"+"'",schema:schema96.required,parentSchema:schema96,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
for(const key0 in data){
if(!((((((((key0 === "role") || (key0 === "id")) || (key0 === "rack")) || (key0 === "cluster")) || (key0 === "description")) || (key0 === "mgmt")) || (key0 === "uplinks")) || (key0 === "interfaces"))){
const err5 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema96,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.role !== undefined){
let data0 = data.role;
if("k8s-node" !== data0){
const err6 = {instancePath:instancePath+"/role",schemaPath:"#/properties/role/const",keyword:"const",params:{allowedValue: "k8s-node"},message:"must be equal to constant",schema:"k8s-node",parentSchema:schema96.properties.role,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.id !== undefined){
let data1 = data.id;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err7 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema40.type,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 65535 || isNaN(data1)){
const err8 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data1 < 1 || isNaN(data1)){
const err9 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(errors > 0){
const emErrs0 = [];
for(const err10 of vErrors){
if(((((err10.keyword !== "errorMessage") && (!err10.emUsed)) && ((err10.instancePath === instancePath+"/id") || ((err10.instancePath.indexOf(instancePath+"/id") === 0) && (err10.instancePath[instancePath+"/id".length] === "/")))) && (err10.schemaPath.indexOf("#/definitions/DeviceId") === 0)) && (err10.schemaPath["#/definitions/DeviceId".length] === "/")){
emErrs0.push(err10);
err10.emUsed = true;
}
}
if(emErrs0.length){
const err11 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be a whole number from 1 to 65535, unique in the site, e.g. 11",schema:"must be a whole number from 1 to 65535, unique in the site, e.g. 11",parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
const emErrs1 = [];
for(const err12 of vErrors){
if(!err12.emUsed){
emErrs1.push(err12);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
if(data.rack !== undefined){
let data2 = data.rack;
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
const err13 = {instancePath:instancePath+"/rack",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/rack",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err15 of vErrors){
if(((((err15.keyword !== "errorMessage") && (!err15.emUsed)) && ((err15.instancePath === instancePath+"/rack") || ((err15.instancePath.indexOf(instancePath+"/rack") === 0) && (err15.instancePath[instancePath+"/rack".length] === "/")))) && (err15.schemaPath.indexOf("#/definitions/Name") === 0)) && (err15.schemaPath["#/definitions/Name".length] === "/")){
emErrs2.push(err15);
err15.emUsed = true;
}
}
if(emErrs2.length){
const err16 = {instancePath:instancePath+"/rack",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
const emErrs3 = [];
for(const err17 of vErrors){
if(!err17.emUsed){
emErrs3.push(err17);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
}
if(data.cluster !== undefined){
let data3 = data.cluster;
if(typeof data3 === "string"){
if(!pattern0.test(data3)){
const err18 = {instancePath:instancePath+"/cluster",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data3};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/cluster",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data3};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(errors > 0){
const emErrs4 = [];
for(const err20 of vErrors){
if(((((err20.keyword !== "errorMessage") && (!err20.emUsed)) && ((err20.instancePath === instancePath+"/cluster") || ((err20.instancePath.indexOf(instancePath+"/cluster") === 0) && (err20.instancePath[instancePath+"/cluster".length] === "/")))) && (err20.schemaPath.indexOf("#/definitions/Name") === 0)) && (err20.schemaPath["#/definitions/Name".length] === "/")){
emErrs4.push(err20);
err20.emUsed = true;
}
}
if(emErrs4.length){
const err21 = {instancePath:instancePath+"/cluster",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs4},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data3};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
const emErrs5 = [];
for(const err22 of vErrors){
if(!err22.emUsed){
emErrs5.push(err22);
}
}
vErrors = emErrs5;
errors = emErrs5.length;
}
}
if(data.description !== undefined){
let data4 = data.description;
if(typeof data4 === "string"){
if(func3(data4) > 80){
const err23 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/maxLength",keyword:"maxLength",params:{limit: 80},message:"must NOT have more than 80 characters",schema:80,parentSchema:schema19,data:data4};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(!pattern2.test(data4)){
const err24 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9 .,:/()_+@=-]*$"},message:"must match pattern \""+"^[A-Za-z0-9 .,:/()_+@=-]*$"+"\"",schema:"^[A-Za-z0-9 .,:/()_+@=-]*$",parentSchema:schema19,data:data4};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
else {
const err25 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.type,parentSchema:schema19,data:data4};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(errors > 0){
const emErrs6 = [];
for(const err26 of vErrors){
if(((((err26.keyword !== "errorMessage") && (!err26.emUsed)) && ((err26.instancePath === instancePath+"/description") || ((err26.instancePath.indexOf(instancePath+"/description") === 0) && (err26.instancePath[instancePath+"/description".length] === "/")))) && (err26.schemaPath.indexOf("#/definitions/Text") === 0)) && (err26.schemaPath["#/definitions/Text".length] === "/")){
emErrs6.push(err26);
err26.emUsed = true;
}
}
if(emErrs6.length){
const err27 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/errorMessage",keyword:"errorMessage",params:{errors: emErrs6},message:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",schema:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",parentSchema:schema19,data:data4};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
const emErrs7 = [];
for(const err28 of vErrors){
if(!err28.emUsed){
emErrs7.push(err28);
}
}
vErrors = emErrs7;
errors = emErrs7.length;
}
}
if(data.mgmt !== undefined){
let data5 = data.mgmt;
if(typeof data5 === "string"){
if(!pattern19.test(data5)){
const err29 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Address/pattern",keyword:"pattern",params:{pattern: "^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"},message:"must match pattern \""+"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"+"\"",schema:"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$",parentSchema:schema47,data:data5};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
else {
const err30 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Address/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.type,parentSchema:schema47,data:data5};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(errors > 0){
const emErrs8 = [];
for(const err31 of vErrors){
if(((((err31.keyword !== "errorMessage") && (!err31.emUsed)) && ((err31.instancePath === instancePath+"/mgmt") || ((err31.instancePath.indexOf(instancePath+"/mgmt") === 0) && (err31.instancePath[instancePath+"/mgmt".length] === "/")))) && (err31.schemaPath.indexOf("#/definitions/Ipv4Address") === 0)) && (err31.schemaPath["#/definitions/Ipv4Address".length] === "/")){
emErrs8.push(err31);
err31.emUsed = true;
}
}
if(emErrs8.length){
const err32 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Address/errorMessage",keyword:"errorMessage",params:{errors: emErrs8},message:"must be an IPv4 address like 10.1.0.5",schema:"must be an IPv4 address like 10.1.0.5",parentSchema:schema47,data:data5};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
const emErrs9 = [];
for(const err33 of vErrors){
if(!err33.emUsed){
emErrs9.push(err33);
}
}
vErrors = emErrs9;
errors = emErrs9.length;
}
}
if(data.uplinks !== undefined){
if(!(validate37(data.uplinks, {instancePath:instancePath+"/uplinks",parentData:data,parentDataProperty:"uplinks",rootData}))){
vErrors = vErrors === null ? validate37.errors : vErrors.concat(validate37.errors);
errors = vErrors.length;
}
}
if(data.interfaces !== undefined){
if(!(validate34(data.interfaces, {instancePath:instancePath+"/interfaces",parentData:data,parentDataProperty:"interfaces",rootData}))){
vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
errors = vErrors.length;
}
}
}
else {
const err34 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema96.type,parentSchema:schema96,data};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
validate52.errors = vErrors;
return errors === 0;
}

const schema102 = {"type":"object","additionalProperties":false,"required":["role","id","host","tenant","nics"],"description":"A tenant's virtual router (a VM): BGP over its uplink to its hypervisor, VRRP gateway on the tenant segments.","properties":{"role":{"const":"vrouter"},"id":{"$ref":"#/definitions/DeviceId"},"host":{"$ref":"#/definitions/Name","description":"The hypervisor the VM runs on."},"tenant":{"$ref":"#/definitions/Name"},"description":{"$ref":"#/definitions/Text"},"mgmt":{"$ref":"#/definitions/Ipv4Address","description":"@default pools.mgmt + id"},"asn":{"$ref":"#/definitions/Asn","description":"@default first of asns.pool + id"},"nics":{"$ref":"#/definitions/Nics"}}};
const schema109 = {"type":"object","description":"The VM's network interfaces, by name (`eth0` is the management NIC and is implicit).","propertyNames":{"type":"string","pattern":"^eth([1-9]|1[0-9])$","errorMessage":"must be eth1 to eth19 (eth0 is the management NIC)"},"minProperties":1,"additionalProperties":{"$ref":"#/definitions/Nic"}};
const pattern55 = new RegExp("^eth([1-9]|1[0-9])$", "u");
const schema110 = {"type":"object","additionalProperties":false,"description":"Either a port on a tenant segment (`segment` + `address` and/or `address6`: one per family the segment carries) or, for a vRouter, its routed uplink to the hypervisor (`uplink: true`).","properties":{"segment":{"$ref":"#/definitions/Name","description":"Tenant segment the NIC is attached to."},"address":{"$ref":"#/definitions/Ipv4Address","description":"IPv4 address of the NIC inside the segment's `subnet`; required on a segment with a `subnet`."},"address6":{"$ref":"#/definitions/Ipv6Address","description":"IPv6 address of the NIC inside the segment's `subnet6`; required on a segment with a `subnet6`."},"uplink":{"const":true,"description":"The vRouter's routed uplink to its hypervisor (BGP unnumbered)."}}};

function validate57(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((((key0 === "segment") || (key0 === "address")) || (key0 === "address6")) || (key0 === "uplink"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema110,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.segment !== undefined){
let data0 = data.segment;
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
const err1 = {instancePath:instancePath+"/segment",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
else {
const err2 = {instancePath:instancePath+"/segment",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(errors > 0){
const emErrs0 = [];
for(const err3 of vErrors){
if(((((err3.keyword !== "errorMessage") && (!err3.emUsed)) && ((err3.instancePath === instancePath+"/segment") || ((err3.instancePath.indexOf(instancePath+"/segment") === 0) && (err3.instancePath[instancePath+"/segment".length] === "/")))) && (err3.schemaPath.indexOf("#/definitions/Name") === 0)) && (err3.schemaPath["#/definitions/Name".length] === "/")){
emErrs0.push(err3);
err3.emUsed = true;
}
}
if(emErrs0.length){
const err4 = {instancePath:instancePath+"/segment",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
const emErrs1 = [];
for(const err5 of vErrors){
if(!err5.emUsed){
emErrs1.push(err5);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
if(data.address !== undefined){
let data1 = data.address;
if(typeof data1 === "string"){
if(!pattern19.test(data1)){
const err6 = {instancePath:instancePath+"/address",schemaPath:"#/definitions/Ipv4Address/pattern",keyword:"pattern",params:{pattern: "^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"},message:"must match pattern \""+"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"+"\"",schema:"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$",parentSchema:schema47,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/address",schemaPath:"#/definitions/Ipv4Address/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.type,parentSchema:schema47,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err8 of vErrors){
if(((((err8.keyword !== "errorMessage") && (!err8.emUsed)) && ((err8.instancePath === instancePath+"/address") || ((err8.instancePath.indexOf(instancePath+"/address") === 0) && (err8.instancePath[instancePath+"/address".length] === "/")))) && (err8.schemaPath.indexOf("#/definitions/Ipv4Address") === 0)) && (err8.schemaPath["#/definitions/Ipv4Address".length] === "/")){
emErrs2.push(err8);
err8.emUsed = true;
}
}
if(emErrs2.length){
const err9 = {instancePath:instancePath+"/address",schemaPath:"#/definitions/Ipv4Address/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be an IPv4 address like 10.1.0.5",schema:"must be an IPv4 address like 10.1.0.5",parentSchema:schema47,data:data1};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
const emErrs3 = [];
for(const err10 of vErrors){
if(!err10.emUsed){
emErrs3.push(err10);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
}
if(data.address6 !== undefined){
let data2 = data.address6;
if(typeof data2 === "string"){
if(func3(data2) > 45){
const err11 = {instancePath:instancePath+"/address6",schemaPath:"#/definitions/Ipv6Address/maxLength",keyword:"maxLength",params:{limit: 45},message:"must NOT have more than 45 characters",schema:45,parentSchema:schema49,data:data2};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(!pattern21.test(data2)){
const err12 = {instancePath:instancePath+"/address6",schemaPath:"#/definitions/Ipv6Address/pattern",keyword:"pattern",params:{pattern: "^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$"},message:"must match pattern \""+"^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$"+"\"",schema:"^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$",parentSchema:schema49,data:data2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/address6",schemaPath:"#/definitions/Ipv6Address/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.type,parentSchema:schema49,data:data2};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(errors > 0){
const emErrs4 = [];
for(const err14 of vErrors){
if(((((err14.keyword !== "errorMessage") && (!err14.emUsed)) && ((err14.instancePath === instancePath+"/address6") || ((err14.instancePath.indexOf(instancePath+"/address6") === 0) && (err14.instancePath[instancePath+"/address6".length] === "/")))) && (err14.schemaPath.indexOf("#/definitions/Ipv6Address") === 0)) && (err14.schemaPath["#/definitions/Ipv6Address".length] === "/")){
emErrs4.push(err14);
err14.emUsed = true;
}
}
if(emErrs4.length){
const err15 = {instancePath:instancePath+"/address6",schemaPath:"#/definitions/Ipv6Address/errorMessage",keyword:"errorMessage",params:{errors: emErrs4},message:"must be an IPv6 address like 2001:db8::5",schema:"must be an IPv6 address like 2001:db8::5",parentSchema:schema49,data:data2};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
const emErrs5 = [];
for(const err16 of vErrors){
if(!err16.emUsed){
emErrs5.push(err16);
}
}
vErrors = emErrs5;
errors = emErrs5.length;
}
}
if(data.uplink !== undefined){
let data3 = data.uplink;
if(true !== data3){
const err17 = {instancePath:instancePath+"/uplink",schemaPath:"#/properties/uplink/const",keyword:"const",params:{allowedValue: true},message:"must be equal to constant",schema:true,parentSchema:schema110.properties.uplink,data:data3};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
else {
const err18 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema110.type,parentSchema:schema110,data};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
validate57.errors = vErrors;
return errors === 0;
}


function validate56(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(Object.keys(data).length < 1){
const err0 = {instancePath,schemaPath:"#/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema109,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
const _errs1 = errors;
if(typeof key0 === "string"){
if(!pattern55.test(key0)){
const err1 = {instancePath,schemaPath:"#/propertyNames/pattern",keyword:"pattern",params:{pattern: "^eth([1-9]|1[0-9])$"},message:"must match pattern \""+"^eth([1-9]|1[0-9])$"+"\"",schema:"^eth([1-9]|1[0-9])$",parentSchema:schema109.propertyNames,data:key0,propertyName:key0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
else {
const err2 = {instancePath,schemaPath:"#/propertyNames/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema109.propertyNames.type,parentSchema:schema109.propertyNames,data:key0,propertyName:key0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(errors > 0){
const emErrs0 = [];
for(const err3 of vErrors){
if(((((err3.keyword !== "errorMessage") && (!err3.emUsed)) && ((err3.instancePath === instancePath) || ((err3.instancePath.indexOf(instancePath) === 0) && (err3.instancePath[instancePath.length] === "/")))) && (err3.schemaPath.indexOf("#/propertyNames") === 0)) && (err3.schemaPath["#/propertyNames".length] === "/")){
emErrs0.push(err3);
err3.emUsed = true;
}
}
if(emErrs0.length){
const err4 = {instancePath,schemaPath:"#/propertyNames/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be eth1 to eth19 (eth0 is the management NIC)",schema:"must be eth1 to eth19 (eth0 is the management NIC)",parentSchema:schema109.propertyNames,data:key0,propertyName:key0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
const emErrs1 = [];
for(const err5 of vErrors){
if(!err5.emUsed){
emErrs1.push(err5);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
var valid0 = _errs1 === errors;
if(!valid0){
const err6 = {instancePath,schemaPath:"#/propertyNames",keyword:"propertyNames",params:{propertyName: key0},message:"property name must be valid",schema:schema109.propertyNames,parentSchema:schema109,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
for(const key1 in data){
if(!(validate57(data[key1], {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data,parentDataProperty:key1,rootData}))){
vErrors = vErrors === null ? validate57.errors : vErrors.concat(validate57.errors);
errors = vErrors.length;
}
}
}
else {
const err7 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema109.type,parentSchema:schema109,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
validate56.errors = vErrors;
return errors === 0;
}


function validate55(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.role === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "role"},message:"must have required property '"+"role"+"'",schema:schema102.required,parentSchema:schema102,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.id === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema102.required,parentSchema:schema102,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.host === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "host"},message:"must have required property '"+"host"+"'",schema:schema102.required,parentSchema:schema102,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.tenant === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "tenant"},message:"must have required property '"+"tenant"+"'",schema:schema102.required,parentSchema:schema102,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.nics === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "nics"},message:"must have required property '"+"nics"+"'",schema:schema102.required,parentSchema:schema102,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
for(const key0 in data){
if(!((((((((key0 === "role") || (key0 === "id")) || (key0 === "host")) || (key0 === "tenant")) || (key0 === "description")) || (key0 === "mgmt")) || (key0 === "asn")) || (key0 === "nics"))){
const err5 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema102,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.role !== undefined){
let data0 = data.role;
if("vrouter" !== data0){
const err6 = {instancePath:instancePath+"/role",schemaPath:"#/properties/role/const",keyword:"const",params:{allowedValue: "vrouter"},message:"must be equal to constant",schema:"vrouter",parentSchema:schema102.properties.role,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.id !== undefined){
let data1 = data.id;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err7 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema40.type,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 65535 || isNaN(data1)){
const err8 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data1 < 1 || isNaN(data1)){
const err9 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(errors > 0){
const emErrs0 = [];
for(const err10 of vErrors){
if(((((err10.keyword !== "errorMessage") && (!err10.emUsed)) && ((err10.instancePath === instancePath+"/id") || ((err10.instancePath.indexOf(instancePath+"/id") === 0) && (err10.instancePath[instancePath+"/id".length] === "/")))) && (err10.schemaPath.indexOf("#/definitions/DeviceId") === 0)) && (err10.schemaPath["#/definitions/DeviceId".length] === "/")){
emErrs0.push(err10);
err10.emUsed = true;
}
}
if(emErrs0.length){
const err11 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be a whole number from 1 to 65535, unique in the site, e.g. 11",schema:"must be a whole number from 1 to 65535, unique in the site, e.g. 11",parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
const emErrs1 = [];
for(const err12 of vErrors){
if(!err12.emUsed){
emErrs1.push(err12);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
if(data.host !== undefined){
let data2 = data.host;
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
const err13 = {instancePath:instancePath+"/host",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/host",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err15 of vErrors){
if(((((err15.keyword !== "errorMessage") && (!err15.emUsed)) && ((err15.instancePath === instancePath+"/host") || ((err15.instancePath.indexOf(instancePath+"/host") === 0) && (err15.instancePath[instancePath+"/host".length] === "/")))) && (err15.schemaPath.indexOf("#/definitions/Name") === 0)) && (err15.schemaPath["#/definitions/Name".length] === "/")){
emErrs2.push(err15);
err15.emUsed = true;
}
}
if(emErrs2.length){
const err16 = {instancePath:instancePath+"/host",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
const emErrs3 = [];
for(const err17 of vErrors){
if(!err17.emUsed){
emErrs3.push(err17);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
}
if(data.tenant !== undefined){
let data3 = data.tenant;
if(typeof data3 === "string"){
if(!pattern0.test(data3)){
const err18 = {instancePath:instancePath+"/tenant",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data3};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/tenant",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data3};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(errors > 0){
const emErrs4 = [];
for(const err20 of vErrors){
if(((((err20.keyword !== "errorMessage") && (!err20.emUsed)) && ((err20.instancePath === instancePath+"/tenant") || ((err20.instancePath.indexOf(instancePath+"/tenant") === 0) && (err20.instancePath[instancePath+"/tenant".length] === "/")))) && (err20.schemaPath.indexOf("#/definitions/Name") === 0)) && (err20.schemaPath["#/definitions/Name".length] === "/")){
emErrs4.push(err20);
err20.emUsed = true;
}
}
if(emErrs4.length){
const err21 = {instancePath:instancePath+"/tenant",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs4},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data3};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
const emErrs5 = [];
for(const err22 of vErrors){
if(!err22.emUsed){
emErrs5.push(err22);
}
}
vErrors = emErrs5;
errors = emErrs5.length;
}
}
if(data.description !== undefined){
let data4 = data.description;
if(typeof data4 === "string"){
if(func3(data4) > 80){
const err23 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/maxLength",keyword:"maxLength",params:{limit: 80},message:"must NOT have more than 80 characters",schema:80,parentSchema:schema19,data:data4};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(!pattern2.test(data4)){
const err24 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9 .,:/()_+@=-]*$"},message:"must match pattern \""+"^[A-Za-z0-9 .,:/()_+@=-]*$"+"\"",schema:"^[A-Za-z0-9 .,:/()_+@=-]*$",parentSchema:schema19,data:data4};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
else {
const err25 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.type,parentSchema:schema19,data:data4};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(errors > 0){
const emErrs6 = [];
for(const err26 of vErrors){
if(((((err26.keyword !== "errorMessage") && (!err26.emUsed)) && ((err26.instancePath === instancePath+"/description") || ((err26.instancePath.indexOf(instancePath+"/description") === 0) && (err26.instancePath[instancePath+"/description".length] === "/")))) && (err26.schemaPath.indexOf("#/definitions/Text") === 0)) && (err26.schemaPath["#/definitions/Text".length] === "/")){
emErrs6.push(err26);
err26.emUsed = true;
}
}
if(emErrs6.length){
const err27 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/errorMessage",keyword:"errorMessage",params:{errors: emErrs6},message:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",schema:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",parentSchema:schema19,data:data4};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
const emErrs7 = [];
for(const err28 of vErrors){
if(!err28.emUsed){
emErrs7.push(err28);
}
}
vErrors = emErrs7;
errors = emErrs7.length;
}
}
if(data.mgmt !== undefined){
let data5 = data.mgmt;
if(typeof data5 === "string"){
if(!pattern19.test(data5)){
const err29 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Address/pattern",keyword:"pattern",params:{pattern: "^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"},message:"must match pattern \""+"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"+"\"",schema:"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$",parentSchema:schema47,data:data5};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
else {
const err30 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Address/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.type,parentSchema:schema47,data:data5};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(errors > 0){
const emErrs8 = [];
for(const err31 of vErrors){
if(((((err31.keyword !== "errorMessage") && (!err31.emUsed)) && ((err31.instancePath === instancePath+"/mgmt") || ((err31.instancePath.indexOf(instancePath+"/mgmt") === 0) && (err31.instancePath[instancePath+"/mgmt".length] === "/")))) && (err31.schemaPath.indexOf("#/definitions/Ipv4Address") === 0)) && (err31.schemaPath["#/definitions/Ipv4Address".length] === "/")){
emErrs8.push(err31);
err31.emUsed = true;
}
}
if(emErrs8.length){
const err32 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Address/errorMessage",keyword:"errorMessage",params:{errors: emErrs8},message:"must be an IPv4 address like 10.1.0.5",schema:"must be an IPv4 address like 10.1.0.5",parentSchema:schema47,data:data5};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
const emErrs9 = [];
for(const err33 of vErrors){
if(!err33.emUsed){
emErrs9.push(err33);
}
}
vErrors = emErrs9;
errors = emErrs9.length;
}
}
if(data.asn !== undefined){
let data6 = data.asn;
if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
const err34 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema21.type,parentSchema:schema21,data:data6};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 > 4294967294 || isNaN(data6)){
const err35 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967294},message:"must be <= 4294967294",schema:4294967294,parentSchema:schema21,data:data6};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if(data6 < 1 || isNaN(data6)){
const err36 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema21,data:data6};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(errors > 0){
const emErrs10 = [];
for(const err37 of vErrors){
if(((((err37.keyword !== "errorMessage") && (!err37.emUsed)) && ((err37.instancePath === instancePath+"/asn") || ((err37.instancePath.indexOf(instancePath+"/asn") === 0) && (err37.instancePath[instancePath+"/asn".length] === "/")))) && (err37.schemaPath.indexOf("#/definitions/Asn") === 0)) && (err37.schemaPath["#/definitions/Asn".length] === "/")){
emErrs10.push(err37);
err37.emUsed = true;
}
}
if(emErrs10.length){
const err38 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/errorMessage",keyword:"errorMessage",params:{errors: emErrs10},message:"must be an AS number from 1 to 4294967294, e.g. 65001",schema:"must be an AS number from 1 to 4294967294, e.g. 65001",parentSchema:schema21,data:data6};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
const emErrs11 = [];
for(const err39 of vErrors){
if(!err39.emUsed){
emErrs11.push(err39);
}
}
vErrors = emErrs11;
errors = emErrs11.length;
}
}
if(data.nics !== undefined){
if(!(validate56(data.nics, {instancePath:instancePath+"/nics",parentData:data,parentDataProperty:"nics",rootData}))){
vErrors = vErrors === null ? validate56.errors : vErrors.concat(validate56.errors);
errors = vErrors.length;
}
}
}
else {
const err40 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema102.type,parentSchema:schema102,data};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
validate55.errors = vErrors;
return errors === 0;
}

const schema114 = {"type":"object","additionalProperties":false,"required":["role","id","host","tenant","nics"],"description":"L4 load balancer (a VM): keepalived VRRP for the service VIPs and IPVS virtual servers.","properties":{"role":{"const":"l4lb"},"id":{"$ref":"#/definitions/DeviceId"},"host":{"$ref":"#/definitions/Name"},"tenant":{"$ref":"#/definitions/Name"},"description":{"$ref":"#/definitions/Text"},"mgmt":{"$ref":"#/definitions/Ipv4Address","description":"@default pools.mgmt + id"},"nics":{"$ref":"#/definitions/Nics"}}};

function validate60(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.role === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "role"},message:"must have required property '"+"role"+"'",schema:schema114.required,parentSchema:schema114,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.id === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema114.required,parentSchema:schema114,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.host === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "host"},message:"must have required property '"+"host"+"'",schema:schema114.required,parentSchema:schema114,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.tenant === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "tenant"},message:"must have required property '"+"tenant"+"'",schema:schema114.required,parentSchema:schema114,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.nics === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "nics"},message:"must have required property '"+"nics"+"'",schema:schema114.required,parentSchema:schema114,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
for(const key0 in data){
if(!(((((((key0 === "role") || (key0 === "id")) || (key0 === "host")) || (key0 === "tenant")) || (key0 === "description")) || (key0 === "mgmt")) || (key0 === "nics"))){
const err5 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema114,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.role !== undefined){
let data0 = data.role;
if("l4lb" !== data0){
const err6 = {instancePath:instancePath+"/role",schemaPath:"#/properties/role/const",keyword:"const",params:{allowedValue: "l4lb"},message:"must be equal to constant",schema:"l4lb",parentSchema:schema114.properties.role,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.id !== undefined){
let data1 = data.id;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err7 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema40.type,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 65535 || isNaN(data1)){
const err8 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data1 < 1 || isNaN(data1)){
const err9 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(errors > 0){
const emErrs0 = [];
for(const err10 of vErrors){
if(((((err10.keyword !== "errorMessage") && (!err10.emUsed)) && ((err10.instancePath === instancePath+"/id") || ((err10.instancePath.indexOf(instancePath+"/id") === 0) && (err10.instancePath[instancePath+"/id".length] === "/")))) && (err10.schemaPath.indexOf("#/definitions/DeviceId") === 0)) && (err10.schemaPath["#/definitions/DeviceId".length] === "/")){
emErrs0.push(err10);
err10.emUsed = true;
}
}
if(emErrs0.length){
const err11 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be a whole number from 1 to 65535, unique in the site, e.g. 11",schema:"must be a whole number from 1 to 65535, unique in the site, e.g. 11",parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
const emErrs1 = [];
for(const err12 of vErrors){
if(!err12.emUsed){
emErrs1.push(err12);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
if(data.host !== undefined){
let data2 = data.host;
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
const err13 = {instancePath:instancePath+"/host",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/host",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err15 of vErrors){
if(((((err15.keyword !== "errorMessage") && (!err15.emUsed)) && ((err15.instancePath === instancePath+"/host") || ((err15.instancePath.indexOf(instancePath+"/host") === 0) && (err15.instancePath[instancePath+"/host".length] === "/")))) && (err15.schemaPath.indexOf("#/definitions/Name") === 0)) && (err15.schemaPath["#/definitions/Name".length] === "/")){
emErrs2.push(err15);
err15.emUsed = true;
}
}
if(emErrs2.length){
const err16 = {instancePath:instancePath+"/host",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
const emErrs3 = [];
for(const err17 of vErrors){
if(!err17.emUsed){
emErrs3.push(err17);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
}
if(data.tenant !== undefined){
let data3 = data.tenant;
if(typeof data3 === "string"){
if(!pattern0.test(data3)){
const err18 = {instancePath:instancePath+"/tenant",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data3};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/tenant",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data3};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(errors > 0){
const emErrs4 = [];
for(const err20 of vErrors){
if(((((err20.keyword !== "errorMessage") && (!err20.emUsed)) && ((err20.instancePath === instancePath+"/tenant") || ((err20.instancePath.indexOf(instancePath+"/tenant") === 0) && (err20.instancePath[instancePath+"/tenant".length] === "/")))) && (err20.schemaPath.indexOf("#/definitions/Name") === 0)) && (err20.schemaPath["#/definitions/Name".length] === "/")){
emErrs4.push(err20);
err20.emUsed = true;
}
}
if(emErrs4.length){
const err21 = {instancePath:instancePath+"/tenant",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs4},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data3};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
const emErrs5 = [];
for(const err22 of vErrors){
if(!err22.emUsed){
emErrs5.push(err22);
}
}
vErrors = emErrs5;
errors = emErrs5.length;
}
}
if(data.description !== undefined){
let data4 = data.description;
if(typeof data4 === "string"){
if(func3(data4) > 80){
const err23 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/maxLength",keyword:"maxLength",params:{limit: 80},message:"must NOT have more than 80 characters",schema:80,parentSchema:schema19,data:data4};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(!pattern2.test(data4)){
const err24 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9 .,:/()_+@=-]*$"},message:"must match pattern \""+"^[A-Za-z0-9 .,:/()_+@=-]*$"+"\"",schema:"^[A-Za-z0-9 .,:/()_+@=-]*$",parentSchema:schema19,data:data4};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
else {
const err25 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.type,parentSchema:schema19,data:data4};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(errors > 0){
const emErrs6 = [];
for(const err26 of vErrors){
if(((((err26.keyword !== "errorMessage") && (!err26.emUsed)) && ((err26.instancePath === instancePath+"/description") || ((err26.instancePath.indexOf(instancePath+"/description") === 0) && (err26.instancePath[instancePath+"/description".length] === "/")))) && (err26.schemaPath.indexOf("#/definitions/Text") === 0)) && (err26.schemaPath["#/definitions/Text".length] === "/")){
emErrs6.push(err26);
err26.emUsed = true;
}
}
if(emErrs6.length){
const err27 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/errorMessage",keyword:"errorMessage",params:{errors: emErrs6},message:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",schema:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",parentSchema:schema19,data:data4};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
const emErrs7 = [];
for(const err28 of vErrors){
if(!err28.emUsed){
emErrs7.push(err28);
}
}
vErrors = emErrs7;
errors = emErrs7.length;
}
}
if(data.mgmt !== undefined){
let data5 = data.mgmt;
if(typeof data5 === "string"){
if(!pattern19.test(data5)){
const err29 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Address/pattern",keyword:"pattern",params:{pattern: "^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"},message:"must match pattern \""+"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"+"\"",schema:"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$",parentSchema:schema47,data:data5};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
else {
const err30 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Address/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.type,parentSchema:schema47,data:data5};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(errors > 0){
const emErrs8 = [];
for(const err31 of vErrors){
if(((((err31.keyword !== "errorMessage") && (!err31.emUsed)) && ((err31.instancePath === instancePath+"/mgmt") || ((err31.instancePath.indexOf(instancePath+"/mgmt") === 0) && (err31.instancePath[instancePath+"/mgmt".length] === "/")))) && (err31.schemaPath.indexOf("#/definitions/Ipv4Address") === 0)) && (err31.schemaPath["#/definitions/Ipv4Address".length] === "/")){
emErrs8.push(err31);
err31.emUsed = true;
}
}
if(emErrs8.length){
const err32 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Address/errorMessage",keyword:"errorMessage",params:{errors: emErrs8},message:"must be an IPv4 address like 10.1.0.5",schema:"must be an IPv4 address like 10.1.0.5",parentSchema:schema47,data:data5};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
const emErrs9 = [];
for(const err33 of vErrors){
if(!err33.emUsed){
emErrs9.push(err33);
}
}
vErrors = emErrs9;
errors = emErrs9.length;
}
}
if(data.nics !== undefined){
if(!(validate56(data.nics, {instancePath:instancePath+"/nics",parentData:data,parentDataProperty:"nics",rootData}))){
vErrors = vErrors === null ? validate56.errors : vErrors.concat(validate56.errors);
errors = vErrors.length;
}
}
}
else {
const err34 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema114.type,parentSchema:schema114,data};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
validate60.errors = vErrors;
return errors === 0;
}

const schema120 = {"type":"object","additionalProperties":false,"required":["role","id","host","tenant","nics"],"description":"L7 load balancer (a VM running HAProxy), a real server of the L4 pair.","properties":{"role":{"const":"l7lb"},"id":{"$ref":"#/definitions/DeviceId"},"host":{"$ref":"#/definitions/Name"},"tenant":{"$ref":"#/definitions/Name"},"description":{"$ref":"#/definitions/Text"},"mgmt":{"$ref":"#/definitions/Ipv4Address","description":"@default pools.mgmt + id"},"nics":{"$ref":"#/definitions/Nics"}}};

function validate62(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.role === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "role"},message:"must have required property '"+"role"+"'",schema:schema120.required,parentSchema:schema120,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.id === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema120.required,parentSchema:schema120,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.host === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "host"},message:"must have required property '"+"host"+"'",schema:schema120.required,parentSchema:schema120,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.tenant === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "tenant"},message:"must have required property '"+"tenant"+"'",schema:schema120.required,parentSchema:schema120,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.nics === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "nics"},message:"must have required property '"+"nics"+"'",schema:schema120.required,parentSchema:schema120,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
for(const key0 in data){
if(!(((((((key0 === "role") || (key0 === "id")) || (key0 === "host")) || (key0 === "tenant")) || (key0 === "description")) || (key0 === "mgmt")) || (key0 === "nics"))){
const err5 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema120,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.role !== undefined){
let data0 = data.role;
if("l7lb" !== data0){
const err6 = {instancePath:instancePath+"/role",schemaPath:"#/properties/role/const",keyword:"const",params:{allowedValue: "l7lb"},message:"must be equal to constant",schema:"l7lb",parentSchema:schema120.properties.role,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.id !== undefined){
let data1 = data.id;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err7 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema40.type,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 65535 || isNaN(data1)){
const err8 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data1 < 1 || isNaN(data1)){
const err9 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(errors > 0){
const emErrs0 = [];
for(const err10 of vErrors){
if(((((err10.keyword !== "errorMessage") && (!err10.emUsed)) && ((err10.instancePath === instancePath+"/id") || ((err10.instancePath.indexOf(instancePath+"/id") === 0) && (err10.instancePath[instancePath+"/id".length] === "/")))) && (err10.schemaPath.indexOf("#/definitions/DeviceId") === 0)) && (err10.schemaPath["#/definitions/DeviceId".length] === "/")){
emErrs0.push(err10);
err10.emUsed = true;
}
}
if(emErrs0.length){
const err11 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be a whole number from 1 to 65535, unique in the site, e.g. 11",schema:"must be a whole number from 1 to 65535, unique in the site, e.g. 11",parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
const emErrs1 = [];
for(const err12 of vErrors){
if(!err12.emUsed){
emErrs1.push(err12);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
if(data.host !== undefined){
let data2 = data.host;
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
const err13 = {instancePath:instancePath+"/host",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/host",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err15 of vErrors){
if(((((err15.keyword !== "errorMessage") && (!err15.emUsed)) && ((err15.instancePath === instancePath+"/host") || ((err15.instancePath.indexOf(instancePath+"/host") === 0) && (err15.instancePath[instancePath+"/host".length] === "/")))) && (err15.schemaPath.indexOf("#/definitions/Name") === 0)) && (err15.schemaPath["#/definitions/Name".length] === "/")){
emErrs2.push(err15);
err15.emUsed = true;
}
}
if(emErrs2.length){
const err16 = {instancePath:instancePath+"/host",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
const emErrs3 = [];
for(const err17 of vErrors){
if(!err17.emUsed){
emErrs3.push(err17);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
}
if(data.tenant !== undefined){
let data3 = data.tenant;
if(typeof data3 === "string"){
if(!pattern0.test(data3)){
const err18 = {instancePath:instancePath+"/tenant",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data3};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/tenant",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data3};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(errors > 0){
const emErrs4 = [];
for(const err20 of vErrors){
if(((((err20.keyword !== "errorMessage") && (!err20.emUsed)) && ((err20.instancePath === instancePath+"/tenant") || ((err20.instancePath.indexOf(instancePath+"/tenant") === 0) && (err20.instancePath[instancePath+"/tenant".length] === "/")))) && (err20.schemaPath.indexOf("#/definitions/Name") === 0)) && (err20.schemaPath["#/definitions/Name".length] === "/")){
emErrs4.push(err20);
err20.emUsed = true;
}
}
if(emErrs4.length){
const err21 = {instancePath:instancePath+"/tenant",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs4},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data3};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
const emErrs5 = [];
for(const err22 of vErrors){
if(!err22.emUsed){
emErrs5.push(err22);
}
}
vErrors = emErrs5;
errors = emErrs5.length;
}
}
if(data.description !== undefined){
let data4 = data.description;
if(typeof data4 === "string"){
if(func3(data4) > 80){
const err23 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/maxLength",keyword:"maxLength",params:{limit: 80},message:"must NOT have more than 80 characters",schema:80,parentSchema:schema19,data:data4};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(!pattern2.test(data4)){
const err24 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9 .,:/()_+@=-]*$"},message:"must match pattern \""+"^[A-Za-z0-9 .,:/()_+@=-]*$"+"\"",schema:"^[A-Za-z0-9 .,:/()_+@=-]*$",parentSchema:schema19,data:data4};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
else {
const err25 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.type,parentSchema:schema19,data:data4};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(errors > 0){
const emErrs6 = [];
for(const err26 of vErrors){
if(((((err26.keyword !== "errorMessage") && (!err26.emUsed)) && ((err26.instancePath === instancePath+"/description") || ((err26.instancePath.indexOf(instancePath+"/description") === 0) && (err26.instancePath[instancePath+"/description".length] === "/")))) && (err26.schemaPath.indexOf("#/definitions/Text") === 0)) && (err26.schemaPath["#/definitions/Text".length] === "/")){
emErrs6.push(err26);
err26.emUsed = true;
}
}
if(emErrs6.length){
const err27 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/errorMessage",keyword:"errorMessage",params:{errors: emErrs6},message:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",schema:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",parentSchema:schema19,data:data4};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
const emErrs7 = [];
for(const err28 of vErrors){
if(!err28.emUsed){
emErrs7.push(err28);
}
}
vErrors = emErrs7;
errors = emErrs7.length;
}
}
if(data.mgmt !== undefined){
let data5 = data.mgmt;
if(typeof data5 === "string"){
if(!pattern19.test(data5)){
const err29 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Address/pattern",keyword:"pattern",params:{pattern: "^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"},message:"must match pattern \""+"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"+"\"",schema:"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$",parentSchema:schema47,data:data5};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
else {
const err30 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Address/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.type,parentSchema:schema47,data:data5};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(errors > 0){
const emErrs8 = [];
for(const err31 of vErrors){
if(((((err31.keyword !== "errorMessage") && (!err31.emUsed)) && ((err31.instancePath === instancePath+"/mgmt") || ((err31.instancePath.indexOf(instancePath+"/mgmt") === 0) && (err31.instancePath[instancePath+"/mgmt".length] === "/")))) && (err31.schemaPath.indexOf("#/definitions/Ipv4Address") === 0)) && (err31.schemaPath["#/definitions/Ipv4Address".length] === "/")){
emErrs8.push(err31);
err31.emUsed = true;
}
}
if(emErrs8.length){
const err32 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Address/errorMessage",keyword:"errorMessage",params:{errors: emErrs8},message:"must be an IPv4 address like 10.1.0.5",schema:"must be an IPv4 address like 10.1.0.5",parentSchema:schema47,data:data5};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
const emErrs9 = [];
for(const err33 of vErrors){
if(!err33.emUsed){
emErrs9.push(err33);
}
}
vErrors = emErrs9;
errors = emErrs9.length;
}
}
if(data.nics !== undefined){
if(!(validate56(data.nics, {instancePath:instancePath+"/nics",parentData:data,parentDataProperty:"nics",rootData}))){
vErrors = vErrors === null ? validate56.errors : vErrors.concat(validate56.errors);
errors = vErrors.length;
}
}
}
else {
const err34 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema120.type,parentSchema:schema120,data};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
validate62.errors = vErrors;
return errors === 0;
}

const schema126 = {"type":"object","additionalProperties":false,"required":["role","id","host","tenant","nics"],"description":"An application VM. fabric does not configure it; it places its NICs on the overlay and routes to it.","properties":{"role":{"const":"vm"},"id":{"$ref":"#/definitions/DeviceId"},"host":{"$ref":"#/definitions/Name"},"tenant":{"$ref":"#/definitions/Name"},"description":{"$ref":"#/definitions/Text"},"mgmt":{"$ref":"#/definitions/Ipv4Address","description":"@default pools.mgmt + id"},"nics":{"$ref":"#/definitions/Nics"}}};

function validate64(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.role === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "role"},message:"must have required property '"+"role"+"'",schema:schema126.required,parentSchema:schema126,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.id === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema126.required,parentSchema:schema126,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.host === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "host"},message:"must have required property '"+"host"+"'",schema:schema126.required,parentSchema:schema126,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.tenant === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "tenant"},message:"must have required property '"+"tenant"+"'",schema:schema126.required,parentSchema:schema126,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.nics === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "nics"},message:"must have required property '"+"nics"+"'",schema:schema126.required,parentSchema:schema126,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
for(const key0 in data){
if(!(((((((key0 === "role") || (key0 === "id")) || (key0 === "host")) || (key0 === "tenant")) || (key0 === "description")) || (key0 === "mgmt")) || (key0 === "nics"))){
const err5 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema126,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.role !== undefined){
let data0 = data.role;
if("vm" !== data0){
const err6 = {instancePath:instancePath+"/role",schemaPath:"#/properties/role/const",keyword:"const",params:{allowedValue: "vm"},message:"must be equal to constant",schema:"vm",parentSchema:schema126.properties.role,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.id !== undefined){
let data1 = data.id;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err7 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema40.type,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 65535 || isNaN(data1)){
const err8 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data1 < 1 || isNaN(data1)){
const err9 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(errors > 0){
const emErrs0 = [];
for(const err10 of vErrors){
if(((((err10.keyword !== "errorMessage") && (!err10.emUsed)) && ((err10.instancePath === instancePath+"/id") || ((err10.instancePath.indexOf(instancePath+"/id") === 0) && (err10.instancePath[instancePath+"/id".length] === "/")))) && (err10.schemaPath.indexOf("#/definitions/DeviceId") === 0)) && (err10.schemaPath["#/definitions/DeviceId".length] === "/")){
emErrs0.push(err10);
err10.emUsed = true;
}
}
if(emErrs0.length){
const err11 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/DeviceId/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be a whole number from 1 to 65535, unique in the site, e.g. 11",schema:"must be a whole number from 1 to 65535, unique in the site, e.g. 11",parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
const emErrs1 = [];
for(const err12 of vErrors){
if(!err12.emUsed){
emErrs1.push(err12);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
if(data.host !== undefined){
let data2 = data.host;
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
const err13 = {instancePath:instancePath+"/host",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/host",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err15 of vErrors){
if(((((err15.keyword !== "errorMessage") && (!err15.emUsed)) && ((err15.instancePath === instancePath+"/host") || ((err15.instancePath.indexOf(instancePath+"/host") === 0) && (err15.instancePath[instancePath+"/host".length] === "/")))) && (err15.schemaPath.indexOf("#/definitions/Name") === 0)) && (err15.schemaPath["#/definitions/Name".length] === "/")){
emErrs2.push(err15);
err15.emUsed = true;
}
}
if(emErrs2.length){
const err16 = {instancePath:instancePath+"/host",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
const emErrs3 = [];
for(const err17 of vErrors){
if(!err17.emUsed){
emErrs3.push(err17);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
}
if(data.tenant !== undefined){
let data3 = data.tenant;
if(typeof data3 === "string"){
if(!pattern0.test(data3)){
const err18 = {instancePath:instancePath+"/tenant",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data3};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/tenant",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data3};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(errors > 0){
const emErrs4 = [];
for(const err20 of vErrors){
if(((((err20.keyword !== "errorMessage") && (!err20.emUsed)) && ((err20.instancePath === instancePath+"/tenant") || ((err20.instancePath.indexOf(instancePath+"/tenant") === 0) && (err20.instancePath[instancePath+"/tenant".length] === "/")))) && (err20.schemaPath.indexOf("#/definitions/Name") === 0)) && (err20.schemaPath["#/definitions/Name".length] === "/")){
emErrs4.push(err20);
err20.emUsed = true;
}
}
if(emErrs4.length){
const err21 = {instancePath:instancePath+"/tenant",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs4},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data3};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
const emErrs5 = [];
for(const err22 of vErrors){
if(!err22.emUsed){
emErrs5.push(err22);
}
}
vErrors = emErrs5;
errors = emErrs5.length;
}
}
if(data.description !== undefined){
let data4 = data.description;
if(typeof data4 === "string"){
if(func3(data4) > 80){
const err23 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/maxLength",keyword:"maxLength",params:{limit: 80},message:"must NOT have more than 80 characters",schema:80,parentSchema:schema19,data:data4};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(!pattern2.test(data4)){
const err24 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9 .,:/()_+@=-]*$"},message:"must match pattern \""+"^[A-Za-z0-9 .,:/()_+@=-]*$"+"\"",schema:"^[A-Za-z0-9 .,:/()_+@=-]*$",parentSchema:schema19,data:data4};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
else {
const err25 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.type,parentSchema:schema19,data:data4};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(errors > 0){
const emErrs6 = [];
for(const err26 of vErrors){
if(((((err26.keyword !== "errorMessage") && (!err26.emUsed)) && ((err26.instancePath === instancePath+"/description") || ((err26.instancePath.indexOf(instancePath+"/description") === 0) && (err26.instancePath[instancePath+"/description".length] === "/")))) && (err26.schemaPath.indexOf("#/definitions/Text") === 0)) && (err26.schemaPath["#/definitions/Text".length] === "/")){
emErrs6.push(err26);
err26.emUsed = true;
}
}
if(emErrs6.length){
const err27 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/errorMessage",keyword:"errorMessage",params:{errors: emErrs6},message:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",schema:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",parentSchema:schema19,data:data4};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
const emErrs7 = [];
for(const err28 of vErrors){
if(!err28.emUsed){
emErrs7.push(err28);
}
}
vErrors = emErrs7;
errors = emErrs7.length;
}
}
if(data.mgmt !== undefined){
let data5 = data.mgmt;
if(typeof data5 === "string"){
if(!pattern19.test(data5)){
const err29 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Address/pattern",keyword:"pattern",params:{pattern: "^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"},message:"must match pattern \""+"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"+"\"",schema:"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$",parentSchema:schema47,data:data5};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
else {
const err30 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Address/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.type,parentSchema:schema47,data:data5};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(errors > 0){
const emErrs8 = [];
for(const err31 of vErrors){
if(((((err31.keyword !== "errorMessage") && (!err31.emUsed)) && ((err31.instancePath === instancePath+"/mgmt") || ((err31.instancePath.indexOf(instancePath+"/mgmt") === 0) && (err31.instancePath[instancePath+"/mgmt".length] === "/")))) && (err31.schemaPath.indexOf("#/definitions/Ipv4Address") === 0)) && (err31.schemaPath["#/definitions/Ipv4Address".length] === "/")){
emErrs8.push(err31);
err31.emUsed = true;
}
}
if(emErrs8.length){
const err32 = {instancePath:instancePath+"/mgmt",schemaPath:"#/definitions/Ipv4Address/errorMessage",keyword:"errorMessage",params:{errors: emErrs8},message:"must be an IPv4 address like 10.1.0.5",schema:"must be an IPv4 address like 10.1.0.5",parentSchema:schema47,data:data5};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
const emErrs9 = [];
for(const err33 of vErrors){
if(!err33.emUsed){
emErrs9.push(err33);
}
}
vErrors = emErrs9;
errors = emErrs9.length;
}
}
if(data.nics !== undefined){
if(!(validate56(data.nics, {instancePath:instancePath+"/nics",parentData:data,parentDataProperty:"nics",rootData}))){
vErrors = vErrors === null ? validate56.errors : vErrors.concat(validate56.errors);
errors = vErrors.length;
}
}
}
else {
const err34 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema126.type,parentSchema:schema126,data};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
validate64.errors = vErrors;
return errors === 0;
}


function validate32(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.role === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "role"},message:"must have required property '"+"role"+"'",schema:schema53.required,parentSchema:schema53,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.role !== undefined){
let data0 = data.role;
if(typeof data0 !== "string"){
const err1 = {instancePath:instancePath+"/role",schemaPath:"#/properties/role/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema53.properties.role.type,parentSchema:schema53.properties.role,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
const tag0 = data.role;
if(typeof tag0 == "string"){
if(tag0 === "superspine"){
if(!(validate33(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate33.errors : vErrors.concat(validate33.errors);
errors = vErrors.length;
}
}
else if(tag0 === "edge"){
if(!(validate36(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate36.errors : vErrors.concat(validate36.errors);
errors = vErrors.length;
}
}
else if(tag0 === "spine"){
if(!(validate40(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate40.errors : vErrors.concat(validate40.errors);
errors = vErrors.length;
}
}
else if(tag0 === "leaf"){
if(!(validate43(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate43.errors : vErrors.concat(validate43.errors);
errors = vErrors.length;
}
}
else if(tag0 === "hypervisor"){
if(!(validate46(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate46.errors : vErrors.concat(validate46.errors);
errors = vErrors.length;
}
}
else if(tag0 === "storage"){
if(!(validate49(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate49.errors : vErrors.concat(validate49.errors);
errors = vErrors.length;
}
}
else if(tag0 === "k8s-node"){
if(!(validate52(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate52.errors : vErrors.concat(validate52.errors);
errors = vErrors.length;
}
}
else if(tag0 === "vrouter"){
if(!(validate55(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate55.errors : vErrors.concat(validate55.errors);
errors = vErrors.length;
}
}
else if(tag0 === "l4lb"){
if(!(validate60(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate60.errors : vErrors.concat(validate60.errors);
errors = vErrors.length;
}
}
else if(tag0 === "l7lb"){
if(!(validate62(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate62.errors : vErrors.concat(validate62.errors);
errors = vErrors.length;
}
}
else if(tag0 === "vm"){
if(!(validate64(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate64.errors : vErrors.concat(validate64.errors);
errors = vErrors.length;
}
}
else {
const err2 = {instancePath,schemaPath:"#/discriminator",keyword:"discriminator",params:{error: "mapping", tag: "role", tagValue: tag0},message:"value of tag \"role\" must be in oneOf",schema:schema53.discriminator,parentSchema:schema53,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath,schemaPath:"#/discriminator",keyword:"discriminator",params:{error: "tag", tag: "role", tagValue: tag0},message:"tag \"role\" must be string",schema:schema53.discriminator,parentSchema:schema53,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema53.type,parentSchema:schema53,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(errors > 0){
const emErrors0 = {"discriminator":[]};
const templates0 = {};
for(const err5 of vErrors){
if((((((err5.keyword !== "errorMessage") && (!err5.emUsed)) && (err5.instancePath === instancePath)) && (err5.keyword in emErrors0)) && (err5.schemaPath.indexOf("#") === 0)) && (/^\/[^\/]*$/.test(err5.schemaPath.slice(1)))){
emErrors0[err5.keyword].push(err5);
err5.emUsed = true;
}
}
for(const key0 in emErrors0){
if(emErrors0[key0].length){
const err6 = {instancePath,schemaPath:"#/errorMessage",keyword:"errorMessage",params:{errors: emErrors0[key0]},message:key0 in templates0 ? templates0[key0]() : schema53.errorMessage[key0],schema:schema53.errorMessage,parentSchema:schema53,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
const emErrs0 = [];
for(const err7 of vErrors){
if(!err7.emUsed){
emErrs0.push(err7);
}
}
vErrors = emErrs0;
errors = emErrs0.length;
}
validate32.errors = vErrors;
return errors === 0;
}

const schema133 = {"type":"object","additionalProperties":false,"required":["segments"],"properties":{"description":{"$ref":"#/definitions/Text"},"segments":{"type":"object","minProperties":1,"description":"Overlay segments (one VXLAN VNI each), by name.","propertyNames":{"$ref":"#/definitions/Name"},"additionalProperties":{"$ref":"#/definitions/Segment"}},"routers":{"$ref":"#/definitions/TenantRouters"},"l4":{"$ref":"#/definitions/TenantL4"},"l7":{"$ref":"#/definitions/TenantL7"},"data":{"type":"object","minProperties":1,"description":"The tenant's data services (Redis first; PostgreSQL and RabbitMQ later: docs/data-tier.md), by name. Clients reach each through its VIPs: `write` always the current primary, `read` the healthy replicas (the primary when none is left). The tenant's HAProxy pair (`l7.members`) checks which member holds which role (TCP mode, role-aware `tcp-check`) and sends each VIP's connections to the members that hold its role.","propertyNames":{"$ref":"#/definitions/Name"},"additionalProperties":{"$ref":"#/definitions/DataService"}},"sentinels":{"type":"object","additionalProperties":false,"description":"The tenant's Redis Sentinels: one on every member of its `redis` data services and one on each member of its HAProxy pair (docs/data-tier.md).","properties":{"auth":{"$ref":"#/definitions/SecretRef","description":"The Sentinels' own password (a secret: 16 to 128 characters of letters, digits and ._~+/=:@-, e.g. `openssl rand -base64 32`), one for all of the tenant's Sentinels: each gets it as `requirepass` (a client, `redis-cli` or HAProxy's role check must `AUTH` before asking or commanding it) and as `sentinel sentinel-pass` (what it sends the other Sentinels, which all have the same one). Never a data service's password: that would give the service's clients the failover of every other service. Without it the Sentinels answer anyone on the data segment, and the warning `sentinel-without-auth` says so when a `redis` service has a password."}}}}};
const schema136 = {"type":"object","additionalProperties":false,"required":["vni"],"properties":{"vni":{"type":"integer","minimum":1,"maximum":16777215,"description":"VXLAN network identifier, unique in the site. The local VLAN tag on br-int is derived from it."},"subnet":{"$ref":"#/definitions/Ipv4Prefix","description":"The segment's IPv4 subnet."},"subnet6":{"$ref":"#/definitions/Ipv6Prefix","description":"The segment's IPv6 subnet, usually a /64."},"description":{"$ref":"#/definitions/Text"}},"description":"A tenant segment: IPv4 (`subnet`), IPv6 (`subnet6`) or dual-stack (both); at least one of them."};

function validate79(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.vni === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "vni"},message:"must have required property '"+"vni"+"'",schema:schema136.required,parentSchema:schema136,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "vni") || (key0 === "subnet")) || (key0 === "subnet6")) || (key0 === "description"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema136,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.vni !== undefined){
let data0 = data.vni;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err2 = {instancePath:instancePath+"/vni",schemaPath:"#/properties/vni/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema136.properties.vni.type,parentSchema:schema136.properties.vni,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 16777215 || isNaN(data0)){
const err3 = {instancePath:instancePath+"/vni",schemaPath:"#/properties/vni/maximum",keyword:"maximum",params:{comparison: "<=", limit: 16777215},message:"must be <= 16777215",schema:16777215,parentSchema:schema136.properties.vni,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data0 < 1 || isNaN(data0)){
const err4 = {instancePath:instancePath+"/vni",schemaPath:"#/properties/vni/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema136.properties.vni,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
if(data.subnet !== undefined){
let data1 = data.subnet;
if(typeof data1 === "string"){
if(!pattern4.test(data1)){
const err5 = {instancePath:instancePath+"/subnet",schemaPath:"#/definitions/Ipv4Prefix/pattern",keyword:"pattern",params:{pattern: "^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$"},message:"must match pattern \""+"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$"+"\"",schema:"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$",parentSchema:schema26,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/subnet",schemaPath:"#/definitions/Ipv4Prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.type,parentSchema:schema26,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(errors > 0){
const emErrs0 = [];
for(const err7 of vErrors){
if(((((err7.keyword !== "errorMessage") && (!err7.emUsed)) && ((err7.instancePath === instancePath+"/subnet") || ((err7.instancePath.indexOf(instancePath+"/subnet") === 0) && (err7.instancePath[instancePath+"/subnet".length] === "/")))) && (err7.schemaPath.indexOf("#/definitions/Ipv4Prefix") === 0)) && (err7.schemaPath["#/definitions/Ipv4Prefix".length] === "/")){
emErrs0.push(err7);
err7.emUsed = true;
}
}
if(emErrs0.length){
const err8 = {instancePath:instancePath+"/subnet",schemaPath:"#/definitions/Ipv4Prefix/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be an IPv4 prefix like 10.1.0.0/24",schema:"must be an IPv4 prefix like 10.1.0.0/24",parentSchema:schema26,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
const emErrs1 = [];
for(const err9 of vErrors){
if(!err9.emUsed){
emErrs1.push(err9);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
if(data.subnet6 !== undefined){
let data2 = data.subnet6;
if(typeof data2 === "string"){
if(func3(data2) > 49){
const err10 = {instancePath:instancePath+"/subnet6",schemaPath:"#/definitions/Ipv6Prefix/maxLength",keyword:"maxLength",params:{limit: 49},message:"must NOT have more than 49 characters",schema:49,parentSchema:schema28,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(!pattern6.test(data2)){
const err11 = {instancePath:instancePath+"/subnet6",schemaPath:"#/definitions/Ipv6Prefix/pattern",keyword:"pattern",params:{pattern: "^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$"},message:"must match pattern \""+"^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$"+"\"",schema:"^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$",parentSchema:schema28,data:data2};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/subnet6",schemaPath:"#/definitions/Ipv6Prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.type,parentSchema:schema28,data:data2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err13 of vErrors){
if(((((err13.keyword !== "errorMessage") && (!err13.emUsed)) && ((err13.instancePath === instancePath+"/subnet6") || ((err13.instancePath.indexOf(instancePath+"/subnet6") === 0) && (err13.instancePath[instancePath+"/subnet6".length] === "/")))) && (err13.schemaPath.indexOf("#/definitions/Ipv6Prefix") === 0)) && (err13.schemaPath["#/definitions/Ipv6Prefix".length] === "/")){
emErrs2.push(err13);
err13.emUsed = true;
}
}
if(emErrs2.length){
const err14 = {instancePath:instancePath+"/subnet6",schemaPath:"#/definitions/Ipv6Prefix/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be an IPv6 prefix like 2001:db8:1::/64",schema:"must be an IPv6 prefix like 2001:db8:1::/64",parentSchema:schema28,data:data2};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
const emErrs3 = [];
for(const err15 of vErrors){
if(!err15.emUsed){
emErrs3.push(err15);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
}
if(data.description !== undefined){
let data3 = data.description;
if(typeof data3 === "string"){
if(func3(data3) > 80){
const err16 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/maxLength",keyword:"maxLength",params:{limit: 80},message:"must NOT have more than 80 characters",schema:80,parentSchema:schema19,data:data3};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(!pattern2.test(data3)){
const err17 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9 .,:/()_+@=-]*$"},message:"must match pattern \""+"^[A-Za-z0-9 .,:/()_+@=-]*$"+"\"",schema:"^[A-Za-z0-9 .,:/()_+@=-]*$",parentSchema:schema19,data:data3};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.type,parentSchema:schema19,data:data3};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(errors > 0){
const emErrs4 = [];
for(const err19 of vErrors){
if(((((err19.keyword !== "errorMessage") && (!err19.emUsed)) && ((err19.instancePath === instancePath+"/description") || ((err19.instancePath.indexOf(instancePath+"/description") === 0) && (err19.instancePath[instancePath+"/description".length] === "/")))) && (err19.schemaPath.indexOf("#/definitions/Text") === 0)) && (err19.schemaPath["#/definitions/Text".length] === "/")){
emErrs4.push(err19);
err19.emUsed = true;
}
}
if(emErrs4.length){
const err20 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/errorMessage",keyword:"errorMessage",params:{errors: emErrs4},message:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",schema:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",parentSchema:schema19,data:data3};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
const emErrs5 = [];
for(const err21 of vErrors){
if(!err21.emUsed){
emErrs5.push(err21);
}
}
vErrors = emErrs5;
errors = emErrs5.length;
}
}
}
else {
const err22 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema136.type,parentSchema:schema136,data};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
validate79.errors = vErrors;
return errors === 0;
}

const schema140 = {"type":"object","additionalProperties":false,"required":["members","gateways"],"description":"The tenant's vRouter pair: the default gateway (a VRRP address) of each listed segment, and the routes to the tenant's segments in the fabric.","properties":{"members":{"$ref":"#/definitions/VrrpMembers"},"auth":{"$ref":"#/definitions/SecretRef","description":"VRRP authentication (PASS, at most 8 characters)."},"gateways":{"type":"object","minProperties":1,"description":"Gateway address per segment, by segment name.","propertyNames":{"$ref":"#/definitions/Name"},"additionalProperties":{"$ref":"#/definitions/VrrpAddress"}},"budget":{"type":"integer","minimum":0,"maximum":600000,"description":"Milliseconds: the failure budget of this vRouter pair (VRRP master failure), instead of the site's `budgets`."}}};
const schema141 = {"type":"array","minItems":1,"maxItems":2,"items":{"$ref":"#/definitions/VrrpMember"},"description":"The pair, e.g. `[{ device: vr1, priority: 150 }, { device: vr2, priority: 100 }]`."};
const schema142 = {"type":"object","additionalProperties":false,"required":["device","priority"],"properties":{"device":{"$ref":"#/definitions/Name"},"priority":{"type":"integer","minimum":1,"maximum":254,"description":"VRRP priority; the member with the highest priority is the intended master."}}};

function validate83(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.device === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "device"},message:"must have required property '"+"device"+"'",schema:schema142.required,parentSchema:schema142,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.priority === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "priority"},message:"must have required property '"+"priority"+"'",schema:schema142.required,parentSchema:schema142,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!((key0 === "device") || (key0 === "priority"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema142,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.device !== undefined){
let data0 = data.device;
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
const err3 = {instancePath:instancePath+"/device",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/device",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(errors > 0){
const emErrs0 = [];
for(const err5 of vErrors){
if(((((err5.keyword !== "errorMessage") && (!err5.emUsed)) && ((err5.instancePath === instancePath+"/device") || ((err5.instancePath.indexOf(instancePath+"/device") === 0) && (err5.instancePath[instancePath+"/device".length] === "/")))) && (err5.schemaPath.indexOf("#/definitions/Name") === 0)) && (err5.schemaPath["#/definitions/Name".length] === "/")){
emErrs0.push(err5);
err5.emUsed = true;
}
}
if(emErrs0.length){
const err6 = {instancePath:instancePath+"/device",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
const emErrs1 = [];
for(const err7 of vErrors){
if(!err7.emUsed){
emErrs1.push(err7);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
if(data.priority !== undefined){
let data1 = data.priority;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err8 = {instancePath:instancePath+"/priority",schemaPath:"#/properties/priority/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema142.properties.priority.type,parentSchema:schema142.properties.priority,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 254 || isNaN(data1)){
const err9 = {instancePath:instancePath+"/priority",schemaPath:"#/properties/priority/maximum",keyword:"maximum",params:{comparison: "<=", limit: 254},message:"must be <= 254",schema:254,parentSchema:schema142.properties.priority,data:data1};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data1 < 1 || isNaN(data1)){
const err10 = {instancePath:instancePath+"/priority",schemaPath:"#/properties/priority/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema142.properties.priority,data:data1};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
}
else {
const err11 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema142.type,parentSchema:schema142,data};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
validate83.errors = vErrors;
return errors === 0;
}


function validate82(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(Array.isArray(data)){
if(data.length > 2){
const err0 = {instancePath,schemaPath:"#/maxItems",keyword:"maxItems",params:{limit: 2},message:"must NOT have more than 2 items",schema:2,parentSchema:schema141,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.length < 1){
const err1 = {instancePath,schemaPath:"#/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema141,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
if(!(validate83(data[i0], {instancePath:instancePath+"/" + i0,parentData:data,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate83.errors : vErrors.concat(validate83.errors);
errors = vErrors.length;
}
}
}
else {
const err2 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema141.type,parentSchema:schema141,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
validate82.errors = vErrors;
return errors === 0;
}

const schema145 = {"type":"object","additionalProperties":false,"required":["vrid"],"properties":{"vrid":{"type":"integer","minimum":1,"maximum":255,"description":"VRRP virtual router id, unique on its segment."},"address":{"$ref":"#/definitions/Ipv4Address","description":"The virtual IPv4 address, inside the segment's `subnet`; required on a segment with a `subnet`."},"address6":{"$ref":"#/definitions/Ipv6Address","description":"The virtual IPv6 address, inside the segment's `subnet6`; required on a segment with a `subnet6`."}},"description":"A VRRP virtual address per family the segment carries: `address` (IPv4) and/or `address6` (IPv6). keepalived holds each family in its own instance (`<name>` and `<name>_v6`, one family per instance) with the same `vrid`, both in the pair's sync group."};

function validate87(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.vrid === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "vrid"},message:"must have required property '"+"vrid"+"'",schema:schema145.required,parentSchema:schema145,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(((key0 === "vrid") || (key0 === "address")) || (key0 === "address6"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema145,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.vrid !== undefined){
let data0 = data.vrid;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err2 = {instancePath:instancePath+"/vrid",schemaPath:"#/properties/vrid/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema145.properties.vrid.type,parentSchema:schema145.properties.vrid,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 255 || isNaN(data0)){
const err3 = {instancePath:instancePath+"/vrid",schemaPath:"#/properties/vrid/maximum",keyword:"maximum",params:{comparison: "<=", limit: 255},message:"must be <= 255",schema:255,parentSchema:schema145.properties.vrid,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data0 < 1 || isNaN(data0)){
const err4 = {instancePath:instancePath+"/vrid",schemaPath:"#/properties/vrid/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema145.properties.vrid,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
if(data.address !== undefined){
let data1 = data.address;
if(typeof data1 === "string"){
if(!pattern19.test(data1)){
const err5 = {instancePath:instancePath+"/address",schemaPath:"#/definitions/Ipv4Address/pattern",keyword:"pattern",params:{pattern: "^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"},message:"must match pattern \""+"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"+"\"",schema:"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$",parentSchema:schema47,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/address",schemaPath:"#/definitions/Ipv4Address/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.type,parentSchema:schema47,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(errors > 0){
const emErrs0 = [];
for(const err7 of vErrors){
if(((((err7.keyword !== "errorMessage") && (!err7.emUsed)) && ((err7.instancePath === instancePath+"/address") || ((err7.instancePath.indexOf(instancePath+"/address") === 0) && (err7.instancePath[instancePath+"/address".length] === "/")))) && (err7.schemaPath.indexOf("#/definitions/Ipv4Address") === 0)) && (err7.schemaPath["#/definitions/Ipv4Address".length] === "/")){
emErrs0.push(err7);
err7.emUsed = true;
}
}
if(emErrs0.length){
const err8 = {instancePath:instancePath+"/address",schemaPath:"#/definitions/Ipv4Address/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be an IPv4 address like 10.1.0.5",schema:"must be an IPv4 address like 10.1.0.5",parentSchema:schema47,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
const emErrs1 = [];
for(const err9 of vErrors){
if(!err9.emUsed){
emErrs1.push(err9);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
if(data.address6 !== undefined){
let data2 = data.address6;
if(typeof data2 === "string"){
if(func3(data2) > 45){
const err10 = {instancePath:instancePath+"/address6",schemaPath:"#/definitions/Ipv6Address/maxLength",keyword:"maxLength",params:{limit: 45},message:"must NOT have more than 45 characters",schema:45,parentSchema:schema49,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(!pattern21.test(data2)){
const err11 = {instancePath:instancePath+"/address6",schemaPath:"#/definitions/Ipv6Address/pattern",keyword:"pattern",params:{pattern: "^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$"},message:"must match pattern \""+"^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$"+"\"",schema:"^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$",parentSchema:schema49,data:data2};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/address6",schemaPath:"#/definitions/Ipv6Address/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.type,parentSchema:schema49,data:data2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err13 of vErrors){
if(((((err13.keyword !== "errorMessage") && (!err13.emUsed)) && ((err13.instancePath === instancePath+"/address6") || ((err13.instancePath.indexOf(instancePath+"/address6") === 0) && (err13.instancePath[instancePath+"/address6".length] === "/")))) && (err13.schemaPath.indexOf("#/definitions/Ipv6Address") === 0)) && (err13.schemaPath["#/definitions/Ipv6Address".length] === "/")){
emErrs2.push(err13);
err13.emUsed = true;
}
}
if(emErrs2.length){
const err14 = {instancePath:instancePath+"/address6",schemaPath:"#/definitions/Ipv6Address/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be an IPv6 address like 2001:db8::5",schema:"must be an IPv6 address like 2001:db8::5",parentSchema:schema49,data:data2};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
const emErrs3 = [];
for(const err15 of vErrors){
if(!err15.emUsed){
emErrs3.push(err15);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
}
}
else {
const err16 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema145.type,parentSchema:schema145,data};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
validate87.errors = vErrors;
return errors === 0;
}


function validate81(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.members === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "members"},message:"must have required property '"+"members"+"'",schema:schema140.required,parentSchema:schema140,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.gateways === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "gateways"},message:"must have required property '"+"gateways"+"'",schema:schema140.required,parentSchema:schema140,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "members") || (key0 === "auth")) || (key0 === "gateways")) || (key0 === "budget"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema140,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.members !== undefined){
if(!(validate82(data.members, {instancePath:instancePath+"/members",parentData:data,parentDataProperty:"members",rootData}))){
vErrors = vErrors === null ? validate82.errors : vErrors.concat(validate82.errors);
errors = vErrors.length;
}
}
if(data.auth !== undefined){
if(!(validate23(data.auth, {instancePath:instancePath+"/auth",parentData:data,parentDataProperty:"auth",rootData}))){
vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
errors = vErrors.length;
}
}
if(data.gateways !== undefined){
let data2 = data.gateways;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(Object.keys(data2).length < 1){
const err3 = {instancePath:instancePath+"/gateways",schemaPath:"#/properties/gateways/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema140.properties.gateways,data:data2};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key1 in data2){
const _errs6 = errors;
if(typeof key1 === "string"){
if(!pattern0.test(key1)){
const err4 = {instancePath:instancePath+"/gateways",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/gateways",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(errors > 0){
const emErrs0 = [];
for(const err6 of vErrors){
if(((((err6.keyword !== "errorMessage") && (!err6.emUsed)) && ((err6.instancePath === instancePath+"/gateways") || ((err6.instancePath.indexOf(instancePath+"/gateways") === 0) && (err6.instancePath[instancePath+"/gateways".length] === "/")))) && (err6.schemaPath.indexOf("#/definitions/Name") === 0)) && (err6.schemaPath["#/definitions/Name".length] === "/")){
emErrs0.push(err6);
err6.emUsed = true;
}
}
if(emErrs0.length){
const err7 = {instancePath:instancePath+"/gateways",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
const emErrs1 = [];
for(const err8 of vErrors){
if(!err8.emUsed){
emErrs1.push(err8);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
var valid1 = _errs6 === errors;
if(!valid1){
const err9 = {instancePath:instancePath+"/gateways",schemaPath:"#/properties/gateways/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema140.properties.gateways.propertyNames,parentSchema:schema140.properties.gateways,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
for(const key2 in data2){
if(!(validate87(data2[key2], {instancePath:instancePath+"/gateways/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data2,parentDataProperty:key2,rootData}))){
vErrors = vErrors === null ? validate87.errors : vErrors.concat(validate87.errors);
errors = vErrors.length;
}
}
}
else {
const err10 = {instancePath:instancePath+"/gateways",schemaPath:"#/properties/gateways/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema140.properties.gateways.type,parentSchema:schema140.properties.gateways,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.budget !== undefined){
let data4 = data.budget;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err11 = {instancePath:instancePath+"/budget",schemaPath:"#/properties/budget/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema140.properties.budget.type,parentSchema:schema140.properties.budget,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 600000 || isNaN(data4)){
const err12 = {instancePath:instancePath+"/budget",schemaPath:"#/properties/budget/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema140.properties.budget,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data4 < 0 || isNaN(data4)){
const err13 = {instancePath:instancePath+"/budget",schemaPath:"#/properties/budget/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema140.properties.budget,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
}
else {
const err14 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema140.type,parentSchema:schema140,data};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
validate81.errors = vErrors;
return errors === 0;
}

const schema148 = {"type":"object","additionalProperties":false,"required":["members","gateway","services"],"description":"The L4 load balancer pair: keepalived VRRP for every VIP plus IPVS virtual servers (NAT), and the real servers' gateway on the internal segment.","properties":{"members":{"$ref":"#/definitions/VrrpMembers"},"auth":{"$ref":"#/definitions/SecretRef"},"gateway":{"type":"object","additionalProperties":false,"required":["segment","vrid"],"description":"The real servers' default gateway (IPVS NAT needs the replies to come back through the balancer).","properties":{"segment":{"$ref":"#/definitions/Name"},"vrid":{"type":"integer","minimum":1,"maximum":255},"address":{"$ref":"#/definitions/Ipv4Address","description":"The real servers' IPv4 gateway; required on a segment with a `subnet`."},"address6":{"$ref":"#/definitions/Ipv6Address","description":"The real servers' IPv6 gateway; required on a segment with a `subnet6`: the L4 pair's IPv6 VRRP instance (`<tenant>_lb_gw_v6`), same `vrid`."}}},"services":{"type":"object","minProperties":1,"propertyNames":{"$ref":"#/definitions/Name"},"additionalProperties":{"$ref":"#/definitions/L4Service"}},"budget":{"type":"integer","minimum":0,"maximum":600000,"description":"Milliseconds: the failure budget of this L4 pair (VRRP master failure of its VIPs), instead of the site's `budgets`."}}};
const schema153 = {"type":"object","additionalProperties":false,"required":["segment","vrid","ports","real_servers"],"properties":{"description":{"$ref":"#/definitions/Text"},"segment":{"$ref":"#/definitions/Name","description":"Segment that carries the VIP."},"vrid":{"type":"integer","minimum":1,"maximum":255},"address":{"$ref":"#/definitions/Ipv4Address","description":"The IPv4 VIP; at least one of `address` and `address6`."},"address6":{"$ref":"#/definitions/Ipv6Address","description":"The IPv6 VIP, on a segment with a `subnet6`: its own VRRP instance (`<tenant>_vip_<name>_v6`, same `vrid`), an IPVS `virtual_server` per port to the real servers' `address6` on the L4 gateway segment (IPVS NAT does not translate between families: that segment needs a `subnet6`), and HAProxy binds `[address6]:port` on the real servers."},"ports":{"type":"array","minItems":1,"uniqueItems":true,"items":{"type":"integer","minimum":1,"maximum":65535}},"real_servers":{"type":"array","minItems":1,"uniqueItems":true,"items":{"$ref":"#/definitions/Name"},"description":"Devices that serve the VIP; each is reached on its NIC in the L4 gateway's segment, same port."},"scheduler":{"enum":["rr","wrr","lc","wlc","sh"],"description":"IPVS scheduler. @default wrr"},"check":{"$ref":"#/definitions/HealthCheck"},"budget":{"type":"integer","minimum":0,"maximum":600000,"description":"Milliseconds: the failure budget of this service when one of its real servers fails (the health check's detection time), instead of the site's `budgets`."}}};
const schema159 = {"type":"object","additionalProperties":false,"required":["kind"],"properties":{"kind":{"enum":["tcp","http"],"description":"`tcp`: a TCP connect to the server's port; `http`: an HTTP GET of `path` that must answer 200."},"path":{"type":"string","pattern":"^/[A-Za-z0-9._~/-]*$","errorMessage":"must be a URL path like /healthz","description":"`kind: http`: the path asked; with `kind: tcp` nothing asks it (the warning `check-path-unused`). @default /"},"interval":{"type":"number","minimum":0.01,"maximum":3600,"description":"Seconds between checks; fractions allowed. @default defaults.checks.interval"},"timeout":{"type":"number","minimum":0.01,"maximum":60,"description":"Seconds; fractions allowed. @default defaults.checks.timeout"}},"description":"How a service's servers are checked, every `interval` with `timeout` (@default defaults.checks). A backend's: by HAProxy, on the backend's port. An L4 service's: by keepalived, on the service's port, except that a real server that is fabric's HAProxy (an `l7lb`, the usual case) is always checked on its health frontend: an HTTP GET of `/fabric-health` on port 8404, which answers 200 only while one of its application servers is up (a TCP connect would only say that it listens; docs/timers-and-budgets.md). `kind` and `path` do not apply to it, and `kind: tcp` or another `path` there is the warning `l4-check-ignored`. Without `check`: a TCP connect with defaults.checks' timers."};
const pattern90 = new RegExp("^/[A-Za-z0-9._~/-]*$", "u");

function validate93(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.segment === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "segment"},message:"must have required property '"+"segment"+"'",schema:schema153.required,parentSchema:schema153,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.vrid === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "vrid"},message:"must have required property '"+"vrid"+"'",schema:schema153.required,parentSchema:schema153,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.ports === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "ports"},message:"must have required property '"+"ports"+"'",schema:schema153.required,parentSchema:schema153,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.real_servers === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "real_servers"},message:"must have required property '"+"real_servers"+"'",schema:schema153.required,parentSchema:schema153,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!(func2.call(schema153.properties, key0))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema153,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.description !== undefined){
let data0 = data.description;
if(typeof data0 === "string"){
if(func3(data0) > 80){
const err5 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/maxLength",keyword:"maxLength",params:{limit: 80},message:"must NOT have more than 80 characters",schema:80,parentSchema:schema19,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(!pattern2.test(data0)){
const err6 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9 .,:/()_+@=-]*$"},message:"must match pattern \""+"^[A-Za-z0-9 .,:/()_+@=-]*$"+"\"",schema:"^[A-Za-z0-9 .,:/()_+@=-]*$",parentSchema:schema19,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.type,parentSchema:schema19,data:data0};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(errors > 0){
const emErrs0 = [];
for(const err8 of vErrors){
if(((((err8.keyword !== "errorMessage") && (!err8.emUsed)) && ((err8.instancePath === instancePath+"/description") || ((err8.instancePath.indexOf(instancePath+"/description") === 0) && (err8.instancePath[instancePath+"/description".length] === "/")))) && (err8.schemaPath.indexOf("#/definitions/Text") === 0)) && (err8.schemaPath["#/definitions/Text".length] === "/")){
emErrs0.push(err8);
err8.emUsed = true;
}
}
if(emErrs0.length){
const err9 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",schema:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",parentSchema:schema19,data:data0};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
const emErrs1 = [];
for(const err10 of vErrors){
if(!err10.emUsed){
emErrs1.push(err10);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
if(data.segment !== undefined){
let data1 = data.segment;
if(typeof data1 === "string"){
if(!pattern0.test(data1)){
const err11 = {instancePath:instancePath+"/segment",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/segment",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err13 of vErrors){
if(((((err13.keyword !== "errorMessage") && (!err13.emUsed)) && ((err13.instancePath === instancePath+"/segment") || ((err13.instancePath.indexOf(instancePath+"/segment") === 0) && (err13.instancePath[instancePath+"/segment".length] === "/")))) && (err13.schemaPath.indexOf("#/definitions/Name") === 0)) && (err13.schemaPath["#/definitions/Name".length] === "/")){
emErrs2.push(err13);
err13.emUsed = true;
}
}
if(emErrs2.length){
const err14 = {instancePath:instancePath+"/segment",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
const emErrs3 = [];
for(const err15 of vErrors){
if(!err15.emUsed){
emErrs3.push(err15);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
}
if(data.vrid !== undefined){
let data2 = data.vrid;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err16 = {instancePath:instancePath+"/vrid",schemaPath:"#/properties/vrid/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema153.properties.vrid.type,parentSchema:schema153.properties.vrid,data:data2};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 > 255 || isNaN(data2)){
const err17 = {instancePath:instancePath+"/vrid",schemaPath:"#/properties/vrid/maximum",keyword:"maximum",params:{comparison: "<=", limit: 255},message:"must be <= 255",schema:255,parentSchema:schema153.properties.vrid,data:data2};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(data2 < 1 || isNaN(data2)){
const err18 = {instancePath:instancePath+"/vrid",schemaPath:"#/properties/vrid/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema153.properties.vrid,data:data2};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
if(data.address !== undefined){
let data3 = data.address;
if(typeof data3 === "string"){
if(!pattern19.test(data3)){
const err19 = {instancePath:instancePath+"/address",schemaPath:"#/definitions/Ipv4Address/pattern",keyword:"pattern",params:{pattern: "^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"},message:"must match pattern \""+"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"+"\"",schema:"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$",parentSchema:schema47,data:data3};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
else {
const err20 = {instancePath:instancePath+"/address",schemaPath:"#/definitions/Ipv4Address/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.type,parentSchema:schema47,data:data3};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(errors > 0){
const emErrs4 = [];
for(const err21 of vErrors){
if(((((err21.keyword !== "errorMessage") && (!err21.emUsed)) && ((err21.instancePath === instancePath+"/address") || ((err21.instancePath.indexOf(instancePath+"/address") === 0) && (err21.instancePath[instancePath+"/address".length] === "/")))) && (err21.schemaPath.indexOf("#/definitions/Ipv4Address") === 0)) && (err21.schemaPath["#/definitions/Ipv4Address".length] === "/")){
emErrs4.push(err21);
err21.emUsed = true;
}
}
if(emErrs4.length){
const err22 = {instancePath:instancePath+"/address",schemaPath:"#/definitions/Ipv4Address/errorMessage",keyword:"errorMessage",params:{errors: emErrs4},message:"must be an IPv4 address like 10.1.0.5",schema:"must be an IPv4 address like 10.1.0.5",parentSchema:schema47,data:data3};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
const emErrs5 = [];
for(const err23 of vErrors){
if(!err23.emUsed){
emErrs5.push(err23);
}
}
vErrors = emErrs5;
errors = emErrs5.length;
}
}
if(data.address6 !== undefined){
let data4 = data.address6;
if(typeof data4 === "string"){
if(func3(data4) > 45){
const err24 = {instancePath:instancePath+"/address6",schemaPath:"#/definitions/Ipv6Address/maxLength",keyword:"maxLength",params:{limit: 45},message:"must NOT have more than 45 characters",schema:45,parentSchema:schema49,data:data4};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(!pattern21.test(data4)){
const err25 = {instancePath:instancePath+"/address6",schemaPath:"#/definitions/Ipv6Address/pattern",keyword:"pattern",params:{pattern: "^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$"},message:"must match pattern \""+"^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$"+"\"",schema:"^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$",parentSchema:schema49,data:data4};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
else {
const err26 = {instancePath:instancePath+"/address6",schemaPath:"#/definitions/Ipv6Address/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.type,parentSchema:schema49,data:data4};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(errors > 0){
const emErrs6 = [];
for(const err27 of vErrors){
if(((((err27.keyword !== "errorMessage") && (!err27.emUsed)) && ((err27.instancePath === instancePath+"/address6") || ((err27.instancePath.indexOf(instancePath+"/address6") === 0) && (err27.instancePath[instancePath+"/address6".length] === "/")))) && (err27.schemaPath.indexOf("#/definitions/Ipv6Address") === 0)) && (err27.schemaPath["#/definitions/Ipv6Address".length] === "/")){
emErrs6.push(err27);
err27.emUsed = true;
}
}
if(emErrs6.length){
const err28 = {instancePath:instancePath+"/address6",schemaPath:"#/definitions/Ipv6Address/errorMessage",keyword:"errorMessage",params:{errors: emErrs6},message:"must be an IPv6 address like 2001:db8::5",schema:"must be an IPv6 address like 2001:db8::5",parentSchema:schema49,data:data4};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
const emErrs7 = [];
for(const err29 of vErrors){
if(!err29.emUsed){
emErrs7.push(err29);
}
}
vErrors = emErrs7;
errors = emErrs7.length;
}
}
if(data.ports !== undefined){
let data5 = data.ports;
if(Array.isArray(data5)){
if(data5.length < 1){
const err30 = {instancePath:instancePath+"/ports",schemaPath:"#/properties/ports/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema153.properties.ports,data:data5};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
const err31 = {instancePath:instancePath+"/ports/" + i0,schemaPath:"#/properties/ports/items/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema153.properties.ports.items.type,parentSchema:schema153.properties.ports.items,data:data6};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 > 65535 || isNaN(data6)){
const err32 = {instancePath:instancePath+"/ports/" + i0,schemaPath:"#/properties/ports/items/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema153.properties.ports.items,data:data6};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if(data6 < 1 || isNaN(data6)){
const err33 = {instancePath:instancePath+"/ports/" + i0,schemaPath:"#/properties/ports/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema153.properties.ports.items,data:data6};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
}
let i1 = data5.length;
let j0;
if(i1 > 1){
const indices0 = {};
for(;i1--;){
let item0 = data5[i1];
if(!(((typeof item0 == "number") && (!(item0 % 1) && !isNaN(item0))) && (isFinite(item0)))){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err34 = {instancePath:instancePath+"/ports",schemaPath:"#/properties/ports/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema153.properties.ports,data:data5};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
break;
}
indices0[item0] = i1;
}
}
}
else {
const err35 = {instancePath:instancePath+"/ports",schemaPath:"#/properties/ports/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema153.properties.ports.type,parentSchema:schema153.properties.ports,data:data5};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data.real_servers !== undefined){
let data7 = data.real_servers;
if(Array.isArray(data7)){
if(data7.length < 1){
const err36 = {instancePath:instancePath+"/real_servers",schemaPath:"#/properties/real_servers/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema153.properties.real_servers,data:data7};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
const len1 = data7.length;
for(let i2=0; i2<len1; i2++){
let data8 = data7[i2];
if(typeof data8 === "string"){
if(!pattern0.test(data8)){
const err37 = {instancePath:instancePath+"/real_servers/" + i2,schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data8};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
else {
const err38 = {instancePath:instancePath+"/real_servers/" + i2,schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data8};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
if(errors > 0){
const emErrs8 = [];
for(const err39 of vErrors){
if(((((err39.keyword !== "errorMessage") && (!err39.emUsed)) && ((err39.instancePath === instancePath+"/real_servers/" + i2) || ((err39.instancePath.indexOf(instancePath+"/real_servers/" + i2) === 0) && (err39.instancePath[instancePath+"/real_servers/" + i2.length] === "/")))) && (err39.schemaPath.indexOf("#/definitions/Name") === 0)) && (err39.schemaPath["#/definitions/Name".length] === "/")){
emErrs8.push(err39);
err39.emUsed = true;
}
}
if(emErrs8.length){
const err40 = {instancePath:instancePath+"/real_servers/" + i2,schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs8},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data8};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
const emErrs9 = [];
for(const err41 of vErrors){
if(!err41.emUsed){
emErrs9.push(err41);
}
}
vErrors = emErrs9;
errors = emErrs9.length;
}
}
let i3 = data7.length;
let j1;
if(i3 > 1){
outer0:
for(;i3--;){
for(j1 = i3; j1--;){
if(func0(data7[i3], data7[j1])){
const err42 = {instancePath:instancePath+"/real_servers",schemaPath:"#/properties/real_servers/uniqueItems",keyword:"uniqueItems",params:{i: i3, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i3+" are identical)",schema:true,parentSchema:schema153.properties.real_servers,data:data7};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
break outer0;
}
}
}
}
}
else {
const err43 = {instancePath:instancePath+"/real_servers",schemaPath:"#/properties/real_servers/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema153.properties.real_servers.type,parentSchema:schema153.properties.real_servers,data:data7};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data.scheduler !== undefined){
let data9 = data.scheduler;
if(!(((((data9 === "rr") || (data9 === "wrr")) || (data9 === "lc")) || (data9 === "wlc")) || (data9 === "sh"))){
const err44 = {instancePath:instancePath+"/scheduler",schemaPath:"#/properties/scheduler/enum",keyword:"enum",params:{allowedValues: schema153.properties.scheduler.enum},message:"must be equal to one of the allowed values",schema:schema153.properties.scheduler.enum,parentSchema:schema153.properties.scheduler,data:data9};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data.check !== undefined){
let data10 = data.check;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(data10.kind === undefined){
const err45 = {instancePath:instancePath+"/check",schemaPath:"#/definitions/HealthCheck/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema159.required,parentSchema:schema159,data:data10};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
for(const key1 in data10){
if(!((((key1 === "kind") || (key1 === "path")) || (key1 === "interval")) || (key1 === "timeout"))){
const err46 = {instancePath:instancePath+"/check",schemaPath:"#/definitions/HealthCheck/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema159,data:data10};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
if(data10.kind !== undefined){
let data11 = data10.kind;
if(!((data11 === "tcp") || (data11 === "http"))){
const err47 = {instancePath:instancePath+"/check/kind",schemaPath:"#/definitions/HealthCheck/properties/kind/enum",keyword:"enum",params:{allowedValues: schema159.properties.kind.enum},message:"must be equal to one of the allowed values",schema:schema159.properties.kind.enum,parentSchema:schema159.properties.kind,data:data11};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data10.path !== undefined){
let data12 = data10.path;
if(typeof data12 === "string"){
if(!pattern90.test(data12)){
const err48 = {instancePath:instancePath+"/check/path",schemaPath:"#/definitions/HealthCheck/properties/path/pattern",keyword:"pattern",params:{pattern: "^/[A-Za-z0-9._~/-]*$"},message:"must match pattern \""+"^/[A-Za-z0-9._~/-]*$"+"\"",schema:"^/[A-Za-z0-9._~/-]*$",parentSchema:schema159.properties.path,data:data12};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
else {
const err49 = {instancePath:instancePath+"/check/path",schemaPath:"#/definitions/HealthCheck/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema159.properties.path.type,parentSchema:schema159.properties.path,data:data12};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
if(errors > 0){
const emErrs10 = [];
for(const err50 of vErrors){
if(((((err50.keyword !== "errorMessage") && (!err50.emUsed)) && ((err50.instancePath === instancePath+"/check/path") || ((err50.instancePath.indexOf(instancePath+"/check/path") === 0) && (err50.instancePath[instancePath+"/check/path".length] === "/")))) && (err50.schemaPath.indexOf("#/definitions/HealthCheck/properties/path") === 0)) && (err50.schemaPath["#/definitions/HealthCheck/properties/path".length] === "/")){
emErrs10.push(err50);
err50.emUsed = true;
}
}
if(emErrs10.length){
const err51 = {instancePath:instancePath+"/check/path",schemaPath:"#/definitions/HealthCheck/properties/path/errorMessage",keyword:"errorMessage",params:{errors: emErrs10},message:"must be a URL path like /healthz",schema:"must be a URL path like /healthz",parentSchema:schema159.properties.path,data:data12};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
const emErrs11 = [];
for(const err52 of vErrors){
if(!err52.emUsed){
emErrs11.push(err52);
}
}
vErrors = emErrs11;
errors = emErrs11.length;
}
}
if(data10.interval !== undefined){
let data13 = data10.interval;
if((typeof data13 == "number") && (isFinite(data13))){
if(data13 > 3600 || isNaN(data13)){
const err53 = {instancePath:instancePath+"/check/interval",schemaPath:"#/definitions/HealthCheck/properties/interval/maximum",keyword:"maximum",params:{comparison: "<=", limit: 3600},message:"must be <= 3600",schema:3600,parentSchema:schema159.properties.interval,data:data13};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
if(data13 < 0.01 || isNaN(data13)){
const err54 = {instancePath:instancePath+"/check/interval",schemaPath:"#/definitions/HealthCheck/properties/interval/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0.01},message:"must be >= 0.01",schema:0.01,parentSchema:schema159.properties.interval,data:data13};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
else {
const err55 = {instancePath:instancePath+"/check/interval",schemaPath:"#/definitions/HealthCheck/properties/interval/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema159.properties.interval.type,parentSchema:schema159.properties.interval,data:data13};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
if(data10.timeout !== undefined){
let data14 = data10.timeout;
if((typeof data14 == "number") && (isFinite(data14))){
if(data14 > 60 || isNaN(data14)){
const err56 = {instancePath:instancePath+"/check/timeout",schemaPath:"#/definitions/HealthCheck/properties/timeout/maximum",keyword:"maximum",params:{comparison: "<=", limit: 60},message:"must be <= 60",schema:60,parentSchema:schema159.properties.timeout,data:data14};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
if(data14 < 0.01 || isNaN(data14)){
const err57 = {instancePath:instancePath+"/check/timeout",schemaPath:"#/definitions/HealthCheck/properties/timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0.01},message:"must be >= 0.01",schema:0.01,parentSchema:schema159.properties.timeout,data:data14};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
else {
const err58 = {instancePath:instancePath+"/check/timeout",schemaPath:"#/definitions/HealthCheck/properties/timeout/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema159.properties.timeout.type,parentSchema:schema159.properties.timeout,data:data14};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
}
else {
const err59 = {instancePath:instancePath+"/check",schemaPath:"#/definitions/HealthCheck/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema159.type,parentSchema:schema159,data:data10};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data.budget !== undefined){
let data15 = data.budget;
if(!(((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15))) && (isFinite(data15)))){
const err60 = {instancePath:instancePath+"/budget",schemaPath:"#/properties/budget/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema153.properties.budget.type,parentSchema:schema153.properties.budget,data:data15};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
if((typeof data15 == "number") && (isFinite(data15))){
if(data15 > 600000 || isNaN(data15)){
const err61 = {instancePath:instancePath+"/budget",schemaPath:"#/properties/budget/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema153.properties.budget,data:data15};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
if(data15 < 0 || isNaN(data15)){
const err62 = {instancePath:instancePath+"/budget",schemaPath:"#/properties/budget/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema153.properties.budget,data:data15};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
}
}
else {
const err63 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema153.type,parentSchema:schema153,data};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
validate93.errors = vErrors;
return errors === 0;
}


function validate90(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.members === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "members"},message:"must have required property '"+"members"+"'",schema:schema148.required,parentSchema:schema148,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.gateway === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "gateway"},message:"must have required property '"+"gateway"+"'",schema:schema148.required,parentSchema:schema148,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.services === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "services"},message:"must have required property '"+"services"+"'",schema:schema148.required,parentSchema:schema148,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "members") || (key0 === "auth")) || (key0 === "gateway")) || (key0 === "services")) || (key0 === "budget"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema148,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.members !== undefined){
if(!(validate82(data.members, {instancePath:instancePath+"/members",parentData:data,parentDataProperty:"members",rootData}))){
vErrors = vErrors === null ? validate82.errors : vErrors.concat(validate82.errors);
errors = vErrors.length;
}
}
if(data.auth !== undefined){
if(!(validate23(data.auth, {instancePath:instancePath+"/auth",parentData:data,parentDataProperty:"auth",rootData}))){
vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
errors = vErrors.length;
}
}
if(data.gateway !== undefined){
let data2 = data.gateway;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.segment === undefined){
const err4 = {instancePath:instancePath+"/gateway",schemaPath:"#/properties/gateway/required",keyword:"required",params:{missingProperty: "segment"},message:"must have required property '"+"segment"+"'",schema:schema148.properties.gateway.required,parentSchema:schema148.properties.gateway,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data2.vrid === undefined){
const err5 = {instancePath:instancePath+"/gateway",schemaPath:"#/properties/gateway/required",keyword:"required",params:{missingProperty: "vrid"},message:"must have required property '"+"vrid"+"'",schema:schema148.properties.gateway.required,parentSchema:schema148.properties.gateway,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
for(const key1 in data2){
if(!((((key1 === "segment") || (key1 === "vrid")) || (key1 === "address")) || (key1 === "address6"))){
const err6 = {instancePath:instancePath+"/gateway",schemaPath:"#/properties/gateway/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema148.properties.gateway,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data2.segment !== undefined){
let data3 = data2.segment;
if(typeof data3 === "string"){
if(!pattern0.test(data3)){
const err7 = {instancePath:instancePath+"/gateway/segment",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/gateway/segment",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(errors > 0){
const emErrs0 = [];
for(const err9 of vErrors){
if(((((err9.keyword !== "errorMessage") && (!err9.emUsed)) && ((err9.instancePath === instancePath+"/gateway/segment") || ((err9.instancePath.indexOf(instancePath+"/gateway/segment") === 0) && (err9.instancePath[instancePath+"/gateway/segment".length] === "/")))) && (err9.schemaPath.indexOf("#/definitions/Name") === 0)) && (err9.schemaPath["#/definitions/Name".length] === "/")){
emErrs0.push(err9);
err9.emUsed = true;
}
}
if(emErrs0.length){
const err10 = {instancePath:instancePath+"/gateway/segment",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
const emErrs1 = [];
for(const err11 of vErrors){
if(!err11.emUsed){
emErrs1.push(err11);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
if(data2.vrid !== undefined){
let data4 = data2.vrid;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err12 = {instancePath:instancePath+"/gateway/vrid",schemaPath:"#/properties/gateway/properties/vrid/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema148.properties.gateway.properties.vrid.type,parentSchema:schema148.properties.gateway.properties.vrid,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 255 || isNaN(data4)){
const err13 = {instancePath:instancePath+"/gateway/vrid",schemaPath:"#/properties/gateway/properties/vrid/maximum",keyword:"maximum",params:{comparison: "<=", limit: 255},message:"must be <= 255",schema:255,parentSchema:schema148.properties.gateway.properties.vrid,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data4 < 1 || isNaN(data4)){
const err14 = {instancePath:instancePath+"/gateway/vrid",schemaPath:"#/properties/gateway/properties/vrid/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema148.properties.gateway.properties.vrid,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
if(data2.address !== undefined){
let data5 = data2.address;
if(typeof data5 === "string"){
if(!pattern19.test(data5)){
const err15 = {instancePath:instancePath+"/gateway/address",schemaPath:"#/definitions/Ipv4Address/pattern",keyword:"pattern",params:{pattern: "^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"},message:"must match pattern \""+"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"+"\"",schema:"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$",parentSchema:schema47,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/gateway/address",schemaPath:"#/definitions/Ipv4Address/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.type,parentSchema:schema47,data:data5};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err17 of vErrors){
if(((((err17.keyword !== "errorMessage") && (!err17.emUsed)) && ((err17.instancePath === instancePath+"/gateway/address") || ((err17.instancePath.indexOf(instancePath+"/gateway/address") === 0) && (err17.instancePath[instancePath+"/gateway/address".length] === "/")))) && (err17.schemaPath.indexOf("#/definitions/Ipv4Address") === 0)) && (err17.schemaPath["#/definitions/Ipv4Address".length] === "/")){
emErrs2.push(err17);
err17.emUsed = true;
}
}
if(emErrs2.length){
const err18 = {instancePath:instancePath+"/gateway/address",schemaPath:"#/definitions/Ipv4Address/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be an IPv4 address like 10.1.0.5",schema:"must be an IPv4 address like 10.1.0.5",parentSchema:schema47,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
const emErrs3 = [];
for(const err19 of vErrors){
if(!err19.emUsed){
emErrs3.push(err19);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
}
if(data2.address6 !== undefined){
let data6 = data2.address6;
if(typeof data6 === "string"){
if(func3(data6) > 45){
const err20 = {instancePath:instancePath+"/gateway/address6",schemaPath:"#/definitions/Ipv6Address/maxLength",keyword:"maxLength",params:{limit: 45},message:"must NOT have more than 45 characters",schema:45,parentSchema:schema49,data:data6};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(!pattern21.test(data6)){
const err21 = {instancePath:instancePath+"/gateway/address6",schemaPath:"#/definitions/Ipv6Address/pattern",keyword:"pattern",params:{pattern: "^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$"},message:"must match pattern \""+"^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$"+"\"",schema:"^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$",parentSchema:schema49,data:data6};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
else {
const err22 = {instancePath:instancePath+"/gateway/address6",schemaPath:"#/definitions/Ipv6Address/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.type,parentSchema:schema49,data:data6};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(errors > 0){
const emErrs4 = [];
for(const err23 of vErrors){
if(((((err23.keyword !== "errorMessage") && (!err23.emUsed)) && ((err23.instancePath === instancePath+"/gateway/address6") || ((err23.instancePath.indexOf(instancePath+"/gateway/address6") === 0) && (err23.instancePath[instancePath+"/gateway/address6".length] === "/")))) && (err23.schemaPath.indexOf("#/definitions/Ipv6Address") === 0)) && (err23.schemaPath["#/definitions/Ipv6Address".length] === "/")){
emErrs4.push(err23);
err23.emUsed = true;
}
}
if(emErrs4.length){
const err24 = {instancePath:instancePath+"/gateway/address6",schemaPath:"#/definitions/Ipv6Address/errorMessage",keyword:"errorMessage",params:{errors: emErrs4},message:"must be an IPv6 address like 2001:db8::5",schema:"must be an IPv6 address like 2001:db8::5",parentSchema:schema49,data:data6};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
const emErrs5 = [];
for(const err25 of vErrors){
if(!err25.emUsed){
emErrs5.push(err25);
}
}
vErrors = emErrs5;
errors = emErrs5.length;
}
}
}
else {
const err26 = {instancePath:instancePath+"/gateway",schemaPath:"#/properties/gateway/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema148.properties.gateway.type,parentSchema:schema148.properties.gateway,data:data2};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.services !== undefined){
let data7 = data.services;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(Object.keys(data7).length < 1){
const err27 = {instancePath:instancePath+"/services",schemaPath:"#/properties/services/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema148.properties.services,data:data7};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
for(const key2 in data7){
const _errs20 = errors;
if(typeof key2 === "string"){
if(!pattern0.test(key2)){
const err28 = {instancePath:instancePath+"/services",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:key2,propertyName:key2};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
else {
const err29 = {instancePath:instancePath+"/services",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:key2,propertyName:key2};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(errors > 0){
const emErrs6 = [];
for(const err30 of vErrors){
if(((((err30.keyword !== "errorMessage") && (!err30.emUsed)) && ((err30.instancePath === instancePath+"/services") || ((err30.instancePath.indexOf(instancePath+"/services") === 0) && (err30.instancePath[instancePath+"/services".length] === "/")))) && (err30.schemaPath.indexOf("#/definitions/Name") === 0)) && (err30.schemaPath["#/definitions/Name".length] === "/")){
emErrs6.push(err30);
err30.emUsed = true;
}
}
if(emErrs6.length){
const err31 = {instancePath:instancePath+"/services",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs6},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:key2,propertyName:key2};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
const emErrs7 = [];
for(const err32 of vErrors){
if(!err32.emUsed){
emErrs7.push(err32);
}
}
vErrors = emErrs7;
errors = emErrs7.length;
}
var valid5 = _errs20 === errors;
if(!valid5){
const err33 = {instancePath:instancePath+"/services",schemaPath:"#/properties/services/propertyNames",keyword:"propertyNames",params:{propertyName: key2},message:"property name must be valid",schema:schema148.properties.services.propertyNames,parentSchema:schema148.properties.services,data:data7};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
for(const key3 in data7){
if(!(validate93(data7[key3], {instancePath:instancePath+"/services/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data7,parentDataProperty:key3,rootData}))){
vErrors = vErrors === null ? validate93.errors : vErrors.concat(validate93.errors);
errors = vErrors.length;
}
}
}
else {
const err34 = {instancePath:instancePath+"/services",schemaPath:"#/properties/services/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema148.properties.services.type,parentSchema:schema148.properties.services,data:data7};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data.budget !== undefined){
let data9 = data.budget;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err35 = {instancePath:instancePath+"/budget",schemaPath:"#/properties/budget/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema148.properties.budget.type,parentSchema:schema148.properties.budget,data:data9};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 > 600000 || isNaN(data9)){
const err36 = {instancePath:instancePath+"/budget",schemaPath:"#/properties/budget/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema148.properties.budget,data:data9};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
if(data9 < 0 || isNaN(data9)){
const err37 = {instancePath:instancePath+"/budget",schemaPath:"#/properties/budget/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema148.properties.budget,data:data9};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
}
}
else {
const err38 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema148.type,parentSchema:schema148,data};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
validate90.errors = vErrors;
return errors === 0;
}

const schema160 = {"type":"object","additionalProperties":false,"required":["members","frontends","backends"],"description":"The HAProxy pair: TLS termination, routing to application backends, rate limits, health checks.","properties":{"members":{"type":"array","minItems":1,"uniqueItems":true,"items":{"$ref":"#/definitions/Name"}},"frontends":{"type":"object","minProperties":1,"propertyNames":{"$ref":"#/definitions/Name"},"additionalProperties":{"$ref":"#/definitions/Frontend"}},"backends":{"type":"object","minProperties":1,"propertyNames":{"$ref":"#/definitions/Name"},"additionalProperties":{"$ref":"#/definitions/Backend"}},"auth":{"$ref":"#/definitions/SecretRef","description":"VRRP authentication (PASS, at most 8 characters) of the pair's own VRRP, which holds the tenant's data VIPs (`data:` services); on a VRRPv2 site only (VRRPv3 has none, a finding). @default none"}}};
const schema163 = {"type":"object","additionalProperties":false,"required":["default_backend"],"properties":{"http":{"type":"integer","minimum":1,"maximum":65535,"description":"Plain HTTP port. @default 80"},"https":{"type":"integer","minimum":1,"maximum":65535,"description":"TLS port. @default 443"},"certificate":{"$ref":"#/definitions/SecretRef","description":"PEM bundle (certificate + key) for TLS termination. Without it the frontend serves plain HTTP only."},"rate_limit":{"type":"object","additionalProperties":false,"required":["requests","period"],"description":"Per client address; over the limit HAProxy answers 429.","properties":{"requests":{"type":"integer","minimum":1,"maximum":1000000},"period":{"type":"string","pattern":"^[1-9][0-9]{0,4}(s|m)$","errorMessage":"must be a duration in seconds or minutes, e.g. 10s"}}},"routes":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["path","backend"],"properties":{"path":{"type":"string","pattern":"^/[A-Za-z0-9._~/-]*$","errorMessage":"must be a URL path prefix like /api/"},"backend":{"$ref":"#/definitions/Name"}}},"description":"Path prefix routes, tried in order before `default_backend`."},"default_backend":{"$ref":"#/definitions/Name"}}};
const pattern93 = new RegExp("^[1-9][0-9]{0,4}(s|m)$", "u");

function validate97(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.default_backend === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "default_backend"},message:"must have required property '"+"default_backend"+"'",schema:schema163.required,parentSchema:schema163,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((((((key0 === "http") || (key0 === "https")) || (key0 === "certificate")) || (key0 === "rate_limit")) || (key0 === "routes")) || (key0 === "default_backend"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema163,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.http !== undefined){
let data0 = data.http;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err2 = {instancePath:instancePath+"/http",schemaPath:"#/properties/http/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema163.properties.http.type,parentSchema:schema163.properties.http,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 65535 || isNaN(data0)){
const err3 = {instancePath:instancePath+"/http",schemaPath:"#/properties/http/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema163.properties.http,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data0 < 1 || isNaN(data0)){
const err4 = {instancePath:instancePath+"/http",schemaPath:"#/properties/http/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema163.properties.http,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
if(data.https !== undefined){
let data1 = data.https;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err5 = {instancePath:instancePath+"/https",schemaPath:"#/properties/https/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema163.properties.https.type,parentSchema:schema163.properties.https,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 65535 || isNaN(data1)){
const err6 = {instancePath:instancePath+"/https",schemaPath:"#/properties/https/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema163.properties.https,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data1 < 1 || isNaN(data1)){
const err7 = {instancePath:instancePath+"/https",schemaPath:"#/properties/https/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema163.properties.https,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
if(data.certificate !== undefined){
if(!(validate23(data.certificate, {instancePath:instancePath+"/certificate",parentData:data,parentDataProperty:"certificate",rootData}))){
vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
errors = vErrors.length;
}
}
if(data.rate_limit !== undefined){
let data3 = data.rate_limit;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.requests === undefined){
const err8 = {instancePath:instancePath+"/rate_limit",schemaPath:"#/properties/rate_limit/required",keyword:"required",params:{missingProperty: "requests"},message:"must have required property '"+"requests"+"'",schema:schema163.properties.rate_limit.required,parentSchema:schema163.properties.rate_limit,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data3.period === undefined){
const err9 = {instancePath:instancePath+"/rate_limit",schemaPath:"#/properties/rate_limit/required",keyword:"required",params:{missingProperty: "period"},message:"must have required property '"+"period"+"'",schema:schema163.properties.rate_limit.required,parentSchema:schema163.properties.rate_limit,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
for(const key1 in data3){
if(!((key1 === "requests") || (key1 === "period"))){
const err10 = {instancePath:instancePath+"/rate_limit",schemaPath:"#/properties/rate_limit/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema163.properties.rate_limit,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data3.requests !== undefined){
let data4 = data3.requests;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err11 = {instancePath:instancePath+"/rate_limit/requests",schemaPath:"#/properties/rate_limit/properties/requests/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema163.properties.rate_limit.properties.requests.type,parentSchema:schema163.properties.rate_limit.properties.requests,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 1000000 || isNaN(data4)){
const err12 = {instancePath:instancePath+"/rate_limit/requests",schemaPath:"#/properties/rate_limit/properties/requests/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000000},message:"must be <= 1000000",schema:1000000,parentSchema:schema163.properties.rate_limit.properties.requests,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data4 < 1 || isNaN(data4)){
const err13 = {instancePath:instancePath+"/rate_limit/requests",schemaPath:"#/properties/rate_limit/properties/requests/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema163.properties.rate_limit.properties.requests,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
if(data3.period !== undefined){
let data5 = data3.period;
if(typeof data5 === "string"){
if(!pattern93.test(data5)){
const err14 = {instancePath:instancePath+"/rate_limit/period",schemaPath:"#/properties/rate_limit/properties/period/pattern",keyword:"pattern",params:{pattern: "^[1-9][0-9]{0,4}(s|m)$"},message:"must match pattern \""+"^[1-9][0-9]{0,4}(s|m)$"+"\"",schema:"^[1-9][0-9]{0,4}(s|m)$",parentSchema:schema163.properties.rate_limit.properties.period,data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/rate_limit/period",schemaPath:"#/properties/rate_limit/properties/period/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema163.properties.rate_limit.properties.period.type,parentSchema:schema163.properties.rate_limit.properties.period,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(errors > 0){
const emErrs0 = [];
for(const err16 of vErrors){
if(((((err16.keyword !== "errorMessage") && (!err16.emUsed)) && ((err16.instancePath === instancePath+"/rate_limit/period") || ((err16.instancePath.indexOf(instancePath+"/rate_limit/period") === 0) && (err16.instancePath[instancePath+"/rate_limit/period".length] === "/")))) && (err16.schemaPath.indexOf("#/properties/rate_limit/properties/period") === 0)) && (err16.schemaPath["#/properties/rate_limit/properties/period".length] === "/")){
emErrs0.push(err16);
err16.emUsed = true;
}
}
if(emErrs0.length){
const err17 = {instancePath:instancePath+"/rate_limit/period",schemaPath:"#/properties/rate_limit/properties/period/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be a duration in seconds or minutes, e.g. 10s",schema:"must be a duration in seconds or minutes, e.g. 10s",parentSchema:schema163.properties.rate_limit.properties.period,data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
const emErrs1 = [];
for(const err18 of vErrors){
if(!err18.emUsed){
emErrs1.push(err18);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
}
else {
const err19 = {instancePath:instancePath+"/rate_limit",schemaPath:"#/properties/rate_limit/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema163.properties.rate_limit.type,parentSchema:schema163.properties.rate_limit,data:data3};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.routes !== undefined){
let data6 = data.routes;
if(Array.isArray(data6)){
const len0 = data6.length;
for(let i0=0; i0<len0; i0++){
let data7 = data6[i0];
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.path === undefined){
const err20 = {instancePath:instancePath+"/routes/" + i0,schemaPath:"#/properties/routes/items/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'",schema:schema163.properties.routes.items.required,parentSchema:schema163.properties.routes.items,data:data7};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(data7.backend === undefined){
const err21 = {instancePath:instancePath+"/routes/" + i0,schemaPath:"#/properties/routes/items/required",keyword:"required",params:{missingProperty: "backend"},message:"must have required property '"+"backend"+"'",schema:schema163.properties.routes.items.required,parentSchema:schema163.properties.routes.items,data:data7};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
for(const key2 in data7){
if(!((key2 === "path") || (key2 === "backend"))){
const err22 = {instancePath:instancePath+"/routes/" + i0,schemaPath:"#/properties/routes/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema163.properties.routes.items,data:data7};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data7.path !== undefined){
let data8 = data7.path;
if(typeof data8 === "string"){
if(!pattern90.test(data8)){
const err23 = {instancePath:instancePath+"/routes/" + i0+"/path",schemaPath:"#/properties/routes/items/properties/path/pattern",keyword:"pattern",params:{pattern: "^/[A-Za-z0-9._~/-]*$"},message:"must match pattern \""+"^/[A-Za-z0-9._~/-]*$"+"\"",schema:"^/[A-Za-z0-9._~/-]*$",parentSchema:schema163.properties.routes.items.properties.path,data:data8};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/routes/" + i0+"/path",schemaPath:"#/properties/routes/items/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema163.properties.routes.items.properties.path.type,parentSchema:schema163.properties.routes.items.properties.path,data:data8};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err25 of vErrors){
if(((((err25.keyword !== "errorMessage") && (!err25.emUsed)) && ((err25.instancePath === instancePath+"/routes/" + i0+"/path") || ((err25.instancePath.indexOf(instancePath+"/routes/" + i0+"/path") === 0) && (err25.instancePath[instancePath+"/routes/" + i0+"/path".length] === "/")))) && (err25.schemaPath.indexOf("#/properties/routes/items/properties/path") === 0)) && (err25.schemaPath["#/properties/routes/items/properties/path".length] === "/")){
emErrs2.push(err25);
err25.emUsed = true;
}
}
if(emErrs2.length){
const err26 = {instancePath:instancePath+"/routes/" + i0+"/path",schemaPath:"#/properties/routes/items/properties/path/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be a URL path prefix like /api/",schema:"must be a URL path prefix like /api/",parentSchema:schema163.properties.routes.items.properties.path,data:data8};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
const emErrs3 = [];
for(const err27 of vErrors){
if(!err27.emUsed){
emErrs3.push(err27);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
}
if(data7.backend !== undefined){
let data9 = data7.backend;
if(typeof data9 === "string"){
if(!pattern0.test(data9)){
const err28 = {instancePath:instancePath+"/routes/" + i0+"/backend",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data9};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
else {
const err29 = {instancePath:instancePath+"/routes/" + i0+"/backend",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data9};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(errors > 0){
const emErrs4 = [];
for(const err30 of vErrors){
if(((((err30.keyword !== "errorMessage") && (!err30.emUsed)) && ((err30.instancePath === instancePath+"/routes/" + i0+"/backend") || ((err30.instancePath.indexOf(instancePath+"/routes/" + i0+"/backend") === 0) && (err30.instancePath[instancePath+"/routes/" + i0+"/backend".length] === "/")))) && (err30.schemaPath.indexOf("#/definitions/Name") === 0)) && (err30.schemaPath["#/definitions/Name".length] === "/")){
emErrs4.push(err30);
err30.emUsed = true;
}
}
if(emErrs4.length){
const err31 = {instancePath:instancePath+"/routes/" + i0+"/backend",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs4},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data9};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
const emErrs5 = [];
for(const err32 of vErrors){
if(!err32.emUsed){
emErrs5.push(err32);
}
}
vErrors = emErrs5;
errors = emErrs5.length;
}
}
}
else {
const err33 = {instancePath:instancePath+"/routes/" + i0,schemaPath:"#/properties/routes/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema163.properties.routes.items.type,parentSchema:schema163.properties.routes.items,data:data7};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
}
else {
const err34 = {instancePath:instancePath+"/routes",schemaPath:"#/properties/routes/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema163.properties.routes.type,parentSchema:schema163.properties.routes,data:data6};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data.default_backend !== undefined){
let data10 = data.default_backend;
if(typeof data10 === "string"){
if(!pattern0.test(data10)){
const err35 = {instancePath:instancePath+"/default_backend",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data10};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
else {
const err36 = {instancePath:instancePath+"/default_backend",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data10};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
if(errors > 0){
const emErrs6 = [];
for(const err37 of vErrors){
if(((((err37.keyword !== "errorMessage") && (!err37.emUsed)) && ((err37.instancePath === instancePath+"/default_backend") || ((err37.instancePath.indexOf(instancePath+"/default_backend") === 0) && (err37.instancePath[instancePath+"/default_backend".length] === "/")))) && (err37.schemaPath.indexOf("#/definitions/Name") === 0)) && (err37.schemaPath["#/definitions/Name".length] === "/")){
emErrs6.push(err37);
err37.emUsed = true;
}
}
if(emErrs6.length){
const err38 = {instancePath:instancePath+"/default_backend",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs6},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data10};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
const emErrs7 = [];
for(const err39 of vErrors){
if(!err39.emUsed){
emErrs7.push(err39);
}
}
vErrors = emErrs7;
errors = emErrs7.length;
}
}
}
else {
const err40 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema163.type,parentSchema:schema163,data};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
validate97.errors = vErrors;
return errors === 0;
}

const schema167 = {"type":"object","additionalProperties":false,"required":["servers","port"],"properties":{"servers":{"type":"array","minItems":1,"uniqueItems":true,"items":{"$ref":"#/definitions/Name"},"description":"Application VMs, reached on their NIC in a segment the HAProxy pair shares with them."},"port":{"type":"integer","minimum":1,"maximum":65535},"balance":{"enum":["roundrobin","leastconn","source"],"description":"@default roundrobin"},"check":{"$ref":"#/definitions/HealthCheck"},"response_timeout":{"type":"number","minimum":0.01,"maximum":3600,"description":"Seconds the application may take to answer a request (HAProxy `timeout server` of the backend). A GET, HEAD or OPTIONS request still waiting when its server dies silently is sent to another server after this long (`retry-on response-timeout`), so it is late by this much instead of lost; other methods are never retried once sent. Set it just above the application's slowest answer. @default 30"}}};

function validate100(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.servers === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "servers"},message:"must have required property '"+"servers"+"'",schema:schema167.required,parentSchema:schema167,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.port === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "port"},message:"must have required property '"+"port"+"'",schema:schema167.required,parentSchema:schema167,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "servers") || (key0 === "port")) || (key0 === "balance")) || (key0 === "check")) || (key0 === "response_timeout"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema167,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.servers !== undefined){
let data0 = data.servers;
if(Array.isArray(data0)){
if(data0.length < 1){
const err3 = {instancePath:instancePath+"/servers",schemaPath:"#/properties/servers/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema167.properties.servers,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
if(typeof data1 === "string"){
if(!pattern0.test(data1)){
const err4 = {instancePath:instancePath+"/servers/" + i0,schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/servers/" + i0,schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(errors > 0){
const emErrs0 = [];
for(const err6 of vErrors){
if(((((err6.keyword !== "errorMessage") && (!err6.emUsed)) && ((err6.instancePath === instancePath+"/servers/" + i0) || ((err6.instancePath.indexOf(instancePath+"/servers/" + i0) === 0) && (err6.instancePath[instancePath+"/servers/" + i0.length] === "/")))) && (err6.schemaPath.indexOf("#/definitions/Name") === 0)) && (err6.schemaPath["#/definitions/Name".length] === "/")){
emErrs0.push(err6);
err6.emUsed = true;
}
}
if(emErrs0.length){
const err7 = {instancePath:instancePath+"/servers/" + i0,schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
const emErrs1 = [];
for(const err8 of vErrors){
if(!err8.emUsed){
emErrs1.push(err8);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
let i1 = data0.length;
let j0;
if(i1 > 1){
outer0:
for(;i1--;){
for(j0 = i1; j0--;){
if(func0(data0[i1], data0[j0])){
const err9 = {instancePath:instancePath+"/servers",schemaPath:"#/properties/servers/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema167.properties.servers,data:data0};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
break outer0;
}
}
}
}
}
else {
const err10 = {instancePath:instancePath+"/servers",schemaPath:"#/properties/servers/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema167.properties.servers.type,parentSchema:schema167.properties.servers,data:data0};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.port !== undefined){
let data2 = data.port;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err11 = {instancePath:instancePath+"/port",schemaPath:"#/properties/port/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema167.properties.port.type,parentSchema:schema167.properties.port,data:data2};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 > 65535 || isNaN(data2)){
const err12 = {instancePath:instancePath+"/port",schemaPath:"#/properties/port/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema167.properties.port,data:data2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data2 < 1 || isNaN(data2)){
const err13 = {instancePath:instancePath+"/port",schemaPath:"#/properties/port/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema167.properties.port,data:data2};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
if(data.balance !== undefined){
let data3 = data.balance;
if(!(((data3 === "roundrobin") || (data3 === "leastconn")) || (data3 === "source"))){
const err14 = {instancePath:instancePath+"/balance",schemaPath:"#/properties/balance/enum",keyword:"enum",params:{allowedValues: schema167.properties.balance.enum},message:"must be equal to one of the allowed values",schema:schema167.properties.balance.enum,parentSchema:schema167.properties.balance,data:data3};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.check !== undefined){
let data4 = data.check;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.kind === undefined){
const err15 = {instancePath:instancePath+"/check",schemaPath:"#/definitions/HealthCheck/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema159.required,parentSchema:schema159,data:data4};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
for(const key1 in data4){
if(!((((key1 === "kind") || (key1 === "path")) || (key1 === "interval")) || (key1 === "timeout"))){
const err16 = {instancePath:instancePath+"/check",schemaPath:"#/definitions/HealthCheck/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema159,data:data4};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data4.kind !== undefined){
let data5 = data4.kind;
if(!((data5 === "tcp") || (data5 === "http"))){
const err17 = {instancePath:instancePath+"/check/kind",schemaPath:"#/definitions/HealthCheck/properties/kind/enum",keyword:"enum",params:{allowedValues: schema159.properties.kind.enum},message:"must be equal to one of the allowed values",schema:schema159.properties.kind.enum,parentSchema:schema159.properties.kind,data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data4.path !== undefined){
let data6 = data4.path;
if(typeof data6 === "string"){
if(!pattern90.test(data6)){
const err18 = {instancePath:instancePath+"/check/path",schemaPath:"#/definitions/HealthCheck/properties/path/pattern",keyword:"pattern",params:{pattern: "^/[A-Za-z0-9._~/-]*$"},message:"must match pattern \""+"^/[A-Za-z0-9._~/-]*$"+"\"",schema:"^/[A-Za-z0-9._~/-]*$",parentSchema:schema159.properties.path,data:data6};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/check/path",schemaPath:"#/definitions/HealthCheck/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema159.properties.path.type,parentSchema:schema159.properties.path,data:data6};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err20 of vErrors){
if(((((err20.keyword !== "errorMessage") && (!err20.emUsed)) && ((err20.instancePath === instancePath+"/check/path") || ((err20.instancePath.indexOf(instancePath+"/check/path") === 0) && (err20.instancePath[instancePath+"/check/path".length] === "/")))) && (err20.schemaPath.indexOf("#/definitions/HealthCheck/properties/path") === 0)) && (err20.schemaPath["#/definitions/HealthCheck/properties/path".length] === "/")){
emErrs2.push(err20);
err20.emUsed = true;
}
}
if(emErrs2.length){
const err21 = {instancePath:instancePath+"/check/path",schemaPath:"#/definitions/HealthCheck/properties/path/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be a URL path like /healthz",schema:"must be a URL path like /healthz",parentSchema:schema159.properties.path,data:data6};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
const emErrs3 = [];
for(const err22 of vErrors){
if(!err22.emUsed){
emErrs3.push(err22);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
}
if(data4.interval !== undefined){
let data7 = data4.interval;
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 3600 || isNaN(data7)){
const err23 = {instancePath:instancePath+"/check/interval",schemaPath:"#/definitions/HealthCheck/properties/interval/maximum",keyword:"maximum",params:{comparison: "<=", limit: 3600},message:"must be <= 3600",schema:3600,parentSchema:schema159.properties.interval,data:data7};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(data7 < 0.01 || isNaN(data7)){
const err24 = {instancePath:instancePath+"/check/interval",schemaPath:"#/definitions/HealthCheck/properties/interval/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0.01},message:"must be >= 0.01",schema:0.01,parentSchema:schema159.properties.interval,data:data7};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
else {
const err25 = {instancePath:instancePath+"/check/interval",schemaPath:"#/definitions/HealthCheck/properties/interval/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema159.properties.interval.type,parentSchema:schema159.properties.interval,data:data7};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data4.timeout !== undefined){
let data8 = data4.timeout;
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 > 60 || isNaN(data8)){
const err26 = {instancePath:instancePath+"/check/timeout",schemaPath:"#/definitions/HealthCheck/properties/timeout/maximum",keyword:"maximum",params:{comparison: "<=", limit: 60},message:"must be <= 60",schema:60,parentSchema:schema159.properties.timeout,data:data8};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(data8 < 0.01 || isNaN(data8)){
const err27 = {instancePath:instancePath+"/check/timeout",schemaPath:"#/definitions/HealthCheck/properties/timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0.01},message:"must be >= 0.01",schema:0.01,parentSchema:schema159.properties.timeout,data:data8};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
else {
const err28 = {instancePath:instancePath+"/check/timeout",schemaPath:"#/definitions/HealthCheck/properties/timeout/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema159.properties.timeout.type,parentSchema:schema159.properties.timeout,data:data8};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
else {
const err29 = {instancePath:instancePath+"/check",schemaPath:"#/definitions/HealthCheck/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema159.type,parentSchema:schema159,data:data4};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data.response_timeout !== undefined){
let data9 = data.response_timeout;
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 > 3600 || isNaN(data9)){
const err30 = {instancePath:instancePath+"/response_timeout",schemaPath:"#/properties/response_timeout/maximum",keyword:"maximum",params:{comparison: "<=", limit: 3600},message:"must be <= 3600",schema:3600,parentSchema:schema167.properties.response_timeout,data:data9};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(data9 < 0.01 || isNaN(data9)){
const err31 = {instancePath:instancePath+"/response_timeout",schemaPath:"#/properties/response_timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0.01},message:"must be >= 0.01",schema:0.01,parentSchema:schema167.properties.response_timeout,data:data9};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
else {
const err32 = {instancePath:instancePath+"/response_timeout",schemaPath:"#/properties/response_timeout/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema167.properties.response_timeout.type,parentSchema:schema167.properties.response_timeout,data:data9};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
else {
const err33 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema167.type,parentSchema:schema167,data};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
validate100.errors = vErrors;
return errors === 0;
}


function validate96(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.members === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "members"},message:"must have required property '"+"members"+"'",schema:schema160.required,parentSchema:schema160,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.frontends === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "frontends"},message:"must have required property '"+"frontends"+"'",schema:schema160.required,parentSchema:schema160,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.backends === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "backends"},message:"must have required property '"+"backends"+"'",schema:schema160.required,parentSchema:schema160,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "members") || (key0 === "frontends")) || (key0 === "backends")) || (key0 === "auth"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema160,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.members !== undefined){
let data0 = data.members;
if(Array.isArray(data0)){
if(data0.length < 1){
const err4 = {instancePath:instancePath+"/members",schemaPath:"#/properties/members/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema160.properties.members,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
if(typeof data1 === "string"){
if(!pattern0.test(data1)){
const err5 = {instancePath:instancePath+"/members/" + i0,schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/members/" + i0,schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(errors > 0){
const emErrs0 = [];
for(const err7 of vErrors){
if(((((err7.keyword !== "errorMessage") && (!err7.emUsed)) && ((err7.instancePath === instancePath+"/members/" + i0) || ((err7.instancePath.indexOf(instancePath+"/members/" + i0) === 0) && (err7.instancePath[instancePath+"/members/" + i0.length] === "/")))) && (err7.schemaPath.indexOf("#/definitions/Name") === 0)) && (err7.schemaPath["#/definitions/Name".length] === "/")){
emErrs0.push(err7);
err7.emUsed = true;
}
}
if(emErrs0.length){
const err8 = {instancePath:instancePath+"/members/" + i0,schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
const emErrs1 = [];
for(const err9 of vErrors){
if(!err9.emUsed){
emErrs1.push(err9);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
let i1 = data0.length;
let j0;
if(i1 > 1){
outer0:
for(;i1--;){
for(j0 = i1; j0--;){
if(func0(data0[i1], data0[j0])){
const err10 = {instancePath:instancePath+"/members",schemaPath:"#/properties/members/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema160.properties.members,data:data0};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
break outer0;
}
}
}
}
}
else {
const err11 = {instancePath:instancePath+"/members",schemaPath:"#/properties/members/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema160.properties.members.type,parentSchema:schema160.properties.members,data:data0};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.frontends !== undefined){
let data2 = data.frontends;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(Object.keys(data2).length < 1){
const err12 = {instancePath:instancePath+"/frontends",schemaPath:"#/properties/frontends/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema160.properties.frontends,data:data2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
for(const key1 in data2){
const _errs9 = errors;
if(typeof key1 === "string"){
if(!pattern0.test(key1)){
const err13 = {instancePath:instancePath+"/frontends",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/frontends",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err15 of vErrors){
if(((((err15.keyword !== "errorMessage") && (!err15.emUsed)) && ((err15.instancePath === instancePath+"/frontends") || ((err15.instancePath.indexOf(instancePath+"/frontends") === 0) && (err15.instancePath[instancePath+"/frontends".length] === "/")))) && (err15.schemaPath.indexOf("#/definitions/Name") === 0)) && (err15.schemaPath["#/definitions/Name".length] === "/")){
emErrs2.push(err15);
err15.emUsed = true;
}
}
if(emErrs2.length){
const err16 = {instancePath:instancePath+"/frontends",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
const emErrs3 = [];
for(const err17 of vErrors){
if(!err17.emUsed){
emErrs3.push(err17);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
var valid5 = _errs9 === errors;
if(!valid5){
const err18 = {instancePath:instancePath+"/frontends",schemaPath:"#/properties/frontends/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema160.properties.frontends.propertyNames,parentSchema:schema160.properties.frontends,data:data2};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
for(const key2 in data2){
if(!(validate97(data2[key2], {instancePath:instancePath+"/frontends/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data2,parentDataProperty:key2,rootData}))){
vErrors = vErrors === null ? validate97.errors : vErrors.concat(validate97.errors);
errors = vErrors.length;
}
}
}
else {
const err19 = {instancePath:instancePath+"/frontends",schemaPath:"#/properties/frontends/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema160.properties.frontends.type,parentSchema:schema160.properties.frontends,data:data2};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.backends !== undefined){
let data4 = data.backends;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(Object.keys(data4).length < 1){
const err20 = {instancePath:instancePath+"/backends",schemaPath:"#/properties/backends/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema160.properties.backends,data:data4};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
for(const key3 in data4){
const _errs16 = errors;
if(typeof key3 === "string"){
if(!pattern0.test(key3)){
const err21 = {instancePath:instancePath+"/backends",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:key3,propertyName:key3};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
else {
const err22 = {instancePath:instancePath+"/backends",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:key3,propertyName:key3};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(errors > 0){
const emErrs4 = [];
for(const err23 of vErrors){
if(((((err23.keyword !== "errorMessage") && (!err23.emUsed)) && ((err23.instancePath === instancePath+"/backends") || ((err23.instancePath.indexOf(instancePath+"/backends") === 0) && (err23.instancePath[instancePath+"/backends".length] === "/")))) && (err23.schemaPath.indexOf("#/definitions/Name") === 0)) && (err23.schemaPath["#/definitions/Name".length] === "/")){
emErrs4.push(err23);
err23.emUsed = true;
}
}
if(emErrs4.length){
const err24 = {instancePath:instancePath+"/backends",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs4},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:key3,propertyName:key3};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
const emErrs5 = [];
for(const err25 of vErrors){
if(!err25.emUsed){
emErrs5.push(err25);
}
}
vErrors = emErrs5;
errors = emErrs5.length;
}
var valid8 = _errs16 === errors;
if(!valid8){
const err26 = {instancePath:instancePath+"/backends",schemaPath:"#/properties/backends/propertyNames",keyword:"propertyNames",params:{propertyName: key3},message:"property name must be valid",schema:schema160.properties.backends.propertyNames,parentSchema:schema160.properties.backends,data:data4};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
for(const key4 in data4){
if(!(validate100(data4[key4], {instancePath:instancePath+"/backends/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data4,parentDataProperty:key4,rootData}))){
vErrors = vErrors === null ? validate100.errors : vErrors.concat(validate100.errors);
errors = vErrors.length;
}
}
}
else {
const err27 = {instancePath:instancePath+"/backends",schemaPath:"#/properties/backends/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema160.properties.backends.type,parentSchema:schema160.properties.backends,data:data4};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data.auth !== undefined){
if(!(validate23(data.auth, {instancePath:instancePath+"/auth",parentData:data,parentDataProperty:"auth",rootData}))){
vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
errors = vErrors.length;
}
}
}
else {
const err28 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema160.type,parentSchema:schema160,data};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
validate96.errors = vErrors;
return errors === 0;
}

const schema171 = {"type":"object","additionalProperties":false,"required":["kind","members","vips"],"description":"A replicated data service, e.g. `cache: { kind: redis, members: [{ device: redis1, role: primary }, { device: redis2, role: replica }], vips: { cache-rw: { role: write, segment: data, address: 10.20.3.10, port: 6379 }, cache-ro: { role: read, segment: data, address: 10.20.3.11, port: 6380 } } }`.","properties":{"description":{"$ref":"#/definitions/Text"},"kind":{"enum":["redis","postgres","rabbitmq"],"errorMessage":"must be redis, postgres or rabbitmq, e.g. kind: postgres","description":"What the members run: `redis` (a primary and its replicas, Redis Sentinel; the role is read from `INFO replication`), `postgres` (PostgreSQL 15 with streaming replicas, Patroni with etcd on every member managing the roles, PgBouncer in front of each member's PostgreSQL; the role is read from Patroni's REST API `/primary` and `/replica`), or `rabbitmq` (a RabbitMQ 3.10 cluster, every member a `node`: the workers' queues are quorum queues replicated on every node, so any node serves any queue and the AMQP VIP spreads over every healthy node, checked through the management API's `/api/health/checks/local-alarms`)."},"port":{"type":"integer","minimum":1,"maximum":65535,"description":"The port the members serve on, the port of HAProxy's servers: Redis's, PgBouncer's for `postgres`, AMQP's for `rabbitmq`. @default 6379 (redis), 6432 (postgres), 5672 (rabbitmq)"},"auth":{"$ref":"#/definitions/SecretRef","description":"`rabbitmq`: the password (a secret: 16 to 128 characters of letters, digits and ._~+/=@-) of the application's user (named as the service: it reads and writes every queue, declares none) and of the `monitoring` user HAProxy's checks log in as; required (`rabbitmq-without-auth`). `postgres`: the password (a secret: 16 to 128 characters of letters, digits and ._~+/=@-) of the application's login role (named as the service, through PgBouncer), of the superuser and of the replication and pg_rewind users; required (`postgres-without-auth`). `redis`: the service's password (a secret: 16 to 128 characters of letters, digits and ._~+/=:@-, e.g. `openssl rand -base64 32`). Every member gets it as `requirepass` (clients and the other members AUTH with it) and `masterauth` (a replica AUTHs to its primary; any member can become the primary), every Sentinel watching the service as `sentinel auth-pass`, and the HAProxy pair's role checks send `AUTH` with it first. Optional: without it the members run `protected-mode no` with no password, and the warning `data-without-auth` says so (docs/data-tier.md)."},"cookie":{"$ref":"#/definitions/SecretRef","description":"`rabbitmq` only: the Erlang cookie every node of the cluster shares (a secret: 20 to 255 letters and digits, e.g. `openssl rand -hex 32`), the nodes' and the CLI tools' only credential toward each other: whoever has it controls the nodes. Its own secret, never the application's password; required (`rabbitmq-without-cookie`)."},"workers":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/DataWorker"},"description":"`rabbitmq` only: the VMs that consume a queue of the service (the application's asynchronous workers: app → MQ → worker). Each queue named here is declared by fabric as a durable quorum queue; each worker gets its credentials file and a systemd unit running Debian's `amqp-consume` (amqp-tools) on the AMQP VIP."},"members":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/DataMember"},"description":"The VMs of the service (role `vm` of the tenant), each with the role it starts in. HAProxy reaches each on its NIC in a segment it shares with the HAProxy pair."},"vips":{"type":"object","minProperties":1,"propertyNames":{"$ref":"#/definitions/Name"},"additionalProperties":{"$ref":"#/definitions/DataVip"},"description":"The service's VIPs by name; the name is also the HAProxy `listen` section's."},"budget":{"type":"integer","minimum":0,"maximum":600000,"description":"Milliseconds: how long the write VIP may send to no primary after a promotion, instead of the site's `budgets.data`."}}};
const schema173 = {"type":"object","additionalProperties":false,"required":["device","queue"],"description":"A worker of a `rabbitmq` service, e.g. `{ device: worker1, queue: jobs }`.","properties":{"device":{"$ref":"#/definitions/Name","description":"The VM (role `vm` of the tenant) that runs the worker."},"queue":{"$ref":"#/definitions/Name","description":"The queue it consumes from (a durable quorum queue fabric declares)."},"prefetch":{"type":"integer","minimum":1,"maximum":1000,"description":"Messages the worker holds unacknowledged at once (`basic.qos` prefetch). @default 1"}}};

function validate107(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.device === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "device"},message:"must have required property '"+"device"+"'",schema:schema173.required,parentSchema:schema173,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.queue === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "queue"},message:"must have required property '"+"queue"+"'",schema:schema173.required,parentSchema:schema173,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!(((key0 === "device") || (key0 === "queue")) || (key0 === "prefetch"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema173,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.device !== undefined){
let data0 = data.device;
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
const err3 = {instancePath:instancePath+"/device",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/device",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(errors > 0){
const emErrs0 = [];
for(const err5 of vErrors){
if(((((err5.keyword !== "errorMessage") && (!err5.emUsed)) && ((err5.instancePath === instancePath+"/device") || ((err5.instancePath.indexOf(instancePath+"/device") === 0) && (err5.instancePath[instancePath+"/device".length] === "/")))) && (err5.schemaPath.indexOf("#/definitions/Name") === 0)) && (err5.schemaPath["#/definitions/Name".length] === "/")){
emErrs0.push(err5);
err5.emUsed = true;
}
}
if(emErrs0.length){
const err6 = {instancePath:instancePath+"/device",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
const emErrs1 = [];
for(const err7 of vErrors){
if(!err7.emUsed){
emErrs1.push(err7);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
if(data.queue !== undefined){
let data1 = data.queue;
if(typeof data1 === "string"){
if(!pattern0.test(data1)){
const err8 = {instancePath:instancePath+"/queue",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/queue",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err10 of vErrors){
if(((((err10.keyword !== "errorMessage") && (!err10.emUsed)) && ((err10.instancePath === instancePath+"/queue") || ((err10.instancePath.indexOf(instancePath+"/queue") === 0) && (err10.instancePath[instancePath+"/queue".length] === "/")))) && (err10.schemaPath.indexOf("#/definitions/Name") === 0)) && (err10.schemaPath["#/definitions/Name".length] === "/")){
emErrs2.push(err10);
err10.emUsed = true;
}
}
if(emErrs2.length){
const err11 = {instancePath:instancePath+"/queue",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
const emErrs3 = [];
for(const err12 of vErrors){
if(!err12.emUsed){
emErrs3.push(err12);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
}
if(data.prefetch !== undefined){
let data2 = data.prefetch;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err13 = {instancePath:instancePath+"/prefetch",schemaPath:"#/properties/prefetch/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema173.properties.prefetch.type,parentSchema:schema173.properties.prefetch,data:data2};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 > 1000 || isNaN(data2)){
const err14 = {instancePath:instancePath+"/prefetch",schemaPath:"#/properties/prefetch/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000},message:"must be <= 1000",schema:1000,parentSchema:schema173.properties.prefetch,data:data2};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data2 < 1 || isNaN(data2)){
const err15 = {instancePath:instancePath+"/prefetch",schemaPath:"#/properties/prefetch/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema173.properties.prefetch,data:data2};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
}
else {
const err16 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema173.type,parentSchema:schema173,data};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
validate107.errors = vErrors;
return errors === 0;
}

const schema176 = {"type":"object","additionalProperties":false,"required":["device","role"],"properties":{"device":{"$ref":"#/definitions/Name"},"role":{"enum":["primary","replica","node"],"errorMessage":"must be primary, replica or node, e.g. { device: redis1, role: primary }","description":"The role the member starts in. `redis` and `postgres`: one `primary`, the others `replica` (of the primary); a failover changes who holds which role, and HAProxy follows what the members say, not this. `rabbitmq`: every member is a `node` (no member has a role of its own)."}}};

function validate109(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.device === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "device"},message:"must have required property '"+"device"+"'",schema:schema176.required,parentSchema:schema176,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.role === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "role"},message:"must have required property '"+"role"+"'",schema:schema176.required,parentSchema:schema176,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!((key0 === "device") || (key0 === "role"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema176,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.device !== undefined){
let data0 = data.device;
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
const err3 = {instancePath:instancePath+"/device",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/device",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(errors > 0){
const emErrs0 = [];
for(const err5 of vErrors){
if(((((err5.keyword !== "errorMessage") && (!err5.emUsed)) && ((err5.instancePath === instancePath+"/device") || ((err5.instancePath.indexOf(instancePath+"/device") === 0) && (err5.instancePath[instancePath+"/device".length] === "/")))) && (err5.schemaPath.indexOf("#/definitions/Name") === 0)) && (err5.schemaPath["#/definitions/Name".length] === "/")){
emErrs0.push(err5);
err5.emUsed = true;
}
}
if(emErrs0.length){
const err6 = {instancePath:instancePath+"/device",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
const emErrs1 = [];
for(const err7 of vErrors){
if(!err7.emUsed){
emErrs1.push(err7);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
if(data.role !== undefined){
let data1 = data.role;
if(!(((data1 === "primary") || (data1 === "replica")) || (data1 === "node"))){
const err8 = {instancePath:instancePath+"/role",schemaPath:"#/properties/role/enum",keyword:"enum",params:{allowedValues: schema176.properties.role.enum},message:"must be equal to one of the allowed values",schema:schema176.properties.role.enum,parentSchema:schema176.properties.role,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err9 of vErrors){
if(((((err9.keyword !== "errorMessage") && (!err9.emUsed)) && ((err9.instancePath === instancePath+"/role") || ((err9.instancePath.indexOf(instancePath+"/role") === 0) && (err9.instancePath[instancePath+"/role".length] === "/")))) && (err9.schemaPath.indexOf("#/properties/role") === 0)) && (err9.schemaPath["#/properties/role".length] === "/")){
emErrs2.push(err9);
err9.emUsed = true;
}
}
if(emErrs2.length){
const err10 = {instancePath:instancePath+"/role",schemaPath:"#/properties/role/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be primary, replica or node, e.g. { device: redis1, role: primary }",schema:"must be primary, replica or node, e.g. { device: redis1, role: primary }",parentSchema:schema176.properties.role,data:data1};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
const emErrs3 = [];
for(const err11 of vErrors){
if(!err11.emUsed){
emErrs3.push(err11);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
}
}
else {
const err12 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema176.type,parentSchema:schema176,data};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
validate109.errors = vErrors;
return errors === 0;
}

const schema179 = {"type":"object","additionalProperties":false,"required":["role","segment","address","port"],"description":"One VIP of a data service: an address clients use and the port on it, with the members it reaches chosen by their current role. The tenant's HAProxy pair holds the address itself with keepalived VRRP on the VIP's segment (one instance per segment holding all the tenant's data VIPs there, `<tenant>_data_<segment>`; VRID: the highest the tenant's VRRP groups leave free on the segment; priorities from the pair's `members` order, 150 then 100; tracking HAProxy) and binds `address:port` (docs/data-tier.md); no IPVS, no route: put it on the clients' segment.","properties":{"role":{"enum":["write","read"],"errorMessage":"must be write or read, e.g. role: write","description":"`write`: the current primary only (`role:master`); for `rabbitmq`, every node that is healthy (all serve every queue). `read`: the replicas that are up (`role:slave`), and the primary as the `backup` server when none is; `rabbitmq` has none."},"segment":{"$ref":"#/definitions/Name","description":"The tenant segment that carries the VIP: one on which every member of the HAProxy pair has a NIC (`data-vip-off-proxy`), the one its clients are on (e.g. `app`)."},"address":{"$ref":"#/definitions/Ipv4Address","description":"The IPv4 VIP, a host address inside the segment's `subnet` (`address-outside-pool`, `not-a-host-address`), no device's address nor another VIP's (`duplicate-address`)."},"address6":{"$ref":"#/definitions/Ipv6Address","description":"The IPv6 VIP beside `address`, for clients on IPv6: a host address inside the segment's `subnet6`, no device's address nor another VIP's. The HAProxy pair holds it in an IPv6 VRRP instance of its own (`<tenant>_data_<segment>_v6`, the same VRID, in one sync group with the IPv4 one, so both move together) and binds `[address6]:port` too; the members stay reached over IPv4."},"port":{"type":"integer","minimum":1,"maximum":65535,"description":"The port clients connect to, and the HAProxy pair's listening port for this VIP (it binds `address:port`): unique among the HAProxy pair's listeners, so a write and a read VIP use two ports (as in Patroni's HAProxy recipe, 5000 and 5001)."}}};

function validate111(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.role === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "role"},message:"must have required property '"+"role"+"'",schema:schema179.required,parentSchema:schema179,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.segment === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "segment"},message:"must have required property '"+"segment"+"'",schema:schema179.required,parentSchema:schema179,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.address === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "address"},message:"must have required property '"+"address"+"'",schema:schema179.required,parentSchema:schema179,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.port === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "port"},message:"must have required property '"+"port"+"'",schema:schema179.required,parentSchema:schema179,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "role") || (key0 === "segment")) || (key0 === "address")) || (key0 === "address6")) || (key0 === "port"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema179,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.role !== undefined){
let data0 = data.role;
if(!((data0 === "write") || (data0 === "read"))){
const err5 = {instancePath:instancePath+"/role",schemaPath:"#/properties/role/enum",keyword:"enum",params:{allowedValues: schema179.properties.role.enum},message:"must be equal to one of the allowed values",schema:schema179.properties.role.enum,parentSchema:schema179.properties.role,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(errors > 0){
const emErrs0 = [];
for(const err6 of vErrors){
if(((((err6.keyword !== "errorMessage") && (!err6.emUsed)) && ((err6.instancePath === instancePath+"/role") || ((err6.instancePath.indexOf(instancePath+"/role") === 0) && (err6.instancePath[instancePath+"/role".length] === "/")))) && (err6.schemaPath.indexOf("#/properties/role") === 0)) && (err6.schemaPath["#/properties/role".length] === "/")){
emErrs0.push(err6);
err6.emUsed = true;
}
}
if(emErrs0.length){
const err7 = {instancePath:instancePath+"/role",schemaPath:"#/properties/role/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be write or read, e.g. role: write",schema:"must be write or read, e.g. role: write",parentSchema:schema179.properties.role,data:data0};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
const emErrs1 = [];
for(const err8 of vErrors){
if(!err8.emUsed){
emErrs1.push(err8);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
if(data.segment !== undefined){
let data1 = data.segment;
if(typeof data1 === "string"){
if(!pattern0.test(data1)){
const err9 = {instancePath:instancePath+"/segment",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/segment",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err11 of vErrors){
if(((((err11.keyword !== "errorMessage") && (!err11.emUsed)) && ((err11.instancePath === instancePath+"/segment") || ((err11.instancePath.indexOf(instancePath+"/segment") === 0) && (err11.instancePath[instancePath+"/segment".length] === "/")))) && (err11.schemaPath.indexOf("#/definitions/Name") === 0)) && (err11.schemaPath["#/definitions/Name".length] === "/")){
emErrs2.push(err11);
err11.emUsed = true;
}
}
if(emErrs2.length){
const err12 = {instancePath:instancePath+"/segment",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
const emErrs3 = [];
for(const err13 of vErrors){
if(!err13.emUsed){
emErrs3.push(err13);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
}
if(data.address !== undefined){
let data2 = data.address;
if(typeof data2 === "string"){
if(!pattern19.test(data2)){
const err14 = {instancePath:instancePath+"/address",schemaPath:"#/definitions/Ipv4Address/pattern",keyword:"pattern",params:{pattern: "^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"},message:"must match pattern \""+"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"+"\"",schema:"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$",parentSchema:schema47,data:data2};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/address",schemaPath:"#/definitions/Ipv4Address/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.type,parentSchema:schema47,data:data2};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(errors > 0){
const emErrs4 = [];
for(const err16 of vErrors){
if(((((err16.keyword !== "errorMessage") && (!err16.emUsed)) && ((err16.instancePath === instancePath+"/address") || ((err16.instancePath.indexOf(instancePath+"/address") === 0) && (err16.instancePath[instancePath+"/address".length] === "/")))) && (err16.schemaPath.indexOf("#/definitions/Ipv4Address") === 0)) && (err16.schemaPath["#/definitions/Ipv4Address".length] === "/")){
emErrs4.push(err16);
err16.emUsed = true;
}
}
if(emErrs4.length){
const err17 = {instancePath:instancePath+"/address",schemaPath:"#/definitions/Ipv4Address/errorMessage",keyword:"errorMessage",params:{errors: emErrs4},message:"must be an IPv4 address like 10.1.0.5",schema:"must be an IPv4 address like 10.1.0.5",parentSchema:schema47,data:data2};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
const emErrs5 = [];
for(const err18 of vErrors){
if(!err18.emUsed){
emErrs5.push(err18);
}
}
vErrors = emErrs5;
errors = emErrs5.length;
}
}
if(data.address6 !== undefined){
let data3 = data.address6;
if(typeof data3 === "string"){
if(func3(data3) > 45){
const err19 = {instancePath:instancePath+"/address6",schemaPath:"#/definitions/Ipv6Address/maxLength",keyword:"maxLength",params:{limit: 45},message:"must NOT have more than 45 characters",schema:45,parentSchema:schema49,data:data3};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(!pattern21.test(data3)){
const err20 = {instancePath:instancePath+"/address6",schemaPath:"#/definitions/Ipv6Address/pattern",keyword:"pattern",params:{pattern: "^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$"},message:"must match pattern \""+"^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$"+"\"",schema:"^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$",parentSchema:schema49,data:data3};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/address6",schemaPath:"#/definitions/Ipv6Address/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.type,parentSchema:schema49,data:data3};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(errors > 0){
const emErrs6 = [];
for(const err22 of vErrors){
if(((((err22.keyword !== "errorMessage") && (!err22.emUsed)) && ((err22.instancePath === instancePath+"/address6") || ((err22.instancePath.indexOf(instancePath+"/address6") === 0) && (err22.instancePath[instancePath+"/address6".length] === "/")))) && (err22.schemaPath.indexOf("#/definitions/Ipv6Address") === 0)) && (err22.schemaPath["#/definitions/Ipv6Address".length] === "/")){
emErrs6.push(err22);
err22.emUsed = true;
}
}
if(emErrs6.length){
const err23 = {instancePath:instancePath+"/address6",schemaPath:"#/definitions/Ipv6Address/errorMessage",keyword:"errorMessage",params:{errors: emErrs6},message:"must be an IPv6 address like 2001:db8::5",schema:"must be an IPv6 address like 2001:db8::5",parentSchema:schema49,data:data3};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
const emErrs7 = [];
for(const err24 of vErrors){
if(!err24.emUsed){
emErrs7.push(err24);
}
}
vErrors = emErrs7;
errors = emErrs7.length;
}
}
if(data.port !== undefined){
let data4 = data.port;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err25 = {instancePath:instancePath+"/port",schemaPath:"#/properties/port/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema179.properties.port.type,parentSchema:schema179.properties.port,data:data4};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 65535 || isNaN(data4)){
const err26 = {instancePath:instancePath+"/port",schemaPath:"#/properties/port/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema179.properties.port,data:data4};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(data4 < 1 || isNaN(data4)){
const err27 = {instancePath:instancePath+"/port",schemaPath:"#/properties/port/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema179.properties.port,data:data4};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
}
else {
const err28 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema179.type,parentSchema:schema179,data};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
validate111.errors = vErrors;
return errors === 0;
}


function validate104(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.kind === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema171.required,parentSchema:schema171,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.members === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "members"},message:"must have required property '"+"members"+"'",schema:schema171.required,parentSchema:schema171,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.vips === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "vips"},message:"must have required property '"+"vips"+"'",schema:schema171.required,parentSchema:schema171,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!(func2.call(schema171.properties, key0))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema171,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.description !== undefined){
let data0 = data.description;
if(typeof data0 === "string"){
if(func3(data0) > 80){
const err4 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/maxLength",keyword:"maxLength",params:{limit: 80},message:"must NOT have more than 80 characters",schema:80,parentSchema:schema19,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(!pattern2.test(data0)){
const err5 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9 .,:/()_+@=-]*$"},message:"must match pattern \""+"^[A-Za-z0-9 .,:/()_+@=-]*$"+"\"",schema:"^[A-Za-z0-9 .,:/()_+@=-]*$",parentSchema:schema19,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.type,parentSchema:schema19,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(errors > 0){
const emErrs0 = [];
for(const err7 of vErrors){
if(((((err7.keyword !== "errorMessage") && (!err7.emUsed)) && ((err7.instancePath === instancePath+"/description") || ((err7.instancePath.indexOf(instancePath+"/description") === 0) && (err7.instancePath[instancePath+"/description".length] === "/")))) && (err7.schemaPath.indexOf("#/definitions/Text") === 0)) && (err7.schemaPath["#/definitions/Text".length] === "/")){
emErrs0.push(err7);
err7.emUsed = true;
}
}
if(emErrs0.length){
const err8 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",schema:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",parentSchema:schema19,data:data0};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
const emErrs1 = [];
for(const err9 of vErrors){
if(!err9.emUsed){
emErrs1.push(err9);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
if(data.kind !== undefined){
let data1 = data.kind;
if(!(((data1 === "redis") || (data1 === "postgres")) || (data1 === "rabbitmq"))){
const err10 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/enum",keyword:"enum",params:{allowedValues: schema171.properties.kind.enum},message:"must be equal to one of the allowed values",schema:schema171.properties.kind.enum,parentSchema:schema171.properties.kind,data:data1};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err11 of vErrors){
if(((((err11.keyword !== "errorMessage") && (!err11.emUsed)) && ((err11.instancePath === instancePath+"/kind") || ((err11.instancePath.indexOf(instancePath+"/kind") === 0) && (err11.instancePath[instancePath+"/kind".length] === "/")))) && (err11.schemaPath.indexOf("#/properties/kind") === 0)) && (err11.schemaPath["#/properties/kind".length] === "/")){
emErrs2.push(err11);
err11.emUsed = true;
}
}
if(emErrs2.length){
const err12 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be redis, postgres or rabbitmq, e.g. kind: postgres",schema:"must be redis, postgres or rabbitmq, e.g. kind: postgres",parentSchema:schema171.properties.kind,data:data1};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
const emErrs3 = [];
for(const err13 of vErrors){
if(!err13.emUsed){
emErrs3.push(err13);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
}
if(data.port !== undefined){
let data2 = data.port;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err14 = {instancePath:instancePath+"/port",schemaPath:"#/properties/port/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema171.properties.port.type,parentSchema:schema171.properties.port,data:data2};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 > 65535 || isNaN(data2)){
const err15 = {instancePath:instancePath+"/port",schemaPath:"#/properties/port/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema171.properties.port,data:data2};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data2 < 1 || isNaN(data2)){
const err16 = {instancePath:instancePath+"/port",schemaPath:"#/properties/port/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema171.properties.port,data:data2};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
if(data.auth !== undefined){
if(!(validate23(data.auth, {instancePath:instancePath+"/auth",parentData:data,parentDataProperty:"auth",rootData}))){
vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
errors = vErrors.length;
}
}
if(data.cookie !== undefined){
if(!(validate23(data.cookie, {instancePath:instancePath+"/cookie",parentData:data,parentDataProperty:"cookie",rootData}))){
vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
errors = vErrors.length;
}
}
if(data.workers !== undefined){
let data5 = data.workers;
if(Array.isArray(data5)){
if(data5.length < 1){
const err17 = {instancePath:instancePath+"/workers",schemaPath:"#/properties/workers/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema171.properties.workers,data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
if(!(validate107(data5[i0], {instancePath:instancePath+"/workers/" + i0,parentData:data5,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate107.errors : vErrors.concat(validate107.errors);
errors = vErrors.length;
}
}
}
else {
const err18 = {instancePath:instancePath+"/workers",schemaPath:"#/properties/workers/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema171.properties.workers.type,parentSchema:schema171.properties.workers,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.members !== undefined){
let data7 = data.members;
if(Array.isArray(data7)){
if(data7.length < 1){
const err19 = {instancePath:instancePath+"/members",schemaPath:"#/properties/members/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema171.properties.members,data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
const len1 = data7.length;
for(let i1=0; i1<len1; i1++){
if(!(validate109(data7[i1], {instancePath:instancePath+"/members/" + i1,parentData:data7,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate109.errors : vErrors.concat(validate109.errors);
errors = vErrors.length;
}
}
}
else {
const err20 = {instancePath:instancePath+"/members",schemaPath:"#/properties/members/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema171.properties.members.type,parentSchema:schema171.properties.members,data:data7};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.vips !== undefined){
let data9 = data.vips;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
if(Object.keys(data9).length < 1){
const err21 = {instancePath:instancePath+"/vips",schemaPath:"#/properties/vips/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema171.properties.vips,data:data9};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
for(const key1 in data9){
const _errs18 = errors;
if(typeof key1 === "string"){
if(!pattern0.test(key1)){
const err22 = {instancePath:instancePath+"/vips",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/vips",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(errors > 0){
const emErrs4 = [];
for(const err24 of vErrors){
if(((((err24.keyword !== "errorMessage") && (!err24.emUsed)) && ((err24.instancePath === instancePath+"/vips") || ((err24.instancePath.indexOf(instancePath+"/vips") === 0) && (err24.instancePath[instancePath+"/vips".length] === "/")))) && (err24.schemaPath.indexOf("#/definitions/Name") === 0)) && (err24.schemaPath["#/definitions/Name".length] === "/")){
emErrs4.push(err24);
err24.emUsed = true;
}
}
if(emErrs4.length){
const err25 = {instancePath:instancePath+"/vips",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs4},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
const emErrs5 = [];
for(const err26 of vErrors){
if(!err26.emUsed){
emErrs5.push(err26);
}
}
vErrors = emErrs5;
errors = emErrs5.length;
}
var valid6 = _errs18 === errors;
if(!valid6){
const err27 = {instancePath:instancePath+"/vips",schemaPath:"#/properties/vips/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema171.properties.vips.propertyNames,parentSchema:schema171.properties.vips,data:data9};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
for(const key2 in data9){
if(!(validate111(data9[key2], {instancePath:instancePath+"/vips/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data9,parentDataProperty:key2,rootData}))){
vErrors = vErrors === null ? validate111.errors : vErrors.concat(validate111.errors);
errors = vErrors.length;
}
}
}
else {
const err28 = {instancePath:instancePath+"/vips",schemaPath:"#/properties/vips/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema171.properties.vips.type,parentSchema:schema171.properties.vips,data:data9};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data.budget !== undefined){
let data11 = data.budget;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
const err29 = {instancePath:instancePath+"/budget",schemaPath:"#/properties/budget/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema171.properties.budget.type,parentSchema:schema171.properties.budget,data:data11};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 > 600000 || isNaN(data11)){
const err30 = {instancePath:instancePath+"/budget",schemaPath:"#/properties/budget/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema171.properties.budget,data:data11};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(data11 < 0 || isNaN(data11)){
const err31 = {instancePath:instancePath+"/budget",schemaPath:"#/properties/budget/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema171.properties.budget,data:data11};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
}
else {
const err32 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema171.type,parentSchema:schema171,data};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
validate104.errors = vErrors;
return errors === 0;
}


function validate78(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.segments === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "segments"},message:"must have required property '"+"segments"+"'",schema:schema133.required,parentSchema:schema133,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(((((((key0 === "description") || (key0 === "segments")) || (key0 === "routers")) || (key0 === "l4")) || (key0 === "l7")) || (key0 === "data")) || (key0 === "sentinels"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema133,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.description !== undefined){
let data0 = data.description;
if(typeof data0 === "string"){
if(func3(data0) > 80){
const err2 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/maxLength",keyword:"maxLength",params:{limit: 80},message:"must NOT have more than 80 characters",schema:80,parentSchema:schema19,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(!pattern2.test(data0)){
const err3 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9 .,:/()_+@=-]*$"},message:"must match pattern \""+"^[A-Za-z0-9 .,:/()_+@=-]*$"+"\"",schema:"^[A-Za-z0-9 .,:/()_+@=-]*$",parentSchema:schema19,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.type,parentSchema:schema19,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(errors > 0){
const emErrs0 = [];
for(const err5 of vErrors){
if(((((err5.keyword !== "errorMessage") && (!err5.emUsed)) && ((err5.instancePath === instancePath+"/description") || ((err5.instancePath.indexOf(instancePath+"/description") === 0) && (err5.instancePath[instancePath+"/description".length] === "/")))) && (err5.schemaPath.indexOf("#/definitions/Text") === 0)) && (err5.schemaPath["#/definitions/Text".length] === "/")){
emErrs0.push(err5);
err5.emUsed = true;
}
}
if(emErrs0.length){
const err6 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",schema:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",parentSchema:schema19,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
const emErrs1 = [];
for(const err7 of vErrors){
if(!err7.emUsed){
emErrs1.push(err7);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
if(data.segments !== undefined){
let data1 = data.segments;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(Object.keys(data1).length < 1){
const err8 = {instancePath:instancePath+"/segments",schemaPath:"#/properties/segments/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema133.properties.segments,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
for(const key1 in data1){
const _errs7 = errors;
if(typeof key1 === "string"){
if(!pattern0.test(key1)){
const err9 = {instancePath:instancePath+"/segments",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/segments",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err11 of vErrors){
if(((((err11.keyword !== "errorMessage") && (!err11.emUsed)) && ((err11.instancePath === instancePath+"/segments") || ((err11.instancePath.indexOf(instancePath+"/segments") === 0) && (err11.instancePath[instancePath+"/segments".length] === "/")))) && (err11.schemaPath.indexOf("#/definitions/Name") === 0)) && (err11.schemaPath["#/definitions/Name".length] === "/")){
emErrs2.push(err11);
err11.emUsed = true;
}
}
if(emErrs2.length){
const err12 = {instancePath:instancePath+"/segments",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
const emErrs3 = [];
for(const err13 of vErrors){
if(!err13.emUsed){
emErrs3.push(err13);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
var valid2 = _errs7 === errors;
if(!valid2){
const err14 = {instancePath:instancePath+"/segments",schemaPath:"#/properties/segments/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema133.properties.segments.propertyNames,parentSchema:schema133.properties.segments,data:data1};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
for(const key2 in data1){
if(!(validate79(data1[key2], {instancePath:instancePath+"/segments/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data1,parentDataProperty:key2,rootData}))){
vErrors = vErrors === null ? validate79.errors : vErrors.concat(validate79.errors);
errors = vErrors.length;
}
}
}
else {
const err15 = {instancePath:instancePath+"/segments",schemaPath:"#/properties/segments/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema133.properties.segments.type,parentSchema:schema133.properties.segments,data:data1};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.routers !== undefined){
if(!(validate81(data.routers, {instancePath:instancePath+"/routers",parentData:data,parentDataProperty:"routers",rootData}))){
vErrors = vErrors === null ? validate81.errors : vErrors.concat(validate81.errors);
errors = vErrors.length;
}
}
if(data.l4 !== undefined){
if(!(validate90(data.l4, {instancePath:instancePath+"/l4",parentData:data,parentDataProperty:"l4",rootData}))){
vErrors = vErrors === null ? validate90.errors : vErrors.concat(validate90.errors);
errors = vErrors.length;
}
}
if(data.l7 !== undefined){
if(!(validate96(data.l7, {instancePath:instancePath+"/l7",parentData:data,parentDataProperty:"l7",rootData}))){
vErrors = vErrors === null ? validate96.errors : vErrors.concat(validate96.errors);
errors = vErrors.length;
}
}
if(data.data !== undefined){
let data6 = data.data;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(Object.keys(data6).length < 1){
const err16 = {instancePath:instancePath+"/data",schemaPath:"#/properties/data/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema133.properties.data,data:data6};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
for(const key3 in data6){
const _errs17 = errors;
if(typeof key3 === "string"){
if(!pattern0.test(key3)){
const err17 = {instancePath:instancePath+"/data",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:key3,propertyName:key3};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/data",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:key3,propertyName:key3};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(errors > 0){
const emErrs4 = [];
for(const err19 of vErrors){
if(((((err19.keyword !== "errorMessage") && (!err19.emUsed)) && ((err19.instancePath === instancePath+"/data") || ((err19.instancePath.indexOf(instancePath+"/data") === 0) && (err19.instancePath[instancePath+"/data".length] === "/")))) && (err19.schemaPath.indexOf("#/definitions/Name") === 0)) && (err19.schemaPath["#/definitions/Name".length] === "/")){
emErrs4.push(err19);
err19.emUsed = true;
}
}
if(emErrs4.length){
const err20 = {instancePath:instancePath+"/data",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs4},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:key3,propertyName:key3};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
const emErrs5 = [];
for(const err21 of vErrors){
if(!err21.emUsed){
emErrs5.push(err21);
}
}
vErrors = emErrs5;
errors = emErrs5.length;
}
var valid5 = _errs17 === errors;
if(!valid5){
const err22 = {instancePath:instancePath+"/data",schemaPath:"#/properties/data/propertyNames",keyword:"propertyNames",params:{propertyName: key3},message:"property name must be valid",schema:schema133.properties.data.propertyNames,parentSchema:schema133.properties.data,data:data6};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
for(const key4 in data6){
if(!(validate104(data6[key4], {instancePath:instancePath+"/data/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data6,parentDataProperty:key4,rootData}))){
vErrors = vErrors === null ? validate104.errors : vErrors.concat(validate104.errors);
errors = vErrors.length;
}
}
}
else {
const err23 = {instancePath:instancePath+"/data",schemaPath:"#/properties/data/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema133.properties.data.type,parentSchema:schema133.properties.data,data:data6};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.sentinels !== undefined){
let data8 = data.sentinels;
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
for(const key5 in data8){
if(!(key5 === "auth")){
const err24 = {instancePath:instancePath+"/sentinels",schemaPath:"#/properties/sentinels/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema133.properties.sentinels,data:data8};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data8.auth !== undefined){
if(!(validate23(data8.auth, {instancePath:instancePath+"/sentinels/auth",parentData:data8,parentDataProperty:"auth",rootData}))){
vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
errors = vErrors.length;
}
}
}
else {
const err25 = {instancePath:instancePath+"/sentinels",schemaPath:"#/properties/sentinels/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema133.properties.sentinels.type,parentSchema:schema133.properties.sentinels,data:data8};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema133.type,parentSchema:schema133,data};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
validate78.errors = vErrors;
return errors === 0;
}

const schema184 = {"type":"object","additionalProperties":false,"required":["asn","speaker","load_balancer_pools","pod_cidr","service_cidr"],"description":"A Kubernetes cluster on the fabric: one AS for all its nodes (each node its own eBGP session to each leaf of its rack), the LoadBalancer pools its speaker announces and nothing else, its pod and service CIDRs (checked for overlaps; not announced by a MetalLB speaker).","properties":{"description":{"$ref":"#/definitions/Text"},"asn":{"$ref":"#/definitions/Asn","description":"The cluster's AS: every node speaks it (MetalLB's `myASN`), the leaves' `remote-as` for the cluster's peer group. One AS per cluster, outside `asns.pool`'s per-device numbers (a collision is the finding `asn-collision`)."},"speaker":{"enum":["metallb","cilium"],"description":"What announces the LoadBalancer IPs on the nodes: `metallb` (FRR mode: unnumbered sessions on the node's uplinks, with BFD) or `cilium` (Cilium's BGP control plane, GoBGP: numbered sessions on `node_links`, no BFD, announces each node's pod CIDR too). docs/kubernetes.md compares them.","errorMessage":"must be metallb or cilium, e.g. speaker: metallb"},"load_balancer_pools":{"type":"array","minItems":1,"uniqueItems":true,"items":{"$ref":"#/definitions/Ipv4Prefix"},"description":"IPv4 LoadBalancer pools (MetalLB `IPAddressPool`, Cilium `CiliumLoadBalancerIPPool`): the only IPv4 prefixes the leaves accept from the cluster's nodes, each up to /32. A public pool must lie inside `prefixes.announce` to reach the upstreams."},"load_balancer_pools6":{"type":"array","minItems":1,"uniqueItems":true,"items":{"$ref":"#/definitions/Ipv6Prefix"},"description":"IPv6 LoadBalancer pools, accepted up to /128 (needs `pools.loopback6`: IPv6 runs on the fabric's sessions only on a site with IPv6). Not with `cilium` (its sessions here are IPv4). @default none"},"pod_cidr":{"$ref":"#/definitions/Ipv4Prefix","description":"The cluster's pod CIDR (`--cluster-cidr`): checked for overlaps with the fabric; never accepted from a MetalLB speaker, accepted from a Cilium node as one `pod_cidr_mask` block per node."},"service_cidr":{"$ref":"#/definitions/Ipv4Prefix","description":"The cluster's service CIDR (`--service-cluster-ip-range`): checked for overlaps, never routed by the fabric."},"pod_cidr_mask":{"type":"integer","minimum":16,"maximum":28,"description":"`cilium` only: the size of each node's pod CIDR (Cilium's `clusterPoolIPv4MaskSize`, Kubernetes' `--node-cidr-mask-size`). The leaves accept from a node exactly one prefix of this length inside `pod_cidr`. @default 24","errorMessage":"must be an integer from 16 to 28, e.g. pod_cidr_mask: 24"},"node_links":{"$ref":"#/definitions/Ipv4Prefix","description":"`cilium` only, and required with it: the pool of the numbered /31s of the nodes' cables to their leaves (Cilium peers by address, it has no unnumbered peers). Numbered by the node's id, as loopbacks are network + id: node id N has the /31s number 2N and 2N + 1 (its cables in port order), so adding or removing a node moves no other node's addresses; the leaf's end is the even address, the node's the odd one."},"maximum_prefix":{"type":"integer","minimum":1,"maximum":100000,"description":"`neighbor <group> maximum-prefix` on the leaves, per node session and family: a node announcing more is torn down. @default 1000","errorMessage":"must be an integer from 1 to 100000, e.g. maximum_prefix: 1000"},"budget":{"type":"integer","minimum":0,"maximum":600000,"description":"Milliseconds: the failure budget of one of this cluster's nodes (its leaves withdraw its routes), instead of the site's `budgets.fabric`. A Cilium cluster needs one of 3100 at least: without BFD a silent node is noticed by the BGP hold timer (3 s, Cilium's shortest)."}}};

function validate116(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.asn === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "asn"},message:"must have required property '"+"asn"+"'",schema:schema184.required,parentSchema:schema184,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.speaker === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "speaker"},message:"must have required property '"+"speaker"+"'",schema:schema184.required,parentSchema:schema184,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.load_balancer_pools === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "load_balancer_pools"},message:"must have required property '"+"load_balancer_pools"+"'",schema:schema184.required,parentSchema:schema184,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.pod_cidr === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "pod_cidr"},message:"must have required property '"+"pod_cidr"+"'",schema:schema184.required,parentSchema:schema184,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.service_cidr === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "service_cidr"},message:"must have required property '"+"service_cidr"+"'",schema:schema184.required,parentSchema:schema184,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
for(const key0 in data){
if(!(func2.call(schema184.properties, key0))){
const err5 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema184,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.description !== undefined){
let data0 = data.description;
if(typeof data0 === "string"){
if(func3(data0) > 80){
const err6 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/maxLength",keyword:"maxLength",params:{limit: 80},message:"must NOT have more than 80 characters",schema:80,parentSchema:schema19,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(!pattern2.test(data0)){
const err7 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9 .,:/()_+@=-]*$"},message:"must match pattern \""+"^[A-Za-z0-9 .,:/()_+@=-]*$"+"\"",schema:"^[A-Za-z0-9 .,:/()_+@=-]*$",parentSchema:schema19,data:data0};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.type,parentSchema:schema19,data:data0};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(errors > 0){
const emErrs0 = [];
for(const err9 of vErrors){
if(((((err9.keyword !== "errorMessage") && (!err9.emUsed)) && ((err9.instancePath === instancePath+"/description") || ((err9.instancePath.indexOf(instancePath+"/description") === 0) && (err9.instancePath[instancePath+"/description".length] === "/")))) && (err9.schemaPath.indexOf("#/definitions/Text") === 0)) && (err9.schemaPath["#/definitions/Text".length] === "/")){
emErrs0.push(err9);
err9.emUsed = true;
}
}
if(emErrs0.length){
const err10 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",schema:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",parentSchema:schema19,data:data0};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
const emErrs1 = [];
for(const err11 of vErrors){
if(!err11.emUsed){
emErrs1.push(err11);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
if(data.asn !== undefined){
let data1 = data.asn;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err12 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema21.type,parentSchema:schema21,data:data1};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 4294967294 || isNaN(data1)){
const err13 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967294},message:"must be <= 4294967294",schema:4294967294,parentSchema:schema21,data:data1};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data1 < 1 || isNaN(data1)){
const err14 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema21,data:data1};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(errors > 0){
const emErrs2 = [];
for(const err15 of vErrors){
if(((((err15.keyword !== "errorMessage") && (!err15.emUsed)) && ((err15.instancePath === instancePath+"/asn") || ((err15.instancePath.indexOf(instancePath+"/asn") === 0) && (err15.instancePath[instancePath+"/asn".length] === "/")))) && (err15.schemaPath.indexOf("#/definitions/Asn") === 0)) && (err15.schemaPath["#/definitions/Asn".length] === "/")){
emErrs2.push(err15);
err15.emUsed = true;
}
}
if(emErrs2.length){
const err16 = {instancePath:instancePath+"/asn",schemaPath:"#/definitions/Asn/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be an AS number from 1 to 4294967294, e.g. 65001",schema:"must be an AS number from 1 to 4294967294, e.g. 65001",parentSchema:schema21,data:data1};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
const emErrs3 = [];
for(const err17 of vErrors){
if(!err17.emUsed){
emErrs3.push(err17);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
}
if(data.speaker !== undefined){
let data2 = data.speaker;
if(!((data2 === "metallb") || (data2 === "cilium"))){
const err18 = {instancePath:instancePath+"/speaker",schemaPath:"#/properties/speaker/enum",keyword:"enum",params:{allowedValues: schema184.properties.speaker.enum},message:"must be equal to one of the allowed values",schema:schema184.properties.speaker.enum,parentSchema:schema184.properties.speaker,data:data2};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(errors > 0){
const emErrs4 = [];
for(const err19 of vErrors){
if(((((err19.keyword !== "errorMessage") && (!err19.emUsed)) && ((err19.instancePath === instancePath+"/speaker") || ((err19.instancePath.indexOf(instancePath+"/speaker") === 0) && (err19.instancePath[instancePath+"/speaker".length] === "/")))) && (err19.schemaPath.indexOf("#/properties/speaker") === 0)) && (err19.schemaPath["#/properties/speaker".length] === "/")){
emErrs4.push(err19);
err19.emUsed = true;
}
}
if(emErrs4.length){
const err20 = {instancePath:instancePath+"/speaker",schemaPath:"#/properties/speaker/errorMessage",keyword:"errorMessage",params:{errors: emErrs4},message:"must be metallb or cilium, e.g. speaker: metallb",schema:"must be metallb or cilium, e.g. speaker: metallb",parentSchema:schema184.properties.speaker,data:data2};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
const emErrs5 = [];
for(const err21 of vErrors){
if(!err21.emUsed){
emErrs5.push(err21);
}
}
vErrors = emErrs5;
errors = emErrs5.length;
}
}
if(data.load_balancer_pools !== undefined){
let data3 = data.load_balancer_pools;
if(Array.isArray(data3)){
if(data3.length < 1){
const err22 = {instancePath:instancePath+"/load_balancer_pools",schemaPath:"#/properties/load_balancer_pools/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema184.properties.load_balancer_pools,data:data3};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
let data4 = data3[i0];
if(typeof data4 === "string"){
if(!pattern4.test(data4)){
const err23 = {instancePath:instancePath+"/load_balancer_pools/" + i0,schemaPath:"#/definitions/Ipv4Prefix/pattern",keyword:"pattern",params:{pattern: "^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$"},message:"must match pattern \""+"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$"+"\"",schema:"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$",parentSchema:schema26,data:data4};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/load_balancer_pools/" + i0,schemaPath:"#/definitions/Ipv4Prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.type,parentSchema:schema26,data:data4};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(errors > 0){
const emErrs6 = [];
for(const err25 of vErrors){
if(((((err25.keyword !== "errorMessage") && (!err25.emUsed)) && ((err25.instancePath === instancePath+"/load_balancer_pools/" + i0) || ((err25.instancePath.indexOf(instancePath+"/load_balancer_pools/" + i0) === 0) && (err25.instancePath[instancePath+"/load_balancer_pools/" + i0.length] === "/")))) && (err25.schemaPath.indexOf("#/definitions/Ipv4Prefix") === 0)) && (err25.schemaPath["#/definitions/Ipv4Prefix".length] === "/")){
emErrs6.push(err25);
err25.emUsed = true;
}
}
if(emErrs6.length){
const err26 = {instancePath:instancePath+"/load_balancer_pools/" + i0,schemaPath:"#/definitions/Ipv4Prefix/errorMessage",keyword:"errorMessage",params:{errors: emErrs6},message:"must be an IPv4 prefix like 10.1.0.0/24",schema:"must be an IPv4 prefix like 10.1.0.0/24",parentSchema:schema26,data:data4};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
const emErrs7 = [];
for(const err27 of vErrors){
if(!err27.emUsed){
emErrs7.push(err27);
}
}
vErrors = emErrs7;
errors = emErrs7.length;
}
}
let i1 = data3.length;
let j0;
if(i1 > 1){
outer0:
for(;i1--;){
for(j0 = i1; j0--;){
if(func0(data3[i1], data3[j0])){
const err28 = {instancePath:instancePath+"/load_balancer_pools",schemaPath:"#/properties/load_balancer_pools/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema184.properties.load_balancer_pools,data:data3};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
break outer0;
}
}
}
}
}
else {
const err29 = {instancePath:instancePath+"/load_balancer_pools",schemaPath:"#/properties/load_balancer_pools/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema184.properties.load_balancer_pools.type,parentSchema:schema184.properties.load_balancer_pools,data:data3};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data.load_balancer_pools6 !== undefined){
let data5 = data.load_balancer_pools6;
if(Array.isArray(data5)){
if(data5.length < 1){
const err30 = {instancePath:instancePath+"/load_balancer_pools6",schemaPath:"#/properties/load_balancer_pools6/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema184.properties.load_balancer_pools6,data:data5};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
const len1 = data5.length;
for(let i2=0; i2<len1; i2++){
let data6 = data5[i2];
if(typeof data6 === "string"){
if(func3(data6) > 49){
const err31 = {instancePath:instancePath+"/load_balancer_pools6/" + i2,schemaPath:"#/definitions/Ipv6Prefix/maxLength",keyword:"maxLength",params:{limit: 49},message:"must NOT have more than 49 characters",schema:49,parentSchema:schema28,data:data6};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if(!pattern6.test(data6)){
const err32 = {instancePath:instancePath+"/load_balancer_pools6/" + i2,schemaPath:"#/definitions/Ipv6Prefix/pattern",keyword:"pattern",params:{pattern: "^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$"},message:"must match pattern \""+"^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$"+"\"",schema:"^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$",parentSchema:schema28,data:data6};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
else {
const err33 = {instancePath:instancePath+"/load_balancer_pools6/" + i2,schemaPath:"#/definitions/Ipv6Prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.type,parentSchema:schema28,data:data6};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if(errors > 0){
const emErrs8 = [];
for(const err34 of vErrors){
if(((((err34.keyword !== "errorMessage") && (!err34.emUsed)) && ((err34.instancePath === instancePath+"/load_balancer_pools6/" + i2) || ((err34.instancePath.indexOf(instancePath+"/load_balancer_pools6/" + i2) === 0) && (err34.instancePath[instancePath+"/load_balancer_pools6/" + i2.length] === "/")))) && (err34.schemaPath.indexOf("#/definitions/Ipv6Prefix") === 0)) && (err34.schemaPath["#/definitions/Ipv6Prefix".length] === "/")){
emErrs8.push(err34);
err34.emUsed = true;
}
}
if(emErrs8.length){
const err35 = {instancePath:instancePath+"/load_balancer_pools6/" + i2,schemaPath:"#/definitions/Ipv6Prefix/errorMessage",keyword:"errorMessage",params:{errors: emErrs8},message:"must be an IPv6 prefix like 2001:db8:1::/64",schema:"must be an IPv6 prefix like 2001:db8:1::/64",parentSchema:schema28,data:data6};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
const emErrs9 = [];
for(const err36 of vErrors){
if(!err36.emUsed){
emErrs9.push(err36);
}
}
vErrors = emErrs9;
errors = emErrs9.length;
}
}
let i3 = data5.length;
let j1;
if(i3 > 1){
outer1:
for(;i3--;){
for(j1 = i3; j1--;){
if(func0(data5[i3], data5[j1])){
const err37 = {instancePath:instancePath+"/load_balancer_pools6",schemaPath:"#/properties/load_balancer_pools6/uniqueItems",keyword:"uniqueItems",params:{i: i3, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i3+" are identical)",schema:true,parentSchema:schema184.properties.load_balancer_pools6,data:data5};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
break outer1;
}
}
}
}
}
else {
const err38 = {instancePath:instancePath+"/load_balancer_pools6",schemaPath:"#/properties/load_balancer_pools6/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema184.properties.load_balancer_pools6.type,parentSchema:schema184.properties.load_balancer_pools6,data:data5};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data.pod_cidr !== undefined){
let data7 = data.pod_cidr;
if(typeof data7 === "string"){
if(!pattern4.test(data7)){
const err39 = {instancePath:instancePath+"/pod_cidr",schemaPath:"#/definitions/Ipv4Prefix/pattern",keyword:"pattern",params:{pattern: "^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$"},message:"must match pattern \""+"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$"+"\"",schema:"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$",parentSchema:schema26,data:data7};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
else {
const err40 = {instancePath:instancePath+"/pod_cidr",schemaPath:"#/definitions/Ipv4Prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.type,parentSchema:schema26,data:data7};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
if(errors > 0){
const emErrs10 = [];
for(const err41 of vErrors){
if(((((err41.keyword !== "errorMessage") && (!err41.emUsed)) && ((err41.instancePath === instancePath+"/pod_cidr") || ((err41.instancePath.indexOf(instancePath+"/pod_cidr") === 0) && (err41.instancePath[instancePath+"/pod_cidr".length] === "/")))) && (err41.schemaPath.indexOf("#/definitions/Ipv4Prefix") === 0)) && (err41.schemaPath["#/definitions/Ipv4Prefix".length] === "/")){
emErrs10.push(err41);
err41.emUsed = true;
}
}
if(emErrs10.length){
const err42 = {instancePath:instancePath+"/pod_cidr",schemaPath:"#/definitions/Ipv4Prefix/errorMessage",keyword:"errorMessage",params:{errors: emErrs10},message:"must be an IPv4 prefix like 10.1.0.0/24",schema:"must be an IPv4 prefix like 10.1.0.0/24",parentSchema:schema26,data:data7};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
const emErrs11 = [];
for(const err43 of vErrors){
if(!err43.emUsed){
emErrs11.push(err43);
}
}
vErrors = emErrs11;
errors = emErrs11.length;
}
}
if(data.service_cidr !== undefined){
let data8 = data.service_cidr;
if(typeof data8 === "string"){
if(!pattern4.test(data8)){
const err44 = {instancePath:instancePath+"/service_cidr",schemaPath:"#/definitions/Ipv4Prefix/pattern",keyword:"pattern",params:{pattern: "^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$"},message:"must match pattern \""+"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$"+"\"",schema:"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$",parentSchema:schema26,data:data8};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
else {
const err45 = {instancePath:instancePath+"/service_cidr",schemaPath:"#/definitions/Ipv4Prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.type,parentSchema:schema26,data:data8};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
if(errors > 0){
const emErrs12 = [];
for(const err46 of vErrors){
if(((((err46.keyword !== "errorMessage") && (!err46.emUsed)) && ((err46.instancePath === instancePath+"/service_cidr") || ((err46.instancePath.indexOf(instancePath+"/service_cidr") === 0) && (err46.instancePath[instancePath+"/service_cidr".length] === "/")))) && (err46.schemaPath.indexOf("#/definitions/Ipv4Prefix") === 0)) && (err46.schemaPath["#/definitions/Ipv4Prefix".length] === "/")){
emErrs12.push(err46);
err46.emUsed = true;
}
}
if(emErrs12.length){
const err47 = {instancePath:instancePath+"/service_cidr",schemaPath:"#/definitions/Ipv4Prefix/errorMessage",keyword:"errorMessage",params:{errors: emErrs12},message:"must be an IPv4 prefix like 10.1.0.0/24",schema:"must be an IPv4 prefix like 10.1.0.0/24",parentSchema:schema26,data:data8};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
const emErrs13 = [];
for(const err48 of vErrors){
if(!err48.emUsed){
emErrs13.push(err48);
}
}
vErrors = emErrs13;
errors = emErrs13.length;
}
}
if(data.pod_cidr_mask !== undefined){
let data9 = data.pod_cidr_mask;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err49 = {instancePath:instancePath+"/pod_cidr_mask",schemaPath:"#/properties/pod_cidr_mask/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema184.properties.pod_cidr_mask.type,parentSchema:schema184.properties.pod_cidr_mask,data:data9};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 > 28 || isNaN(data9)){
const err50 = {instancePath:instancePath+"/pod_cidr_mask",schemaPath:"#/properties/pod_cidr_mask/maximum",keyword:"maximum",params:{comparison: "<=", limit: 28},message:"must be <= 28",schema:28,parentSchema:schema184.properties.pod_cidr_mask,data:data9};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
if(data9 < 16 || isNaN(data9)){
const err51 = {instancePath:instancePath+"/pod_cidr_mask",schemaPath:"#/properties/pod_cidr_mask/minimum",keyword:"minimum",params:{comparison: ">=", limit: 16},message:"must be >= 16",schema:16,parentSchema:schema184.properties.pod_cidr_mask,data:data9};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(errors > 0){
const emErrs14 = [];
for(const err52 of vErrors){
if(((((err52.keyword !== "errorMessage") && (!err52.emUsed)) && ((err52.instancePath === instancePath+"/pod_cidr_mask") || ((err52.instancePath.indexOf(instancePath+"/pod_cidr_mask") === 0) && (err52.instancePath[instancePath+"/pod_cidr_mask".length] === "/")))) && (err52.schemaPath.indexOf("#/properties/pod_cidr_mask") === 0)) && (err52.schemaPath["#/properties/pod_cidr_mask".length] === "/")){
emErrs14.push(err52);
err52.emUsed = true;
}
}
if(emErrs14.length){
const err53 = {instancePath:instancePath+"/pod_cidr_mask",schemaPath:"#/properties/pod_cidr_mask/errorMessage",keyword:"errorMessage",params:{errors: emErrs14},message:"must be an integer from 16 to 28, e.g. pod_cidr_mask: 24",schema:"must be an integer from 16 to 28, e.g. pod_cidr_mask: 24",parentSchema:schema184.properties.pod_cidr_mask,data:data9};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
const emErrs15 = [];
for(const err54 of vErrors){
if(!err54.emUsed){
emErrs15.push(err54);
}
}
vErrors = emErrs15;
errors = emErrs15.length;
}
}
if(data.node_links !== undefined){
let data10 = data.node_links;
if(typeof data10 === "string"){
if(!pattern4.test(data10)){
const err55 = {instancePath:instancePath+"/node_links",schemaPath:"#/definitions/Ipv4Prefix/pattern",keyword:"pattern",params:{pattern: "^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$"},message:"must match pattern \""+"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$"+"\"",schema:"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$",parentSchema:schema26,data:data10};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
else {
const err56 = {instancePath:instancePath+"/node_links",schemaPath:"#/definitions/Ipv4Prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.type,parentSchema:schema26,data:data10};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
if(errors > 0){
const emErrs16 = [];
for(const err57 of vErrors){
if(((((err57.keyword !== "errorMessage") && (!err57.emUsed)) && ((err57.instancePath === instancePath+"/node_links") || ((err57.instancePath.indexOf(instancePath+"/node_links") === 0) && (err57.instancePath[instancePath+"/node_links".length] === "/")))) && (err57.schemaPath.indexOf("#/definitions/Ipv4Prefix") === 0)) && (err57.schemaPath["#/definitions/Ipv4Prefix".length] === "/")){
emErrs16.push(err57);
err57.emUsed = true;
}
}
if(emErrs16.length){
const err58 = {instancePath:instancePath+"/node_links",schemaPath:"#/definitions/Ipv4Prefix/errorMessage",keyword:"errorMessage",params:{errors: emErrs16},message:"must be an IPv4 prefix like 10.1.0.0/24",schema:"must be an IPv4 prefix like 10.1.0.0/24",parentSchema:schema26,data:data10};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
const emErrs17 = [];
for(const err59 of vErrors){
if(!err59.emUsed){
emErrs17.push(err59);
}
}
vErrors = emErrs17;
errors = emErrs17.length;
}
}
if(data.maximum_prefix !== undefined){
let data11 = data.maximum_prefix;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
const err60 = {instancePath:instancePath+"/maximum_prefix",schemaPath:"#/properties/maximum_prefix/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema184.properties.maximum_prefix.type,parentSchema:schema184.properties.maximum_prefix,data:data11};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 > 100000 || isNaN(data11)){
const err61 = {instancePath:instancePath+"/maximum_prefix",schemaPath:"#/properties/maximum_prefix/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100000},message:"must be <= 100000",schema:100000,parentSchema:schema184.properties.maximum_prefix,data:data11};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
if(data11 < 1 || isNaN(data11)){
const err62 = {instancePath:instancePath+"/maximum_prefix",schemaPath:"#/properties/maximum_prefix/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema184.properties.maximum_prefix,data:data11};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
if(errors > 0){
const emErrs18 = [];
for(const err63 of vErrors){
if(((((err63.keyword !== "errorMessage") && (!err63.emUsed)) && ((err63.instancePath === instancePath+"/maximum_prefix") || ((err63.instancePath.indexOf(instancePath+"/maximum_prefix") === 0) && (err63.instancePath[instancePath+"/maximum_prefix".length] === "/")))) && (err63.schemaPath.indexOf("#/properties/maximum_prefix") === 0)) && (err63.schemaPath["#/properties/maximum_prefix".length] === "/")){
emErrs18.push(err63);
err63.emUsed = true;
}
}
if(emErrs18.length){
const err64 = {instancePath:instancePath+"/maximum_prefix",schemaPath:"#/properties/maximum_prefix/errorMessage",keyword:"errorMessage",params:{errors: emErrs18},message:"must be an integer from 1 to 100000, e.g. maximum_prefix: 1000",schema:"must be an integer from 1 to 100000, e.g. maximum_prefix: 1000",parentSchema:schema184.properties.maximum_prefix,data:data11};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
const emErrs19 = [];
for(const err65 of vErrors){
if(!err65.emUsed){
emErrs19.push(err65);
}
}
vErrors = emErrs19;
errors = emErrs19.length;
}
}
if(data.budget !== undefined){
let data12 = data.budget;
if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){
const err66 = {instancePath:instancePath+"/budget",schemaPath:"#/properties/budget/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema184.properties.budget.type,parentSchema:schema184.properties.budget,data:data12};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
if((typeof data12 == "number") && (isFinite(data12))){
if(data12 > 600000 || isNaN(data12)){
const err67 = {instancePath:instancePath+"/budget",schemaPath:"#/properties/budget/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema184.properties.budget,data:data12};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
if(data12 < 0 || isNaN(data12)){
const err68 = {instancePath:instancePath+"/budget",schemaPath:"#/properties/budget/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema184.properties.budget,data:data12};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
}
}
else {
const err69 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema184.type,parentSchema:schema184,data};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
validate116.errors = vErrors;
return errors === 0;
}

const schema192 = {"type":"object","additionalProperties":false,"required":["zones","services"],"description":"Services that span sites, answered by GSLB DNS (docs/active-active.md). Fabric-wide, not a site's: `gslb` is given in one file of the inventory, which may name no site. Each zone is served by DNS servers (VMs of the sites, one per site) running gdnsd; each service's name answers the VIPs of the sites whose health check passes.","properties":{"zones":{"type":"object","minProperties":1,"propertyNames":{"$ref":"#/definitions/DnsName"},"additionalProperties":{"$ref":"#/definitions/GslbZone"},"description":"DNS zones served by fabric's GSLB servers, by name (e.g. `shop.example`)."},"services":{"type":"object","minProperties":1,"propertyNames":{"$ref":"#/definitions/Name"},"additionalProperties":{"$ref":"#/definitions/GslbService"},"description":"Services offered by several sites, by name; the name is the service's label in its zone unless `host` says otherwise."}}};
const schema193 = {"type":"string","description":"A DNS name in lower case, without the final dot: labels of letters, digits and '-', e.g. `shop.example`.","maxLength":200,"pattern":"^(?=.{1,200}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$","errorMessage":"must be a lower-case DNS name of labels of letters, digits and '-' separated by dots, without the final dot, e.g. shop.example"};
const pattern116 = new RegExp("^(?=.{1,200}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$", "u");
const schema194 = {"type":"object","additionalProperties":false,"required":["servers"],"properties":{"servers":{"type":"object","minProperties":1,"propertyNames":{"$ref":"#/definitions/Name"},"additionalProperties":{"$ref":"#/definitions/Name"},"description":"The zone's DNS servers: site name → a VM of that site (`role: vm`) that runs gdnsd for it, one per site. Each listens on its NICs' addresses (port 53) and is the zone's name server `ns-<site>.<zone>`. One site only is a finding (`gslb-single-server`)."},"ttl":{"type":"integer","minimum":60,"maximum":86400,"description":"Seconds: the TTL of the zone's static records (SOA, NS, glue) and its negative-answer TTL. @default 300"}}};

function validate119(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.servers === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "servers"},message:"must have required property '"+"servers"+"'",schema:schema194.required,parentSchema:schema194,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((key0 === "servers") || (key0 === "ttl"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema194,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.servers !== undefined){
let data0 = data.servers;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(Object.keys(data0).length < 1){
const err2 = {instancePath:instancePath+"/servers",schemaPath:"#/properties/servers/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema194.properties.servers,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key1 in data0){
const _errs4 = errors;
if(typeof key1 === "string"){
if(!pattern0.test(key1)){
const err3 = {instancePath:instancePath+"/servers",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/servers",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(errors > 0){
const emErrs0 = [];
for(const err5 of vErrors){
if(((((err5.keyword !== "errorMessage") && (!err5.emUsed)) && ((err5.instancePath === instancePath+"/servers") || ((err5.instancePath.indexOf(instancePath+"/servers") === 0) && (err5.instancePath[instancePath+"/servers".length] === "/")))) && (err5.schemaPath.indexOf("#/definitions/Name") === 0)) && (err5.schemaPath["#/definitions/Name".length] === "/")){
emErrs0.push(err5);
err5.emUsed = true;
}
}
if(emErrs0.length){
const err6 = {instancePath:instancePath+"/servers",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
const emErrs1 = [];
for(const err7 of vErrors){
if(!err7.emUsed){
emErrs1.push(err7);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
var valid1 = _errs4 === errors;
if(!valid1){
const err8 = {instancePath:instancePath+"/servers",schemaPath:"#/properties/servers/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema194.properties.servers.propertyNames,parentSchema:schema194.properties.servers,data:data0};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
for(const key2 in data0){
let data1 = data0[key2];
if(typeof data1 === "string"){
if(!pattern0.test(data1)){
const err9 = {instancePath:instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err11 of vErrors){
if(((((err11.keyword !== "errorMessage") && (!err11.emUsed)) && ((err11.instancePath === instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")) || ((err11.instancePath.indexOf(instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")) === 0) && (err11.instancePath[instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1").length] === "/")))) && (err11.schemaPath.indexOf("#/definitions/Name") === 0)) && (err11.schemaPath["#/definitions/Name".length] === "/")){
emErrs2.push(err11);
err11.emUsed = true;
}
}
if(emErrs2.length){
const err12 = {instancePath:instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
const emErrs3 = [];
for(const err13 of vErrors){
if(!err13.emUsed){
emErrs3.push(err13);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
}
}
else {
const err14 = {instancePath:instancePath+"/servers",schemaPath:"#/properties/servers/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema194.properties.servers.type,parentSchema:schema194.properties.servers,data:data0};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.ttl !== undefined){
let data2 = data.ttl;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err15 = {instancePath:instancePath+"/ttl",schemaPath:"#/properties/ttl/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema194.properties.ttl.type,parentSchema:schema194.properties.ttl,data:data2};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 > 86400 || isNaN(data2)){
const err16 = {instancePath:instancePath+"/ttl",schemaPath:"#/properties/ttl/maximum",keyword:"maximum",params:{comparison: "<=", limit: 86400},message:"must be <= 86400",schema:86400,parentSchema:schema194.properties.ttl,data:data2};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(data2 < 60 || isNaN(data2)){
const err17 = {instancePath:instancePath+"/ttl",schemaPath:"#/properties/ttl/minimum",keyword:"minimum",params:{comparison: ">=", limit: 60},message:"must be >= 60",schema:60,parentSchema:schema194.properties.ttl,data:data2};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
}
else {
const err18 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema194.type,parentSchema:schema194,data};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
validate119.errors = vErrors;
return errors === 0;
}

const schema198 = {"type":"object","additionalProperties":false,"required":["zone","sites"],"properties":{"description":{"$ref":"#/definitions/Text"},"zone":{"$ref":"#/definitions/DnsName","description":"The zone (a key of `gslb.zones`) that answers the service's name."},"host":{"type":"string","pattern":"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$","errorMessage":"must be one DNS label of lower-case letters, digits and '-', e.g. www","description":"Its label in the zone. @default the service's name"},"ttl":{"type":"integer","minimum":1,"maximum":3600,"description":"Seconds: the TTL of the service's answers (gdnsd halves it while a site is down). @default 30"},"sites":{"type":"object","minProperties":1,"propertyNames":{"$ref":"#/definitions/Name"},"additionalProperties":{"$ref":"#/definitions/GslbSite"},"description":"Site name → where the site serves it: a tenant and one of its L4 services (the VIP). A service offered by one site only is a finding (`gslb-single-site`)."},"check":{"$ref":"#/definitions/GslbCheck"},"budget":{"type":"integer","minimum":0,"maximum":3600000,"description":"Milliseconds: the longest the DNS answer may keep a site's VIP after the site stopped serving (the health check's detection time: `fall` × `interval` + `timeout`); above it is a finding (`budget-exceeded`). @default 10000"},"anycast":{"$ref":"#/definitions/GslbAnycast"}}};
const schema205 = {"type":"object","additionalProperties":false,"description":"How the DNS servers check each site's VIP (gdnsd's http_status monitor: an HTTP GET that must answer 200). gdnsd counts in whole seconds, so the site's sub-second `defaults.checks` do not apply; the defaults are documented here and in docs/active-active.md.","properties":{"path":{"type":"string","pattern":"^/[A-Za-z0-9._~/-]*$","errorMessage":"must be a URL path like /healthz","description":"URL path fetched from each VIP. @default /"},"port":{"type":"integer","minimum":1,"maximum":65535,"description":"TCP port of the VIP in every site: one of each site's VIP `ports` that its HAProxy pair serves in plain HTTP (gdnsd's check speaks no TLS). @default 80 if every site's VIP serves it, else the lowest plain HTTP port they all serve"},"interval":{"type":"integer","minimum":2,"maximum":255,"description":"Seconds between checks of each VIP. @default 2"},"timeout":{"type":"integer","minimum":1,"maximum":254,"description":"Seconds a check may take; less than `interval`. @default 1"},"fall":{"type":"integer","minimum":1,"maximum":100,"description":"Failed checks that take a VIP out of the answer (gdnsd `down_thresh`). @default 2"},"rise":{"type":"integer","minimum":1,"maximum":100,"description":"Checks in a row that must pass before a VIP is answered again (gdnsd `up_thresh`): the hold-down against flapping. @default 3"}}};
const pattern122 = new RegExp("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", "u");
const schema202 = {"type":"object","additionalProperties":false,"required":["tenant","vip"],"properties":{"tenant":{"$ref":"#/definitions/Name","description":"The site's tenant that serves it."},"vip":{"$ref":"#/definitions/Name","description":"An L4 service of that tenant (`tenants.<t>.l4.services.<vip>`): its `address` answers A queries, its `address6` AAAA queries. Each address must be inside the site's `prefixes.announce` / `announce6` (else `gslb-vip-not-announced`)."}}};

function validate122(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.tenant === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "tenant"},message:"must have required property '"+"tenant"+"'",schema:schema202.required,parentSchema:schema202,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.vip === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "vip"},message:"must have required property '"+"vip"+"'",schema:schema202.required,parentSchema:schema202,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!((key0 === "tenant") || (key0 === "vip"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema202,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.tenant !== undefined){
let data0 = data.tenant;
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
const err3 = {instancePath:instancePath+"/tenant",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/tenant",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(errors > 0){
const emErrs0 = [];
for(const err5 of vErrors){
if(((((err5.keyword !== "errorMessage") && (!err5.emUsed)) && ((err5.instancePath === instancePath+"/tenant") || ((err5.instancePath.indexOf(instancePath+"/tenant") === 0) && (err5.instancePath[instancePath+"/tenant".length] === "/")))) && (err5.schemaPath.indexOf("#/definitions/Name") === 0)) && (err5.schemaPath["#/definitions/Name".length] === "/")){
emErrs0.push(err5);
err5.emUsed = true;
}
}
if(emErrs0.length){
const err6 = {instancePath:instancePath+"/tenant",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
const emErrs1 = [];
for(const err7 of vErrors){
if(!err7.emUsed){
emErrs1.push(err7);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
if(data.vip !== undefined){
let data1 = data.vip;
if(typeof data1 === "string"){
if(!pattern0.test(data1)){
const err8 = {instancePath:instancePath+"/vip",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/vip",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err10 of vErrors){
if(((((err10.keyword !== "errorMessage") && (!err10.emUsed)) && ((err10.instancePath === instancePath+"/vip") || ((err10.instancePath.indexOf(instancePath+"/vip") === 0) && (err10.instancePath[instancePath+"/vip".length] === "/")))) && (err10.schemaPath.indexOf("#/definitions/Name") === 0)) && (err10.schemaPath["#/definitions/Name".length] === "/")){
emErrs2.push(err10);
err10.emUsed = true;
}
}
if(emErrs2.length){
const err11 = {instancePath:instancePath+"/vip",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
const emErrs3 = [];
for(const err12 of vErrors){
if(!err12.emUsed){
emErrs3.push(err12);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
}
}
else {
const err13 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema202.type,parentSchema:schema202,data};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
validate122.errors = vErrors;
return errors === 0;
}

const schema206 = {"type":"object","additionalProperties":false,"description":"Health-following route injection (docs/active-active.md, \"Anycast: the L4 side\"): each L4 member of the service's tenant, in each of its sites, runs FRR and announces the VIP as a host route to the tenant's vRouters (eBGP, BFD) only while it is the VRRP master of the VIP and each of the VIP's virtual servers (ports) has `quorum` healthy real servers. Without this section the L4 pairs announce nothing. IPv4 only for now: the IPv6 VIP is held under the same quorum but not announced.","properties":{"quorum":{"type":"integer","minimum":1,"maximum":1000,"description":"Healthy real servers (keepalived's `quorum`: the sum of their weights, 1 each) each virtual server of the VIP needs for the VIP to be announced; at most each site's count of `real_servers` (`anycast-quorum-unreachable`). @default 1"},"budget":{"type":"integer","minimum":0,"maximum":600000,"description":"Milliseconds for an L4 member to stop announcing the VIP once it cannot serve it (its real servers down, keepalived killed, the VM silent); compile predicts each (`device.anycast`); the slowest above it is a finding (`budget-exceeded`). @default 3000"},"prefix":{"$ref":"#/definitions/Ipv4Prefix","description":"The site-independent service prefix (docs/active-active.md, \"Anycast: the edges\"): the same in every site of the service, and every site's VIP of the service inside it (the same address in each site makes it anycast). The VIP host routes travel from the L4 members through the vRouters, hypervisors and leaves to the edges, and each edge announces this prefix upstream as a BGP aggregate whose only contributors are those host routes: only while at least one VIP inside it is alive in its site. It must overlap none of a site's `prefixes.announce`, pools, segments, peering links or lab prefixes (`anycast-prefix-overlap`). Without it the VIP host routes stop at the vRouters."}}};

function validate124(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(((key0 === "quorum") || (key0 === "budget")) || (key0 === "prefix"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema206,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.quorum !== undefined){
let data0 = data.quorum;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err1 = {instancePath:instancePath+"/quorum",schemaPath:"#/properties/quorum/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema206.properties.quorum.type,parentSchema:schema206.properties.quorum,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 1000 || isNaN(data0)){
const err2 = {instancePath:instancePath+"/quorum",schemaPath:"#/properties/quorum/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000},message:"must be <= 1000",schema:1000,parentSchema:schema206.properties.quorum,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data0 < 1 || isNaN(data0)){
const err3 = {instancePath:instancePath+"/quorum",schemaPath:"#/properties/quorum/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema206.properties.quorum,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
if(data.budget !== undefined){
let data1 = data.budget;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err4 = {instancePath:instancePath+"/budget",schemaPath:"#/properties/budget/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema206.properties.budget.type,parentSchema:schema206.properties.budget,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 600000 || isNaN(data1)){
const err5 = {instancePath:instancePath+"/budget",schemaPath:"#/properties/budget/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema206.properties.budget,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data1 < 0 || isNaN(data1)){
const err6 = {instancePath:instancePath+"/budget",schemaPath:"#/properties/budget/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema206.properties.budget,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
if(data.prefix !== undefined){
let data2 = data.prefix;
if(typeof data2 === "string"){
if(!pattern4.test(data2)){
const err7 = {instancePath:instancePath+"/prefix",schemaPath:"#/definitions/Ipv4Prefix/pattern",keyword:"pattern",params:{pattern: "^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$"},message:"must match pattern \""+"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$"+"\"",schema:"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$",parentSchema:schema26,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/prefix",schemaPath:"#/definitions/Ipv4Prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.type,parentSchema:schema26,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(errors > 0){
const emErrs0 = [];
for(const err9 of vErrors){
if(((((err9.keyword !== "errorMessage") && (!err9.emUsed)) && ((err9.instancePath === instancePath+"/prefix") || ((err9.instancePath.indexOf(instancePath+"/prefix") === 0) && (err9.instancePath[instancePath+"/prefix".length] === "/")))) && (err9.schemaPath.indexOf("#/definitions/Ipv4Prefix") === 0)) && (err9.schemaPath["#/definitions/Ipv4Prefix".length] === "/")){
emErrs0.push(err9);
err9.emUsed = true;
}
}
if(emErrs0.length){
const err10 = {instancePath:instancePath+"/prefix",schemaPath:"#/definitions/Ipv4Prefix/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be an IPv4 prefix like 10.1.0.0/24",schema:"must be an IPv4 prefix like 10.1.0.0/24",parentSchema:schema26,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
const emErrs1 = [];
for(const err11 of vErrors){
if(!err11.emUsed){
emErrs1.push(err11);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
}
else {
const err12 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema206.type,parentSchema:schema206,data};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
validate124.errors = vErrors;
return errors === 0;
}


function validate121(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.zone === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "zone"},message:"must have required property '"+"zone"+"'",schema:schema198.required,parentSchema:schema198,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.sites === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "sites"},message:"must have required property '"+"sites"+"'",schema:schema198.required,parentSchema:schema198,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!((((((((key0 === "description") || (key0 === "zone")) || (key0 === "host")) || (key0 === "ttl")) || (key0 === "sites")) || (key0 === "check")) || (key0 === "budget")) || (key0 === "anycast"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema198,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.description !== undefined){
let data0 = data.description;
if(typeof data0 === "string"){
if(func3(data0) > 80){
const err3 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/maxLength",keyword:"maxLength",params:{limit: 80},message:"must NOT have more than 80 characters",schema:80,parentSchema:schema19,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(!pattern2.test(data0)){
const err4 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9 .,:/()_+@=-]*$"},message:"must match pattern \""+"^[A-Za-z0-9 .,:/()_+@=-]*$"+"\"",schema:"^[A-Za-z0-9 .,:/()_+@=-]*$",parentSchema:schema19,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.type,parentSchema:schema19,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(errors > 0){
const emErrs0 = [];
for(const err6 of vErrors){
if(((((err6.keyword !== "errorMessage") && (!err6.emUsed)) && ((err6.instancePath === instancePath+"/description") || ((err6.instancePath.indexOf(instancePath+"/description") === 0) && (err6.instancePath[instancePath+"/description".length] === "/")))) && (err6.schemaPath.indexOf("#/definitions/Text") === 0)) && (err6.schemaPath["#/definitions/Text".length] === "/")){
emErrs0.push(err6);
err6.emUsed = true;
}
}
if(emErrs0.length){
const err7 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",schema:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",parentSchema:schema19,data:data0};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
const emErrs1 = [];
for(const err8 of vErrors){
if(!err8.emUsed){
emErrs1.push(err8);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
if(data.zone !== undefined){
let data1 = data.zone;
if(typeof data1 === "string"){
if(func3(data1) > 200){
const err9 = {instancePath:instancePath+"/zone",schemaPath:"#/definitions/DnsName/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema193,data:data1};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(!pattern116.test(data1)){
const err10 = {instancePath:instancePath+"/zone",schemaPath:"#/definitions/DnsName/pattern",keyword:"pattern",params:{pattern: "^(?=.{1,200}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^(?=.{1,200}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^(?=.{1,200}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema193,data:data1};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/zone",schemaPath:"#/definitions/DnsName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema193.type,parentSchema:schema193,data:data1};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err12 of vErrors){
if(((((err12.keyword !== "errorMessage") && (!err12.emUsed)) && ((err12.instancePath === instancePath+"/zone") || ((err12.instancePath.indexOf(instancePath+"/zone") === 0) && (err12.instancePath[instancePath+"/zone".length] === "/")))) && (err12.schemaPath.indexOf("#/definitions/DnsName") === 0)) && (err12.schemaPath["#/definitions/DnsName".length] === "/")){
emErrs2.push(err12);
err12.emUsed = true;
}
}
if(emErrs2.length){
const err13 = {instancePath:instancePath+"/zone",schemaPath:"#/definitions/DnsName/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be a lower-case DNS name of labels of letters, digits and '-' separated by dots, without the final dot, e.g. shop.example",schema:"must be a lower-case DNS name of labels of letters, digits and '-' separated by dots, without the final dot, e.g. shop.example",parentSchema:schema193,data:data1};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
const emErrs3 = [];
for(const err14 of vErrors){
if(!err14.emUsed){
emErrs3.push(err14);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
}
if(data.host !== undefined){
let data2 = data.host;
if(typeof data2 === "string"){
if(!pattern122.test(data2)){
const err15 = {instancePath:instancePath+"/host",schemaPath:"#/properties/host/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema198.properties.host,data:data2};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/host",schemaPath:"#/properties/host/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema198.properties.host.type,parentSchema:schema198.properties.host,data:data2};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(errors > 0){
const emErrs4 = [];
for(const err17 of vErrors){
if(((((err17.keyword !== "errorMessage") && (!err17.emUsed)) && ((err17.instancePath === instancePath+"/host") || ((err17.instancePath.indexOf(instancePath+"/host") === 0) && (err17.instancePath[instancePath+"/host".length] === "/")))) && (err17.schemaPath.indexOf("#/properties/host") === 0)) && (err17.schemaPath["#/properties/host".length] === "/")){
emErrs4.push(err17);
err17.emUsed = true;
}
}
if(emErrs4.length){
const err18 = {instancePath:instancePath+"/host",schemaPath:"#/properties/host/errorMessage",keyword:"errorMessage",params:{errors: emErrs4},message:"must be one DNS label of lower-case letters, digits and '-', e.g. www",schema:"must be one DNS label of lower-case letters, digits and '-', e.g. www",parentSchema:schema198.properties.host,data:data2};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
const emErrs5 = [];
for(const err19 of vErrors){
if(!err19.emUsed){
emErrs5.push(err19);
}
}
vErrors = emErrs5;
errors = emErrs5.length;
}
}
if(data.ttl !== undefined){
let data3 = data.ttl;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err20 = {instancePath:instancePath+"/ttl",schemaPath:"#/properties/ttl/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema198.properties.ttl.type,parentSchema:schema198.properties.ttl,data:data3};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 > 3600 || isNaN(data3)){
const err21 = {instancePath:instancePath+"/ttl",schemaPath:"#/properties/ttl/maximum",keyword:"maximum",params:{comparison: "<=", limit: 3600},message:"must be <= 3600",schema:3600,parentSchema:schema198.properties.ttl,data:data3};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(data3 < 1 || isNaN(data3)){
const err22 = {instancePath:instancePath+"/ttl",schemaPath:"#/properties/ttl/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema198.properties.ttl,data:data3};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
if(data.sites !== undefined){
let data4 = data.sites;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(Object.keys(data4).length < 1){
const err23 = {instancePath:instancePath+"/sites",schemaPath:"#/properties/sites/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema198.properties.sites,data:data4};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
for(const key1 in data4){
const _errs14 = errors;
if(typeof key1 === "string"){
if(!pattern0.test(key1)){
const err24 = {instancePath:instancePath+"/sites",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
else {
const err25 = {instancePath:instancePath+"/sites",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(errors > 0){
const emErrs6 = [];
for(const err26 of vErrors){
if(((((err26.keyword !== "errorMessage") && (!err26.emUsed)) && ((err26.instancePath === instancePath+"/sites") || ((err26.instancePath.indexOf(instancePath+"/sites") === 0) && (err26.instancePath[instancePath+"/sites".length] === "/")))) && (err26.schemaPath.indexOf("#/definitions/Name") === 0)) && (err26.schemaPath["#/definitions/Name".length] === "/")){
emErrs6.push(err26);
err26.emUsed = true;
}
}
if(emErrs6.length){
const err27 = {instancePath:instancePath+"/sites",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs6},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
const emErrs7 = [];
for(const err28 of vErrors){
if(!err28.emUsed){
emErrs7.push(err28);
}
}
vErrors = emErrs7;
errors = emErrs7.length;
}
var valid3 = _errs14 === errors;
if(!valid3){
const err29 = {instancePath:instancePath+"/sites",schemaPath:"#/properties/sites/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema198.properties.sites.propertyNames,parentSchema:schema198.properties.sites,data:data4};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
for(const key2 in data4){
if(!(validate122(data4[key2], {instancePath:instancePath+"/sites/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data4,parentDataProperty:key2,rootData}))){
vErrors = vErrors === null ? validate122.errors : vErrors.concat(validate122.errors);
errors = vErrors.length;
}
}
}
else {
const err30 = {instancePath:instancePath+"/sites",schemaPath:"#/properties/sites/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema198.properties.sites.type,parentSchema:schema198.properties.sites,data:data4};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data.check !== undefined){
let data6 = data.check;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
for(const key3 in data6){
if(!((((((key3 === "path") || (key3 === "port")) || (key3 === "interval")) || (key3 === "timeout")) || (key3 === "fall")) || (key3 === "rise"))){
const err31 = {instancePath:instancePath+"/check",schemaPath:"#/definitions/GslbCheck/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema205,data:data6};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data6.path !== undefined){
let data7 = data6.path;
if(typeof data7 === "string"){
if(!pattern90.test(data7)){
const err32 = {instancePath:instancePath+"/check/path",schemaPath:"#/definitions/GslbCheck/properties/path/pattern",keyword:"pattern",params:{pattern: "^/[A-Za-z0-9._~/-]*$"},message:"must match pattern \""+"^/[A-Za-z0-9._~/-]*$"+"\"",schema:"^/[A-Za-z0-9._~/-]*$",parentSchema:schema205.properties.path,data:data7};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
else {
const err33 = {instancePath:instancePath+"/check/path",schemaPath:"#/definitions/GslbCheck/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema205.properties.path.type,parentSchema:schema205.properties.path,data:data7};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if(errors > 0){
const emErrs8 = [];
for(const err34 of vErrors){
if(((((err34.keyword !== "errorMessage") && (!err34.emUsed)) && ((err34.instancePath === instancePath+"/check/path") || ((err34.instancePath.indexOf(instancePath+"/check/path") === 0) && (err34.instancePath[instancePath+"/check/path".length] === "/")))) && (err34.schemaPath.indexOf("#/definitions/GslbCheck/properties/path") === 0)) && (err34.schemaPath["#/definitions/GslbCheck/properties/path".length] === "/")){
emErrs8.push(err34);
err34.emUsed = true;
}
}
if(emErrs8.length){
const err35 = {instancePath:instancePath+"/check/path",schemaPath:"#/definitions/GslbCheck/properties/path/errorMessage",keyword:"errorMessage",params:{errors: emErrs8},message:"must be a URL path like /healthz",schema:"must be a URL path like /healthz",parentSchema:schema205.properties.path,data:data7};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
const emErrs9 = [];
for(const err36 of vErrors){
if(!err36.emUsed){
emErrs9.push(err36);
}
}
vErrors = emErrs9;
errors = emErrs9.length;
}
}
if(data6.port !== undefined){
let data8 = data6.port;
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
const err37 = {instancePath:instancePath+"/check/port",schemaPath:"#/definitions/GslbCheck/properties/port/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema205.properties.port.type,parentSchema:schema205.properties.port,data:data8};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 > 65535 || isNaN(data8)){
const err38 = {instancePath:instancePath+"/check/port",schemaPath:"#/definitions/GslbCheck/properties/port/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema205.properties.port,data:data8};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
if(data8 < 1 || isNaN(data8)){
const err39 = {instancePath:instancePath+"/check/port",schemaPath:"#/definitions/GslbCheck/properties/port/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema205.properties.port,data:data8};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
}
if(data6.interval !== undefined){
let data9 = data6.interval;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err40 = {instancePath:instancePath+"/check/interval",schemaPath:"#/definitions/GslbCheck/properties/interval/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema205.properties.interval.type,parentSchema:schema205.properties.interval,data:data9};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 > 255 || isNaN(data9)){
const err41 = {instancePath:instancePath+"/check/interval",schemaPath:"#/definitions/GslbCheck/properties/interval/maximum",keyword:"maximum",params:{comparison: "<=", limit: 255},message:"must be <= 255",schema:255,parentSchema:schema205.properties.interval,data:data9};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
if(data9 < 2 || isNaN(data9)){
const err42 = {instancePath:instancePath+"/check/interval",schemaPath:"#/definitions/GslbCheck/properties/interval/minimum",keyword:"minimum",params:{comparison: ">=", limit: 2},message:"must be >= 2",schema:2,parentSchema:schema205.properties.interval,data:data9};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
}
if(data6.timeout !== undefined){
let data10 = data6.timeout;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
const err43 = {instancePath:instancePath+"/check/timeout",schemaPath:"#/definitions/GslbCheck/properties/timeout/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema205.properties.timeout.type,parentSchema:schema205.properties.timeout,data:data10};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 > 254 || isNaN(data10)){
const err44 = {instancePath:instancePath+"/check/timeout",schemaPath:"#/definitions/GslbCheck/properties/timeout/maximum",keyword:"maximum",params:{comparison: "<=", limit: 254},message:"must be <= 254",schema:254,parentSchema:schema205.properties.timeout,data:data10};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
if(data10 < 1 || isNaN(data10)){
const err45 = {instancePath:instancePath+"/check/timeout",schemaPath:"#/definitions/GslbCheck/properties/timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema205.properties.timeout,data:data10};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
}
if(data6.fall !== undefined){
let data11 = data6.fall;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
const err46 = {instancePath:instancePath+"/check/fall",schemaPath:"#/definitions/GslbCheck/properties/fall/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema205.properties.fall.type,parentSchema:schema205.properties.fall,data:data11};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 > 100 || isNaN(data11)){
const err47 = {instancePath:instancePath+"/check/fall",schemaPath:"#/definitions/GslbCheck/properties/fall/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema205.properties.fall,data:data11};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
if(data11 < 1 || isNaN(data11)){
const err48 = {instancePath:instancePath+"/check/fall",schemaPath:"#/definitions/GslbCheck/properties/fall/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema205.properties.fall,data:data11};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
}
if(data6.rise !== undefined){
let data12 = data6.rise;
if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){
const err49 = {instancePath:instancePath+"/check/rise",schemaPath:"#/definitions/GslbCheck/properties/rise/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema205.properties.rise.type,parentSchema:schema205.properties.rise,data:data12};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
if((typeof data12 == "number") && (isFinite(data12))){
if(data12 > 100 || isNaN(data12)){
const err50 = {instancePath:instancePath+"/check/rise",schemaPath:"#/definitions/GslbCheck/properties/rise/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema205.properties.rise,data:data12};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
if(data12 < 1 || isNaN(data12)){
const err51 = {instancePath:instancePath+"/check/rise",schemaPath:"#/definitions/GslbCheck/properties/rise/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema205.properties.rise,data:data12};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
}
}
else {
const err52 = {instancePath:instancePath+"/check",schemaPath:"#/definitions/GslbCheck/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema205.type,parentSchema:schema205,data:data6};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
if(data.budget !== undefined){
let data13 = data.budget;
if(!(((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13))) && (isFinite(data13)))){
const err53 = {instancePath:instancePath+"/budget",schemaPath:"#/properties/budget/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema198.properties.budget.type,parentSchema:schema198.properties.budget,data:data13};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
if((typeof data13 == "number") && (isFinite(data13))){
if(data13 > 3600000 || isNaN(data13)){
const err54 = {instancePath:instancePath+"/budget",schemaPath:"#/properties/budget/maximum",keyword:"maximum",params:{comparison: "<=", limit: 3600000},message:"must be <= 3600000",schema:3600000,parentSchema:schema198.properties.budget,data:data13};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
if(data13 < 0 || isNaN(data13)){
const err55 = {instancePath:instancePath+"/budget",schemaPath:"#/properties/budget/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema198.properties.budget,data:data13};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
}
if(data.anycast !== undefined){
if(!(validate124(data.anycast, {instancePath:instancePath+"/anycast",parentData:data,parentDataProperty:"anycast",rootData}))){
vErrors = vErrors === null ? validate124.errors : vErrors.concat(validate124.errors);
errors = vErrors.length;
}
}
}
else {
const err56 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema198.type,parentSchema:schema198,data};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
validate121.errors = vErrors;
return errors === 0;
}


function validate118(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.zones === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "zones"},message:"must have required property '"+"zones"+"'",schema:schema192.required,parentSchema:schema192,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.services === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "services"},message:"must have required property '"+"services"+"'",schema:schema192.required,parentSchema:schema192,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!((key0 === "zones") || (key0 === "services"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema192,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.zones !== undefined){
let data0 = data.zones;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(Object.keys(data0).length < 1){
const err3 = {instancePath:instancePath+"/zones",schemaPath:"#/properties/zones/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema192.properties.zones,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key1 in data0){
const _errs4 = errors;
if(typeof key1 === "string"){
if(func3(key1) > 200){
const err4 = {instancePath:instancePath+"/zones",schemaPath:"#/definitions/DnsName/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema193,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(!pattern116.test(key1)){
const err5 = {instancePath:instancePath+"/zones",schemaPath:"#/definitions/DnsName/pattern",keyword:"pattern",params:{pattern: "^(?=.{1,200}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^(?=.{1,200}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^(?=.{1,200}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema193,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/zones",schemaPath:"#/definitions/DnsName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema193.type,parentSchema:schema193,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(errors > 0){
const emErrs0 = [];
for(const err7 of vErrors){
if(((((err7.keyword !== "errorMessage") && (!err7.emUsed)) && ((err7.instancePath === instancePath+"/zones") || ((err7.instancePath.indexOf(instancePath+"/zones") === 0) && (err7.instancePath[instancePath+"/zones".length] === "/")))) && (err7.schemaPath.indexOf("#/definitions/DnsName") === 0)) && (err7.schemaPath["#/definitions/DnsName".length] === "/")){
emErrs0.push(err7);
err7.emUsed = true;
}
}
if(emErrs0.length){
const err8 = {instancePath:instancePath+"/zones",schemaPath:"#/definitions/DnsName/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be a lower-case DNS name of labels of letters, digits and '-' separated by dots, without the final dot, e.g. shop.example",schema:"must be a lower-case DNS name of labels of letters, digits and '-' separated by dots, without the final dot, e.g. shop.example",parentSchema:schema193,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
const emErrs1 = [];
for(const err9 of vErrors){
if(!err9.emUsed){
emErrs1.push(err9);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
var valid1 = _errs4 === errors;
if(!valid1){
const err10 = {instancePath:instancePath+"/zones",schemaPath:"#/properties/zones/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema192.properties.zones.propertyNames,parentSchema:schema192.properties.zones,data:data0};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
for(const key2 in data0){
if(!(validate119(data0[key2], {instancePath:instancePath+"/zones/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data0,parentDataProperty:key2,rootData}))){
vErrors = vErrors === null ? validate119.errors : vErrors.concat(validate119.errors);
errors = vErrors.length;
}
}
}
else {
const err11 = {instancePath:instancePath+"/zones",schemaPath:"#/properties/zones/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema192.properties.zones.type,parentSchema:schema192.properties.zones,data:data0};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.services !== undefined){
let data2 = data.services;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(Object.keys(data2).length < 1){
const err12 = {instancePath:instancePath+"/services",schemaPath:"#/properties/services/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema192.properties.services,data:data2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
for(const key3 in data2){
const _errs11 = errors;
if(typeof key3 === "string"){
if(!pattern0.test(key3)){
const err13 = {instancePath:instancePath+"/services",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:key3,propertyName:key3};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/services",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:key3,propertyName:key3};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err15 of vErrors){
if(((((err15.keyword !== "errorMessage") && (!err15.emUsed)) && ((err15.instancePath === instancePath+"/services") || ((err15.instancePath.indexOf(instancePath+"/services") === 0) && (err15.instancePath[instancePath+"/services".length] === "/")))) && (err15.schemaPath.indexOf("#/definitions/Name") === 0)) && (err15.schemaPath["#/definitions/Name".length] === "/")){
emErrs2.push(err15);
err15.emUsed = true;
}
}
if(emErrs2.length){
const err16 = {instancePath:instancePath+"/services",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:key3,propertyName:key3};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
const emErrs3 = [];
for(const err17 of vErrors){
if(!err17.emUsed){
emErrs3.push(err17);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
var valid4 = _errs11 === errors;
if(!valid4){
const err18 = {instancePath:instancePath+"/services",schemaPath:"#/properties/services/propertyNames",keyword:"propertyNames",params:{propertyName: key3},message:"property name must be valid",schema:schema192.properties.services.propertyNames,parentSchema:schema192.properties.services,data:data2};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
for(const key4 in data2){
if(!(validate121(data2[key4], {instancePath:instancePath+"/services/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data2,parentDataProperty:key4,rootData}))){
vErrors = vErrors === null ? validate121.errors : vErrors.concat(validate121.errors);
errors = vErrors.length;
}
}
}
else {
const err19 = {instancePath:instancePath+"/services",schemaPath:"#/properties/services/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema192.properties.services.type,parentSchema:schema192.properties.services,data:data2};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema192.type,parentSchema:schema192,data};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
validate118.errors = vErrors;
return errors === 0;
}


function validate14(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://fabric.invalid/schema/inventory.schema.json" */;
let vErrors = null;
let errors = 0;
const _errs1 = errors;
let valid0 = true;
const _errs2 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.gslb !== undefined){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
var _valid0 = _errs2 === errors;
errors = _errs1;
if(vErrors !== null){
if(_errs1){
vErrors.length = _errs1;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.site === undefined){
const err1 = {instancePath,schemaPath:"#/then/required",keyword:"required",params:{missingProperty: "site"},message:"must have required property '"+"site"+"'",schema:schema16.then.required,parentSchema:schema16.then,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.site !== undefined){
let data1 = data.site;
if(typeof data1 === "string"){
if(!pattern0.test(data1)){
const err2 = {instancePath:instancePath+"/site",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/site",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(errors > 0){
const emErrs0 = [];
for(const err4 of vErrors){
if(((((err4.keyword !== "errorMessage") && (!err4.emUsed)) && ((err4.instancePath === instancePath+"/site") || ((err4.instancePath.indexOf(instancePath+"/site") === 0) && (err4.instancePath[instancePath+"/site".length] === "/")))) && (err4.schemaPath.indexOf("#/definitions/Name") === 0)) && (err4.schemaPath["#/definitions/Name".length] === "/")){
emErrs0.push(err4);
err4.emUsed = true;
}
}
if(emErrs0.length){
const err5 = {instancePath:instancePath+"/site",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs0},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
const emErrs1 = [];
for(const err6 of vErrors){
if(!err6.emUsed){
emErrs1.push(err6);
}
}
vErrors = emErrs1;
errors = emErrs1.length;
}
}
}
var _valid0 = _errs3 === errors;
valid0 = _valid0;
}
if(!valid0){
const err7 = {instancePath,schemaPath:"#/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema16.if,parentSchema:schema16,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(func2.call(schema16.properties, key0))){
const err8 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema16,data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.site !== undefined){
let data2 = data.site;
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
const err9 = {instancePath:instancePath+"/site",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/site",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(errors > 0){
const emErrs2 = [];
for(const err11 of vErrors){
if(((((err11.keyword !== "errorMessage") && (!err11.emUsed)) && ((err11.instancePath === instancePath+"/site") || ((err11.instancePath.indexOf(instancePath+"/site") === 0) && (err11.instancePath[instancePath+"/site".length] === "/")))) && (err11.schemaPath.indexOf("#/definitions/Name") === 0)) && (err11.schemaPath["#/definitions/Name".length] === "/")){
emErrs2.push(err11);
err11.emUsed = true;
}
}
if(emErrs2.length){
const err12 = {instancePath:instancePath+"/site",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs2},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
const emErrs3 = [];
for(const err13 of vErrors){
if(!err13.emUsed){
emErrs3.push(err13);
}
}
vErrors = emErrs3;
errors = emErrs3.length;
}
}
if(data.description !== undefined){
let data3 = data.description;
if(typeof data3 === "string"){
if(func3(data3) > 80){
const err14 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/maxLength",keyword:"maxLength",params:{limit: 80},message:"must NOT have more than 80 characters",schema:80,parentSchema:schema19,data:data3};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(!pattern2.test(data3)){
const err15 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9 .,:/()_+@=-]*$"},message:"must match pattern \""+"^[A-Za-z0-9 .,:/()_+@=-]*$"+"\"",schema:"^[A-Za-z0-9 .,:/()_+@=-]*$",parentSchema:schema19,data:data3};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.type,parentSchema:schema19,data:data3};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(errors > 0){
const emErrs4 = [];
for(const err17 of vErrors){
if(((((err17.keyword !== "errorMessage") && (!err17.emUsed)) && ((err17.instancePath === instancePath+"/description") || ((err17.instancePath.indexOf(instancePath+"/description") === 0) && (err17.instancePath[instancePath+"/description".length] === "/")))) && (err17.schemaPath.indexOf("#/definitions/Text") === 0)) && (err17.schemaPath["#/definitions/Text".length] === "/")){
emErrs4.push(err17);
err17.emUsed = true;
}
}
if(emErrs4.length){
const err18 = {instancePath:instancePath+"/description",schemaPath:"#/definitions/Text/errorMessage",keyword:"errorMessage",params:{errors: emErrs4},message:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",schema:"must be at most 80 characters of ASCII letters, digits, spaces and .,:/()_+@=- (no accents, newlines, quotes, '!', '#' or braces), e.g. Primary site, Frankfurt",parentSchema:schema19,data:data3};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
const emErrs5 = [];
for(const err19 of vErrors){
if(!err19.emUsed){
emErrs5.push(err19);
}
}
vErrors = emErrs5;
errors = emErrs5.length;
}
}
if(data.asns !== undefined){
if(!(validate15(data.asns, {instancePath:instancePath+"/asns",parentData:data,parentDataProperty:"asns",rootData}))){
vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);
errors = vErrors.length;
}
}
if(data.pools !== undefined){
if(!(validate17(data.pools, {instancePath:instancePath+"/pools",parentData:data,parentDataProperty:"pools",rootData}))){
vErrors = vErrors === null ? validate17.errors : vErrors.concat(validate17.errors);
errors = vErrors.length;
}
}
if(data.prefixes !== undefined){
if(!(validate19(data.prefixes, {instancePath:instancePath+"/prefixes",parentData:data,parentDataProperty:"prefixes",rootData}))){
vErrors = vErrors === null ? validate19.errors : vErrors.concat(validate19.errors);
errors = vErrors.length;
}
}
if(data.defaults !== undefined){
if(!(validate21(data.defaults, {instancePath:instancePath+"/defaults",parentData:data,parentDataProperty:"defaults",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data.budgets !== undefined){
let data8 = data.budgets;
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
for(const key1 in data8){
if(!((((((((key1 === "fabric") || (key1 === "edge")) || (key1 === "gateway")) || (key1 === "vip")) || (key1 === "haproxy")) || (key1 === "app_server")) || (key1 === "hypervisor")) || (key1 === "data"))){
const err20 = {instancePath:instancePath+"/budgets",schemaPath:"#/definitions/Budgets/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema37,data:data8};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data8.fabric !== undefined){
let data9 = data8.fabric;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err21 = {instancePath:instancePath+"/budgets/fabric",schemaPath:"#/definitions/Budgets/properties/fabric/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema37.properties.fabric.type,parentSchema:schema37.properties.fabric,data:data9};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 > 600000 || isNaN(data9)){
const err22 = {instancePath:instancePath+"/budgets/fabric",schemaPath:"#/definitions/Budgets/properties/fabric/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema37.properties.fabric,data:data9};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data9 < 0 || isNaN(data9)){
const err23 = {instancePath:instancePath+"/budgets/fabric",schemaPath:"#/definitions/Budgets/properties/fabric/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema37.properties.fabric,data:data9};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
if(data8.edge !== undefined){
let data10 = data8.edge;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
const err24 = {instancePath:instancePath+"/budgets/edge",schemaPath:"#/definitions/Budgets/properties/edge/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema37.properties.edge.type,parentSchema:schema37.properties.edge,data:data10};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 > 600000 || isNaN(data10)){
const err25 = {instancePath:instancePath+"/budgets/edge",schemaPath:"#/definitions/Budgets/properties/edge/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema37.properties.edge,data:data10};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(data10 < 0 || isNaN(data10)){
const err26 = {instancePath:instancePath+"/budgets/edge",schemaPath:"#/definitions/Budgets/properties/edge/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema37.properties.edge,data:data10};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
if(data8.gateway !== undefined){
let data11 = data8.gateway;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
const err27 = {instancePath:instancePath+"/budgets/gateway",schemaPath:"#/definitions/Budgets/properties/gateway/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema37.properties.gateway.type,parentSchema:schema37.properties.gateway,data:data11};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 > 600000 || isNaN(data11)){
const err28 = {instancePath:instancePath+"/budgets/gateway",schemaPath:"#/definitions/Budgets/properties/gateway/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema37.properties.gateway,data:data11};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(data11 < 0 || isNaN(data11)){
const err29 = {instancePath:instancePath+"/budgets/gateway",schemaPath:"#/definitions/Budgets/properties/gateway/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema37.properties.gateway,data:data11};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
}
if(data8.vip !== undefined){
let data12 = data8.vip;
if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){
const err30 = {instancePath:instancePath+"/budgets/vip",schemaPath:"#/definitions/Budgets/properties/vip/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema37.properties.vip.type,parentSchema:schema37.properties.vip,data:data12};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if((typeof data12 == "number") && (isFinite(data12))){
if(data12 > 600000 || isNaN(data12)){
const err31 = {instancePath:instancePath+"/budgets/vip",schemaPath:"#/definitions/Budgets/properties/vip/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema37.properties.vip,data:data12};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if(data12 < 0 || isNaN(data12)){
const err32 = {instancePath:instancePath+"/budgets/vip",schemaPath:"#/definitions/Budgets/properties/vip/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema37.properties.vip,data:data12};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
if(data8.haproxy !== undefined){
let data13 = data8.haproxy;
if(!(((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13))) && (isFinite(data13)))){
const err33 = {instancePath:instancePath+"/budgets/haproxy",schemaPath:"#/definitions/Budgets/properties/haproxy/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema37.properties.haproxy.type,parentSchema:schema37.properties.haproxy,data:data13};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if((typeof data13 == "number") && (isFinite(data13))){
if(data13 > 600000 || isNaN(data13)){
const err34 = {instancePath:instancePath+"/budgets/haproxy",schemaPath:"#/definitions/Budgets/properties/haproxy/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema37.properties.haproxy,data:data13};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if(data13 < 0 || isNaN(data13)){
const err35 = {instancePath:instancePath+"/budgets/haproxy",schemaPath:"#/definitions/Budgets/properties/haproxy/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema37.properties.haproxy,data:data13};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
}
if(data8.app_server !== undefined){
let data14 = data8.app_server;
if(!(((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14))) && (isFinite(data14)))){
const err36 = {instancePath:instancePath+"/budgets/app_server",schemaPath:"#/definitions/Budgets/properties/app_server/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema37.properties.app_server.type,parentSchema:schema37.properties.app_server,data:data14};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
if((typeof data14 == "number") && (isFinite(data14))){
if(data14 > 1000000 || isNaN(data14)){
const err37 = {instancePath:instancePath+"/budgets/app_server",schemaPath:"#/definitions/Budgets/properties/app_server/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000000},message:"must be <= 1000000",schema:1000000,parentSchema:schema37.properties.app_server,data:data14};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if(data14 < 0 || isNaN(data14)){
const err38 = {instancePath:instancePath+"/budgets/app_server",schemaPath:"#/definitions/Budgets/properties/app_server/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema37.properties.app_server,data:data14};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
}
if(data8.hypervisor !== undefined){
let data15 = data8.hypervisor;
if(!(((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15))) && (isFinite(data15)))){
const err39 = {instancePath:instancePath+"/budgets/hypervisor",schemaPath:"#/definitions/Budgets/properties/hypervisor/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema37.properties.hypervisor.type,parentSchema:schema37.properties.hypervisor,data:data15};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
if((typeof data15 == "number") && (isFinite(data15))){
if(data15 > 600000 || isNaN(data15)){
const err40 = {instancePath:instancePath+"/budgets/hypervisor",schemaPath:"#/definitions/Budgets/properties/hypervisor/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema37.properties.hypervisor,data:data15};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
if(data15 < 0 || isNaN(data15)){
const err41 = {instancePath:instancePath+"/budgets/hypervisor",schemaPath:"#/definitions/Budgets/properties/hypervisor/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema37.properties.hypervisor,data:data15};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
}
if(data8.data !== undefined){
let data16 = data8.data;
if(!(((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16))) && (isFinite(data16)))){
const err42 = {instancePath:instancePath+"/budgets/data",schemaPath:"#/definitions/Budgets/properties/data/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema37.properties.data.type,parentSchema:schema37.properties.data,data:data16};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
if((typeof data16 == "number") && (isFinite(data16))){
if(data16 > 600000 || isNaN(data16)){
const err43 = {instancePath:instancePath+"/budgets/data",schemaPath:"#/definitions/Budgets/properties/data/maximum",keyword:"maximum",params:{comparison: "<=", limit: 600000},message:"must be <= 600000",schema:600000,parentSchema:schema37.properties.data,data:data16};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
if(data16 < 0 || isNaN(data16)){
const err44 = {instancePath:instancePath+"/budgets/data",schemaPath:"#/definitions/Budgets/properties/data/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema37.properties.data,data:data16};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
}
}
else {
const err45 = {instancePath:instancePath+"/budgets",schemaPath:"#/definitions/Budgets/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.type,parentSchema:schema37,data:data8};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data.upstreams !== undefined){
let data17 = data.upstreams;
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
for(const key2 in data17){
const _errs40 = errors;
if(typeof key2 === "string"){
if(!pattern0.test(key2)){
const err46 = {instancePath:instancePath+"/upstreams",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:key2,propertyName:key2};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
else {
const err47 = {instancePath:instancePath+"/upstreams",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:key2,propertyName:key2};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
if(errors > 0){
const emErrs6 = [];
for(const err48 of vErrors){
if(((((err48.keyword !== "errorMessage") && (!err48.emUsed)) && ((err48.instancePath === instancePath+"/upstreams") || ((err48.instancePath.indexOf(instancePath+"/upstreams") === 0) && (err48.instancePath[instancePath+"/upstreams".length] === "/")))) && (err48.schemaPath.indexOf("#/definitions/Name") === 0)) && (err48.schemaPath["#/definitions/Name".length] === "/")){
emErrs6.push(err48);
err48.emUsed = true;
}
}
if(emErrs6.length){
const err49 = {instancePath:instancePath+"/upstreams",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs6},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:key2,propertyName:key2};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
const emErrs7 = [];
for(const err50 of vErrors){
if(!err50.emUsed){
emErrs7.push(err50);
}
}
vErrors = emErrs7;
errors = emErrs7.length;
}
var valid9 = _errs40 === errors;
if(!valid9){
const err51 = {instancePath:instancePath+"/upstreams",schemaPath:"#/properties/upstreams/propertyNames",keyword:"propertyNames",params:{propertyName: key2},message:"property name must be valid",schema:schema16.properties.upstreams.propertyNames,parentSchema:schema16.properties.upstreams,data:data17};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
for(const key3 in data17){
if(!(validate29(data17[key3], {instancePath:instancePath+"/upstreams/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data17,parentDataProperty:key3,rootData}))){
vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
errors = vErrors.length;
}
}
}
else {
const err52 = {instancePath:instancePath+"/upstreams",schemaPath:"#/properties/upstreams/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.properties.upstreams.type,parentSchema:schema16.properties.upstreams,data:data17};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
if(data.devices !== undefined){
let data19 = data.devices;
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
for(const key4 in data19){
const _errs47 = errors;
if(typeof key4 === "string"){
if(!pattern0.test(key4)){
const err53 = {instancePath:instancePath+"/devices",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:key4,propertyName:key4};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
else {
const err54 = {instancePath:instancePath+"/devices",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:key4,propertyName:key4};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
if(errors > 0){
const emErrs8 = [];
for(const err55 of vErrors){
if(((((err55.keyword !== "errorMessage") && (!err55.emUsed)) && ((err55.instancePath === instancePath+"/devices") || ((err55.instancePath.indexOf(instancePath+"/devices") === 0) && (err55.instancePath[instancePath+"/devices".length] === "/")))) && (err55.schemaPath.indexOf("#/definitions/Name") === 0)) && (err55.schemaPath["#/definitions/Name".length] === "/")){
emErrs8.push(err55);
err55.emUsed = true;
}
}
if(emErrs8.length){
const err56 = {instancePath:instancePath+"/devices",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs8},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:key4,propertyName:key4};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
const emErrs9 = [];
for(const err57 of vErrors){
if(!err57.emUsed){
emErrs9.push(err57);
}
}
vErrors = emErrs9;
errors = emErrs9.length;
}
var valid12 = _errs47 === errors;
if(!valid12){
const err58 = {instancePath:instancePath+"/devices",schemaPath:"#/properties/devices/propertyNames",keyword:"propertyNames",params:{propertyName: key4},message:"property name must be valid",schema:schema16.properties.devices.propertyNames,parentSchema:schema16.properties.devices,data:data19};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
for(const key5 in data19){
if(!(validate32(data19[key5], {instancePath:instancePath+"/devices/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data19,parentDataProperty:key5,rootData}))){
vErrors = vErrors === null ? validate32.errors : vErrors.concat(validate32.errors);
errors = vErrors.length;
}
}
}
else {
const err59 = {instancePath:instancePath+"/devices",schemaPath:"#/properties/devices/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.properties.devices.type,parentSchema:schema16.properties.devices,data:data19};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data.tenants !== undefined){
let data21 = data.tenants;
if(data21 && typeof data21 == "object" && !Array.isArray(data21)){
for(const key6 in data21){
const _errs54 = errors;
if(typeof key6 === "string"){
if(!pattern0.test(key6)){
const err60 = {instancePath:instancePath+"/tenants",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:key6,propertyName:key6};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
else {
const err61 = {instancePath:instancePath+"/tenants",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:key6,propertyName:key6};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
if(errors > 0){
const emErrs10 = [];
for(const err62 of vErrors){
if(((((err62.keyword !== "errorMessage") && (!err62.emUsed)) && ((err62.instancePath === instancePath+"/tenants") || ((err62.instancePath.indexOf(instancePath+"/tenants") === 0) && (err62.instancePath[instancePath+"/tenants".length] === "/")))) && (err62.schemaPath.indexOf("#/definitions/Name") === 0)) && (err62.schemaPath["#/definitions/Name".length] === "/")){
emErrs10.push(err62);
err62.emUsed = true;
}
}
if(emErrs10.length){
const err63 = {instancePath:instancePath+"/tenants",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs10},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:key6,propertyName:key6};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
const emErrs11 = [];
for(const err64 of vErrors){
if(!err64.emUsed){
emErrs11.push(err64);
}
}
vErrors = emErrs11;
errors = emErrs11.length;
}
var valid15 = _errs54 === errors;
if(!valid15){
const err65 = {instancePath:instancePath+"/tenants",schemaPath:"#/properties/tenants/propertyNames",keyword:"propertyNames",params:{propertyName: key6},message:"property name must be valid",schema:schema16.properties.tenants.propertyNames,parentSchema:schema16.properties.tenants,data:data21};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
for(const key7 in data21){
if(!(validate78(data21[key7], {instancePath:instancePath+"/tenants/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data21,parentDataProperty:key7,rootData}))){
vErrors = vErrors === null ? validate78.errors : vErrors.concat(validate78.errors);
errors = vErrors.length;
}
}
}
else {
const err66 = {instancePath:instancePath+"/tenants",schemaPath:"#/properties/tenants/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.properties.tenants.type,parentSchema:schema16.properties.tenants,data:data21};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
if(data.clusters !== undefined){
let data23 = data.clusters;
if(data23 && typeof data23 == "object" && !Array.isArray(data23)){
for(const key8 in data23){
const _errs61 = errors;
if(typeof key8 === "string"){
if(!pattern0.test(key8)){
const err67 = {instancePath:instancePath+"/clusters",schemaPath:"#/definitions/Name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,30}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,30}$"+"\"",schema:"^[a-z][a-z0-9-]{0,30}$",parentSchema:schema17,data:key8,propertyName:key8};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
else {
const err68 = {instancePath:instancePath+"/clusters",schemaPath:"#/definitions/Name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:key8,propertyName:key8};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
if(errors > 0){
const emErrs12 = [];
for(const err69 of vErrors){
if(((((err69.keyword !== "errorMessage") && (!err69.emUsed)) && ((err69.instancePath === instancePath+"/clusters") || ((err69.instancePath.indexOf(instancePath+"/clusters") === 0) && (err69.instancePath[instancePath+"/clusters".length] === "/")))) && (err69.schemaPath.indexOf("#/definitions/Name") === 0)) && (err69.schemaPath["#/definitions/Name".length] === "/")){
emErrs12.push(err69);
err69.emUsed = true;
}
}
if(emErrs12.length){
const err70 = {instancePath:instancePath+"/clusters",schemaPath:"#/definitions/Name/errorMessage",keyword:"errorMessage",params:{errors: emErrs12},message:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",schema:"must be a lower-case name of letters, digits and '-' starting with a letter, at most 31 characters, e.g. leaf1a",parentSchema:schema17,data:key8,propertyName:key8};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
const emErrs13 = [];
for(const err71 of vErrors){
if(!err71.emUsed){
emErrs13.push(err71);
}
}
vErrors = emErrs13;
errors = emErrs13.length;
}
var valid18 = _errs61 === errors;
if(!valid18){
const err72 = {instancePath:instancePath+"/clusters",schemaPath:"#/properties/clusters/propertyNames",keyword:"propertyNames",params:{propertyName: key8},message:"property name must be valid",schema:schema16.properties.clusters.propertyNames,parentSchema:schema16.properties.clusters,data:data23};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
for(const key9 in data23){
if(!(validate116(data23[key9], {instancePath:instancePath+"/clusters/" + key9.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data23,parentDataProperty:key9,rootData}))){
vErrors = vErrors === null ? validate116.errors : vErrors.concat(validate116.errors);
errors = vErrors.length;
}
}
}
else {
const err73 = {instancePath:instancePath+"/clusters",schemaPath:"#/properties/clusters/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.properties.clusters.type,parentSchema:schema16.properties.clusters,data:data23};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
if(data.gslb !== undefined){
if(!(validate118(data.gslb, {instancePath:instancePath+"/gslb",parentData:data,parentDataProperty:"gslb",rootData}))){
vErrors = vErrors === null ? validate118.errors : vErrors.concat(validate118.errors);
errors = vErrors.length;
}
}
}
else {
const err74 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.type,parentSchema:schema16,data};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
validate14.errors = vErrors;
return errors === 0;
}

