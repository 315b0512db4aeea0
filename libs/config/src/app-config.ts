import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync,
} from 'class-validator';
import { accessSync, constants, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';

const toInt = ({ value }: { value: unknown }) => (/^\d+$/.test(String(value)) ? Number(value) : value);
const blankToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);
const BASE64_KEY = /^[A-Za-z0-9+/]{43}=$/;
const BASE64_KEY_LIST = /^\s*[A-Za-z0-9+/]{43}=(\s*,\s*[A-Za-z0-9+/]{43}=)*\s*$/;
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value === '' ? undefined : value);
const lowercase = ({ value }: { value: unknown }) => (typeof value === 'string' && value !== '' ? value.toLowerCase() : blankToUndefined({ value }));
const toSignedInt = ({ value }: { value: unknown }) => (/^-?\d+$/.test(String(value)) ? Number(value) : blankToUndefined({ value }));

/** SASL mechanisms the Kafka relay can authenticate with (kafkajs's names). */
export const KAFKA_SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;
export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];

/** Every setting the processes read from the environment, validated once at boot. */
export class AppConfig {
  @Transform(toInt)
  @IsInt({ message: 'PORT must be an integer between 1 and 65535' })
  @Min(1, { message: 'PORT must be an integer between 1 and 65535' })
  @Max(65535, { message: 'PORT must be an integer between 1 and 65535' })
  PORT = 3000;

  /** An IP address or a host name (checked in hostProblems). */
  @IsString()
  HOST = '127.0.0.1';

  /** Where the embedded stores keep their files. */
  @IsString()
  @IsNotEmpty({ message: 'DATA_DIR must be a directory path' })
  DATA_DIR = './data';

  @IsIn(['FULL', 'EXTRA', 'NORMAL'], { message: 'SQLITE_SYNCHRONOUS must be one of FULL, EXTRA, NORMAL' })
  SQLITE_SYNCHRONOUS: 'FULL' | 'EXTRA' | 'NORMAL' = 'FULL';

