import type { Page } from 'playwright-core';

/** One table row of a dashboard section: its key attribute and the text of each `data-field` cell. */
export interface ShownRow {
  key: string;
  fields: Record<string, string>;
}

/**
 * The rows a section shows, read from the rendered DOM as a person sees them (text content), keyed by the
 * row's `data-<key>` attribute (`data-upstream`, `data-target`, `data-workload`, `data-job`).
 */
export function shownRows(page: Page, selector: string, key: string): Promise<ShownRow[]> {
  return page.$$eval(
    selector,
    (rows, attribute) =>
      rows.map((row) => ({
        key: row.getAttribute(`data-${attribute}`) ?? '',
        fields: Object.fromEntries([...row.querySelectorAll('[data-field]')].map((cell) => [cell.getAttribute('data-field') ?? '', (cell.textContent ?? '').trim()])),
      })),
    key,
  );
}

/**
 * The little of the page's DOM the functions below use inside the browser (the test code has no DOM types).
 * Those functions are sent to the browser as source, so each names `globalThis` itself.
 */
interface PageGlobals {
  document: { querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null }> };
  sessionStorage: { getItem(key: string): string | null };
}

/** Waits until no section is loading; returns each section's state by id. */
export async function settledSections(page: Page, timeout: number): Promise<Record<string, string>> {
  await page.waitForFunction(() => {
    const sections = Array.from((globalThis as unknown as PageGlobals).document.querySelectorAll('main > section'));
    return sections.length > 0 && sections.every((s) => s.getAttribute('data-state') !== 'loading');
  }, null, { timeout });
  return page.$$eval('main > section', (sections) => Object.fromEntries(sections.map((s) => [s.id, s.getAttribute('data-state') ?? ''])));
}

/** Waits until every section is in `state`. */
export async function sectionsIn(page: Page, state: string, timeout: number): Promise<void> {
  await page.waitForFunction((wanted) => Array.from((globalThis as unknown as PageGlobals).document.querySelectorAll('main > section')).every((s) => s.getAttribute('data-state') === wanted), state, { timeout });
}

/** Waits until `count` live job rows have applied at least one subscription event. */
export async function liveRowsUpdated(page: Page, count: number, timeout: number): Promise<void> {
  await page.waitForFunction((n) => Array.from((globalThis as unknown as PageGlobals).document.querySelectorAll('#live tr[data-job]')).filter((r) => Number(r.getAttribute('data-events')) >= 1).length === n, count, { timeout });
}

/** A value of the page's sessionStorage. */
export function sessionValue(page: Page, key: string): Promise<string | null> {
  return page.evaluate((k) => (globalThis as unknown as PageGlobals).sessionStorage.getItem(k), key);
}
