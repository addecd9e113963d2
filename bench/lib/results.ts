import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ScenarioResult } from './figures.js';
import { machineInfo } from './machine.js';

/**
 * Writes the run's results as JSON: machine, Node version, date, mode, and every scenario's figures
 * (key → value, unit, ratio, goal). NaN becomes null (JSON has no NaN).
 */
export function writeResults(path: string, results: readonly ScenarioResult[], meta: { quick: boolean; smoke: boolean; only?: string; startedAt: Date; elapsedSeconds: number }): void {
  const doc = {
    date: meta.startedAt.toISOString(),
    mode: meta.smoke ? 'smoke' : meta.quick ? 'quick' : 'full',
    only: meta.only ?? null,
    elapsedSeconds: Math.round(meta.elapsedSeconds * 10) / 10,
    machine: machineInfo(),
    scenarios: Object.fromEntries(
      results.map((r) => [
        r.scenario,
        {
          title: r.title,
          status: r.status,
          elapsedSeconds: Math.round(r.elapsedSeconds * 10) / 10,
          notes: r.notes,
          figures: Object.fromEntries(
            r.figures.map((f) => [
              f.key,
              {
                label: f.label,
                value: finite(f.value),
                unit: f.unit,
                ...(f.ratio ? { ratio: finite(f.ratio.value), ratioAgainst: f.ratio.against } : {}),
                ...(f.goal ? { goal: f.goal } : {}),
              },
            ]),
          ),
        },
      ]),
    ),
  };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(doc, null, 2)}\n`);
}

function finite(n: number): number | null {
  return Number.isFinite(n) ? Math.round(n * 1000) / 1000 : null;
}