  /** When set, events go to EventStoreDB instead of the embedded SQLite store. */
  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^esdb(\+discover)?:\/\/\S+$/, {
    message: 'EVENTSTORE_URL must be an EventStoreDB connection string such as esdb://localhost:2113?tls=false',
  })
  EVENTSTORE_URL?: string;

  /** HS256 secret shared with the panel's identity service (32 characters or more). */
  @Transform(blankToUndefined)
  @IsOptional()
  @MinLength(32, { message: 'AUTH_JWT_SECRET must be at least 32 characters long' })
  AUTH_JWT_SECRET?: string;

  /** PEM public key (RSA or EC) for RS256/ES256 tokens. */
  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----/, {
    message: 'AUTH_JWT_PUBLIC_KEY must be a PEM public key (-----BEGIN PUBLIC KEY-----)',
  })
  AUTH_JWT_PUBLIC_KEY?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'AUTH_JWKS_URL must be an http(s) URL' })
  AUTH_JWKS_URL?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  AUTH_JWT_ISSUER?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  AUTH_JWT_AUDIENCE?: string;

  /** The longest lifetime (exp minus iat, or exp minus now) a bearer token may have. */
  @Transform(toInt)
  @IsInt({ message: 'AUTH_MAX_TOKEN_LIFETIME_S must be an integer between 60 and 2592000 (30 days)' })
  @Min(60, { message: 'AUTH_MAX_TOKEN_LIFETIME_S must be an integer between 60 and 2592000 (30 days)' })
  @Max(2_592_000, { message: 'AUTH_MAX_TOKEN_LIFETIME_S must be an integer between 60 and 2592000 (30 days)' })
  AUTH_MAX_TOKEN_LIFETIME_S = 86_400;

  /** How far ahead of ours the identity service's clock may be (iat, nbf); exp is never extended. */
  @Transform(toInt)
  @IsInt({ message: 'AUTH_CLOCK_SKEW_S must be an integer between 0 and 600' })
  @Min(0, { message: 'AUTH_CLOCK_SKEW_S must be an integer between 0 and 600' })
  @Max(600, { message: 'AUTH_CLOCK_SKEW_S must be an integer between 0 and 600' })
  AUTH_CLOCK_SKEW_S = 60;

  /** HMAC key that signs the API's cursors (32 characters or more); in embedded mode generated into DATA_DIR when unset. */
  @Transform(blankToUndefined)
  @IsOptional()
  @MinLength(32, { message: 'CURSOR_SECRET must be at least 32 characters long' })
  CURSOR_SECRET?: string;

  /** Comma-separated former CURSOR_SECRETs, still accepted on cursors during a rotation. */
  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^[^,]{32,}(,[^,]{32,})*$/, { message: 'CURSOR_SECRETS_PREVIOUS must be a comma-separated list of secrets of 32 characters or more' })
  CURSOR_SECRETS_PREVIOUS?: string;

  /** Where API clients reach this API (no trailing slash): downloaded credentials name it. Default http://127.0.0.1:<PORT>. */
  @Transform(blankToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'API_BASE_URL must be an http(s) URL such as https://audit.example.com' })
  @Matches(/^[^?#]*[^/?#]$/, { message: 'API_BASE_URL must be an http(s) URL without a trailing slash, query or fragment' })
  API_BASE_URL?: string;

  /**
   * The `aud` an API client's assertion must name (RFC 7523): a setting, never taken from the
   * request, so a Host header cannot make an assertion for another deployment acceptable here.
   * Default: API_BASE_URL + /oauth/token (the token endpoint, as RFC 7523 suggests).
   */
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(1)
  API_AUDIENCE?: string;

  /** Lifetime of the access tokens POST /oauth/token issues (at most 10 minutes). */
  @Transform(toInt)
  @IsInt({ message: 'ACCESS_TOKEN_TTL_S must be an integer between 30 and 600' })
  @Min(30, { message: 'ACCESS_TOKEN_TTL_S must be an integer between 30 and 600' })
  @Max(600, { message: 'ACCESS_TOKEN_TTL_S must be an integer between 30 and 600' })
  ACCESS_TOKEN_TTL_S = 300;

  /** Requests per RATE_LIMIT_WINDOW_S per credential on the pull API and log routes (per client IP on /oauth/token); 0: no limit. */
  @Transform(toInt)
  @IsInt({ message: 'RATE_LIMIT must be an integer between 0 and 1000000' })
  @Min(0, { message: 'RATE_LIMIT must be an integer between 0 and 1000000' })
  @Max(1_000_000, { message: 'RATE_LIMIT must be an integer between 0 and 1000000' })
  RATE_LIMIT = 600;

  @Transform(toInt)
  @IsInt({ message: 'RATE_LIMIT_WINDOW_S must be an integer between 1 and 86400' })
  @Min(1, { message: 'RATE_LIMIT_WINDOW_S must be an integer between 1 and 86400' })
  @Max(86_400, { message: 'RATE_LIMIT_WINDOW_S must be an integer between 1 and 86400' })
  RATE_LIMIT_WINDOW_S = 60;

  /** The largest JSON request body accepted, in bytes, counted after decompression. */
  @Transform(toInt)
  @IsInt({ message: 'BODY_LIMIT_BYTES must be an integer between 1024 and 10485760' })
  @Min(1024, { message: 'BODY_LIMIT_BYTES must be an integer between 1024 and 10485760' })
  @Max(10_485_760, { message: 'BODY_LIMIT_BYTES must be an integer between 1024 and 10485760' })
  BODY_LIMIT_BYTES = 102_400;

  /** Comma-separated IPs or CIDRs of reverse proxies whose X-Forwarded-For is believed. */
  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^\s*[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*\s*$/, {
    message: 'TRUSTED_PROXIES must be a comma-separated list of IP addresses or CIDR ranges',
  })
  TRUSTED_PROXIES?: string;

  /** Run the projectors inside the API process; by default yes on the embedded stores, no with MONGO_URL. */
  @Transform(toBoolean)
  @IsOptional()
  @IsBoolean({ message: 'PROJECTORS_IN_API must be true or false' })
  PROJECTORS_IN_API?: boolean;

  /** Run the SIEM deliveries inside the API process; by default wherever the projectors run. Exactly one process should. */
  @Transform(toBoolean)
  @IsOptional()
  @IsBoolean({ message: 'SIEM_DELIVERY_IN_API must be true or false' })
  SIEM_DELIVERY_IN_API?: boolean;

  /** When set, the read models live in MongoDB (or a MongoDB-wire server) instead of SQLite. */
  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^mongodb(\+srv)?:\/\/\S+$/, { message: 'MONGO_URL must be a MongoDB connection string such as mongodb://localhost:27017/activity-log' })
  MONGO_URL?: string;

  /** How long the MongoDB driver looks for a server before giving up (the request then answers 503). */
  @Transform(toInt)
  @IsInt({ message: 'MONGO_SERVER_SELECTION_TIMEOUT_MS must be an integer between 100 and 60000' })
  @Min(100, { message: 'MONGO_SERVER_SELECTION_TIMEOUT_MS must be an integer between 100 and 60000' })
  @Max(60000, { message: 'MONGO_SERVER_SELECTION_TIMEOUT_MS must be an integer between 100 and 60000' })
  MONGO_SERVER_SELECTION_TIMEOUT_MS = 1500;

  /** How long opening a connection (TCP and handshake) and each heartbeat may take. */
  @Transform(toInt)
  @IsInt({ message: 'MONGO_CONNECT_TIMEOUT_MS must be an integer between 100 and 60000' })
  @Min(100, { message: 'MONGO_CONNECT_TIMEOUT_MS must be an integer between 100 and 60000' })
  @Max(60000, { message: 'MONGO_CONNECT_TIMEOUT_MS must be an integer between 100 and 60000' })
  MONGO_CONNECT_TIMEOUT_MS = 1000;

  /** How long an operation waits for the server's answer on an open connection (a server that hangs). */
  @Transform(toInt)
  @IsInt({ message: 'MONGO_SOCKET_TIMEOUT_MS must be an integer between 100 and 600000' })
  @Min(100, { message: 'MONGO_SOCKET_TIMEOUT_MS must be an integer between 100 and 600000' })
  @Max(600000, { message: 'MONGO_SOCKET_TIMEOUT_MS must be an integer between 100 and 600000' })
  MONGO_SOCKET_TIMEOUT_MS = 1500;

  /** When set, the worker relays every event to Kafka: comma-separated host:port list. */
  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^[\w.-]+:\d{1,5}(,[\w.-]+:\d{1,5})*$/, { message: 'KAFKA_BROKERS must be a comma-separated list of host:port' })
  KAFKA_BROKERS?: string;

  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'KAFKA_TOPIC_PREFIX must be 1 to 100 letters, digits, dots, underscores or dashes' })
  KAFKA_TOPIC_PREFIX = 'activity';

  /** retention.ms of the topics the relay creates (-1: keep forever); unset: the broker's default. */
  @Transform(toSignedInt)
  @IsOptional()
  @IsInt({ message: 'KAFKA_TOPIC_RETENTION_MS must be -1 (keep forever) or a number of milliseconds of at least 1' })
  @Min(-1, { message: 'KAFKA_TOPIC_RETENTION_MS must be -1 (keep forever) or a number of milliseconds of at least 1' })
  KAFKA_TOPIC_RETENTION_MS?: number;

  /** SASL on the relay's connection: plain, scram-sha-256 or scram-sha-512 (any case). */
  @Transform(lowercase)
  @IsOptional()
  @IsIn(KAFKA_SASL_MECHANISMS, { message: 'KAFKA_SASL_MECHANISM must be one of PLAIN, SCRAM-SHA-256, SCRAM-SHA-512' })
  KAFKA_SASL_MECHANISM?: KafkaSaslMechanism;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  KAFKA_SASL_USERNAME?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  KAFKA_SASL_PASSWORD?: string;

  /** TLS to the brokers; the CA and client certificate files below need it. */
  @Transform(toBoolean)
  @IsOptional()
  @IsBoolean({ message: 'KAFKA_TLS must be true or false' })
  KAFKA_TLS?: boolean;

  /** PEM file of the CA(s) that signed the brokers' certificates; unset: the system's CAs. */
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  KAFKA_TLS_CA_FILE?: string;

  /** PEM client certificate and key (mutual TLS); both or neither. */
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  KAFKA_TLS_CERT_FILE?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  KAFKA_TLS_KEY_FILE?: string;

  /** When set, GET /metrics needs `Authorization: Bearer <METRICS_TOKEN>`; unset, it is open like /health. */
  @Transform(blankToUndefined)
  @IsOptional()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters long' })
  METRICS_TOKEN?: string;

  /** Comma-separated origins (scheme://host[:port]) whose pages may call the API from a browser; unset: same origin only. */
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  /** How long a stream ticket (POST /stream-tickets) may wait for its one use. */
  @Transform(toInt)
  @IsInt({ message: 'STREAM_TICKET_TTL_SECONDS must be an integer between 1 and 60' })
  @Min(1, { message: 'STREAM_TICKET_TTL_SECONDS must be an integer between 1 and 60' })
  @Max(60, { message: 'STREAM_TICKET_TTL_SECONDS must be an integer between 1 and 60' })
  STREAM_TICKET_TTL_SECONDS = 30;

  /** The worker touches this file every few seconds while its event loop runs (a container healthcheck reads it). */
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  WORKER_HEARTBEAT_FILE?: string;

  @Transform(toInt)
  @IsInt({ message: 'KAFKA_TOPIC_PARTITIONS must be an integer between 1 and 1000' })
  @Min(1, { message: 'KAFKA_TOPIC_PARTITIONS must be an integer between 1 and 1000' })
  @Max(1000, { message: 'KAFKA_TOPIC_PARTITIONS must be an integer between 1 and 1000' })
  KAFKA_TOPIC_PARTITIONS = 3;

  @Transform(toInt)
  @IsInt({ message: 'KAFKA_TOPIC_REPLICATION must be an integer between 1 and 10' })
  @Min(1, { message: 'KAFKA_TOPIC_REPLICATION must be an integer between 1 and 10' })
  @Max(10, { message: 'KAFKA_TOPIC_REPLICATION must be an integer between 1 and 10' })
  KAFKA_TOPIC_REPLICATION = 1;

  /** Base64 of 32 bytes: the master key that wraps the data keys of stored secrets (SIEM tokens). */
  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(BASE64_KEY, { message: 'SECRETS_MASTER_KEY must be the base64 of 32 random bytes (e.g. openssl rand -base64 32)' })
  SECRETS_MASTER_KEY?: string;

  /** Older master keys, comma-separated, kept for opening during a rotation. */
  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(BASE64_KEY_LIST, { message: 'SECRETS_MASTER_KEY_PREVIOUS must be a comma-separated list of base64 keys of 32 bytes' })
  SECRETS_MASTER_KEY_PREVIOUS?: string;

  /** Most events pushed to a SIEM in one delivery (split further by the sink's size bound). */
  @Transform(toInt)
  @IsInt({ message: 'SIEM_BATCH_SIZE must be an integer between 1 and 10000' })
  @Min(1, { message: 'SIEM_BATCH_SIZE must be an integer between 1 and 10000' })
  @Max(10000, { message: 'SIEM_BATCH_SIZE must be an integer between 1 and 10000' })
  SIEM_BATCH_SIZE = 500;

  /** First retry of a SIEM that is down waits up to this; doubling (with jitter) up to SIEM_RETRY_MAX_MS. */
  @Transform(toInt)
  @IsInt({ message: 'SIEM_RETRY_INITIAL_MS must be an integer between 1 and 600000' })
  @Min(1, { message: 'SIEM_RETRY_INITIAL_MS must be an integer between 1 and 600000' })
  @Max(600000, { message: 'SIEM_RETRY_INITIAL_MS must be an integer between 1 and 600000' })
  SIEM_RETRY_INITIAL_MS = 1000;

  @Transform(toInt)
  @IsInt({ message: 'SIEM_RETRY_MAX_MS must be an integer between 1 and 3600000' })
  @Min(1, { message: 'SIEM_RETRY_MAX_MS must be an integer between 1 and 3600000' })
  @Max(3600000, { message: 'SIEM_RETRY_MAX_MS must be an integer between 1 and 3600000' })
  SIEM_RETRY_MAX_MS = 300000;

  /** IntegrationSyncSucceeded / Failed are recorded on a change of outcome, and at most once per this interval. */
  @Transform(toInt)
  @IsInt({ message: 'SIEM_SYNC_EVENT_INTERVAL_MS must be an integer between 100 and 86400000' })
  @Min(100, { message: 'SIEM_SYNC_EVENT_INTERVAL_MS must be an integer between 100 and 86400000' })
  @Max(86400000, { message: 'SIEM_SYNC_EVENT_INTERVAL_MS must be an integer between 100 and 86400000' })
  SIEM_SYNC_EVENT_INTERVAL_MS = 900000;

  /** How often the delivery supervisor reads the integrations view to start, restart or stop workers. */
  @Transform(toInt)
  @IsInt({ message: 'SIEM_SUPERVISOR_INTERVAL_MS must be an integer between 50 and 60000' })
  @Min(50, { message: 'SIEM_SUPERVISOR_INTERVAL_MS must be an integer between 50 and 60000' })
  @Max(60000, { message: 'SIEM_SUPERVISOR_INTERVAL_MS must be an integer between 50 and 60000' })
  SIEM_SUPERVISOR_INTERVAL_MS = 1000;

  /**
   * How often the retention job runs (expires tenants' months of activity, drops entries past
   * their retention from the views); it also runs once at start.
   */
  @Transform(toInt)
  @IsInt({ message: 'RETENTION_INTERVAL_MS must be an integer between 1000 and 86400000' })
  @Min(1000, { message: 'RETENTION_INTERVAL_MS must be an integer between 1000 and 86400000' })
  @Max(86400000, { message: 'RETENTION_INTERVAL_MS must be an integer between 1000 and 86400000' })
  RETENTION_INTERVAL_MS = 3600000;

  /** How long a process trusts a personal-data or retention key it read (the bound on noticing an erasure made elsewhere). */
  @Transform(toInt)
  @IsInt({ message: 'PRIVACY_KEY_CACHE_MS must be an integer between 0 and 3600000' })
  @Min(0, { message: 'PRIVACY_KEY_CACHE_MS must be an integer between 0 and 3600000' })
  @Max(3600000, { message: 'PRIVACY_KEY_CACHE_MS must be an integer between 0 and 3600000' })
  PRIVACY_KEY_CACHE_MS = 60000;

  /** How long a query with ?minPosition= waits for the view to catch up before answering 503. */
  @Transform(toInt)
  @IsInt({ message: 'MIN_POSITION_TIMEOUT_MS must be an integer between 0 and 60000' })
  @Min(0, { message: 'MIN_POSITION_TIMEOUT_MS must be an integer between 0 and 60000' })
  @Max(60000, { message: 'MIN_POSITION_TIMEOUT_MS must be an integer between 0 and 60000' })
  MIN_POSITION_TIMEOUT_MS = 5000;

  /** Live tails (SSE) one principal may have open at once; one more answers 429. */
  @Transform(toInt)
  @IsInt({ message: 'LIVE_TAIL_MAX_PER_PRINCIPAL must be an integer between 1 and 1000' })
  @Min(1, { message: 'LIVE_TAIL_MAX_PER_PRINCIPAL must be an integer between 1 and 1000' })
  @Max(1000, { message: 'LIVE_TAIL_MAX_PER_PRINCIPAL must be an integer between 1 and 1000' })
  LIVE_TAIL_MAX_PER_PRINCIPAL = 5;

  /** The checkpoint signer key (C2SP note format, Ed25519): a secret. Embedded mode generates one under DATA_DIR. */
  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^PRIVATE\+KEY\+[^+\s]+\+[0-9a-f]{8}\+[A-Za-z0-9+/]+=*$/, {
    message: 'AUDIT_SIGNING_KEY must be a note signer key: PRIVATE+KEY+<name>+<8 hex digits>+<base64> (cli audit-generate-key makes one)',
  })
  AUDIT_SIGNING_KEY?: string;

  /** Verifier keys of earlier signing keys (comma-separated), published so old checkpoints stay verifiable. */
  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^\s*[^+\s,]+\+[0-9a-f]{8}\+[A-Za-z0-9+/]+=*(\s*,\s*[^+\s,]+\+[0-9a-f]{8}\+[A-Za-z0-9+/]+=*)*\s*$/, {
    message: 'AUDIT_PREVIOUS_VERIFIER_KEYS must be a comma-separated list of note verifier keys: <name>+<8 hex digits>+<base64>',
  })
  AUDIT_PREVIOUS_VERIFIER_KEYS?: string;

  /** How often a checkpoint is signed while events arrive (and once more at shutdown). */
  @Transform(toInt)
  @IsInt({ message: 'AUDIT_CHECKPOINT_INTERVAL_MS must be an integer between 100 and 60000' })
  @Min(100, { message: 'AUDIT_CHECKPOINT_INTERVAL_MS must be an integer between 100 and 60000' })
  @Max(60000, { message: 'AUDIT_CHECKPOINT_INTERVAL_MS must be an integer between 100 and 60000' })
  AUDIT_CHECKPOINT_INTERVAL_MS = 60000;

  /** Sign checkpoints in the API process; by default wherever the projectors run. Exactly one process should. */
  @Transform(toBoolean)
  @IsOptional()
  @IsBoolean({ message: 'AUDIT_CHECKPOINTS_IN_API must be true or false' })
  AUDIT_CHECKPOINTS_IN_API?: boolean;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
  })
  LOG_LEVEL = 'info';

  /** `auto`: readable lines when stdout is a terminal, JSON otherwise (containers, CI, pipes). */
  @IsIn(['auto', 'json', 'pretty'], { message: 'LOG_FORMAT must be one of auto, json, pretty' })
  LOG_FORMAT: 'auto' | 'json' | 'pretty' = 'auto';

  /** Embedded mode: everything on local files, no external engine configured. */
  get embedded(): boolean {
    return !this.EVENTSTORE_URL;
  }

  get projectorsInApi(): boolean {
    return this.PROJECTORS_IN_API ?? !this.MONGO_URL;
  }

  get siemDeliveryInApi(): boolean {
    return this.SIEM_DELIVERY_IN_API ?? this.projectorsInApi;
  }

  get auditCheckpointsInApi(): boolean {
    return this.AUDIT_CHECKPOINTS_IN_API ?? this.projectorsInApi;
  }

  get previousVerifierKeys(): string[] {
    return (this.AUDIT_PREVIOUS_VERIFIER_KEYS ?? '').split(',').map((k) => k.trim()).filter(Boolean);
  }

  /** Embedded mode's generated checkpoint signer key (mode 600). */
  get auditSigningKeyFile(): string {
    return resolve(this.DATA_DIR, 'audit-signing-key');
  }

  /** The integrity log the downstream writer keeps when events are in EventStoreDB. */
  get integrityLogFile(): string {
    return resolve(this.DATA_DIR, 'integrity.sqlite');
  }

  get mongoTimeouts(): { serverSelectionTimeoutMS: number; connectTimeoutMS: number; socketTimeoutMS: number } {
    return {
      serverSelectionTimeoutMS: this.MONGO_SERVER_SELECTION_TIMEOUT_MS,
      connectTimeoutMS: this.MONGO_CONNECT_TIMEOUT_MS,
      socketTimeoutMS: this.MONGO_SOCKET_TIMEOUT_MS,
    };
  }

  get kafkaBrokers(): string[] {
    return (this.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
  }

  get trustedProxies(): string[] {
    return (this.TRUSTED_PROXIES ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  }

  /** Former cursor secrets, still accepted during a rotation. */
  get previousCursorSecrets(): string[] {
    return (this.CURSOR_SECRETS_PREVIOUS ?? '').split(',').filter(Boolean);
  }

  get apiBaseUrl(): string {
    return this.API_BASE_URL ?? `http://127.0.0.1:${this.PORT}`;
  }

  get apiAudience(): string {
    return this.API_AUDIENCE ?? `${this.apiBaseUrl}/oauth/token`;
  }

  get corsOrigins(): string[] {
    return (this.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  }

  get readModelsFile(): string {
    return resolve(this.DATA_DIR, 'read-models.sqlite');
  }

  get eventStoreFile(): string {
    return resolve(this.DATA_DIR, 'events.sqlite');
  }

  get keyStoreFile(): string {
    return resolve(this.DATA_DIR, 'keys.sqlite');
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; throws a ConfigError naming each bad setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const given = Object.fromEntries(Object.entries(env).filter(([key, value]) => known.includes(key) && value !== undefined));
  const config = plainToInstance(AppConfig, given);
  const problems = validateSync(config).map(
    (e) => `${Object.values(e.constraints ?? {})[0] ?? `${e.property} is invalid`} (got ${shown(e.property, e.value)})`,
  );
  problems.push(...hostProblems(config), ...authProblems(config), ...kafkaProblems(config), ...corsProblems(config));
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** Secrets are never echoed back, even in an error message. */
function shown(property: string, value: unknown): string {
  return /SECRET|PASSWORD|TOKEN|SIGNING_KEY/.test(property) ? '[redacted]' : JSON.stringify(value);
}

const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

function hostProblems(config: AppConfig): string[] {
  if (isIP(config.HOST) || HOST_NAME.test(config.HOST)) return [];
  return [`HOST must be an IP address or a host name to listen on, such as 127.0.0.1 or 0.0.0.0 (got ${JSON.stringify(config.HOST)})`];
}

/** Each CORS origin exactly as a browser sends it in `Origin`: scheme, host and port, no path, no wildcard. */
function corsProblems(config: AppConfig): string[] {
  const bad = config.corsOrigins.filter((origin) => {
    try {
      const url = new URL(origin);
      return !['http:', 'https:'].includes(url.protocol) || url.origin !== origin;
    } catch {
      return true;
    }
  });
  if (bad.length === 0) return [];
  return [`CORS_ORIGINS must be a comma-separated list of origins such as https://panel.example.com or http://localhost:5173 (got ${JSON.stringify(bad.join(','))})`];
}

/** SASL needs a mechanism, a user and a password together; certificate files need TLS on, and must be readable PEM. */
function kafkaProblems(config: AppConfig): string[] {
  const problems: string[] = [];
  const sasl = [config.KAFKA_SASL_MECHANISM, config.KAFKA_SASL_USERNAME, config.KAFKA_SASL_PASSWORD];
  if (sasl.some(Boolean) && !sasl.every(Boolean)) {
    problems.push('KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD must be set together');
  }
  const files = { KAFKA_TLS_CA_FILE: config.KAFKA_TLS_CA_FILE, KAFKA_TLS_CERT_FILE: config.KAFKA_TLS_CERT_FILE, KAFKA_TLS_KEY_FILE: config.KAFKA_TLS_KEY_FILE };
  for (const [name, file] of Object.entries(files)) {
    if (!file) continue;
    if (!config.KAFKA_TLS) problems.push(`${name} needs KAFKA_TLS=true`);
    const problem = pemFileProblem(file);
    if (problem) problems.push(`${name} ${problem} (got ${JSON.stringify(file)})`);
  }
  if (!!config.KAFKA_TLS_CERT_FILE !== !!config.KAFKA_TLS_KEY_FILE) problems.push('KAFKA_TLS_CERT_FILE and KAFKA_TLS_KEY_FILE must be set together');
  return problems;
}

function pemFileProblem(file: string): string | undefined {
  try {
    accessSync(file, constants.R_OK);
    return readFileSync(file, 'utf8').includes('-----BEGIN ') ? undefined : 'must be a PEM file (-----BEGIN …)';
  } catch {
    return 'must be a readable file';
  }
}

function authProblems(config: AppConfig): string[] {
  const keys = ['AUTH_JWT_SECRET', 'AUTH_JWT_PUBLIC_KEY', 'AUTH_JWKS_URL'] as const;
  const set = keys.filter((k) => config[k]);
  if (set.length > 1) return [`set only one of ${keys.join(', ')} (got ${set.join(' and ')})`];
  if (set.length === 0 && !config.embedded) {
    return [`one of ${keys.join(', ')} is required when EVENTSTORE_URL is set (embedded mode alone may use a generated development secret)`];
  }
  return [];
}
