/**
 * SNMP polling of one device with net-snmp: SNMPv3 authPriv (SHA/AES by default) or SNMPv2c.
 * Reads what the NOC watches: interface state (IF-MIB), BGP (BGP4-MIB, which FRR's bgpd serves
 * over AgentX: the local AS, the router-id and every IPv4 peer; unnumbered IPv6 link-local peers
 * are not in BGP4-MIB), and VRRP (KEEPALIVED-MIB, served by keepalived over AgentX); on a device
 * with IPv6 addresses, where BGP4-MIB has no IPv6, its interfaces' addresses (IP-MIB, ip-mib.ts).
 * Failures are values: `SnmpError` with a reason and a one-line message.
 */
import snmp, { type Session, type Varbind } from 'net-snmp';
import { IP_ADDRESS_COLUMNS, type Ipv6AddressRow, ipv6Addresses } from './ip-mib.js';

export type SnmpCredentials =
  | {
      version: '3';
      user: string;
      authProtocol: 'SHA' | 'SHA-256' | 'SHA-512';
      authKey: string;
      privKey: string;
    }
  | { version: '2c'; community: string };

export interface SnmpPollOptions {
  /** @default 161 */
  port?: number;
  /** Per request, milliseconds. @default 2000 */
  timeoutMs?: number;
  /** @default 1 */
  retries?: number;
  /** What to read besides IF-MIB. */
  bgp: boolean;
  vrrp: boolean;
  /** IP-MIB ipAddressTable: the device has IPv6 addresses to compare. @default false */
  ipv6?: boolean;
}

export const OID = {
  sysName: '1.3.6.1.2.1.1.5.0',
  ifAdminStatus: '1.3.6.1.2.1.2.2.1.7',
  ifOperStatus: '1.3.6.1.2.1.2.2.1.8',
  ifName: '1.3.6.1.2.1.31.1.1.1.1',
  bgpLocalAs: '1.3.6.1.2.1.15.2.0',
  bgpIdentifier: '1.3.6.1.2.1.15.4.0',
  bgpPeerState: '1.3.6.1.2.1.15.3.1.2',
  bgpPeerRemoteAs: '1.3.6.1.2.1.15.3.1.9',
  vrrpInstanceName: '1.3.6.1.4.1.9586.100.5.2.3.1.2',
  vrrpInstanceState: '1.3.6.1.4.1.9586.100.5.2.3.1.4',
  vrrpInstanceBasePriority: '1.3.6.1.4.1.9586.100.5.2.3.1.7',
  vrrpInstanceEffectivePriority: '1.3.6.1.4.1.9586.100.5.2.3.1.8',
} as const;

/** IF-MIB ifAdminStatus / ifOperStatus. */
const IF_STATUS = ['', 'up', 'down', 'testing', 'unknown', 'dormant', 'notPresent', 'lowerLayerDown'];
/** BGP4-MIB bgpPeerState. */
const BGP_STATE = ['', 'idle', 'connect', 'active', 'opensent', 'openconfirm', 'established'];
/** KEEPALIVED-MIB VrrpState. */
const VRRP_STATE = ['init', 'backup', 'master', 'fault', 'unknown', 'shutdown', 'deleted'];

export interface SnmpObservation {
  sysName: string;
  interfaces: { name: string; admin: string; oper: string }[];
  /** null: BGP4-MIB not asked for, or not served (bgpd not registered with AgentX). */
  bgp: {
    localAs: number;
    identifier: string;
    peers: { address: string; state: string; remoteAs: number }[];
  } | null;
  /** null: KEEPALIVED-MIB not asked for, or not served. */
  vrrp: { name: string; state: string; basePriority: number; effectivePriority: number }[] | null;
  /**
   * The interfaces' IPv6 addresses (IP-MIB ipAddressTable); null: asked for but not served;
   * absent: not asked for (the device has no IPv6 address).
   */
  addresses6?: Ipv6AddressRow[] | null;
}

export class SnmpError extends Error {
  override readonly name = 'SnmpError';
  constructor(
    readonly reason: 'timeout' | 'auth' | 'error',
    message: string,
  ) {
    super(message);
  }
}

function classify(e: Error, where: string): SnmpError {
  const text = e.message ?? String(e);
  if (e.name === 'RequestTimedOutError' || /timed out/i.test(text))
    return new SnmpError('timeout', `no SNMP answer from ${where} (timeout)`);
  if (/usmStats|unknown user|authentication|decrypt|wrong digest|not in time window|engine/i.test(text))
    return new SnmpError(
      'auth',
      `SNMP ${where}: ${text} (user, passphrases or protocols do not match snmpd.conf)`,
    );
  return new SnmpError('error', `SNMP ${where}: ${text}`);
}

function open(host: string, creds: SnmpCredentials, o: SnmpPollOptions): Session {
  const options = {
    port: o.port ?? 161,
    retries: o.retries ?? 1,
    timeout: o.timeoutMs ?? 2000,
    transport: 'udp4' as const,
  };
  if (creds.version === '2c')
    return snmp.createSession(host, creds.community, { ...options, version: snmp.Version2c });
  const auth = {
    SHA: snmp.AuthProtocols.sha,
    'SHA-256': snmp.AuthProtocols.sha256,
    'SHA-512': snmp.AuthProtocols.sha512,
  }[creds.authProtocol];
  return snmp.createV3Session(
    host,
    {
      name: creds.user,
      level: snmp.SecurityLevel.authPriv,
      authProtocol: auth,
      authKey: creds.authKey,
      privProtocol: snmp.PrivProtocols.aes,
      privKey: creds.privKey,
    },
    { ...options, version: snmp.Version3 },
  );
}

