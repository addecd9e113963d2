import { ArgsType, Field, ID } from 'type-graphql';
import { StorageMedium } from './storage-medium.enum.js';

@ArgsType()
export class CommvaultStoragePoolsArgs {
  @Field(() => ID, { nullable: true, description: 'One upstream instance id. Default: every CommServe you may see.' })
  upstream?: string | null;

  @Field(() => StorageMedium, { nullable: true, description: 'Only pools on this medium (e.g. CLOUD for cloud storage).' })
  medium?: StorageMedium | null;
}
