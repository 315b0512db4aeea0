import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '@app/config';
import { AuthenticationError, Public } from '@app/auth';
import { ErrorBodyDto } from '@app/http';
import { Metrics } from '@app/metrics';
import { METRICS_TOKEN_SCHEME } from '../openapi/api-document';

/**
 * Prometheus exposition of the process's metrics. No user token applies (it is @Public to the
 * JWT guard); with METRICS_TOKEN set, a scraper must send it as a bearer token, else 401.
 */
@Public()
@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Prometheus metrics (bearer METRICS_TOKEN when it is set)' })
  @ApiOkResponse({ description: 'Prometheus text exposition format 0.0.4', content: { 'text/plain': { schema: { type: 'string' } } } })
  @ApiResponse({ status: 401, description: 'METRICS_TOKEN is set and was not sent', type: ErrorBodyDto })
  @ApiSecurity(METRICS_TOKEN_SCHEME)
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() res: Response): Promise<void> {
    if (this.config.METRICS_TOKEN) checkScraper(authorization, this.config.METRICS_TOKEN);
    const { contentType, body } = await this.metrics.scrape();
    res.setHeader('Content-Type', contentType).send(body);
  }
}

/** Compares digests, so the time taken says nothing about the token. */
function checkScraper(authorization: string | undefined, token: string): void {
  if (!authorization) throw new AuthenticationError('GET /metrics needs the METRICS_TOKEN as a bearer token', 'missing');
  const [scheme, presented] = authorization.split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !presented) throw new AuthenticationError('Authorization header must be: Bearer <METRICS_TOKEN>', 'missing');
  const digest = (text: string) => createHash('sha256').update(text).digest();
  if (!timingSafeEqual(digest(presented), digest(token))) throw new AuthenticationError('not the METRICS_TOKEN');
}
