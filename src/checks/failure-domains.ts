/**
 * A quorum against single failures: the failure domains of a set of devices (each device, and
 * each hypervisor with its VMs), and the first whose loss leaves fewer than `need` of them.
 * Sentinel's, etcd's and RabbitMQ's quorum checks ask it the same way.
 */

/** The first domain, in name order, whose loss leaves fewer than `need` members, and what is left. */
export function firstDomainBelow<M extends { name: string; hostedOn: string | null }>(
  members: readonly M[],
  need: number,
): { domain: string; left: M[] } | undefined {
  const domains = new Set(members.flatMap((s) => [s.name, ...(s.hostedOn ? [s.hostedOn] : [])]));
  for (const domain of [...domains].sort()) {
    const left = members.filter((s) => s.name !== domain && s.hostedOn !== domain);
    if (left.length < need) return { domain, left };
  }
  return undefined;
}
