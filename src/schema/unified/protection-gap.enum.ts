import { registerEnumType } from 'type-graphql';
import { ProtectionGap } from '../../monitoring/protection.js';

export { ProtectionGap };

registerEnumType(ProtectionGap, {
  name: 'ProtectionGap',
  description: 'Why a workload has no successful backup in the window.',
  valuesConfig: {
    BACKUPS_FAILING: { description: 'Backups ran and at least one failed or was killed; none succeeded. Look at the job errors.' },
    NO_BACKUPS: { description: 'No backup failed or succeeded: none ran (or one is still running). Look at schedule, plan and client.' },
  },
});
