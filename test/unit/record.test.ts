import { describe, expect, it } from 'vitest';
import { upstreamRef } from '../../src/datasources/record.js';

describe('upstreamRef', () => {
  it('shares one frozen upstream per instance and graph kind', () => {
    expect(upstreamRef('cv-a', 'COMMVAULT')).toBe(upstreamRef('cv-a', 'COMMVAULT'));
    expect(upstreamRef('cv-a', 'COMMVAULT_CLOUD')).not.toBe(upstreamRef('cv-a', 'COMMVAULT'));
    expect(Object.isFrozen(upstreamRef('cv-a', 'COMMVAULT'))).toBe(true);
    expect(upstreamRef('cv-a', 'COMMVAULT')).toEqual({ id: 'cv-a', kind: 'COMMVAULT' });
  });
});
