import { badUserInput } from '../../errors/gateway-error.js';

/**
 * The fields of an update input the caller gave, for the console's incremental PUT (docs/upstreams/backupdr.md
 * §3.2): a field left out is not sent and keeps its value. The console reads a null attribute as absent, so
 * a PUT cannot unset anything: an explicit null is refused rather than silently ignored, and so is an
 * update that gives nothing to change.
 * @throws BAD_USER_INPUT
 */
export function givenFields<T extends object, K extends keyof T & string>(input: T, fields: readonly K[]): { [P in K]?: NonNullable<T[P]> } {
  const out: { [P in K]?: NonNullable<T[P]> } = {};
  for (const name of fields) {
    const value = input[name];
    if (value === null) throw badUserInput(`${name} cannot be null: leave it out to keep its value (the console cannot unset it)`);
    if (value !== undefined) out[name] = value as NonNullable<T[K]>;
  }
  if (Object.keys(out).length === 0) throw badUserInput(`nothing to change: give at least one of ${fields.join(', ')}`);
  return out;
}

/** A caller's label for a job-starting write: kept as given, but bounded and not blank. @throws BAD_USER_INPUT */
export function checkedLabel(label: string | null | undefined): string | undefined {
  if (label === undefined || label === null) return undefined;
  if (label.trim() === '' || label.length > 200) throw badUserInput('label must hold 1 to 200 characters');
  return label;
}
