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
import type { Finding, Severity } from './types.js';

/** A resource as the cluster holds it: the fields drift reads. */
export interface LiveResource {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string };
  spec?: unknown;
}

/** The drift name of a cluster, in the report's device column: `k8s:<cluster>`. */
export const clusterDevice = (cluster: string): string => `k8s:${cluster}`;

/**
 * The resources of a `kubectl get -o yaml` export: a `List` (its `items`), or documents one per
 * resource. A text that is not YAML is an error saying where (`line:col`).
 */
export function parseLiveResources(text: string): { resources: LiveResource[] } | { error: string } {
  const docs = parseAllDocuments(text);
  const resources: LiveResource[] = [];
  for (const doc of docs) {
    const e = doc.errors[0];
    if (e) {
      const at = e.linePos?.[0];
      const what = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return {
        error: `${at ? `${at.line}:${at.col}: ` : ' '}not YAML: ${what} (give kubectl get … -o yaml's output)`,
      };
    }
    const value = doc.toJSON() as unknown;
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value))
      return { error: 'not a Kubernetes export: a document is not a mapping (kubectl get … -o yaml)' };
    const v = value as LiveResource & { items?: unknown };
    if (Array.isArray(v.items)) resources.push(...(v.items as LiveResource[]));
    else resources.push(v);
  }
  return { resources };
}

/** The drift of one cluster: its rendered resources against the cluster's. */
export function clusterResourceFindings(
  cluster: DeepReadonly<ClusterModel>,
  live: readonly LiveResource[],
  now: string,
): Finding[] {
  const device = clusterDevice(cluster.name);
  const rendered = cluster.resources as readonly DeepReadonly<K8sResource>[];
  const kinds = new Set(rendered.map((r) => r.kind));
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
    const differ = differences(r.spec, held.spec, 'spec');
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
          `${k} is in the cluster but not rendered by fabric: it may peer or announce where the fabric does not expect it`,
        ),
      );
  return out;
}

/** Each field fabric sets (a leaf of `intended`) whose value the cluster does not hold. */
function differences(
  intended: unknown,
  running: unknown,
  path: string,
): { path: string; intended: unknown; running: unknown }[] {
  if (Array.isArray(intended)) {
    // a list is compared whole: its order and length are the resource's meaning (peers, pools)
    return Array.isArray(running) &&
      running.length === intended.length &&
      intended.every((x, i) => differences(x, running[i], path).length === 0)
      ? []
      : [{ path, intended, running }];
  }
  if (intended !== null && typeof intended === 'object') {
    if (running === null || typeof running !== 'object' || Array.isArray(running))
      return [{ path, intended, running }];
    return Object.entries(intended).flatMap(([k, v]) =>
      differences(v, (running as Record<string, unknown>)[k], `${path}.${k}`),
    );
  }
  return intended === running ? [] : [{ path, intended, running }];
}

function show(v: unknown): string {
  return v === undefined ? '(absent)' : JSON.stringify(v);
}
