import { Field } from 'type-graphql';
import { ObjectType } from '../object-type.js';


@ObjectType('BackupDrObjectSource', { description: 'One appliance\'s copy of a consolidated object (the console\'s `sources`).' })
export class BackupDrObjectSource {
  @Field(() => String, { nullable: true, description: 'The object\'s id on the appliance.' })
  srcId!: string | null;

  @Field(() => String, { nullable: true, description: 'The appliance\'s own id (`clusterid`).' })
  applianceId!: string | null;

  @Field(() => String, { nullable: true })
  applianceName!: string | null;
}
