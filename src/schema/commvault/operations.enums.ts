import { registerEnumType } from 'type-graphql';

export enum BackupLevel {
  FULL = 'FULL',
  INCREMENTAL = 'INCREMENTAL',
  DIFFERENTIAL = 'DIFFERENTIAL',
  SYNTHETIC_FULL = 'SYNTHETIC_FULL',
}

registerEnumType(BackupLevel, { name: 'BackupLevel', description: 'The level of an on-demand Commvault backup.' });

export enum JobAction {
  PAUSE = 'PAUSE',
  RESUME = 'RESUME',
  KILL = 'KILL',
  RESUBMIT = 'RESUBMIT',
}

registerEnumType(JobAction, {
  name: 'JobAction',
  description: 'What `controlJobs` does to each job.',
  valuesConfig: {
    PAUSE: { description: 'Suspend a running job.' },
    RESUME: { description: 'Continue a suspended job.' },
    KILL: { description: 'End an active job (status KILLED).' },
    RESUBMIT: { description: 'Start the finished job again as a new job (`resubmittedJob`).' },
  },
});
