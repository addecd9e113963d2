import type { GatewayContext } from '../../context.js';
import type { BackupDrSource } from '../../datasources/backupdr/backupdr-source.js';
import { createBackupDrLoaders, type BackupDrLoaders } from '../../datasources/backupdr/loaders.js';
import { backupDrUpstreams } from '../../datasources/backupdr/product.js';

/** The caller's source for one console. @throws BAD_USER_INPUT for an id it cannot use as one. */
export function consoleSource(ctx: GatewayContext, instanceId: string): BackupDrSource {
  return ctx.sources.source(backupDrUpstreams, instanceId);
}

const LOADERS = Symbol('console loaders');

const makeLoaders = (ctx: GatewayContext): BackupDrLoaders => createBackupDrLoaders((instanceId) => consoleSource(ctx, instanceId));

/** This request's console loaders, made on first use (asked once per job of a page: no closure per call). */
export function consoleLoaders(ctx: GatewayContext): BackupDrLoaders {
  return ctx.perRequest(LOADERS, makeLoaders);
}
