import { InvalidInput } from '../shared/domain-errors';

/** The one signature algorithm MSP API keys use: ECDSA P-256 with SHA-256 (JWS `ES256`). */
export const API_KEY_ALGORITHM = 'ES256';

/** The public half of an API key as a JWK (RFC 7517): a P-256 point, nothing private. */
export interface EcPublicJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
}

/** What the event store keeps of a key pair: the public key and its RFC 7638 thumbprint. */
export interface ApiKeyMaterial {
  algorithm: typeof API_KEY_ALGORITHM;
  publicKey: EcPublicJwk;
  /** base64url SHA-256 JWK thumbprint (RFC 7638) of `publicKey`. */
  thumbprint: string;
}

/** 32 bytes in base64url without padding. */
const COORDINATE = /^[A-Za-z0-9_-]{43}$/;

/** The server made the key pair, but what reaches an event is still checked: public and well-formed only. */
export function checkApiKeyMaterial(material: ApiKeyMaterial): ApiKeyMaterial {
  const { algorithm, publicKey, thumbprint } = material ?? ({} as ApiKeyMaterial);
  const wellFormed =
    algorithm === API_KEY_ALGORITHM && publicKey?.kty === 'EC' && publicKey.crv === 'P-256' &&
    COORDINATE.test(publicKey.x) && COORDINATE.test(publicKey.y) && COORDINATE.test(thumbprint) &&
    Object.keys(publicKey).length === 4;
  if (!wellFormed) throw new InvalidInput('key must be an ES256 public key (P-256 JWK) with its thumbprint', 'key');
  return { algorithm, publicKey: { kty: 'EC', crv: 'P-256', x: publicKey.x, y: publicKey.y }, thumbprint };
}
