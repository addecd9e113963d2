import { registerEnumType } from 'type-graphql';

/** How the gateway checks an upstream's certificate (the values of src/datasources/pipeline/tls-options.ts). */
export enum TlsVerification {
  NOT_TLS = 'NOT_TLS',
  VERIFIED = 'VERIFIED',
  DISABLED = 'DISABLED',
}

registerEnumType(TlsVerification, {
  name: 'TlsVerification',
  description: "How the gateway checks an upstream's HTTPS certificate.",
  valuesConfig: {
    NOT_TLS: { description: 'Plain HTTP: nothing to check.' },
    VERIFIED: { description: "HTTPS, the certificate verified against the system's or the configured certificate authority." },
    DISABLED: { description: 'HTTPS with verification turned off for this upstream (`tls.rejectUnauthorized: false`): any certificate is accepted.' },
  },
});
