/** HAProxy: haproxy.cfg (templates/haproxy/). */
import type { AddressFamily } from './address.js';
import type { SecretRef } from './secrets.js';

export interface HaproxyModel {
  /** Admin socket, used by drift to read backend state. */
  statsSocket: string;
  /**
   * `server-state-file`: the servers' state a reload saves (`show servers state`) and the new
   * process loads (`load-server-state-from-file global`), so health survives the reload.
   */
  serverStateFile: string;
  maxconn: number;
  /**
   * `ssl-default-bind-options` of every TLS bind: the oldest protocol version accepted, and no
   * session tickets (their key never rotates without a reload, which weakens forward secrecy).
   */
  tls: { minVersion: 'TLSv1.2' | 'TLSv1.3'; noTlsTickets: boolean };
  /** The `defaults` section: proxy mode and the `option`s every frontend and backend gets. */
  defaults: { mode: 'http'; options: string[] };
  /** Milliseconds; `check`: how long one health check may take (`timeout check`). */
  timeouts: { connect: number; client: number; server: number; httpRequest: number; check: number };
  /** `retries` and `retry-on`: failures retried; `option redispatch 1`: each retry on another server. */
  retries: { count: number; retryOn: string[]; redispatch: boolean };
  frontends: HaproxyFrontend[];
  /**
   * The frontend the L4 balancers check (only `monitor-uri`, no traffic): 200 while a backend
   * has a usable server, 503 (`monitor fail`) when none has, so an L4 balancer sends to this
   * HAProxy only when it can serve. null: no L4 balancer in front of it.
   */
  health: HaproxyHealth | null;
  /**
   * The frontend the other members of the L7 pair send a backend's requests to when that
   * backend has no server UP of its own (HaproxyBackend.lastResort); null without a peer.
   */
  peerFrontend: HaproxyPeerFrontend | null;
  backends: HaproxyBackend[];
  /**
   * A second, named `defaults` section before the data services' sections (a proxy takes the last
   * `defaults` above it): TCP mode, `option tcplog`, and timeouts for connections that stay open
   * between commands, so no HTTP option reaches them. null without data services.
   */
  tcpDefaults: HaproxyTcpDefaults | null;
  /** The data services' VIPs (TCP mode), sorted by name; empty without data services. */
  tcpFrontends: HaproxyTcpFrontend[];
  /** The data services' role-aware backends, sorted by name. */
  tcpBackends: HaproxyTcpBackend[];
  /** TLS bundles the frontends need, written next to haproxy.cfg. */
  certificates: { file: string; path: string; secret: SecretRef }[];
}

export interface HaproxyFrontend {
  name: string;
  /**
   * Its binds, IPv4 first: on the address of the NIC the L4 balancers send to, and the same on
   * that NIC's IPv6 address where it has one (`bind [addr]:port`). `transparent`: bind even when
   * the address is not (yet) on the box, as when HAProxy starts before the network is configured
   * or listens on a keepalived VIP.
   */
  binds: HaproxyBind[];
  /**
   * Per-client request rate limit: `requests` per `period` in a stick table of `tableSize`
   * entries (HAProxy size suffix); a client over it gets `denyStatus`.
   */
  rateLimit: {
    requests: number;
    period: string;
    table: string;
    tableSize: string;
    /**
     * `stick-table type ipv6` when the frontend binds IPv6 too: a `type ip` table cannot hold an
     * IPv6 client (it would not be tracked, so not limited), and an `ipv6` table holds IPv4
     * clients as IPv4-mapped addresses; `ip` otherwise.
     */
    tableType: 'ip' | 'ipv6';
    denyStatus: number;
  } | null;
  routes: { acl: string; pathPrefix: string; backend: string }[];
  defaultBackend: string;
}

