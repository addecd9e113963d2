/**
 * The body of `POST /v2/vsa/vm/{guid}/recover` (docs/upstreams/commvault-vm-restore.md §1): a `VMRestoreReq`
 * element whose attributes say what to do. XML is the only form any public source shows, so the gateway
 * sends XML (with `Accept: application/json`, as for every call).
 */
import type { RawBody } from '../pipeline/types.js';

/** Where an out-of-place restore puts the VM: the VMware destination, the only one published. */
export interface VmRestoreDestination {
  newName: string;
  esxHost: string;
  dataStore: string;
  resourcePool?: string;
}

export interface VmRestoreRequest {
  /** Restore over the source VM (true) or as a new VM at `destination` (false). */
  inPlace: boolean;
  powerOn: boolean;
  /** `passUnconditionalOverride`: replace a VM that exists at the destination. */
  overwrite: boolean;
  /** The backup job to restore from; absent: the latest (`jobId=""`). */
  jobId?: number;
  /** Required out of place, absent in place. */
  destination?: VmRestoreDestination;
}

/** The XML request; attribute values escaped, so a name cannot close the element or add an attribute. */
export function vmRestoreBody(r: VmRestoreRequest): RawBody {
  const root = attributes({
    powerOnVmAfterRestore: String(r.powerOn),
    passUnconditionalOverride: String(r.overwrite),
    inPlaceRestore: String(r.inPlace),
    jobId: r.jobId === undefined ? '' : String(r.jobId),
  });
  const d = r.destination;
  const text = d
    ? `<VMRestoreReq${root}><destinationInfo><vmware${attributes({ newName: d.newName, esxHost: d.esxHost, dataStore: d.dataStore, resourcePool: d.resourcePool ?? '' })}/></destinationInfo></VMRestoreReq>`
    : `<VMRestoreReq${root}/>`;
  return { contentType: 'application/xml', text };
}

function attributes(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function escapeAttribute(v: string): string {
  return v.replace(/[&<>"']/g, (c) => ESCAPES[c]!).replace(/[\r\n\t]/g, (c) => `&#${c.charCodeAt(0)};`);
}
