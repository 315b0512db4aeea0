import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';
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

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
  })
  LOG_LEVEL = 'info';

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
  const errors = validateSync(config);
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map((e) => `${Object.values(e.constraints ?? {})[0] ?? `${e.property} is invalid`} (got ${JSON.stringify(e.value)})`),
    );
  }
  return config;
}
