import { registerEnumType } from 'type-graphql';
import { HealthArea } from '../../monitoring/health.js';

export { HealthArea };

registerEnumType(HealthArea, {
  name: 'HealthArea',
  description: 'What a `HealthCheck` looks at (docs/schema.md "healthReport" gives each formula).',
  valuesConfig: {
    CONNECTIVITY: { description: 'Whether the upstream answered the report\'s reads. Figure: reads that failed.' },
    MEDIA_AGENTS: { description: 'Commvault MediaAgents, or a console\'s appliances, offline. Figure: how many are offline.' },
    CAPACITY: { description: 'Storage targets below the free-space thresholds. Figure: the least free share, percent.' },
    FAILED_JOBS: { description: 'Jobs started in the last 24 hours that FAILED or were KILLED. Figure: how many.' },
    DDB: { description: 'Commvault deduplication stores: Q&I time, offline partitions, free space. Figure: the slowest average Q&I, µs.' },
  },
});
