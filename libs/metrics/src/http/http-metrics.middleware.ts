import type { NextFunction, Request, Response } from 'express';
import { LATENCY_BUCKETS, Metrics } from '../metrics';

/** The label of a request that matched no route: raw URLs never become labels (unbounded cardinality). */
export const UNMATCHED_ROUTE = 'unmatched';

/** A catch-all pattern (Nest's for middleware applied to every route, `/{*path}`) is no route of the API. */
const CATCH_ALL = /^\/?(?:\{\*\w+\}|\*|\(\.\*\))$/;

/** The route pattern a request matched (`/organizations/:organizationId/deploy`), never its URL. */
export function routeLabelOf(req: Pick<Request, 'route' | 'baseUrl'>): string {
  const pattern: unknown = req.route?.path;
  if (typeof pattern !== 'string' || CATCH_ALL.test(pattern)) return UNMATCHED_ROUTE;
  return `${req.baseUrl ?? ''}${pattern}` || '/';
}

/**
 * Counts every request and times it, by method, route pattern and status, once the answer is
 * sent (or the client went away). Runs before the guards, so 401s and 403s are counted too.
 */
export function httpMetricsMiddleware(metrics: Metrics) {
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = metrics.counter({ name: 'http_requests_total', help: 'HTTP requests answered, by method, route pattern and status', labelNames });
  const duration = metrics.histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from the request arriving to its answer being sent, by method, route pattern and status',
    labelNames,
    buckets: LATENCY_BUCKETS,
  });
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    let done = false;
    const record = () => {
      if (done) return;
      done = true;
      const labels = { method: req.method, route: routeLabelOf(req), status: String(res.statusCode) };
      requests.inc(labels);
      duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    };
    res.once('finish', record);
    res.once('close', record);
    next();
  };
}
