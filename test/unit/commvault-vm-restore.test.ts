import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { vmRestoreBody } from '../../src/datasources/commvault/vm-restore-request.js';
import { restoreRequestOf } from '../../src/resolvers/commvault/vm-operations.resolver.js';
import { ErrorCode } from '../../src/errors/codes.js';

/** The XML request of `POST /v2/vsa/vm/{guid}/recover` in the form the public client sends (docs/upstreams/commvault-vm-restore.md §1). */
describe('the VM restore request', () => {
  it('is the documented in-place element: power on, unconditional overwrite, latest backup', () => {
    expect(vmRestoreBody({ inPlace: true, powerOn: true, overwrite: true })).toEqual({
      contentType: 'application/xml',
      text: '<VMRestoreReq powerOnVmAfterRestore="true" passUnconditionalOverride="true" inPlaceRestore="true" jobId=""/>',
    });
  });

  it('adds the VMware destination out of place, escaping every value', () => {
    const body = vmRestoreBody({
      inPlace: false, powerOn: false, overwrite: false, jobId: 1426069,
      destination: { newName: 'app01 "copy" <1>', esxHost: 'esx02', dataStore: "ds & 'b'" },
    });
    expect(body.text).toBe(
      '<VMRestoreReq powerOnVmAfterRestore="false" passUnconditionalOverride="false" inPlaceRestore="false" jobId="1426069">' +
        '<destinationInfo><vmware newName="app01 &quot;copy&quot; &lt;1&gt;" esxHost="esx02" dataStore="ds &amp; &apos;b&apos;" resourcePool=""/></destinationInfo>' +
        '</VMRestoreReq>',
    );
  });

  it('fills the defaults: in place, powered on, overwriting in place and not out of place', () => {
    expect(restoreRequestOf({ virtualMachine: 'x' })).toEqual({ inPlace: true, powerOn: true, overwrite: true });
    const out = restoreRequestOf({ virtualMachine: 'x', inPlace: false, destination: { newName: ' n ', esxHost: 'h', dataStore: 'd' }, backupJobId: 7 });
    expect(out).toEqual({ inPlace: false, powerOn: true, overwrite: false, jobId: 7, destination: { newName: 'n', esxHost: 'h', dataStore: 'd' } });
  });

  it('refuses a destination in place and none out of place as BAD_USER_INPUT', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as { code?: string }).code;
      }
      return undefined;
    };
    expect(code(() => restoreRequestOf({ virtualMachine: 'x', destination: { newName: 'n', esxHost: 'h', dataStore: 'd' } }))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(code(() => restoreRequestOf({ virtualMachine: 'x', inPlace: false }))).toBe(ErrorCode.BAD_USER_INPUT);
  });
});
