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

/** Waits until no section is loading; returns each section's state by id. */
export async function settledSections(page: Page, timeout: number): Promise<Record<string, string>> {
  await page.waitForFunction(() => {
    const sections = [...document.querySelectorAll('main > section')];
    return sections.length > 0 && sections.every((s) => s.getAttribute('data-state') !== 'loading');
  }, null, { timeout });
  return page.$$eval('main > section', (sections) => Object.fromEntries(sections.map((s) => [s.id, s.getAttribute('data-state') ?? ''])));
}
