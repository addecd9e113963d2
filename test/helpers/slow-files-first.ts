import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Test files that take a minute or more on the 2-core machines (timed on a full run): started first, so
 * that the other worker runs the many short files beside them instead of one of them ending the run
 * alone. vitest orders by the durations it cached on earlier runs; a clean clone (CI) has none and would
 * order by file size, which put the 3-minute bench smoke test last.
 */
const SLOW_FILES = [
  'test/integration/bench-smoke.test.ts',
  'test/integration/job-cursors.test.ts',
  'test/integration/cloud-tenant-window.test.ts',
  'test/integration/fault-matrix.test.ts',
  'test/integration/protected-workloads.test.ts',
  'test/integration/cost-limit.test.ts',
  'test/collectors/collector-sigkill.test.ts',
  'test/collectors/collector-notifications.test.ts',
  'test/collectors/collector-replicas.test.ts',
  'test/integration/build.test.ts',
  'test/collectors/alert-lifecycle.test.ts',
  'test/store/year-size.test.ts',
];

export default class SlowFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification): number => {
      const i = SLOW_FILES.findIndex((path) => spec.moduleId.endsWith(path));
      return i === -1 ? SLOW_FILES.length : i;
    };
    // Array.prototype.sort is stable: the rest keep vitest's own order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
