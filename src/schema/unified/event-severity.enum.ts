import { registerEnumType } from 'type-graphql';
import { EventSeverity } from '../../datasources/domain.js';

export { EventSeverity };

registerEnumType(EventSeverity, {
  name: 'EventSeverity',
  description:
    'Severity of an event or alert of any product, on Commvault\'s event scale (0 information, 3 minor, 6 major, 9 critical). ' +
    'docs/schema.md ("Events and alerts") says how each product\'s own levels map here.',
});
