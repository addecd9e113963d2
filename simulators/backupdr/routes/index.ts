import type { RouteDef } from '../context.js';
import { actionRoutes } from './actions.js';
import { imageRoutes } from './images.js';
import { planRoutes } from './plans.js';
import { listRoutes } from './resources.js';
import { sessionRoutes } from './session.js';

export const allRoutes: readonly RouteDef[] = [...sessionRoutes, ...listRoutes, ...actionRoutes, ...imageRoutes, ...planRoutes];
