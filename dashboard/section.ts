import { h } from './dom.js';

export type SectionState = 'loading' | 'ready' | 'partial' | 'error';

/**
 * One titled part of the page. `data-state` says where it is (the browser test waits on it); the status line
 * is a live region, so a screen reader hears "loading", a count or an error without moving focus.
 */
export class Section {
  readonly element: HTMLElement;
  private readonly status: HTMLElement;
  private readonly body: HTMLElement;

  constructor(readonly id: string, title: string) {
    const heading = h('h2', { id: `${id}-title` }, title);
    this.status = h('p', { class: 'status', role: 'status' });
    this.body = h('div', { class: 'body' });
    this.element = h('section', { id, 'aria-labelledby': `${id}-title`, 'data-state': 'loading' }, heading, this.status, this.body);
  }

  loading(): void {
    this.element.dataset.state = 'loading';
    this.status.textContent = 'Loading…';
  }

  /** Still loading: an upstream's call budget is spent, and the page asks again after the gateway's advised wait. */
  waiting(ms: number): void {
    this.element.dataset.state = 'loading';
    this.status.textContent = `An upstream's call budget is spent for now; asking again in ${Math.ceil(ms / 1000)} s…`;
  }

  /** Shows `content`; with `errors` (an upstream that failed) the section is partial and says why. */
  show(summary: Node | string, content: Node, errors: readonly string[] = []): void {
    this.element.dataset.state = errors.length > 0 ? 'partial' : 'ready';
    this.status.replaceChildren(summary, ...errors.map((e) => h('span', { class: 'error' }, e)));
    this.body.replaceChildren(content);
  }

  fail(message: string): void {
    this.element.dataset.state = 'error';
    this.status.replaceChildren(h('span', { class: 'error' }, message));
    this.body.replaceChildren();
  }
}

/** The messages of an Apollo error (GraphQL errors, or the network failure), for a section's status line. */
export function errorMessages(error: unknown): string[] {
  if (!error) return [];
  const graphQLErrors = (error as { errors?: ReadonlyArray<{ message: string; extensions?: { code?: unknown } }> }).errors;
  if (graphQLErrors?.length) {
    return graphQLErrors.map((e) => (typeof e.extensions?.code === 'string' ? `${e.extensions.code}: ${e.message}` : e.message));
  }
  return [(error as Error).message ?? String(error)];
}
