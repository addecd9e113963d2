import { registerEnumType } from 'type-graphql';
import { CvEventSeverity } from '../../datasources/commvault/model.js';

export { CvEventSeverity as CommvaultEventSeverity };

registerEnumType(CvEventSeverity, {
  name: 'CommvaultEventSeverity',
  description: 'Commvault event severity (0 information, 3 minor, 6 major, 9 critical).',
});
