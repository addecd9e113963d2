import { Field, ID } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { UpstreamKind } from './upstream-kind.enum.js';

@ObjectType({ description: 'A configured upstream instance (CommServe, Cloud tenant or console).' })
export class Upstream {
  @Field(() => ID, { description: 'The instance id from the gateway configuration, e.g. `cv-main`.' })
  id!: string;

  @Field(() => UpstreamKind)
  kind!: UpstreamKind;
}
