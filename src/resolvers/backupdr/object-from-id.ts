import type { GatewayContext } from '../../context.js';
import type { BackupDrSource } from '../../datasources/backupdr/backupdr-source.js';
import { badUserInput } from '../../errors/gateway-error.js';
import { fromGlobalId } from '../../util/global-id.js';
import { consoleSource } from './sources.js';

/** A console object named in a mutation's input: the caller's source for its console and its console id. */
export interface ConsoleTarget {
  source: BackupDrSource;
  consoleId: string;
  typeName: string;
}

const CONSOLE_ID = /^\d{1,19}$/;

/**
 * A console object's global id given as an argument → the caller's source for its console and its console
 * id. Whether the console shows it to the caller is the console's to say (404 → NOT_FOUND).
 * @throws BAD_USER_INPUT for a malformed id, a type not in `typeNames`, or an upstream the caller cannot use.
 */
export function consoleObjectFromId(ctx: GatewayContext, globalId: string, typeNames: readonly string[]): ConsoleTarget {
  const parts = fromGlobalId(globalId);
  if (!typeNames.includes(parts.typeName) || !CONSOLE_ID.test(parts.localId)) {
    throw badUserInput(`"${globalId.slice(0, 80)}" is not a ${typeNames.join(' or ')} id`);
  }
  return { source: consoleSource(ctx, parts.instanceId), consoleId: parts.localId, typeName: parts.typeName };
}

/** Several objects one mutation relates (a plan's application, template and profile): they must share a console. */
export function onOneConsole(targets: readonly ConsoleTarget[]): BackupDrSource {
  const [first] = targets;
  if (!first || targets.some((t) => t.source.instanceId !== first.source.instanceId)) throw badUserInput('the objects must all be on one console');
  return first.source;
}