export interface HaproxyBind {
  /** The address's family: the template brackets an IPv6 address. */
  family: AddressFamily;
  /** The address alone, IPv6 in RFC 5952 form without brackets (the template adds them). */
  address: string;
  port: number;
  certificate: string | null;
  transparent: boolean;
  /**
   * `v6only` on every IPv6 bind. HAProxy opens its IPv6 sockets IPv6-only, and a reload (`-x`)
   * takes over an old socket only when the bind says so too: without it HAProxy 2.6 binds a new
   * IPv6 socket on every reload, and the old one closes with the connections still waiting in it
   * (one reset request per client and reload, measured). An address of its own listens to IPv6
   * only anyway.
   */
  v6only: boolean;
}

export interface HaproxyHealth {
  name: string;
  address: string;
  /**
   * The IPv6 address it binds too, where the L4 balancers check an IPv6 real server; absent
   * otherwise. Printed `transparent v6only`, as a frontend's IPv6 binds (HaproxyBind.v6only).
   */
  address6?: string;
  port: number;
  uri: string;
  /**
   * `monitor fail` when none of these servers is UP: every application server of every backend.
   * Not `nbsrv`, which counts a backend's last-resort peer (HaproxyBackend.lastResort) as usable.
   */
  servers: { backend: string; server: string }[];
}

/**
 * `frontend fabric_peer`: where another member of the L7 pair sends a request its own backend
 * has no server for (HaproxyBackend.lastResort). Only the peers may connect; the request names its
 * backend in a header (`X-Fabric-Backend`), so the peer's path routes play no part; no rate
 * limit (the client was counted where it arrived). A backend reached here with no server UP of
 * its own answers 503 itself rather than send the request back (the loop guard).
 */
export interface HaproxyPeerFrontend {
  name: string;
  bind: HaproxyBind;
  /** The addresses the peers connect from: every other connection is rejected. */
  peers: string[];
  /** The header that names the backend, and the backends it may name. */
  header: string;
  backends: string[];
}

export interface HaproxyBackend {
  name: string;
  balance: 'roundrobin' | 'leastconn' | 'source';
  /** HTTP health check: GET `path`, healthy on `expectStatus`; null: a TCP connect check. */
  httpCheck: { path: string; expectStatus: number } | null;
  /** Milliseconds between health checks (`inter`). */
  checkInterval: number;
  /**
   * `timeout server`, ms: how long an answer may take. A read still waiting when its server dies
   * silently is retried on another server after this long (`retry-on response-timeout`).
   */
  timeoutServerMs: number;
  /** `http-request disable-l7-retry` unless one of these ACLs matches (HaproxyRetryPolicy.l7RetryOnly). */
  l7RetryOnly: string[];
  /** How each server is checked and taken out: `fastinter`/`downinter` ms, `rise`/`fall` counts. */
  serverCheck: {
    fastinter: number;
    downinter: number;
    rise: number;
    fall: number;
    /** `on-marked-down shutdown-sessions`: a server marked down loses its sessions at once. */
    shutdownSessionsOnDown: boolean;
  };
  servers: { name: string; address: string; port: number }[];
  /**
   * The last resort: the other members of the L7 pair as `backup` servers (their `frontend`,
   * the request naming this backend in `header`), used only while none of `servers` is UP here —
   * a HAProxy back from a failure whose servers have not all risen yet, while the L4 pair already
   * sends to it. Unchecked: a dead peer costs the connect timeout and retries, as a dead server
   * would, then a 503 as without it. null without a peer.
   */
  lastResort: {
    frontend: string;
    header: string;
    /**
     * `source`: this member's own address on the peer frontend's segment, the one the peer
     * accepts (HaproxyPeerFrontend.peers) whatever other address the NIC holds.
     */
    peers: { name: string; bind: HaproxyBind; source: Pick<HaproxyBind, 'family' | 'address'> }[];
  } | null;
}

/**
 * A data service's VIP on the HAProxy pair (docs/data-tier.md): a TCP-mode frontend on the VIP's
 * port that sends every connection to the backend of the VIP's role.
 */
