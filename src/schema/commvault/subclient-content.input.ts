import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { IDEMPOTENCY_KEY } from '../unified/idempotency-key.js';
import { BackupLevel } from './operations.enums.js';

export enum ContentOperation {
  OVERWRITE = 'OVERWRITE',
  ADD = 'ADD',
  DELETE = 'DELETE',
}

registerEnumType(ContentOperation, {
  name: 'ContentOperation',
  description: 'How the items of a subclient content change combine with what the subclient holds (Commvault\'s operation types 1, 2, 3).',
  valuesConfig: {
    OVERWRITE: { description: 'Each list given replaces that list; `[]` empties filters or exceptions. Lists left out stay as they are.' },
    ADD: { description: 'The items given are added to their lists.' },
    DELETE: { description: 'The items given are removed from their lists.' },
  },
});

@InputType({ description: 'A change of a file system subclient\'s content paths, filters (exclusions) and exceptions. Leave a list out to leave it alone.' })
export class SubclientContentInput {
  @Field(() => ContentOperation)
  operation!: ContentOperation;

  @Field(() => [String], { nullable: true, description: 'Content paths (what is backed up), e.g. `D:\\\\Data`, `/srv`. At most 1000.' })
  content?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Filters: paths or patterns excluded from the content, e.g. `*.tmp`. At most 1000.' })
  filters?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Exceptions: paths backed up although a filter matches them. At most 1000.' })
  exceptions?: string[] | null;
}

@InputType({ description: 'Back up every subclient of one backup set now, one backup per subclient.' })
export class BackupBackupsetInput {
  @Field(() => ID, { description: 'A CommvaultBackupset id (`CommvaultBackupset.id`).' })
  backupset!: string;

  @Field(() => BackupLevel)
  level!: BackupLevel;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;
}
