/**
 * The compile-time check each product's schema folder runs (record-checks.ts there), no runtime code: each schema class declares exactly the properties of the
 * domain record its resolvers receive and return (src/datasources/…/model.ts). A property added to a
 * record but not to its class, or to a class but not to its record, or declared with another type,
 * fails `tsc`. `Resolved` names the interface fields a field resolver answers (declared on the class
 * because the interface requires them, never on the record).
 */
/** Both ways: the class is a valid record, the record a valid class, and neither has a property the other lacks. */
export type Same<Class extends Rec, Rec extends Omit<Class, Resolved>, Resolved extends keyof Class = never> = [
  Exclude<keyof Class, keyof Rec | Resolved>,
  Exclude<keyof Rec, keyof Class>,
] extends [never, never]
  ? true
  : { onlyOnClass: Exclude<keyof Class, keyof Rec | Resolved>; onlyOnRecord: Exclude<keyof Rec, keyof Class> };

export type Holds<T extends true> = T;

/** Two string unions hold the same values (an enum's values and its record's literal type). */
export type SameValues<A extends string, B extends string> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
