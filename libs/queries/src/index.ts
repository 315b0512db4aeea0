export * from './queries.module';
export * from './activity-log/activity-log.service';
export * from './shared/log-query.dto';
export * from './shared/freshness';
export * from './live-tail/live-tail.module';
