import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../src/datasources/pipeline/decode.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('decodeBody', () => {
  it('parses JSON the content type announces, large answers included', () => {
    expect(decodeBody(bytes('{"a": [1, 2]}'), 'application/json; charset=utf-8')).toEqual({ ok: true, body: { a: [1, 2] } });
    const list = { clientProperties: Array.from({ length: 2000 }, (_, i) => ({ client: { clientEntity: { clientId: i, clientName: `client-${i}` } } })) };
    expect(decodeBody(bytes(JSON.stringify(list)), 'application/vnd.api+json')).toEqual({ ok: true, body: list });
  });

  it('parses JSON an upstream mislabels as text, and keeps other text as it is', () => {
    expect(decodeBody(bytes('  [{"id": 1}]'), 'text/plain')).toEqual({ ok: true, body: [{ id: 1 }] });
    expect(decodeBody(bytes('{not json'), 'text/plain')).toEqual({ ok: true, body: '{not json' });
    expect(decodeBody(bytes('<App_GetClientPropertiesResponse/>'), 'application/xml')).toEqual({ ok: true, body: '<App_GetClientPropertiesResponse/>' });
    expect(decodeBody(bytes('Zürich'), undefined)).toEqual({ ok: true, body: 'Zürich' });
  });

  it('refuses a body that claims JSON and is not, keeping its text for the error', () => {
    expect(decodeBody(bytes('<html>502 Bad Gateway</html>'), 'application/json')).toEqual({ ok: false, text: '<html>502 Bad Gateway</html>' });
    expect(decodeBody(bytes('{"jobs": [{"a": 1}'), 'application/json')).toEqual({ ok: false, text: '{"jobs": [{"a": 1}' });
  });

  it('reads an empty body, or one that is only a byte order mark, as the empty string', () => {
    expect(decodeBody(new Uint8Array(0), 'application/json')).toEqual({ ok: true, body: '' });
    expect(decodeBody(Buffer.from([0xef, 0xbb, 0xbf]), 'application/json')).toEqual({ ok: true, body: '' });
  });

  it('drops a byte order mark before JSON and before text', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect(decodeBody(Buffer.concat([bom, bytes('{"a":1}')]), 'text/plain')).toEqual({ ok: true, body: { a: 1 } });
    expect(decodeBody(Buffer.concat([bom, bytes('plain')]), 'text/plain')).toEqual({ ok: true, body: 'plain' });
  });

  it('reads a view into a larger buffer, not the buffer around it', () => {
    const whole = bytes('xx{"a":1}yy');
    expect(decodeBody(new Uint8Array(whole.buffer, whole.byteOffset + 2, 7), 'application/json')).toEqual({ ok: true, body: { a: 1 } });
  });
});
