import { describe, expect, it, vi } from 'vitest';
import { useCommvaultFleet } from '../helpers/commvault-fleet.js';

// Counts the jobs the gateway maps from raw JSON: one at a time (toJob, as the page's jobs are made) or a
// whole answer at once (toJobPage, which calls toJob inside its module, where the mock cannot see it).
const mapped = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/datasources/commvault/mappers/job.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/datasources/commvault/mappers/job.js')>();
  return {
    ...original,
    toJob: (...args: Parameters<typeof original.toJob>) => {
      mapped.count += 1;
      return original.toJob(...args);
    },
    toJobPage: (...args: Parameters<typeof original.toJobPage>) => {
      const page = original.toJobPage(...args);
      mapped.count += page.items.length;
      return page;
    },
  };
});

const UPSTREAMS = 10;
const PAGE = 50;

const JOBS = /* GraphQL */ `
  query($first: Int) {
    jobs(first: $first) {
      totalCount
      edges { node { upstream { id } ... on CommvaultJob { jobId } } }
    }
  }
`;

type JobsPage = { jobs: { totalCount: number; edges: Array<{ node: { upstream: { id: string }; jobId: number } }> } };

describe('the first page of the unified jobs list over ten CommServes', () => {
  const fleet = useCommvaultFleet({
    count: UPSTREAMS,
    firstSeed: 300,
    // Answers stay cached between the two pages below, as they do between requests within the TTL.
    cache: { ttlMs: { jobsRunning: 60_000, jobsFinished: 60_000 } },
  });
  const { sims } = fleet;

  it('maps only the jobs on the page, not every job each upstream sent, and none again from cached answers', async () => {
    mapped.count = 0;
    const cold = await fleet.gateway.query(JOBS, { first: PAGE });
    expect(cold.body.errors).toBeUndefined();
    const page = (cold.body.data as JobsPage).jobs;
    expect(page.edges).toHaveLength(PAGE);
    // Each upstream sent PAGE jobs (UPSTREAMS × PAGE in all): only the page's own were mapped.
    for (const sim of sims) expect(sim.stats().byRoute['GET /Job']).toBe(1);
    expect(new Set(page.edges.map((e) => e.node.upstream.id)).size).toBeGreaterThan(1);
    expect(mapped.count).toBe(PAGE);

    // The same page again: the answers are cached and their jobs already mapped.
    mapped.count = 0;
    const warm = await fleet.gateway.query(JOBS, { first: PAGE });
    expect(warm.body.data).toEqual(cold.body.data);
    for (const sim of sims) expect(sim.stats().byRoute['GET /Job']).toBe(1);
    expect(mapped.count).toBe(0);
  });
});
