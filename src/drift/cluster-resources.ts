/**
 * Drift of a Kubernetes cluster's resources (docs/drift.md, "Clusters"): what the cluster holds,
 * as `kubectl get … -o yaml` exports it, compared with what fabric renders for it (the model's
 * `ClusterModel.resources`: MetalLB's or Cilium's). fabric holds no cluster credentials: the
 * platform team's export (a file, or stdin) is the reading, the way a device's running
 * configuration is over SSH.
 *
 * Each rendered resource must be there (`missing`), with every field fabric sets as it sets it
 * (`changed`: the API server's defaults and the fields fabric leaves alone, `status`, `uid`, are
 * not compared); a resource of a kind fabric renders for the cluster that fabric does not render
 * (another BGPPeer, another CiliumBGPClusterConfig) is `extra`: it may peer or announce where the
 * fabric does not expect it.
 */
import { parseAllDocuments } from 'yaml';
import type { DeepReadonly } from '../model/freeze.js';
import type { ClusterModel, K8sResource } from '../model/k8s.js';
import { parsePrefix6 } from '../net/ipv6.js';
import type { Finding, Severity } from './types.js';

/** A resource as the cluster holds it: the fields drift reads. */
export interface LiveResource {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string> };
  spec?: unknown;
}

/**
 * Kinds fabric never renders that still make the speaker announce (so any of them is `extra`):
 * MetalLB's layer-2 mode answers ARP/NDP for the pools' addresses beside BGP; Cilium's legacy
 * v2alpha1 peering policy runs its own BGP instance.
 */
const ANNOUNCING: Record<ClusterModel['speaker'], readonly string[]> = {
  metallb: ['L2Advertisement'],
  cilium: ['CiliumBGPPeeringPolicy'],
};

const CLUSTER_DEVICE = 'k8s:';

/** The drift name of a cluster, in the report's device column: `k8s:<cluster>`. */
export const clusterDevice = (cluster: string): string => `${CLUSTER_DEVICE}${cluster}`;

/** The cluster a drift device name stands for (`k8s:prod` → `prod`), or undefined for a device. */
export function clusterOfDevice(device: string): string | undefined {
  return device.startsWith(CLUSTER_DEVICE) ? device.slice(CLUSTER_DEVICE.length) : undefined;
}

/**
 * What the API server writes into a resource fabric renders without being asked: the CRDs'
 * `default:`s (MetalLB's v1beta1/v1beta2 CRDs, ../shared/metallb/crds; Cilium's cilium.io/v2
 * CRDs), by field path without list selectors. A field fabric leaves out that holds its default
 * is no drift; any other value of it is.
 */
const API_DEFAULTS: Record<string, Record<string, unknown>> = {
  BGPPeer: { 'spec.peerPort': 179, 'spec.disableMP': false, 'spec.dualStackAddressFamily': false },
  BGPAdvertisement: { 'spec.aggregationLength': 32, 'spec.aggregationLengthV6': 128 },
  IPAddressPool: { 'spec.autoAssign': true, 'spec.avoidBuggyIPs': false },
  CiliumBGPPeerConfig: {
    'spec.ebgpMultihop': 1,
    'spec.transport.peerPort': 179,
    'spec.gracefulRestart.restartTimeSeconds': 120,
    'spec.timers.connectRetryTimeSeconds': 120,
    'spec.timers.holdTimeSeconds': 90,
    'spec.timers.keepAliveTimeSeconds': 30,
  },
  CiliumBGPClusterConfig: {
    'spec.bgpInstances.peers.peerASN': 0,
    'spec.bgpInstances.peers.peerConfigRef.group': 'cilium.io',
    'spec.bgpInstances.peers.peerConfigRef.kind': 'CiliumBGPPeerConfig',
  },
  CiliumLoadBalancerIPPool: { 'spec.disabled': false },
};

/**
 * The resources of a `kubectl get -o yaml` (or `-o json`) export: a `List` (its `items`, maybe
 * none: a cluster without them), or documents one per resource. Not an export: a text that is
 * not YAML (located, `line:col`), nothing at all (kubectl failed in a pipe), a document that is
 * neither a resource nor a list (kubectl's `error: …` line is such a document).
 */
