import type { Page } from 'playwright-core';

/**
 * How the test reaches into GraphiQL 3's DOM. Editors are CodeMirror 5 instances, which hang their API on
 * the `.CodeMirror` element; reading values through it sees the whole document, not only the rendered lines.
 */
export const GRAPHIQL = {
  queryEditor: '.graphiql-query-editor .CodeMirror',
  headerEditor: 'section.graphiql-editor-tool[aria-label="Headers"] .graphiql-editor:not(.hidden) .CodeMirror',
  variableEditor: 'section.graphiql-editor-tool[aria-label="Variables"] .graphiql-editor:not(.hidden) .CodeMirror',
  /** The Variables / Headers switch above the two editors. */
  editorToolButton: '.graphiql-editor-tools button',
  resultEditor: 'section.result-window .CodeMirror',
  resultWindow: 'section.result-window',
  executeButton: 'button.graphiql-execute-button',
  tab: '.graphiql-tab',
  activeTab: '.graphiql-tab.graphiql-tab-active',
} as const;

/** An element as seen inside the page (this project compiles without DOM typings, so only what we touch). */
type CodeMirrorHost = { CodeMirror?: { getValue(): string; setValue(value: string): void } };
type PageDocument = { querySelector(selector: string): unknown };

export async function editorValue(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (element) => (element as unknown as CodeMirrorHost).CodeMirror?.getValue() ?? '');
}

export async function setEditorValue(page: Page, selector: string, value: string): Promise<void> {
  await page.$eval(selector, (element, text) => (element as unknown as CodeMirrorHost).CodeMirror?.setValue(text), value);
}

export async function tabTitles(page: Page): Promise<{ all: string[]; active: string }> {
  const all = (await page.locator(GRAPHIQL.tab).allInnerTexts()).map((title) => title.trim());
  const active = (await page.locator(GRAPHIQL.activeTab).innerText()).trim();
  return { all, active };
}

/** Clicks ▶ and waits until the result editor holds a complete GraphQL response (`data` or `errors`). */
export async function executeActiveTab(page: Page, timeoutMs: number): Promise<{ data?: unknown; errors?: unknown[] }> {
  await page.click(GRAPHIQL.executeButton);
  await page.waitForFunction(
    (selector) => {
      const { document } = globalThis as unknown as { document: PageDocument };
      const text = (document.querySelector(selector) as CodeMirrorHost | null)?.CodeMirror?.getValue();
      if (!text) return false;
      try {
        const body = JSON.parse(text) as object;
        return 'data' in body || 'errors' in body;
      } catch {
        return false;
      }
    },
    GRAPHIQL.resultEditor,
    { timeout: timeoutMs },
  );
  return JSON.parse(await editorValue(page, GRAPHIQL.resultEditor)) as { data?: unknown; errors?: unknown[] };
}
