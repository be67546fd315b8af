/**
 * Checks every secret a site uses before anything is rendered: one message per secret (not one
 * per device that uses it), located at its first reference in the inventory, with the closest
 * known name when it is not set (a typo). validate and render both run it, so validate never
 * says "ok" to an inventory render refuses.
 */
import { closest, distance } from 'fastest-levenshtein';
import { type Diagnostic, error, type InventoryPath } from '../diagnostics/diagnostic.js';
import type { InventorySource } from '../inventory/files.js';
import type { DeepReadonly } from '../model/freeze.js';
import { secretRefsOf } from '../model/secret-refs.js';
import type { SecretUse, SiteModel } from '../model/types.js';
import type { SecretStore } from './secrets.js';

interface SecretUsage {
  uses: Set<SecretUse>;
  /** In model order; a Set, as one SNMP secret is used by every device of a 50,000-device site. */
  devices: Set<string>;
}

/** Every secret the compiled site references, with its uses and the devices that use it. */
function usagesOf(site: DeepReadonly<SiteModel>): Map<string, SecretUsage> {
  const usages = new Map<string, SecretUsage>();
  for (const d of site.devices)
    for (const { ref } of secretRefsOf(d)) {
      const u = usages.get(ref.secret) ?? { uses: new Set<SecretUse>(), devices: new Set<string>() };
      u.uses.add(ref.use);
      u.devices.add(d.name);
      usages.set(ref.secret, u);
    }
  return usages;
}

/** Where each secret name is first referenced (`{ secret: NAME }`) in the site's files, in file order. */
function firstReferences(
  sources: readonly InventorySource[],
  site: string,
): Map<string, { file: string; path: InventoryPath }> {
  const first = new Map<string, { file: string; path: InventoryPath }>();
  // one path, pushed and popped, copied only at a reference: the files hold every cable
  const path: (string | number)[] = [];
  const visit = (v: unknown, file: string): void => {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        visit(v[i], file);
        path.pop();
      }
    } else if (typeof v === 'object' && v !== null) {
      const secret = Object.hasOwn(v, 'secret') ? (v as { secret: unknown }).secret : undefined;
      if (typeof secret === 'string') {
        if (!first.has(secret)) first.set(secret, { file, path: [...path, 'secret'] });
        return;
      }
      for (const [k, x] of Object.entries(v)) {
        path.push(k);
        visit(x, file);
        path.pop();
      }
    }
  };
  for (const s of sources) {
    const data = s.data as { site?: unknown } | undefined;
    if (data?.site === site) visit(data, s.file);
  }
  return first;
}

function listOf(names: ReadonlySet<string>): string {
  const first = [...names].slice(0, 4);
  return names.size > 4 ? `${first.join(', ')} and ${names.size - 4} more` : first.join(', ');
}

/** The closest known name, when it is close enough to be a typo. */
export function suggestSecret(name: string, known: readonly string[]): string | undefined {
  const others = known.filter((k) => k !== name);
  if (!others.length) return undefined;
  const best = closest(name, others);
  return distance(name, best) <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/**
 * One diagnostic per missing or invalid secret, located at its first reference: a secret used by
 * several sites (one environment, one secrets file) is reported once, at the first site, naming
 * the others.
 */
export function checkSecrets(
  sites: readonly DeepReadonly<SiteModel>[],
  sources: readonly InventorySource[],
  store: SecretStore,
): Diagnostic[] {
  const first = new Map<string, { diagnostic: Diagnostic; sites: string[] }>();
  for (const site of sites)
    for (const { name, diagnostic } of checkSiteSecrets(site, sources, store)) {
      const seen = first.get(name);
      if (seen) seen.sites.push(site.name);
      else first.set(name, { diagnostic, sites: [] });
    }
  return [...first.values()].map(({ diagnostic, sites: also }) =>
    also.length
      ? { ...diagnostic, message: `${diagnostic.message} (also used in ${also.join(', ')})` }
      : diagnostic,
  );
}

function checkSiteSecrets(
  site: DeepReadonly<SiteModel>,
  sources: readonly InventorySource[],
  store: SecretStore,
): { name: string; diagnostic: Diagnostic }[] {
  const usages = usagesOf(site);
  const refs = firstReferences(sources, site.name);
  // in the order a reader meets them in the files; unlocated ones (none today) last
  const order = new Map([...refs.keys()].map((n, i) => [n, i]));
  const rank = (n: string) => order.get(n) ?? Number.MAX_SAFE_INTEGER;
  const names = [...usages.keys()].sort((a, b) => rank(a) - rank(b));
  const known = store.knownNames();
  const diagnostics: { name: string; diagnostic: Diagnostic }[] = [];
  for (const name of names) {
    const usage = usages.get(name)!;
    const where = { site: site.name, ...(refs.get(name) ?? {}) };
    const usedBy = `used by ${listOf(usage.devices)}`;
    for (const use of usage.uses) {
      const r = store.resolve(name, use, listOf(usage.devices));
      if (!('error' in r)) continue;
      if (r.error.code === 'secret-missing') {
        const guess = suggestSecret(name, known);
        const typo = guess ? `; did you mean '${guess}'? Otherwise ` : ': ';
        const message = `secret '${name}' (${usedBy}) is not set${typo}${store.hint(name)}`;
        diagnostics.push({ name, diagnostic: error('secret-missing', message, where) });
      } else diagnostics.push({ name, diagnostic: { ...r.error, ...where } });
      break; // one message per secret
    }
  }
  return diagnostics;
}
