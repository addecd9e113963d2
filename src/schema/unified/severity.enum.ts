import { registerEnumType } from 'type-graphql';
import { Severity } from '../../datasources/domain.js';

export { Severity };

registerEnumType(Severity, {
  name: 'Severity',
  description:
    'Health of a monitored object. Storage: < 10 % free CRITICAL, < 20 % WARNING. DDB: average Q&I time > 2000 µs CRITICAL, > 1000 µs WARNING.',
});
