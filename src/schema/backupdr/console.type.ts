import type { UpstreamRef } from '../../datasources/record.js';
import { Field } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { Upstream } from '../unified/upstream.type.js';

@ObjectType('BackupDrConsole', {
  description:
    'One Backup and DR management console, as your console credential sees it (its organizations). Every list is a ' +
    'Relay connection over the console\'s list view: filters, sort and keyword run on the console.',
})
export class BackupDrConsole {
  @Field(() => Upstream)
  upstream!: UpstreamRef;
}
