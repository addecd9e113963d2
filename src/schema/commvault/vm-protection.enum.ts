import { registerEnumType } from 'type-graphql';
import { CvVmProtection } from '../../datasources/commvault/virtualization-model.js';

export { CvVmProtection as VirtualMachineProtection };

registerEnumType(CvVmProtection, {
  name: 'VirtualMachineProtection',
  description: 'A Commvault VM\'s protection status (`vmStatus` of `GET /VM`).',
  valuesConfig: {
    PROTECTED: { description: 'Backed up (vmStatus 1).' },
    NOT_PROTECTED: { description: 'In no VM group that backs it up, or never backed up (vmStatus 2).' },
    PENDING: { description: 'Its first backup is pending (vmStatus 3).' },
    BACKED_UP_WITH_ERROR: { description: 'Its last backup completed with errors (vmStatus 4); still a recovery point.' },
    DISCOVERED: { description: 'Discovered on the hypervisor, not yet in a VM group (vmStatus 5).' },
  },
});
