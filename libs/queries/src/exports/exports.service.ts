import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { ACTIVITY_LOG_STORE, ActivityLogStore, resolveWindow } from '@app/projections';
import { PersonalData } from '@app/privacy';
import { MemberEmails } from '../shared/member-emails';
import { ActivityLogService, ScopedLogQuery } from '../activity-log/activity-log.service';
import { Freshness } from '../shared/freshness';
import { EXPORT_CONTENT_TYPES, exportFilename, ExportFormat } from './export-format';
import { ExportSource, streamExport } from './export-stream';

/** An export that passed every check: only streaming is left. */
export interface PreparedExport {
  source: ExportSource;
  format: ExportFormat;
  filename: string;
}

/** Exports of a scoped log query: every check first (so errors stay JSON answers), then the stream. */
@Injectable()
export class ActivityExportService {
  private readonly logger = new Logger('ActivityExport');

  constructor(
    @Inject(ACTIVITY_LOG_STORE) private readonly store: ActivityLogStore,
    private readonly freshness: Freshness,
    private readonly memberEmails: MemberEmails,
    private readonly personalData: PersonalData,
    private readonly logs: ActivityLogService,
  ) {}

  /** 400 for a bad or too long window, 503 when the view has not reached minPosition: before any byte is sent. */
  async prepare(scoped: ScopedLogQuery, format: ExportFormat, basename: string): Promise<PreparedExport> {
    const window = resolveWindow(scoped.dto.from, scoped.dto.to);
    await this.freshness.ensure('activity-log', scoped.dto.minPosition);
    const { query: asOf } = await this.logs.asOfQuery(scoped);
    const query = await this.memberEmails.resolve(asOf, scoped.memberScopes);
    return {
      source: { store: this.store, query, window, audience: scoped.audience, personalData: this.personalData },
      format,
      filename: exportFilename(basename, window, format),
    };
  }

  /**
   * Streams into the response with backpressure. A client that goes away stops the store
   * reads. A failure before the first byte is rethrown (the error filter answers in JSON);
   * after it, the connection is cut so that the client sees a truncated download, not a
   * complete-looking file.
   */
  async send(prepared: PreparedExport, res: Response): Promise<void> {
    const abort = new AbortController();
    const onClose = () => {
      if (!res.writableFinished) abort.abort();
    };
    res.on('close', onClose);
    res.status(200);
    res.setHeader('Content-Type', EXPORT_CONTENT_TYPES[prepared.format]);
    res.setHeader('Content-Disposition', `attachment; filename="${prepared.filename}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    try {
      await streamExport(prepared.source, prepared.format, res, abort.signal);
    } catch (error) {
      if (!res.headersSent && !res.destroyed) {
        for (const header of ['Content-Type', 'Content-Disposition', 'Cache-Control']) res.removeHeader(header);
        throw error;
      }
      if (isPrematureClose(error)) return; // the client went away: nobody to answer
      this.logger.error(`export failed after the first byte: ${error instanceof Error ? error.stack : String(error)}`);
      res.destroy();
    } finally {
      res.off('close', onClose);
    }
  }
}

function isPrematureClose(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ABORT_ERR';
}
