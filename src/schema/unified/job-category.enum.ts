import { registerEnumType } from 'type-graphql';

export enum JobCategory {
  ACTIVE = 'ACTIVE',
  FINISHED = 'FINISHED',
  ALL = 'ALL',
}

registerEnumType(JobCategory, {
  name: 'JobCategory',
  description: 'Running-or-queued versus finished jobs; the cheapest job filter (served by the upstream).',
});
