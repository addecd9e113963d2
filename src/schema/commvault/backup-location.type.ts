import { Field, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';

@ObjectType('CommvaultBackupLocation', { description: 'Where a storage pool writes: a disk mount path or a cloud bucket (V4 storage).' })
export class CommvaultBackupLocation {
  @Field(() => Int)
  id!: number;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'As the CommServe words it, e.g. `Ready`, `Offline`.' })
  status!: string | null;
}
