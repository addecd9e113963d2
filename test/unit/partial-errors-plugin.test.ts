import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/errors/codes.js';
import { GatewayError } from '../../src/errors/gateway-error.js';
import { usePartialErrors, type PartialError } from '../../src/plugins/partial-errors.plugin.js';

/** Runs the plugin's willSendResponse on a single result, as Apollo would. */
async function send(partialErrors: PartialError[], result: { data?: unknown; errors?: unknown[]; extensions?: Record<string, unknown> }) {
  const plugin = usePartialErrors<{ partialErrors: PartialError[] }>();
  const hooks = await plugin.requestDidStart!({} as never);
  const response = { body: { kind: 'single', singleResult: result } };
  await hooks!.willSendResponse!({ response, contextValue: { partialErrors } } as never);
  return result;
}

const down = (instance: string) =>
  new GatewayError(ErrorCode.UPSTREAM_UNAVAILABLE, `upstream "${instance}" is unavailable`, { upstream: { instance } });

describe('usePartialErrors', () => {
  it('adds each recorded failure with its path and names the failed upstreams once in extensions.partial', async () => {
    const result = await send(
      [
        { error: down('bdr-2'), path: ['jobs'] },
        { error: down('cv-2'), path: ['storagePools'] },
        { error: down('bdr-2'), path: ['capacityAlerts'] },
      ],
      { data: { jobs: null }, extensions: { other: 1 } },
    );
    expect(result.errors).toEqual([
      expect.objectContaining({ path: ['jobs'], extensions: expect.objectContaining({ code: ErrorCode.UPSTREAM_UNAVAILABLE }) }),
      expect.objectContaining({ path: ['storagePools'] }),
      expect.objectContaining({ path: ['capacityAlerts'] }),
    ]);
    expect(result.extensions).toEqual({ other: 1, partial: ['bdr-2', 'cv-2'] });
  });

  it('leaves a complete answer as it is: no errors, no extensions.partial', async () => {
    const result = await send([], { data: { jobs: null } });
    expect(result).toEqual({ data: { jobs: null } });
  });
});
