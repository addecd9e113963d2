// Start time (spawn → first 200 on /readyz) and resident memory of the gateway, one way of starting it.
//   node scripts/measure-start.mjs dist|tsx [runs]
// Demo mode on free ports; RSS is summed over the process tree (tsx runs the gateway in a child node).
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';

const mode = process.argv[2] ?? 'dist';
const runs = Number(process.argv[3] ?? 3);
const COMMANDS = {
  dist: ['node', ['dist/src/server.js']],
  tsx: ['node_modules/.bin/tsx', ['src/server.ts']],
};

/** Every demo simulator's port variable (README.md): each gets a free port, so runs never collide. */
const DEMO_PORT_ENVS = ['COMMVAULT_SIM_PORT', 'BACKUPDR_SIM_PORT', 'COMMVAULT_SIM_PORT_2', 'COMMVAULT_CLOUD_SIM_PORT', 'BACKUPDR_SIM_PORT_2'];

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

function rssKiB(pid) {
  let total = 0;
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {}
  }
  const walk = (p) => {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      total += m ? Number(m[1]) : 0;
    } catch {}
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return total;
}

const QUERY = JSON.stringify({ query: '{ jobs(first: 20) { totalCount edges { node { id status ... on CommvaultJob { client { name } } } } } }' });

for (let i = 0; i < runs; i++) {
  const port = await freePort();
  const env = { ...process.env, NODE_ENV: 'production', PORT: String(port), LOG_LEVEL: 'warn' };
  for (const name of DEMO_PORT_ENVS) env[name] = String(await freePort());
  delete env.BACKUP_GRAPH_CONFIG;
  const [cmd, args] = COMMANDS[mode];
  const started = performance.now();
  const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
  let readyMs;
  while (readyMs === undefined) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) readyMs = performance.now() - started;
    } catch {}
    if (readyMs === undefined) await new Promise((r) => setTimeout(r, 10));
  }
  const idle = rssKiB(child.pid);
  for (let n = 0; n < 200; n++) {
    await (await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer demo-analyst' }, body: QUERY })).text();
  }
  const warm = rssKiB(child.pid);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  console.log(JSON.stringify({ mode, readyMs: Math.round(readyMs), rssIdleMiB: Math.round(idle / 1024), rssAfter200MiB: Math.round(warm / 1024) }));
}
