/**
 * `fabric drift --cluster-resources [CLUSTER=]FILE`: which cluster each export is of, and how a
 * pass reads it (src/drift/cluster-resources.ts). FILE `-` is stdin, read once (not with
 * --watch: a pass would have nothing new to read).
 */
import { existsSync, readFileSync } from 'node:fs';
import { clusterDevice, clusterResourceFindings, parseLiveResources } from '../drift/cluster-resources.js';
import type { ClusterSource } from '../drift/poller.js';
import type { FrozenSite } from '../pipeline.js';
import { CliError } from './exit.js';

export function clusterSources(site: FrozenSite, specs: readonly string[], watch: boolean): ClusterSource[] {
  const clusters = site.clusters ?? [];
  const names = clusters.map((c) => c.name);
  const seen = new Set<string>();
  return specs.map((spec) => {
    const m = /^([a-z0-9][a-z0-9-]*)=(.+)$/.exec(spec);
    // CLUSTER=FILE; a file that exists under the whole name is a file (its name may hold a `=`)
    if (m && !names.includes(m[1]!) && !existsSync(spec))
      throw new CliError(
        `drift: --cluster-resources ${spec}: no cluster ${m[1]} in ${site.name} (clusters: ${names.join(', ') || 'none'})`,
      );
    const named = !!m && names.includes(m[1]!);
    const name = named ? m![1]! : names.length === 1 ? names[0]! : undefined;
    const file = named ? m![2]! : spec;
    if (!name)
      throw new CliError(
        names.length
          ? `drift: --cluster-resources ${spec}: which cluster? ${site.name} has ${names.join(', ')}: write CLUSTER=FILE, e.g. --cluster-resources ${names[0]}=live.yaml`
          : `drift: --cluster-resources: ${site.name} has no Kubernetes cluster (clusters: in the inventory)`,
      );
    if (seen.has(name)) throw new CliError(`drift: --cluster-resources names cluster ${name} twice`);
    seen.add(name);
    if (file === '-' && watch)
      throw new CliError('drift: --cluster-resources - (stdin) is read once; with --watch give a file');
    const cluster = clusters.find((c) => c.name === name)!;
    const device = clusterDevice(name);
    const stdin = file === '-' ? readFileSync(0, 'utf8') : undefined;
    return {
      device,
      read: (now) => {
        let text: string;
        try {
          text = stdin ?? readFileSync(file, 'utf8');
        } catch (e) {
          const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
          return { unreadable: { device, reason: 'unreadable', message: `${file}: ${why}` } };
        }
        const parsed = parseLiveResources(text);
        const where = file === '-' ? 'stdin' : file;
        if ('error' in parsed) {
          // a located error reads `file:line:col: …`
          const sep = /^\d/.test(parsed.error) ? ':' : ': ';
          return {
            unreadable: { device, reason: 'not-an-export', message: `${where}${sep}${parsed.error}` },
          };
        }
        return { findings: clusterResourceFindings(cluster, parsed.resources, now) };
      },
    };
  });
}
