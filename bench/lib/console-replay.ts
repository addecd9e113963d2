import type { DirectBackupDr } from './direct-backupdr.js';
import type { RecordedRequest } from './request-recorder.js';
import { nowMs } from './stats.js';

/**
 * The minimum possible for a console page: the gateway's own calls of one cold query, sent directly in
 * dependency order. `stages` lists console paths (below the API root) per round trip, e.g.
 * `[['/jobstatus'], ['/application', '/host'], ['/sla']]`: each stage's calls go in parallel, a stage
 * starts when the previous one has answered (its ids come from that answer).
 */
export class ConsoleReplay {
  private readonly rounds: RecordedRequest[][];

  /** @throws when the gateway made a call no stage names: the replay would leave it out silently. */
  constructor(
    private readonly direct: DirectBackupDr,
    basePath: string,
    calls: readonly RecordedRequest[],
    stages: readonly (readonly string[])[],
  ) {
    const pathOf = (r: RecordedRequest): string => r.url.slice(basePath.length).split('?')[0];
    const unknown = calls.filter((c) => !stages.some((s) => s.includes(pathOf(c))));
    if (unknown.length > 0) throw new Error(`calls outside the replay's stages: ${unknown.map((c) => `${c.method} ${pathOf(c)}`).join(', ')}`);
    this.rounds = stages.map((s) => calls.filter((c) => s.includes(pathOf(c))));
  }

  /** Number of calls one replay makes (login excluded). */
  get calls(): number {
    return this.rounds.reduce((n, r) => n + r.length, 0);
  }

  /** One replay; wall time in ms. With `login`, a fresh `POST /session` first, as a client's first page. */
  async run(login: boolean): Promise<number> {
    const started = nowMs();
    if (login) await this.direct.login();
    for (const round of this.rounds) await Promise.all(round.map((r) => this.direct.send(r)));
    return nowMs() - started;
  }
}
