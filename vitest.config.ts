import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import SlowFilesFirst from './test/helpers/slow-files-first.js';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One copy of graphql-js: type-graphql and Apollo run outside vite and get graphql's CommonJS main
    // through Node; our own imports must resolve to that same file, not to the `module` (.mjs) build
    // vite would pick, or instanceof checks fail across the two copies.
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Three files at a time on the 2-core machines (vitest's default, cores − 1, runs one): most files wait on
    // simulators, timers and child processes rather than compute, and the suite must fit CI's 15 minutes.
    // 195 files, on an otherwise idle machine: 752 s with two, 689 s with three, both green.
    maxWorkers: 3,
    sequence: { sequencer: SlowFilesFirst },
    // Gateways started from the environment (loadConfig, `npm start` in a child) keep their history
    // store in this run's temporary folder, not in the repository's ./data (test/helpers/store-dir.ts).
    env: { BACKUP_GRAPH_STORE_DIR: join(tmpdir(), `backup-graph-test-store-${process.pid}`) },
  },
});
