/** HAProxy: haproxy.cfg (templates/haproxy/). */
import type { SecretRef } from './secrets.js';

export interface HaproxyModel {
  /** Admin socket, used by drift to read backend state. */
  statsSocket: string;
  maxconn: number;
  /** Milliseconds. */
  timeouts: { connect: number; client: number; server: number; httpRequest: number };
  frontends: HaproxyFrontend[];
  backends: HaproxyBackend[];
  /** TLS bundles the frontends need, written next to haproxy.cfg. */
  certificates: { file: string; path: string; secret: SecretRef }[];
}

export interface HaproxyFrontend {
  name: string;
  /**
   * `transparent`: bind even when the address is not (yet) on the box, as when HAProxy starts
   * before the network is configured or listens on a keepalived VIP.
   */
  binds: { address: string; port: number; certificate: string | null; transparent: boolean }[];
  rateLimit: { requests: number; period: string; table: string } | null;
  routes: { acl: string; pathPrefix: string; backend: string }[];
  defaultBackend: string;
}

export interface HaproxyBackend {
  name: string;
  balance: 'roundrobin' | 'leastconn' | 'source';
  httpCheck: { path: string } | null;
  /** Milliseconds between health checks. */
  checkInterval: number;
  servers: { name: string; address: string; port: number }[];
}
