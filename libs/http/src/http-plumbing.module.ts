import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { HttpErrorFilter } from './http-error.filter';
import { NoUnexpectedBodyInterceptor } from './no-unexpected-body.interceptor';
import { createValidationPipe } from './validation.pipe';

/** What every route of the API shares: one error shape, validated input, no silently ignored body. */
@Module({
  providers: [
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_INTERCEPTOR, useClass: NoUnexpectedBodyInterceptor },
    { provide: APP_FILTER, useClass: HttpErrorFilter },
  ],
})
export class HttpPlumbingModule {}
