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
  backends: HaproxyBackend[];
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
  /** `monitor fail` when none of these backends has a usable server (`nbsrv` < 1). */
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
}
