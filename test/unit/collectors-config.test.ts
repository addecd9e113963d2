import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../src/config/load.js';

const UPSTREAMS = [{ id: 'cv-a', kind: 'commvault', url: 'http://127.0.0.1:1/api', username: 'u', password: 'p' }];

describe('collectors config', () => {
  it('defaults to the documented intervals: capacity, DDB and infrastructure 15 min, jobs and events 5 min, health report and protection 1 h, retention daily, half of each bucket kept for callers', () => {
    const { collectors } = parseConfig({ upstreams: UPSTREAMS }, {});
    expect(collectors).toMatchObject({
      enabled: true,
      intervalsMs: { capacity: 900_000, ddb: 900_000, infrastructure: 900_000, jobs: 300_000, protection: 3_600_000, events: 300_000, healthReport: 3_600_000, retention: 86_400_000 },
      reserve: 0.5,
      exclude: [],
      identities: {},
    });
  });

  it('refuses a reserve outside 0..1 and an interval under 100 ms', () => {
    expect(() => parseConfig({ upstreams: UPSTREAMS, collectors: { reserve: 1.5 } }, {})).toThrow(/collectors\.reserve/);
    expect(() => parseConfig({ upstreams: UPSTREAMS, collectors: { intervalsMs: { jobs: 10 } } }, {})).toThrow(/collectors\.intervalsMs\.jobs/);
  });

  it('reads a collector identity secret from its environment variable', () => {
    const config = parseConfig({ upstreams: UPSTREAMS, collectors: { identities: { 'cv-a': { username: 'collector', passwordEnv: 'CV_COLLECTOR_PW' } } } }, { CV_COLLECTOR_PW: 's3cret' });
    expect(config.collectors.identities['cv-a']).toMatchObject({ username: 'collector', password: 's3cret' });
  });

  it('names the replica from BACKUP_GRAPH_COLLECTOR_HOLDER, and the demo leaves its Cloud tenant out', async () => {
    const config = await loadConfig({ BACKUP_GRAPH_COLLECTOR_HOLDER: 'replica-7' });
    expect(config.collectors.holder).toBe('replica-7');
    expect(config.collectors.exclude).toEqual(['cvcloud-demo']);
  });
});
