import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A certificate and its key, as PEM text, and the files holding them. */
export interface IssuedCert {
  cert: string;
  key: string;
  certPath: string;
  keyPath: string;
}

/** A throwaway certificate authority made for one test run, in a temp dir removed by `remove()`. */
export interface TestPki {
  dir: string;
  ca: IssuedCert;
  /** A certificate `ca` signed, naming `dnsNames` only, for TLS servers (`serverAuth`) or clients (`clientAuth`). */
  issue(name: string, dnsNames: readonly string[], usage: 'serverAuth' | 'clientAuth'): IssuedCert;
  remove(): void;
}

/**
 * node:crypto cannot sign X.509 certificates, so the test CA and its certificates come from the
 * `openssl` command (P-256 keys: fast to make), valid for a day from now.
 */
export function createTestPki(caName = 'backup-graph test CA'): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'bg-pki-'));
  const run = (...args: string[]): void => {
    execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  };
  const read = (name: string): IssuedCert => ({
    cert: readFileSync(join(dir, `${name}.pem`), 'utf8'),
    key: readFileSync(join(dir, `${name}.key`), 'utf8'),
    certPath: join(dir, `${name}.pem`),
    keyPath: join(dir, `${name}.key`),
  });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  run('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', '-subj', `/CN=${caName}`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  return {
    dir,
    ca: read('ca'),
    issue(name, dnsNames, usage) {
      writeFileSync(
        join(dir, `${name}.ext`),
        [`subjectAltName=${dnsNames.map((d) => `DNS:${d}`).join(',')}`, `extendedKeyUsage=${usage}`, 'basicConstraints=CA:FALSE'].join('\n'),
      );
      run('req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${dnsNames[0] ?? name}`);
      run('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '1', '-extfile', `${name}.ext`);
      return read(name);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
