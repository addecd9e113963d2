/**
 * JSON → XML the way Commvault's XML-native services print it: scalar fields become attributes,
 * objects become child elements, arrays become repeated child elements named after their key (so a
 * single-element list is indistinguishable from an object, which is why cvpysdk wraps such values).
 * Empty arrays vanish; scalar array items become text elements.
 */
export function toXml(rootName: string, value: unknown): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="no" ?>${element(rootName, value)}`;
}

function element(name: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return `<${name}>${escapeText(scalar(value))}</${name}>`;
  if (Array.isArray(value)) return value.map((item) => element(name, item)).join('');
  let attributes = '';
  let children = '';
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (child === null || child === undefined) continue;
    if (typeof child === 'object') children += element(key, child);
    else attributes += ` ${key}="${escapeAttribute(scalar(child))}"`;
  }
  return children === '' ? `<${name}${attributes}/>` : `<${name}${attributes}>${children}</${name}>`;
}

function scalar(v: unknown): string {
  return typeof v === 'string' ? v : String(v);
}

const NEEDS_ESCAPE = /[&<>"\n]/;

function escapeText(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}
