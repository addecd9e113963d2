/**
 * A Commvault Cloud tenant's budget (docs/upstreams/commvault.md §9.2): reads and writes per tenant per
 * period (1000 and 100 an hour by default), counted in fixed windows. Every answer names the limit of
 * its class and the period (`X-RateLimit-Limit`, `X-RateLimit-Period` in seconds); a call over the
 * budget answers 429 with the same headers. The service promises no `Retry-After` and no remaining
 * count, so none is sent.
 */
export interface TenantBudgetOptions {
  readsPerPeriod: number;
  writesPerPeriod: number;
  periodSeconds: number;
}

export const CLOUD_TENANT_BUDGET: Readonly<TenantBudgetOptions> = { readsPerPeriod: 1000, writesPerPeriod: 100, periodSeconds: 3600 };

export type TenantDecision = { allowed: boolean; headers: Record<string, string> };

/** One budget window as the tenant counted it: calls served per class, and calls refused with 429. */
export interface TenantWindow {
  /** When it opened (epoch ms): the first call after the previous window ended. */
  startedAtMs: number;
  reads: number;
  writes: number;
  refused: number;
}

/** Windows kept for `windows()`: enough for any test or bench run, bounded for a long-running demo. */
const WINDOWS_KEPT = 100;

export class TenantBudget {
  private windowStart: number;
  private reads = 0;
  private writes = 0;
  private refused = 0;
  private readonly closed: TenantWindow[] = [];

  constructor(
    private readonly options: TenantBudgetOptions,
    private readonly now: () => number,
  ) {
    if (!(options.readsPerPeriod >= 1 && options.writesPerPeriod >= 1 && options.periodSeconds > 0)) {
      throw new Error('tenantBudget needs readsPerPeriod, writesPerPeriod >= 1 and periodSeconds > 0');
    }
    this.windowStart = now();
  }

  /** Counts one call; GET and HEAD are reads, every other method (the login included) a write. */
  take(method: string): TenantDecision {
    const t = this.now();
    if (t - this.windowStart >= this.options.periodSeconds * 1000) {
      this.closed.push(this.current());
      if (this.closed.length > WINDOWS_KEPT) this.closed.shift();
      this.windowStart = t;
      this.reads = 0;
      this.writes = 0;
      this.refused = 0;
    }
    const read = method === 'GET' || method === 'HEAD';
    const limit = read ? this.options.readsPerPeriod : this.options.writesPerPeriod;
    const headers = { 'X-RateLimit-Limit': String(limit), 'X-RateLimit-Period': String(this.options.periodSeconds) };
    const used = read ? this.reads : this.writes;
    if (used >= limit) {
      this.refused += 1;
      return { allowed: false, headers };
    }
    if (read) this.reads += 1;
    else this.writes += 1;
    return { allowed: true, headers };
  }

  /** What this window has spent, for tests and the control endpoint. */
  spent(): { reads: number; writes: number } {
    return { reads: this.reads, writes: this.writes };
  }

  /**
   * The last windows, oldest first, the current one last (`GET /__sim/stats` → `tenantWindows`): what a
   * test needs to check that no window was overspent (no 429) and how much of each was used.
   */
  windows(): TenantWindow[] {
    return [...this.closed, this.current()];
  }

  private current(): TenantWindow {
    return { startedAtMs: this.windowStart, reads: this.reads, writes: this.writes, refused: this.refused };
  }
}

/** The header an MSP service account names the tenant company it acts for with (docs/upstreams/commvault-cloud-msp.md). */
export const OPERATOR_COMPANY_HEADER = 'operatorcompanyid';

/**
 * The budgets of a Commvault Cloud service: one TenantBudget per tenant company, made on its first call.
 * A call naming a company (`operatorcompanyid`) spends that company's budget; any other call (a tenant
 * user's own, or the service account's login without the header) spends the home tenant's (key `''`).
 */
export class TenantBudgets {
  private readonly byCompany = new Map<string, TenantBudget>();

  constructor(
    private readonly options: TenantBudgetOptions,
    private readonly now: () => number,
  ) {
    this.of('');
  }

  take(method: string, operatorCompany: string | undefined): TenantDecision {
    return this.of(operatorCompany?.trim() ?? '').take(method);
  }

  /** The budget of one company (`undefined`: the home tenant's). */
  of(company: string | number | undefined): TenantBudget {
    const key = company === undefined ? '' : String(company);
    let budget = this.byCompany.get(key);
    if (!budget) this.byCompany.set(key, (budget = new TenantBudget(this.options, this.now)));
    return budget;
  }

  /** Every company's windows but the home tenant's, by company id (`GET /__sim/stats` → `tenantWindowsByCompany`). */
  windowsByCompany(): Record<string, TenantWindow[]> {
    return Object.fromEntries([...this.byCompany].filter(([key]) => key !== '').map(([key, budget]) => [key, budget.windows()]));
  }
}
