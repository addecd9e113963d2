import { registerEnumType } from 'type-graphql';

export enum JobAction {
  PAUSE = 'PAUSE',
  RESUME = 'RESUME',
  KILL = 'KILL',
  RESUBMIT = 'RESUBMIT',
}

registerEnumType(JobAction, {
  name: 'JobAction',
  description: 'What `controlJobs` does to each job. Consoles can only cancel (KILL); the other actions on a console job are NOT_SUPPORTED.',
  valuesConfig: {
    PAUSE: { description: 'Suspend a running job (Commvault).' },
    RESUME: { description: 'Continue a suspended job (Commvault).' },
    KILL: { description: 'End an active job (status KILLED); on a console, cancel it.' },
    RESUBMIT: { description: 'Start the finished job again as a new job (`resubmittedJob`; Commvault).' },
  },
});
