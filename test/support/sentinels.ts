/**
 * What a set of Sentinels says, asked through a runner of the test's choice (a namespace, a lab
 * node): the data tier's tests read the same two answers before and after a fault.
 */

/** Sends one command to one Sentinel (by the test's name for it) and resolves to its reply. */
export type AskSentinel = (sentinel: string, ...command: string[]) => Promise<string>;

/**
 * The member each Sentinel names as the primary of `service` (`SENTINEL get-master-addr-by-name`),
 * in the order of `sentinels`; `(<reply>)` when the address is no member's.
 */
export async function primaryPerSentinel(
  ask: AskSentinel,
  sentinels: readonly string[],
  service: string,
  members: ReadonlyMap<string, string>,
): Promise<string[]> {
  const said = await Promise.all(
    sentinels.map((s) => ask(s, 'SENTINEL', 'get-master-addr-by-name', service)),
  );
  return said.map((reply) => {
    const address = reply.split('\n')[0] ?? '';
    return [...members].find(([, a]) => a === address)?.[0] ?? `(${address || 'nothing'})`;
  });
}

/** The member a majority of `said` names (see primaryPerSentinel), or null while they disagree. */
export function majorityPrimary(said: readonly string[]): string | null {
  const votes = new Map<string, number>();
  for (const member of said) if (!member.startsWith('(')) votes.set(member, (votes.get(member) ?? 0) + 1);
  return [...votes].find(([, n]) => n > said.length / 2)?.[0] ?? null;
}

/** Whether every Sentinel acts: none in TILT (30 s of inaction after its timer ran late). */
export async function noneInTilt(ask: AskSentinel, sentinels: readonly string[]): Promise<boolean> {
  const infos = await Promise.all(sentinels.map((s) => ask(s, 'INFO', 'sentinel')));
  return infos.every((i) => i.includes('sentinel_tilt:0'));
}