export function parseLiveResources(text: string): { resources: LiveResource[] } | { error: string } {
  const resources: LiveResource[] = [];
  let documents = 0;
  for (const doc of parseAllDocuments(text)) {
    const e = doc.errors[0];
    if (e) {
      const at = e.linePos?.[0];
      const what = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return {
        error: `${at ? `${at.line}:${at.col}: ` : ''}not YAML: ${what} (give kubectl get … -o yaml's output)`,
      };
    }
    const value = doc.toJSON() as unknown;
    if (value === null || value === undefined) continue;
    documents++;
    const v = (typeof value === 'object' && !Array.isArray(value) ? value : {}) as LiveResource & {
      items?: unknown;
    };
    const isList = 'items' in v || (typeof v.kind === 'string' && v.kind.endsWith('List'));
    const items: unknown[] = isList ? (Array.isArray(v.items) ? v.items : [v.items]) : [v];
    const bad = items.findIndex((r) => !isResource(r));
    if (bad >= 0) {
      const what =
        isList && !Array.isArray(v.items)
          ? `document ${documents} is a list whose items are no list`
          : `${isList ? `item ${bad + 1} of ` : ''}document ${documents} is not a resource (kind, metadata.name)`;
      return {
        error: `not a Kubernetes export: ${what} (${JSON.stringify(items[bad] ?? null).slice(0, 60)}); give kubectl get … -o yaml's output`,
      };
    }
    resources.push(...(items as LiveResource[]));
  }
  if (!documents)
    return {
      error: 'empty: no resource and no list (did kubectl fail?); an empty result is kind: List, items: []',
    };
  return { resources };
}

/** A resource as kubectl writes one: a kind and a named metadata, a spec (if any) an object. */
function isResource(r: unknown): r is LiveResource {
  if (r === null || typeof r !== 'object' || Array.isArray(r)) return false;
  const { kind, metadata, spec } = r as Record<string, unknown>;
  const named =
    metadata !== null &&
    typeof metadata === 'object' &&
    typeof (metadata as Record<string, unknown>).name === 'string';
  const specOk = spec === undefined || (spec !== null && typeof spec === 'object' && !Array.isArray(spec));
  return typeof kind === 'string' && named && specOk;
}

/** The drift of one cluster: its rendered resources against the cluster's. */
export function clusterResourceFindings(
  cluster: DeepReadonly<ClusterModel>,
  live: readonly LiveResource[],
  now: string,
): Finding[] {
  const device = clusterDevice(cluster.name);
  const rendered = cluster.resources as readonly DeepReadonly<K8sResource>[];
  const kinds = new Set([...rendered.map((r) => r.kind), ...ANNOUNCING[cluster.speaker]]);
  const namespaces = new Set(rendered.map((r) => r.metadata.namespace ?? ''));
  const key = (kind: string, name: string) => `${kind}/${name}`;
  const ours = new Map(rendered.map((r) => [key(r.kind, r.metadata.name), r]));
  const theirs = new Map<string, LiveResource>();
  for (const r of live) {
    if (!r.kind || !r.metadata?.name || !kinds.has(r.kind)) continue;
    // MetalLB's resources live in its namespace; another namespace is another installation's
    if (!namespaces.has(r.metadata.namespace ?? '')) continue;
    theirs.set(key(r.kind, r.metadata.name), r);
  }
  const finding = (
    section: string,
    kind: 'missing' | 'extra' | 'changed',
    severity: Severity,
    message: string,
    intended?: string,
    running?: string,
  ): Finding => ({
    id: `config|${device}|k8s|${section}|${kind}`,
    device,
    source: 'config',
    daemon: 'k8s',
    section,
    kind,
    severity,
    ...(intended !== undefined ? { intended } : {}),
    ...(running !== undefined ? { running } : {}),
    message,
    via: [],
    since: now,
  });
  const out: Finding[] = [];
  for (const [k, r] of ours) {
    const held = theirs.get(k);
    if (!held) {
      out.push(
        finding(
          k,
          'missing',
          'major',
          `${k} is not in the cluster (kubectl apply the rendered ${cluster.file})`,
        ),
      );
      continue;
    }
    const defaults = API_DEFAULTS[r.kind] ?? {};
    const differ = [
      ...(r.metadata.labels
        ? differences(r.metadata.labels, held.metadata?.labels, 'metadata.labels', null)
        : []),
      ...differences(r.spec, held.spec, 'spec', defaults),
    ];
    if (differ.length)
      out.push(
        finding(
          k,
          'changed',
          'major',
          `${k}: ${differ.map((d) => d.path).join(', ')} not as rendered`,
          differ.map((d) => `${d.path}: ${show(d.intended)}`).join('; '),
          differ.map((d) => `${d.path}: ${show(d.running)}`).join('; '),
        ),
      );
  }
  for (const k of theirs.keys())
    if (!ours.has(k))
      out.push(
        finding(
          k,
          'extra',
          'major',
          `${k} is in the cluster but not rendered by fabric: it may peer or announce where the fabric does not expect it (kubectl delete ${deleteArgs(k, theirs.get(k)!)})`,
        ),
      );
  return out;
}

