import { applyDecorators, Controller, HttpCode, RequestMapping, RequestMethod, SetMetadata, Type, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CommandType } from '@app/domain';
import { Authorize } from '@app/auth';
import { ApiCommandErrors, commandAnswerHeaders, ErrorBodyDto, IDEMPOTENCY_KEY_PARAMETER } from '@app/http';
import type { CommandRequest } from '../command-bindings';
import { CommandResultDto } from './command-result.dto';
import { COMMAND_ROUTE, CommandRouteInterceptor } from './command-route.interceptor';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { OneTimeSecretInterceptor } from './one-time-secret';

/** What a route sends for command T: its request. */
export type RequestOf<T extends CommandType> = Extract<CommandRequest, { type: T }>;

/**
 * What a command route's handler returns: the request's fields without its type and initiator,
 * which the route's command name and the verified token supply.
 */
export type RouteFields<T extends CommandType> = Omit<RequestOf<T>, 'type' | 'by'>;

export interface CommandRouteOptions<T extends CommandType> {
  /** The one command the route sends: the role matrix is checked on it. */
  command: T;
  /** 201 where the command creates the aggregate, 200 where it acts on one. */
  status: 200 | 201;
  summary: string;
  /** Said of the answer, e.g. what its `id` names when that is not obvious. */
  description?: string;
  /** An answer with more than the command result, e.g. the new card's id. */
  answer?: { type: Type<CommandResultDto>; of(result: CommandResultDto, request: RequestOf<T>): CommandResultDto };
  /**
   * The route makes a secret (through @SecretOnce()) that its answer carries once: never stored
   * with the idempotent answer, and a replay is refused (409). Names the secret for the docs.
   */
  secretOnce?: string;
}

export type HttpVerb = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A command route: the verb and path, the status, its OpenAPI answer and errors, the command it sends
 * (checked by the role matrix before the input is read, and again by the executor on what it runs),
 * and Idempotency-Key support. The handler only maps the request onto the command's fields; a
 * handler whose fields are not those of the named command does not compile.
 */
export function CommandRoute<T extends CommandType>(verb: HttpVerb, path: string, options: CommandRouteOptions<T>) {
  const decorate = applyDecorators(
    RequestMapping({ method: RequestMethod[verb], path }),
    HttpCode(options.status),
    Authorize(options.command),
    SetMetadata(COMMAND_ROUTE, options),
    ApiOperation({ summary: options.summary }),
    ApiHeader(IDEMPOTENCY_KEY_PARAMETER),
    ApiResponse({
      status: options.status, type: options.answer?.type ?? CommandResultDto, description: options.description, headers: commandAnswerHeaders(),
    }),
    ApiCommandErrors(),
    ...(options.secretOnce
      ? [ApiResponse({ status: 409, description: `A replayed request: the ${options.secretOnce} is shown only once`, type: ErrorBodyDto })]
      : []),
    UseInterceptors(...(options.secretOnce ? [OneTimeSecretInterceptor] : []), IdempotencyInterceptor, CommandRouteInterceptor),
  );
  return (
    target: object,
    key: string | symbol,
    descriptor: { value?: (...args: any[]) => RouteFields<T> | Promise<RouteFields<T>> }, // eslint-disable-line @typescript-eslint/no-explicit-any
  ): void => {
    decorate(target, key, descriptor as PropertyDescriptor);
  };
}

/** A controller of command routes: its path, its OpenAPI tag, bearer authentication. */
export function CommandController(path: string, tag: string) {
  return applyDecorators(Controller(path), ApiTags(tag), ApiBearerAuth());
}
