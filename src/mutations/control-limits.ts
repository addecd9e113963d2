/** Most jobs one `controlJobs` may name (the resolver refuses more; the cost estimate prices no more). */
export const MAX_CONTROLLED_JOBS = 100;
