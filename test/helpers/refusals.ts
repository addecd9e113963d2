/**
 * The gateway's /metrics count of refused operations with exactly these labels, e.g.
 * `role="partner",reason="depth",code="QUERY_TOO_COMPLEX"` (0 before the first). The registry is shared
 * by every gateway in the test process: compare before and after.
 */
export async function refusedCount(url: string, labels: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`backup_graph_operations_refused_total{${labels}}`));
  return line ? Number(line.split(' ').pop()) : 0;
}
