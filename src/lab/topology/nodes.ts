/**
 * Nodes of a containerlab topology: each node-config mapping (defaults, kinds, groups, nodes) is
 * read once, then a node's values are inherited node → group → kind → defaults, as containerlab
 * does (https://containerlab.dev/manual/topo-def-file/#groups): binds merge by destination,
 * env and labels merge by key, every other field takes the most specific value.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, posix, resolve } from 'node:path';
import type { InventoryPath } from '../../diagnostics/diagnostic.js';
import { NODE_HONOURED, NODE_IGNORED_WHY, NODE_KEYS, NODE_NAME, NODE_REFUSED } from './clab-keys.js';
import { isRecord, type ParseContext, type Raw } from './context.js';
import type { Bind, LabNode } from './types.js';

/** One node-config mapping as written, before inheritance. */
interface NodeConfig {
  kind?: string;
  image?: string;
  group?: string;
  binds?: Bind[];
  env?: Record<string, string>;
  exec?: string[];
  mgmtIpv4?: string;
  mgmtIpv6?: string;
  labels?: Record<string, string>;
  hostname?: string;
}

/** Reads one node-config mapping; unknown keys are errors, keys we cannot honour are reported. */
function readNodeConfig(ctx: ParseContext, raw: Raw, path: InventoryPath, what: string): NodeConfig {
  ctx.checkKeys(raw, NODE_KEYS, path, what);
  for (const key of Object.keys(raw)) {
    if (!(NODE_KEYS as readonly string[]).includes(key) || NODE_HONOURED.has(key)) continue;
    const refused = NODE_REFUSED[key];
    if (refused)
      ctx.error(
        'unsupported-field',
        `"${key}" cannot be honoured by this runtime: ${refused}`,
        [...path, key],
        true,
      );
    else {
      const why = NODE_IGNORED_WHY[key] ?? 'it only matters to a container engine';
      ctx.warn('ignored-field', `"${key}" is ignored by this runtime: ${why}`, [...path, key], true);
    }
  }
  const bindSpecs = ctx.strings(raw.binds, [...path, 'binds'], 'binds');
  return {
    kind: ctx.string(raw.kind, [...path, 'kind'], 'kind'),
    image: ctx.string(raw.image, [...path, 'image'], 'image'),
    group: ctx.string(raw.group, [...path, 'group'], 'group'),
    binds: bindSpecs?.flatMap((spec, i) => readBind(ctx, spec, [...path, 'binds', i]) ?? []),
    env: ctx.stringMap(raw.env, [...path, 'env'], 'env'),
    exec: ctx.strings(raw.exec, [...path, 'exec'], 'exec'),
    mgmtIpv4: ctx.string(raw['mgmt-ipv4'], [...path, 'mgmt-ipv4'], 'mgmt-ipv4'),
    mgmtIpv6: ctx.string(raw['mgmt-ipv6'], [...path, 'mgmt-ipv6'], 'mgmt-ipv6'),
    labels: ctx.stringMap(raw.labels, [...path, 'labels'], 'labels'),
    hostname: ctx.string(raw.hostname, [...path, 'hostname'], 'hostname'),
  };
}

/** `src:dst[:ro|rw]`, docker `-v` syntax; a relative `src` is relative to the topology file. */
function readBind(ctx: ParseContext, spec: string, path: InventoryPath): Bind | undefined {
  const parts = spec.split(':');
  const mode = parts.length === 3 ? parts[2] : undefined;
  if (
    parts.length < 2 ||
    parts.length > 3 ||
    !parts[0] ||
    !parts[1] ||
    (mode && !['ro', 'rw'].includes(mode))
  ) {
    ctx.error('invalid-bind', `bind "${spec}" must look like SOURCE:DESTINATION[:ro]`, path);
    return undefined;
  }
  const [src, dst] = parts as [string, string];
  if (!posix.isAbsolute(dst)) {
    ctx.error('invalid-bind', `bind "${spec}": the destination must be an absolute path`, path);
    return undefined;
  }
  const source = isAbsolute(src) ? src : resolve(ctx.dir, src);
  if (!ctx.pendingFiles.has(source) && !existsSync(source)) {
    ctx.error('bind-source-missing', `bind "${spec}": ${source} does not exist`, path);
    return undefined;
  }
  return { source, target: posix.normalize(dst), readOnly: mode === 'ro', spec };
}

