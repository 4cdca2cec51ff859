import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import forge from 'node-forge';

/**
 * Certificates made in the test: a CA, leaf certificates it signs with chosen validity and names,
 * and self-signed ones. Keys come from node:crypto (native, fast) and are handed to node-forge,
 * which builds and signs the certificates. Everything is PEM.
 */
export interface KeyAndCertificate {
  /** PEM private key. */
  key: string;
  /** PEM certificate. */
  cert: string;
}

export interface CertificateAuthority extends KeyAndCertificate {
  commonName: string;
}

export interface CertificateOptions {
  commonName?: string;
  /** DNS names and IP addresses; default ["localhost", "127.0.0.1"]. */
  altNames?: string[];
  notBefore?: Date;
  notAfter?: Date;
}

const DAY_MS = 86_400_000;

function rsaKeys(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey; pem: string } {
  const pair = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return {
    privateKey: forge.pki.privateKeyFromPem(pair.privateKey) as forge.pki.rsa.PrivateKey,
    publicKey: forge.pki.publicKeyFromPem(pair.publicKey) as forge.pki.rsa.PublicKey,
    pem: pair.privateKey,
  };
}

function baseCertificate(publicKey: forge.pki.rsa.PublicKey, commonName: string, notBefore: Date, notAfter: Date): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  // Positive serial: a leading 0x00..0x7f byte.
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  cert.setSubject([{ name: 'commonName', value: commonName }, { name: 'organizationName', value: 'Upkeep Tests' }]);
  return cert;
}

function sanEntries(names: string[]): { type: number; value?: string; ip?: string }[] {
  return names.map((name) => (isIP(name) ? { type: 7, ip: name } : { type: 2, value: name }));
}

export function createCertificateAuthority(commonName = 'Upkeep Test CA'): CertificateAuthority {
  const keys = rsaKeys();
  const now = Date.now();
  const cert = baseCertificate(keys.publicKey, commonName, new Date(now - DAY_MS), new Date(now + 3650 * DAY_MS));
  cert.setIssuer(cert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { commonName, key: keys.pem, cert: forge.pki.certificateToPem(cert) };
}

function leafExtensions(altNames: string[]): object[] {
  return [
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: sanEntries(altNames) },
  ];
}

/** A server certificate signed by `ca`; valid from yesterday for 90 days unless told otherwise. */
export function issueCertificate(ca: CertificateAuthority, options: CertificateOptions = {}): KeyAndCertificate {
  const keys = rsaKeys();
  const now = Date.now();
  const altNames = options.altNames ?? ['localhost', '127.0.0.1'];
  const cert = baseCertificate(
    keys.publicKey,
    options.commonName ?? altNames[0] ?? 'localhost',
    options.notBefore ?? new Date(now - DAY_MS),
    options.notAfter ?? new Date(now + 90 * DAY_MS),
  );
  const caCert = forge.pki.certificateFromPem(ca.cert);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions(leafExtensions(altNames));
  cert.sign(forge.pki.privateKeyFromPem(ca.key) as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  return { key: keys.pem, cert: forge.pki.certificateToPem(cert) };
}

/** A server certificate that signs itself, as a freshly installed appliance has. */
export function selfSignedCertificate(options: CertificateOptions = {}): KeyAndCertificate {
  const keys = rsaKeys();
  const now = Date.now();
  const altNames = options.altNames ?? ['localhost', '127.0.0.1'];
  const cert = baseCertificate(
    keys.publicKey,
    options.commonName ?? altNames[0] ?? 'localhost',
    options.notBefore ?? new Date(now - DAY_MS),
    options.notAfter ?? new Date(now + 90 * DAY_MS),
  );
  cert.setIssuer(cert.subject.attributes);
  cert.setExtensions(leafExtensions(altNames));
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { key: keys.pem, cert: forge.pki.certificateToPem(cert) };
}

export function daysFromNow(days: number): Date {
  return new Date(Date.now() + days * DAY_MS);
}
