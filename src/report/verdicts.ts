/** How many results of a whatif run (site scenarios or N-1) have each verdict. */
export function verdictCounts(
  results: readonly { verdict: 'survives' | 'degraded' | 'breaks' }[],
): Record<'survives' | 'degraded' | 'breaks', number> {
  const c = { survives: 0, degraded: 0, breaks: 0 };
  for (const r of results) c[r.verdict]++;
  return c;
}