/** The node-config mappings of one `topology:` section, keyed by name. */
function readConfigs(
  ctx: ParseContext,
  raw: unknown,
  path: InventoryPath,
  what: string,
): Map<string, NodeConfig> {
  const out = new Map<string, NodeConfig>();
  const map = ctx.mapping(raw, path, what);
  for (const [name, value] of Object.entries(map ?? {})) {
    const cfg = ctx.mapping(value, [...path, name], `${what} "${name}"`);
    out.set(name, cfg ? readNodeConfig(ctx, cfg, [...path, name], `${what} "${name}"`) : {});
  }
  return out;
}

/** Most specific first: node, group, kind, defaults. */
function inherit(levels: NodeConfig[]): NodeConfig {
  const first = <K extends keyof NodeConfig>(key: K): NodeConfig[K] =>
    levels.find((l) => l[key] !== undefined)?.[key];
  const leastFirst = [...levels].reverse();
  const binds = new Map<string, Bind>();
  for (const level of leastFirst) for (const b of level.binds ?? []) binds.set(b.target, b);
  return {
    image: first('image'),
    binds: [...binds.values()],
    env: Object.assign({}, ...leastFirst.map((l) => l.env ?? {})),
    labels: Object.assign({}, ...leastFirst.map((l) => l.labels ?? {})),
    exec: first('exec'),
    mgmtIpv4: first('mgmtIpv4'),
    mgmtIpv6: first('mgmtIpv6'),
    hostname: first('hostname'),
  };
}

/**
 * Reads `topology.defaults/kinds/groups/nodes` and returns the nodes with inherited values, in
 * declaration order. `locate` turns a node's path into its location (for later messages).
 */
export function readNodes(
  ctx: ParseContext,
  topology: Raw,
  locate: (path: InventoryPath) => LabNode['location'],
): LabNode[] {
  const base = ['topology'];
  const defaultsRaw = ctx.mapping(topology.defaults, [...base, 'defaults'], 'defaults');
  const defaults = defaultsRaw ? readNodeConfig(ctx, defaultsRaw, [...base, 'defaults'], 'defaults') : {};
  const kinds = readConfigs(ctx, topology.kinds, [...base, 'kinds'], 'kind');
  const groups = readConfigs(ctx, topology.groups, [...base, 'groups'], 'group');
  const nodesRaw = ctx.mapping(topology.nodes, [...base, 'nodes'], 'nodes');
  if (!nodesRaw || Object.keys(nodesRaw).length === 0) {
    ctx.error('missing-field', 'topology.nodes must list at least one node', [...base, 'nodes']);
    return [];
  }
  const nodes: LabNode[] = [];
  for (const [name, value] of Object.entries(nodesRaw)) {
    const path = [...base, 'nodes', name];
    if (!NODE_NAME.test(name)) {
      ctx.error('invalid-name', `node name "${name}" must match ${NODE_NAME.source}`, path, true);
      continue;
    }
    const raw = value === null || value === undefined ? {} : isRecord(value) ? value : undefined;
    if (!raw) {
      ctx.error('invalid-value', `node "${name}" must be a mapping (or empty)`, path);
      continue;
    }
    const own = readNodeConfig(ctx, raw, path, `node "${name}"`);
    const group = own.group !== undefined ? groups.get(own.group) : undefined;
    if (own.group !== undefined && !group) {
      const known = [...groups.keys()].join(', ') || 'none defined';
      ctx.error(
        'unknown-group',
        `node "${name}" uses group "${own.group}", which is not in topology.groups (${known})`,
        [...path, 'group'],
      );
    }
    const kind = own.kind ?? group?.kind ?? defaults.kind;
    if (kind === undefined) {
      ctx.error(
        'missing-field',
        `node "${name}" has no kind (set it on the node, its group or topology.defaults)`,
        path,
        true,
      );
      continue;
    }
    const merged = inherit([own, group ?? {}, kinds.get(kind) ?? {}, defaults]);
    if (merged.image === undefined && kind === 'linux') {
      ctx.error('missing-field', `node "${name}" of kind linux has no image`, path, true);
    }
    nodes.push({
      name,
      kind,
      image: merged.image ?? '',
      group: own.group,
      binds: merged.binds ?? [],
      env: merged.env ?? {},
      exec: merged.exec ?? [],
      mgmtIpv4: merged.mgmtIpv4,
      mgmtIpv6: merged.mgmtIpv6,
      labels: merged.labels ?? {},
      hostname: merged.hostname ?? name,
      location: locate(path),
    });
  }
  return nodes;
}
