import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync,
} from 'class-validator';
import { resolve } from 'node:path';

const toInt = ({ value }: { value: unknown }) => (/^\d+$/.test(String(value)) ? Number(value) : value);
const blankToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** Every setting the processes read from the environment, validated once at boot. */
export class AppConfig {
  @Transform(toInt)
  @IsInt({ message: 'PORT must be an integer between 1 and 65535' })
  @Min(1, { message: 'PORT must be an integer between 1 and 65535' })
  @Max(65535, { message: 'PORT must be an integer between 1 and 65535' })
  PORT = 3000;

  @IsString()
  @IsNotEmpty({ message: 'HOST must be an address to listen on, such as 127.0.0.1 or 0.0.0.0' })
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

  /** How far the identity service's clock may be ahead of or behind ours (exp, nbf, iat). */
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
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value === '' ? undefined : value))
  @IsOptional()
  @IsBoolean({ message: 'PROJECTORS_IN_API must be true or false' })
  PROJECTORS_IN_API?: boolean;

  /** When set, the read models live in MongoDB (or a MongoDB-wire server) instead of SQLite. */
  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^mongodb(\+srv)?:\/\/\S+$/, { message: 'MONGO_URL must be a MongoDB connection string such as mongodb://localhost:27017/activity-log' })
  MONGO_URL?: string;

  /** When set, the worker relays every event to Kafka: comma-separated host:port list. */
  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^[\w.-]+:\d{1,5}(,[\w.-]+:\d{1,5})*$/, { message: 'KAFKA_BROKERS must be a comma-separated list of host:port' })
  KAFKA_BROKERS?: string;

  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'KAFKA_TOPIC_PREFIX must be 1 to 100 letters, digits, dots, underscores or dashes' })
  KAFKA_TOPIC_PREFIX = 'activity';

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

  /** How long a query with ?minPosition= waits for the view to catch up before answering 503. */
  @Transform(toInt)
  @IsInt({ message: 'MIN_POSITION_TIMEOUT_MS must be an integer between 0 and 60000' })
  @Min(0, { message: 'MIN_POSITION_TIMEOUT_MS must be an integer between 0 and 60000' })
  @Max(60000, { message: 'MIN_POSITION_TIMEOUT_MS must be an integer between 0 and 60000' })
  MIN_POSITION_TIMEOUT_MS = 5000;

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

  get readModelsFile(): string {
    return resolve(this.DATA_DIR, 'read-models.sqlite');
  }

  get eventStoreFile(): string {
    return resolve(this.DATA_DIR, 'events.sqlite');
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
  problems.push(...authProblems(config));
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** Secrets are never echoed back, even in an error message. */
function shown(property: string, value: unknown): string {
  return property.includes('SECRET') ? '[redacted]' : JSON.stringify(value);
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
