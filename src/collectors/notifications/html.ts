/** Text made safe for HTML element content and quoted attributes: alert messages and workload names come from upstreams. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