function get(session: Session, oids: string[]): Promise<Varbind[]> {
  return new Promise((resolve, reject) =>
    session.get(oids, (error, varbinds) => (error ? reject(error) : resolve(varbinds ?? []))),
  );
}

/**
 * Several columns of a table in one walk: each GetBulk asks for the next rows of every column
 * still in progress, so a table of N rows and C columns costs about N/25 requests, not C·N/20.
 * Returns each column's values by row index (the OID suffix after the column).
 */
function walkColumns(session: Session, columns: readonly string[]): Promise<Map<string, unknown>[]> {
  return new Promise((resolve, reject) => {
    const out = columns.map(() => new Map<string, unknown>());
    const cursor = [...columns];
    const step = (active: number[]) => {
      if (active.length === 0) return resolve(out);
      session.getBulk(
        active.map((c) => cursor[c]!),
        0,
        25,
        (error, varbinds) => {
          if (error) return reject(error);
          const still: number[] = [];
          active.forEach((c, k) => {
            const base = `${columns[c]}.`;
            const list = (varbinds?.[k] ?? []) as Varbind[];
            let done = list.length === 0;
            for (const v of list) {
              if (snmp.isVarbindError(v) || !v.oid.startsWith(base)) {
                done = true;
                break;
              }
              out[c]!.set(v.oid.slice(base.length), v.value);
              cursor[c] = v.oid;
            }
            if (!done) still.push(c);
          });
          step(still);
        },
      );
    };
    step(columns.map((_, i) => i));
  });
}

const text = (v: unknown) => (Buffer.isBuffer(v) ? v.toString('utf8') : String(v ?? ''));
const num = (v: unknown) => Number(v ?? Number.NaN);

export async function pollSnmp(
  host: string,
  creds: SnmpCredentials,
  o: SnmpPollOptions,
): Promise<SnmpObservation> {
  const where = `${host}:${o.port ?? 161} (SNMP${creds.version === '3' ? 'v3' : 'v2c'})`;
  const session = open(host, creds, o);
  // a socket error would otherwise be thrown from the event emitter
  session.on('error', () => {});
  try {
    // the scalars first, in one request: with SNMPv3 it also discovers the engine the walks share
    const [sysName, localAs, identifier] = await get(session, [
      OID.sysName,
      ...(o.bgp ? [OID.bgpLocalAs, OID.bgpIdentifier] : []),
    ]);
    const served = (v: Varbind | undefined): v is Varbind => !!v && !snmp.isVarbindError(v);
    const bgpServed = o.bgp && served(localAs) && served(identifier);
    const addressColumns = Object.values(IP_ADDRESS_COLUMNS);
    const [[names, admin, oper], peers, instances, addresses] = await Promise.all([
      walkColumns(session, [OID.ifName, OID.ifAdminStatus, OID.ifOperStatus]),
      bgpServed ? walkColumns(session, [OID.bgpPeerState, OID.bgpPeerRemoteAs]) : null,
      o.vrrp
        ? walkColumns(session, [
            OID.vrrpInstanceName,
            OID.vrrpInstanceState,
            OID.vrrpInstanceBasePriority,
            OID.vrrpInstanceEffectivePriority,
          ])
        : null,
      o.ipv6 ? walkColumns(session, addressColumns) : null,
    ]);
    const interfaces = [...names!].map(([index, name]) => ({
      name: text(name),
      admin: IF_STATUS[num(admin!.get(index))] ?? `status ${admin!.get(index)}`,
      oper: IF_STATUS[num(oper!.get(index))] ?? `status ${oper!.get(index)}`,
    }));
    let bgp: SnmpObservation['bgp'] = null;
    if (bgpServed && peers) {
      const [state, remoteAs] = peers as [Map<string, unknown>, Map<string, unknown>];
      bgp = {
        localAs: num(localAs!.value),
        identifier: text(identifier!.value),
        peers: [...state].map(([address, s]) => ({
          address,
          state: BGP_STATE[num(s)] ?? `state ${s}`,
          remoteAs: num(remoteAs.get(address)),
        })),
      };
    }
    let vrrp: SnmpObservation['vrrp'] = null;
    if (instances?.[0]?.size) {
      const [name, state, base, effective] = instances as Map<string, unknown>[];
      vrrp = [...name!].map(([index, n]) => ({
        name: text(n),
        state: VRRP_STATE[num(state!.get(index))] ?? `state ${state!.get(index)}`,
        basePriority: num(base!.get(index)),
        effectivePriority: num(effective!.get(index)),
      }));
    }
    // an agent that serves IP-MIB has rows (::1, 127.0.0.1 at least): none means not served
    let addresses6: SnmpObservation['addresses6'] = null;
    if (addresses?.some((column) => column.size > 0))
      addresses6 = ipv6Addresses(
        addresses.flatMap((column, c) =>
          [...column].map(([index, value]) => ({ oid: `${addressColumns[c]}.${index}`, value })),
        ),
        new Map([...names!].map(([index, name]) => [index, text(name)])),
      );
    return {
      sysName: served(sysName) ? text(sysName.value) : '',
      interfaces,
      bgp,
      vrrp,
      ...(o.ipv6 ? { addresses6 } : {}),
    };
  } catch (e) {
    throw e instanceof SnmpError ? e : classify(e as Error, where);
  } finally {
    session.close();
  }
}
