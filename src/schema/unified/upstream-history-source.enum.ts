import { registerEnumType } from 'type-graphql';

export enum HistorySource {
  COLLECTED = 'COLLECTED',
  DEMO = 'DEMO',
}

registerEnumType(HistorySource, {
  name: 'HistorySource',
  description: 'Where an upstream\'s stored history comes from (docs/history.md "Demo seeding").',
  valuesConfig: {
    COLLECTED: { description: 'The gateway\'s collectors, from their first collection.' },
    DEMO: { description: 'Its first 30 days were simulated by the demo at start; collections follow.' },
  },
});
