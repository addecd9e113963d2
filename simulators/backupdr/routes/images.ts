import { apiError, notFound, type ApiRequest, type ApiResult, type RouteDef, type SimContext } from '../context.js';
import { RIGHTS } from '../data/security.js';
import type { Backup } from '../data/types.js';
import { ERR } from '../errors.js';
import { backupResource, wireBackup } from '../resources/activity.js';
import { hostResource } from '../resources/inventory.js';
import { startJob } from './new-job.js';
import { badBody, visible } from './resources.js';
import { readUpdate } from './update.js';

/** `flags` bits of an image (data/activity.ts FLAG_BITS). */
const IMMUTABLE = 8;
const MOUNTED = 16;

/**
 * What a client does to one image (docs/upstreams/backupdr.md §7.4): mount it on a host, unmount it,
 * expire it, change its label or expiration. Same rights and organization rules as every other write:
 * an image or host the caller's organizations do not hold answers 404 like a missing one.
 */
export const imageRoutes: RouteDef[] = [
  { method: 'POST', template: '/backup/{id}/mount', right: RIGHTS.backupManage, handle: mount },
  { method: 'POST', template: '/backup/{id}/unmount', right: RIGHTS.backupManage, handle: unmount },
  { method: 'POST', template: '/backup/{id}/expire', right: RIGHTS.backupManage, handle: expire },
  { method: 'PUT', template: '/backup/{id}', right: RIGHTS.backupManage, handle: putBackup },
];

/**
 * `POST /backup/{id}/mount` with MountRest `{label, host: {id}, …}` → 204 and a running `mount` job carrying
 * the label (the caller finds it by `label:==`); the image shows the host in `mountedmap` at once.
 */
function mount(req: ApiRequest, ctx: SimContext): ApiResult {
  const image = visible(backupResource, req.params.id, req, ctx);
  if (!image) return notFound('backup', req.params.id);
  const u = readUpdate(req.body, { label: 'string', poweronvm: 'boolean', migratevm: 'boolean' });
  if ('error' in u) return badBody(u.error);
  const hostId = (req.body as { host?: { id?: unknown } | null } | undefined)?.host?.id;
  if (typeof hostId !== 'string' && typeof hostId !== 'number') return badBody('host.id is required');
  const host = visible(hostResource, String(hostId), req, ctx);
  if (!host) return notFound('host', String(hostId));
  const app = ctx.index.apps.get(image.appId);
  if (!app) return notFound('application', image.appId);
  startJob(ctx, { app, jobclass: 'mount', label: String(u.values.label ?? ''), targethost: host.hostname, sltname: ctx.index.slts.get(image.sltId)?.name });
  image.mountedmap = host.hostname;
  image.flags |= MOUNTED;
  image.modifydate = ctx.nowUs();
  return { status: 204 };
}

/** `POST /backup/{id}/unmount` `{"delete": …, "force": …, "preservevm": …}` → 204; 409 when the image is not mounted. */
function unmount(req: ApiRequest, ctx: SimContext): ApiResult {
  const image = visible(backupResource, req.params.id, req, ctx);
  if (!image) return notFound('backup', req.params.id);
  const u = readUpdate(req.body, { delete: 'boolean', force: 'boolean', preservevm: 'boolean' });
  if ('error' in u) return badBody(u.error);
  if ((image.flags & MOUNTED) === 0) return apiError(409, ERR.conflict, `Image ${image.backupname} is not mounted`);
  image.mountedmap = '';
  image.flags &= ~MOUNTED;
  image.modifydate = ctx.nowUs();
  return { status: 204 };
}

/**
 * `POST /backup/{id}/expire?force=true|false` (no body) → 204 and the image is gone. A mounted image needs
 * `force=true`; an immutable one cannot be expired at all (409 either way).
 */
function expire(req: ApiRequest, ctx: SimContext): ApiResult {
  const image = visible(backupResource, req.params.id, req, ctx);
  if (!image) return notFound('backup', req.params.id);
  const raw = req.query.get('force');
  const force = raw === null ? false : raw.toLowerCase() === 'true' ? true : raw.toLowerCase() === 'false' ? false : undefined;
  if (force === undefined) return apiError(400, ERR.badRequest, 'force must be true or false');
  if ((image.flags & IMMUTABLE) !== 0) return apiError(409, ERR.conflict, `Image ${image.backupname} is immutable until its expiration`);
  if ((image.flags & MOUNTED) !== 0 && !force) return apiError(409, ERR.conflict, `Image ${image.backupname} is mounted; expire it with force=true`);
  removeImage(image, ctx);
  return { status: 204 };
}

function removeImage(image: Backup, ctx: SimContext): void {
  const at = ctx.data.backups.indexOf(image);
  if (at >= 0) ctx.data.backups.splice(at, 1);
  ctx.index.backups.delete(image.id);
}

/** `PUT /backup/{id}` `{"label": …}` or `{"expiration": <µs>}` (incremental, docs/upstreams/backupdr.md §3.2) → 200 BackupRest. */
function putBackup(req: ApiRequest, ctx: SimContext): ApiResult {
  const image = visible(backupResource, req.params.id, req, ctx);
  if (!image) return notFound('backup', req.params.id);
  const u = readUpdate(req.body, { label: 'string', expiration: 'integer' });
  if ('error' in u) return badBody(u.error);
  const { label, expiration } = u.values;
  if (expiration !== undefined && Number(expiration) <= 0) return badBody('expiration must be epoch microseconds');
  if (label !== undefined) image.label = String(label);
  if (expiration !== undefined) image.expiration = Number(expiration);
  if (label !== undefined || expiration !== undefined) image.modifydate = ctx.nowUs();
  return { status: 200, body: wireBackup(image, ctx, req.apiRoot) };
}