export interface HaproxyTcpFrontend {
  /** `<service>_<vip>` (inventory names have no `_`, so it never meets an HTTP frontend's). */
  name: string;
  /** The data service and the VIP's role (`write`: the primary; `read`: the replicas). */
  service: string;
  vipRole: 'write' | 'read';
  /**
   * IPv4 only (a data VIP is IPv4): the VIP's address and port, which the pair holds with VRRP
   * (the backup binds it too: `net.ipv4.ip_nonlocal_bind`).
   */
  binds: HaproxyBind[];
  backend: string;
}

export interface HaproxyTcpDefaults {
  name: string;
  mode: 'tcp';
  options: string[];
  /**
   * Milliseconds. `client`/`server`: how long a connection may sit idle (clients of a data
   * service keep pooled connections open between commands); `connect` and `check` are the site's.
   */
  timeouts: { connect: number; client: number; server: number; check: number };
}

/** One step of a TCP health check: `tcp-check send <text>` or `tcp-check expect string <text>`. */
export interface TcpCheckStep {
  /**
   * `connect` (`default`: the server; `addr A port P`: elsewhere), `set-var(check.member)` (the
   * server's address, `bc_dst`, for a later `expect string-lf`), `send`, `expect string`,
   * `expect string-lf` (a log-format string: `%[var(check.member)]`), `expect rstring` (a regular
   * expression: Patroni's `^HTTP/1\.[01]\ 200`), `send-lf` (a log-format string: RabbitMQ's basic
   * auth, `%[str(monitoring:<password>),base64]`).
   */
  verb:
    | 'connect'
    | 'set-var(check.member)'
    | 'send'
    | 'send-lf'
    | 'expect string'
    | 'expect string-lf'
    | 'expect rstring';
  /** As HAProxy reads it: `\r\n` escapes, a space escaped as `\ `. */
  text: string;
  /**
   * Only on the Redis `send AUTH\ <password>\r\n` of a service with a password, and RabbitMQ's
   * basic auth: the secret printed right after `text` (its use allows no character HAProxy would
   * need escaped), then `textAfter`.
   */
  secret?: SecretRef;
  textAfter?: string;
}

/**
 * A data service's role-aware backend: every member is a server, and the check asks each which
 * role it holds now, so only the members of the backend's role are UP.
 */
export interface HaproxyTcpBackend {
  /** `<service>_primary`, `<service>_replicas`, or `<service>_nodes` (RabbitMQ). */
  name: string;
  service: string;
  /**
   * `primary`: the members that say `role:master`; `replicas`: those that say `role:slave`;
   * `nodes`: every RabbitMQ node whose health check passes (any node serves every queue).
   */
  holds: 'primary' | 'replicas' | 'nodes';
  /**
   * `first`: every connection to the first server UP (one primary, or the lower id in a split
   * brain); `leastconn` over replicas and over RabbitMQ's nodes.
   */
  balance: 'first' | 'leastconn';
  /** `option tcp-check` and its steps, in order. */
  tcpCheck: TcpCheckStep[];
  /** Milliseconds between checks (`inter`). */
  checkInterval: number;
  /**
   * Milliseconds a check may wait for its answer (`timeout check` in the backend), or null for the
   * `defaults data` section's (the site's): PostgreSQL's is Patroni's (PatroniTimers.restCheckTimeoutMs).
   */
  checkTimeoutMs: number | null;
  /**
   * `fastinter`/`downinter` ms, `rise`/`fall` counts, `on-marked-down shutdown-sessions`. A member of
   * the other role is DOWN here for good, so `downinter` is `inter`: a promotion is seen as soon as a
   * check of an UP server would be.
   */
  serverCheck: HaproxyBackend['serverCheck'];
  /**
   * The members; `backup` + `track`: a replicas backend's fallback servers, one per member, each UP
   * exactly while that member is UP in the primary backend (`track <service>_primary/<member>`), so
   * the read VIP falls back to whichever member is primary now when no replica is left.
   */
  servers: { name: string; address: string; port: number; backup: boolean; track: string | null }[];
}
