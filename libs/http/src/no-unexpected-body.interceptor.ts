import { BadRequestException, CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { Request } from 'express';
import { Observable } from 'rxjs';

/**
 * Routes that take no body (deploy, delete, …) never reach the validation pipe, so without this
 * a field sent to them would be ignored silently. Unknown fields are refused everywhere instead.
 */
@Injectable()
export class NoUnexpectedBodyInterceptor implements NestInterceptor {
  intercept(host: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (host.getType() !== 'http' || takesBody(host)) return next.handle();
    const body = host.switchToHttp().getRequest<Request>().body;
    const fields = body && typeof body === 'object' ? Object.keys(body) : [];
    if (fields.length > 0) {
      throw new BadRequestException({
        message: 'Validation failed',
        fields: Object.fromEntries(fields.map((f) => [f, [`property ${f} should not exist`]])),
      });
    }
    return next.handle();
  }
}

function takesBody(host: ExecutionContext): boolean {
  const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, host.getClass(), host.getHandler().name) ?? {};
  return Object.keys(args).some((key) => key.split(':')[0] === String(RouteParamtypes.BODY));
}
