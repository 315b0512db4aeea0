import { Module } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { CursorSigner, cursorSignerFor } from '@app/projections';
import { Principal } from '@app/auth';

/** One CursorSigner for every query that pages: CURSOR_SECRET, or the embedded DATA_DIR/cursor-secret. */
@Module({
  providers: [{ provide: CursorSigner, inject: [AppConfig], useFactory: cursorSignerFor }],
  exports: [CursorSigner],
})
export class CursorSigningModule {}

/** Who a cursor is for: a cursor handed to one principal is refused from any other. */
export function cursorViewer(principal: Principal): string {
  return JSON.stringify([principal.subject, principal.role, principal.mspId ?? null, principal.orgId ?? null]);
}
