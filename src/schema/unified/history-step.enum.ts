import { registerEnumType } from 'type-graphql';
import { HistoryStep } from '../../history/buckets.js';

export { HistoryStep };

registerEnumType(HistoryStep, {
  name: 'HistoryStep',
  description: 'How finely a stored history is answered (docs/history.md "Reading the history").',
  valuesConfig: {
    RAW: { description: 'Every stored reading: one per collection while raw rows are kept, one per day after.' },
    HOUR: { description: 'The last reading of each UTC hour.' },
    DAY: { description: 'The last reading of each UTC day (what retention keeps of older days).' },
  },
});
