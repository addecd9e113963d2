import { describe, expect, it } from 'vitest';
import { upstreamRef } from '../../src/datasources/record.js';

describe('upstreamRef', () => {
  it('shares one frozen upstream per instance and kind, with the GraphQL UpstreamKind value', () => {
    expect(upstreamRef('cv-a', 'commvault')).toBe(upstreamRef('cv-a', 'commvault'));
    expect(upstreamRef('cv-a', 'commvault-cloud')).not.toBe(upstreamRef('cv-a', 'commvault'));
    expect(Object.isFrozen(upstreamRef('cv-a', 'commvault'))).toBe(true);
    expect(upstreamRef('cv-a', 'commvault')).toEqual({ id: 'cv-a', kind: 'COMMVAULT' });
    expect(upstreamRef('cv-b', 'commvault-cloud').kind).toBe('COMMVAULT_CLOUD');
    expect(upstreamRef('bdr-a', 'backupdr').kind).toBe('BACKUPDR');
  });
});
