import type { Scenario } from '../lib/figures.js';
import { baseline } from './baseline.js';
import { budget } from './budget.js';
import { collectors } from './collectors.js';
import { consoleList } from './console-list.js';
import { fanOut } from './fan-out.js';
import { faults } from './faults.js';
import { leanStack } from './lean-stack.js';
import { memory } from './memory.js';
import { nPlusOne } from './n-plus-one.js';
import { responseCache } from './response-cache.js';
import { stampede } from './stampede.js';
import { subscriptions } from './subscriptions.js';
import { tracing } from './tracing.js';
import { warm } from './warm.js';

/** In the issue's order (tracing, subscriptions and faults: later issues'); `--only=<name>` picks one. */
export const scenarios: readonly Scenario[] = [nPlusOne, warm, responseCache, stampede, budget, memory, consoleList, tracing, subscriptions, faults, collectors, leanStack, fanOut, baseline];
