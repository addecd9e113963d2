import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Gc = (options?: { type?: 'major' | 'minor'; execution?: 'sync' | 'async' }) => void;

let gc: Gc | undefined;

/** V8's `gc()`, without starting the test process with `--expose-gc`. */
function collector(): Gc {
  if (gc === undefined) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as Gc;
  }
  return gc;
}

function oldSpaceUsed(): number {
  return getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')?.space_used_size ?? 0;
}

/**
 * Bytes `work` leaves in the old generation once everything it made is unreachable and two young-
 * generation collections have run: what V8 promoted because something still held it in those
 * collections. Short-lived data (a request's answers and page) should leave next to nothing; a full
 * collection first, so the figure starts from a settled heap.
 */
export async function promotedBy(work: () => Promise<void> | void): Promise<number> {
  const collect = collector();
  collect({ type: 'major' });
  const before = oldSpaceUsed();
  await work();
  collect({ type: 'minor' });
  collect({ type: 'minor' });
  return oldSpaceUsed() - before;
}
