import { registerEnumType } from 'type-graphql';
import { JobCategory } from '../../datasources/domain.js';

export { JobCategory };

registerEnumType(JobCategory, {
  name: 'JobCategory',
  description: 'Running-or-queued versus finished jobs; the cheapest job filter (served by the upstream).',
});
