/**
 * "did you mean" for a name that does not exist (a device in `--only`, `--fail`, a cable's far
 * end in the inventory): the one helper every command and check uses, so the same typo gets the
 * same hint everywhere.
 *
 * Names come in families (`sp1`, `sp2`; `tor-a01-1`, `tor-a01-2`): a name of the same shape
 * (the same letters, with any number where it has one) is preferred to one that is merely as
 * close, so `sp3` suggests `sp1`, `sp2` (the spines) rather than `kp3`, and `tor-a1-1` finds
 * `tor-a01-1`. Within a family the closest names are given, up to three when they tie.
 */
import { distance } from 'fastest-levenshtein';

/** `tor-a01-1` → `tor-a#-#`: the family a name belongs to. */
function shape(name: string): string {
  return name.replace(/[0-9]+/g, '#');
}

/** The letters before the first digit or separator: `sp` of `sp3`, `tor` of `tor-a1-1`. */
function stem(name: string): string {
  return /^[a-z]*/i.exec(name)![0];
}

/** Close enough to be a typo: as the inventory's checks have always judged it. */
function near(name: string, candidate: string): boolean {
  return candidate !== name && distance(name, candidate) <= Math.max(2, Math.floor(name.length / 3));
}

/** The known names `name` is most likely a typo of: same family first, closest first; [] for none. */
export function closestNames(name: string, known: readonly string[], most = 3): string[] {
  const candidates = [...new Set(known)].filter((k) => near(name, k));
  const tiers = [
    candidates.filter((k) => shape(k) === shape(name)),
    candidates.filter((k) => stem(name) !== '' && stem(k) === stem(name)),
    candidates,
  ];
  const tier = tiers.find((t) => t.length) ?? [];
  const best = Math.min(...tier.map((k) => distance(name, k)));
  return tier.filter((k) => distance(name, k) === best).slice(0, most);
}

/** `; did you mean 'sp1' or 'sp2'?` (`prefix` before each name: `site:`), or '' when nothing is close. */
export function didYouMean(name: string, known: readonly string[], prefix = ''): string {
  const names = closestNames(name, known).map((n) => `'${prefix}${n}'`);
  if (!names.length) return '';
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
  return `; did you mean ${list}?`;
}
