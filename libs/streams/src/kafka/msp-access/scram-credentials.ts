import { pbkdf2Sync, randomBytes } from 'node:crypto';
import type { Connection, ConnectionOptions } from '@platformatic/kafka';
import { KafkaSecurity } from '../kafka-client';

export type ScramMechanism = 'SCRAM-SHA-256' | 'SCRAM-SHA-512';

/** Kafka's codes for the mechanisms (AlterUserScramCredentials, KIP-554). */
const MECHANISM_CODE: Record<ScramMechanism, number> = { 'SCRAM-SHA-256': 1, 'SCRAM-SHA-512': 2 };
const HASH: Record<ScramMechanism, { digest: string; length: number }> = {
  'SCRAM-SHA-256': { digest: 'sha256', length: 32 },
  'SCRAM-SHA-512': { digest: 'sha512', length: 64 },
};

/** The range Kafka accepts for a SCRAM credential's iterations. */
export const SCRAM_ITERATIONS = { min: 4096, max: 16384, default: 8192 } as const;

/**
 * What the broker stores of a password: a salt and SaltedPassword = Hi(password, salt, i), i.e.
 * PBKDF2 with HMAC of the mechanism's hash (RFC 5802 §2.2; Kafka takes the password's UTF-8 bytes).
 * The password itself never leaves this process.
 */
export function scramCredential(password: string, mechanism: ScramMechanism, iterations: number = SCRAM_ITERATIONS.default, salt = randomBytes(32)) {
  if (!Number.isInteger(iterations) || iterations < SCRAM_ITERATIONS.min || iterations > SCRAM_ITERATIONS.max) {
    throw new RangeError(`SCRAM iterations must be between ${SCRAM_ITERATIONS.min} and ${SCRAM_ITERATIONS.max}`);
  }
  const { digest, length } = HASH[mechanism];
  return { mechanism: MECHANISM_CODE[mechanism], iterations, salt, saltedPassword: pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, length, digest) };
}

/** A random password for a generated credential: 32 bytes, base64url (no character SCRAM would escape). */
export function generatedPassword(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Creates or replaces (upsert) and deletes SCRAM credentials through the AlterUserScramCredentials
 * API (KIP-554, Kafka 2.7+; in KRaft the only way besides formatting the storage). kafkajs does not
 * speak that API, so this one request goes through @platformatic/kafka, connected with the same
 * TLS and SASL as the relay. That package is ES-module only: it is loaded here, on use, by Node's
 * require(esm) (Node 20.19+ and 22.12+), so nothing else pays for it.
 */
export class ScramCredentialAdmin {
  constructor(
    private readonly brokers: string[],
    private readonly security: KafkaSecurity,
  ) {}

  async upsert(username: string, password: string, mechanism: ScramMechanism, iterations?: number): Promise<void> {
    const credential = scramCredential(password, mechanism, iterations);
    await this.alter([], [{ name: username, ...credential }]);
  }

  async delete(username: string, mechanism: ScramMechanism): Promise<void> {
    await this.alter([{ name: username, mechanism: MECHANISM_CODE[mechanism] }], []);
  }

  private async alter(
    deletions: { name: string; mechanism: number }[],
    upsertions: { name: string; mechanism: number; iterations: number; salt: Buffer; saltedPassword: Buffer }[],
  ): Promise<void> {
    const kafka = await import('@platformatic/kafka');
    const connection = await this.connect(kafka.Connection);
    try {
      await kafka.alterUserScramCredentialsV0.api.async(connection, deletions, upsertions);
    } catch (error) {
      throw new Error(`the broker refused the SCRAM credential change: ${describe(error)}`);
    } finally {
      await connection.close().catch(() => undefined);
    }
  }

  /** The first broker of the list that accepts a connection (and its SASL handshake). */
  private async connect(ConnectionClass: typeof Connection): Promise<Connection> {
    const options: ConnectionOptions = { connectTimeout: 10_000 };
    if (this.security.tls) options.tls = this.security.tls;
    const { sasl } = this.security;
    if (sasl) options.sasl = { mechanism: sasl.mechanism.toUpperCase() as 'PLAIN', username: sasl.username, password: sasl.password };
    let last: unknown;
    for (const broker of this.brokers) {
      const [host, port] = broker.split(/:(?=\d+$)/);
      const connection = new ConnectionClass('activity-log-cli', options);
      try {
        await connection.connect(host, Number(port));
        return connection;
      } catch (error) {
        last = error;
        await connection.close().catch(() => undefined);
      }
    }
    throw new Error(`no broker of ${this.brokers.join(',')} accepted the connection: ${describe(last)}`);
  }
}

/** @platformatic/kafka's errors carry the broker's per-user answers in `errors`/`response`. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const results = (error as { response?: { results?: { user: string; errorCode: number; errorMessage: string | null }[] } }).response?.results;
  const failed = results?.filter((r) => r.errorCode !== 0).map((r) => `${r.user}: ${r.errorMessage ?? `error code ${r.errorCode}`}`);
  return failed?.length ? failed.join('; ') : error.message;
}
