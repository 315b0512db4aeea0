import { generate } from 'selfsigned';

export interface TestCertificate {
  key: string;
  /** PEM; trust it on the client side (`ca`) — it is its own CA. */
  cert: string;
}

let cached: Promise<TestCertificate> | undefined;

/**
 * A self-signed certificate for 127.0.0.1 / localhost / ::1, made by the test run (never
 * checked in). node:crypto makes keys but not X.509, hence `selfsigned`. One per process.
 */
export function selfSignedCertificate(): Promise<TestCertificate> {
  cached ??= generate([{ name: 'commonName', value: 'siem-test-server.localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  }).then((pems) => ({ key: pems.private, cert: pems.cert }));
  return cached;
}
