import type { CommvaultSource } from '../../datasources/commvault/commvault-source.js';
import type { CvStoragePolicy } from '../../datasources/commvault/model.js';
import { notFound } from '../../errors/gateway-error.js';
import type { PolicyCopy } from '../../datasources/commvault/task-requests.js';

/**
 * Storage policies and copies a task names, checked against the CommServe's own lists before anything
 * is sent (`GET /StoragePolicy`, `GET /StoragePolicy/{id}`, both cached): `POST /CreateTask` names them
 * by name, and an unknown one is NOT_FOUND without a write. One instance per mutation, so a policy
 * named twice is read once.
 */
export class PolicyCopies {
  private policies?: Promise<CvStoragePolicy[]>;
  private readonly details = new Map<number, Promise<CvStoragePolicy>>();

  constructor(private readonly source: CommvaultSource) {}

  /** The policy's name. @throws NOT_FOUND when the CommServe has no policy with that id. */
  async policyName(storagePolicyId: number): Promise<string> {
    this.policies ??= this.source.listStoragePolicies();
    const policy = (await this.policies).find((p) => p.storagePolicyId === storagePolicyId);
    if (!policy) throw notFound(`Storage policy ${storagePolicyId} not found on ${this.source.instanceId}`);
    return policy.name;
  }

  /**
   * The policy and copy by the names the CommServe gives them; copy names match case-insensitively, as
   * Commvault matches names. @throws NOT_FOUND for an unknown policy or a copy the policy does not have.
   */
  async copy(storagePolicyId: number, copyName: string): Promise<PolicyCopy> {
    const storagePolicyName = await this.policyName(storagePolicyId);
    let detail = this.details.get(storagePolicyId);
    if (!detail) {
      detail = this.source.getStoragePolicy(storagePolicyId, storagePolicyName);
      this.details.set(storagePolicyId, detail);
    }
    const wanted = copyName.toLowerCase();
    const copy = ((await detail).copies ?? []).find((c) => c.name.toLowerCase() === wanted);
    if (!copy) throw notFound(`Storage policy "${storagePolicyName}" has no copy named "${copyName.slice(0, 100)}"`);
    return { storagePolicyName, copyName: copy.name };
  }
}
