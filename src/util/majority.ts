/** A majority of `n` voters: what a Sentinel election, an etcd cluster or a quorum queue needs. */
export function majority(n: number): number {
  return Math.floor(n / 2) + 1;
}
