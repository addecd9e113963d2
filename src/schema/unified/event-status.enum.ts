import { registerEnumType } from 'type-graphql';
import { EventStatus } from '../../datasources/domain.js';

export { EventStatus };

registerEnumType(EventStatus, {
  name: 'EventStatus',
  description: 'Where an event or alert stands: OPEN (not dealt with yet), ACKNOWLEDGED (Commvault), CLEARED (console).',
  valuesConfig: {
    OPEN: { description: 'Not acknowledged or cleared yet.' },
    ACKNOWLEDGED: { description: 'A Commvault event someone acknowledged.' },
    CLEARED: { description: 'A console event that was cleared.' },
  },
});
