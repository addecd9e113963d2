import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';

const dir = mkdtempSync(join(tmpdir(), 'bg-pwfile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const upstream = (extra: Record<string, unknown>) => ({ id: 'cv', kind: 'commvault', url: 'http://127.0.0.1:1/webconsole/api', username: 'svc', ...extra });

describe('upstreams[].passwordFile', () => {
  it('reads the password from the file, less its trailing newline', () => {
    const file = join(dir, 'pw');
    writeFileSync(file, 's3cret\n');
    expect(parseConfig({ upstreams: [upstream({ passwordFile: file })] }, {}).upstreams[0]?.password).toBe('s3cret');
  });

  it('stops the start naming the key when the file cannot be read', () => {
    expect(() => parseConfig({ upstreams: [upstream({ passwordFile: join(dir, 'missing') })] }, {})).toThrow(/upstreams\[0\]\.passwordFile: cannot read .*ENOENT/);
  });

  it('refuses a password given twice', () => {
    const file = join(dir, 'pw2');
    writeFileSync(file, 'x');
    expect(() => parseConfig({ upstreams: [upstream({ password: 'y', passwordFile: file })] }, {})).toThrow(/one of password, passwordEnv, passwordFile/);
  });
});