type Difference = { path: string; intended: unknown; running: unknown };

/**
 * Each field fabric sets (a leaf of `intended`) whose value the cluster does not hold, and, with
 * `defaults` (null: other fields allowed, as labels others add), each field the cluster holds
 * that fabric does not set, unless it holds its default or a zero value. Lists are sets here
 * (peers, pools, selectors: their order means nothing to MetalLB or Cilium): objects with a
 * `name` are matched by it (and their fields compared, `peers[name=leaf1a].peerAddress`), other
 * items by content.
 */
function differences(
  intended: unknown,
  running: unknown,
  path: string,
  defaults: Record<string, unknown> | null,
): Difference[] {
  if (Array.isArray(intended)) {
    if (!Array.isArray(running)) return [{ path, intended, running }];
    const nameOf = (x: unknown) =>
      x !== null && typeof x === 'object' ? (x as { name?: unknown }).name : undefined;
    if (intended.every((x) => nameOf(x) !== undefined)) {
      const names = intended.map(nameOf);
      const extra = running.filter((x) => !names.includes(nameOf(x)));
      return [
        ...intended.flatMap((x) =>
          differences(
            x,
            running.find((y) => nameOf(y) === nameOf(x)),
            `${path}[name=${String(nameOf(x))}]`,
            defaults,
          ),
        ),
        ...(extra.length ? [{ path, intended: undefined, running: extra }] : []),
      ];
    }
    const unmatched = [...running];
    for (const x of intended) {
      const i = unmatched.findIndex((y) => differences(x, y, path, defaults).length === 0);
      if (i < 0) return [{ path, intended, running }];
      unmatched.splice(i, 1);
    }
    return unmatched.length ? [{ path, intended, running }] : [];
  }
  if (intended !== null && typeof intended === 'object') {
    if (running === null || typeof running !== 'object' || Array.isArray(running))
      return [{ path, intended, running }];
    const held = running as Record<string, unknown>;
    return [
      ...Object.entries(intended).flatMap(([k, v]) => differences(v, held[k], `${path}.${k}`, defaults)),
      ...(defaults
        ? Object.entries(held)
            .filter(([k]) => !(k in intended))
            .flatMap(([k, v]) => notByFabric(v, `${path}.${k}`, defaults))
        : []),
    ];
  }
  return same(intended, running) ? [] : [{ path, intended, running }];
}

/** The leaves of a field fabric does not set that hold neither their default nor a zero value. */
function notByFabric(running: unknown, path: string, defaults: Record<string, unknown>): Difference[] {
  if (running !== null && typeof running === 'object' && !Array.isArray(running))
    return Object.entries(running).flatMap(([k, v]) => notByFabric(v, `${path}.${k}`, defaults));
  // Go's zero values are what the speakers read for a field that is not there
  const zero =
    running === null ||
    running === false ||
    running === '' ||
    (Array.isArray(running) && running.length === 0);
  const byDefault = defaults[path.replace(/\[[^\]]*\]/g, '')];
  return zero || (byDefault !== undefined && same(byDefault, running))
    ? []
    : [{ path, intended: undefined, running }];
}

/** A value as the cluster may spell it: `9000ms` for `9s`, `2001:DB8::/64` for `2001:db8::/64`. */
function same(intended: unknown, running: unknown): boolean {
  if (intended === running) return true;
  if (typeof intended !== 'string' || typeof running !== 'string') return false;
  const ms = [durationMs(intended), durationMs(running)];
  if (ms[0] !== undefined && ms[0] === ms[1]) return true;
  const p = [parsePrefix6(intended), parsePrefix6(running)];
  return !!p[0] && !!p[1] && p[0].prefix.text === p[1].prefix.text;
}

/** A Go duration (`9s`, `9000ms`, `1m30s`) in ms, as Kubernetes' metav1.Duration writes them. */
function durationMs(text: string): number | undefined {
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001, ns: 1e-6 };
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|us|ns)/g)];
  if (!parts.length || parts.map((m) => m[0]).join('') !== text) return undefined;
  return parts.reduce((n, m) => n + Number(m[1]) * units[m[2]!]!, 0);
}

/** `bgppeer rogue -n metallb-system`: what `kubectl delete` takes for a resource. */
function deleteArgs(k: string, r: LiveResource): string {
  const [kind, name] = k.split('/');
  return `${kind!.toLowerCase()} ${name}${r.metadata?.namespace ? ` -n ${r.metadata.namespace}` : ''}`;
}

function show(v: unknown): string {
  return v === undefined ? '(absent)' : JSON.stringify(v);
}
