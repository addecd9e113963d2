import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import type { CvJob } from '../../src/datasources/commvault/model.js';
import type { BdrJob } from '../../src/datasources/backupdr/model.js';
import { consoleUpstream, presentJob as presentConsoleJob } from '../../src/resolvers/backupdr/present.js';
import { presentJob } from '../../src/resolvers/commvault/present.js';
import { upstreamRef } from '../../src/resolvers/upstreams.js';

const consoleRecord = (id: string) => Object.freeze({ id, jobClass: 'snapshot', appliance: { id: '11', name: 'a1' }, status: 'COMPLETED' }) as unknown as BdrJob;
const record = (jobId: number) => Object.freeze({ jobId, clientId: 1, subclient: null, plan: null, storagePolicy: null, startedAt: null }) as unknown as CvJob;

describe('presenting a record once', () => {
  it('gives the same frozen object for the same record of the same instance', () => {
    const up = upstreamRef('cv-a', 'COMMVAULT');
    const r = record(7);
    const first = presentJob(up, r);
    expect(presentJob(upstreamRef('cv-a', 'COMMVAULT'), r)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(first.jobId).toBe(7);
  });

  it('builds a separate object for another record, and for the same record shown under another instance', () => {
    const r = record(8);
    const a = presentJob(upstreamRef('cv-a', 'COMMVAULT'), r);
    expect(presentJob(upstreamRef('cv-a', 'COMMVAULT'), record(8))).not.toBe(a);
    const b = presentJob(upstreamRef('cv-b', 'COMMVAULT'), r);
    expect(b).not.toBe(a);
    expect(b.upstream.id).toBe('cv-b');
    expect(a.id).not.toBe(b.id);
  });

  it('shares one frozen Upstream per instance', () => {
    expect(upstreamRef('cv-a', 'COMMVAULT')).toBe(upstreamRef('cv-a', 'COMMVAULT'));
    expect(upstreamRef('cv-a', 'COMMVAULT_CLOUD')).not.toBe(upstreamRef('cv-a', 'COMMVAULT'));
    expect(Object.isFrozen(upstreamRef('cv-a', 'COMMVAULT'))).toBe(true);
  });

  it('does the same for console records: one frozen object per record and console, with its console ids', () => {
    const r = consoleRecord('4001');
    const first = presentConsoleJob(consoleUpstream('bdr-a'), r);
    expect(presentConsoleJob(consoleUpstream('bdr-a'), r)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(first).toMatchObject({ consoleId: '4001', jobType: 'snapshot', applianceId: '11' });
    expect(presentConsoleJob(consoleUpstream('bdr-a'), consoleRecord('4001'))).not.toBe(first);
    const other = presentConsoleJob(consoleUpstream('bdr-b'), r);
    expect(other).not.toBe(first);
    expect(other.id).not.toBe(first.id);
  });
});
