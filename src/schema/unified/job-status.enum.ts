import { registerEnumType } from 'type-graphql';
import { JobStatus } from '../../datasources/domain.js';

export { JobStatus };

registerEnumType(JobStatus, {
  name: 'JobStatus',
  description: 'Normalised job state across products.',
  valuesConfig: {
    WAITING: { description: 'Waiting for resources; includes queued jobs.' },
    COMPLETED_WITH_ERRORS: { description: 'Finished, with errors or warnings on some items.' },
    OTHER: { description: 'Transitional or unknown states (e.g. kill pending); see the product-specific status text.' },
  },
});
