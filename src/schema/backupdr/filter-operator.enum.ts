import { registerEnumType } from 'type-graphql';

/** Mirrors the datasource's FilterOperator (datasources import no graphql, so the enum is declared here). */
export enum BackupDrFilterOperator {
  EQ = 'EQ',
  NE = 'NE',
  CONTAINS = 'CONTAINS',
  GE = 'GE',
  LE = 'LE',
  BITAND = 'BITAND',
}

registerEnumType(BackupDrFilterOperator, {
  name: 'BackupDrFilterOperator',
  description: 'A console filter operator (the console\'s `filter=` grammar). Which ones a field takes depends on its type in the console\'s OPTIONS metadata.',
  valuesConfig: {
    EQ: { description: '`:==` exact match (String, Enum, Long, Boolean; dates as epoch microseconds). Repeated on one field: a union.' },
    NE: { description: '`:!=` not equal. May repeat on one field.' },
    CONTAINS: { description: '`:=|` case-insensitive substring (String only).' },
    GE: { description: '`:>=` (Long and dates). One GE with one LE on a field is a range.' },
    LE: { description: '`:<=` (Long and dates).' },
    BITAND: { description: '`:=b` bitwise and is non-zero (Boolean and Long).' },
  },
});
