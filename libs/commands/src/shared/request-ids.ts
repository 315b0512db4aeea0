import { BadRequestException, Param, PipeTransform } from '@nestjs/common';
import { NotFound } from '@app/domain';
import { RequestContext } from '@app/auth';

/** The organization of an org-side command: the token's own, never the request's. */
export function orgOf(ctx: RequestContext): string {
  if (!ctx.principal.orgId) throw new NotFound('This token belongs to no organization');
  return ctx.principal.orgId;
}

/** Member ids are token subjects: not necessarily UUIDs, but never free text. */
export const MEMBER_ID_PATTERN = /^[\w.:@-]{1,128}$/;
export const MEMBER_ID_MESSAGE = 'must be 1 to 128 letters, digits or . _ : @ -';

class ParseMemberIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!MEMBER_ID_PATTERN.test(value)) {
      throw new BadRequestException({ message: 'Validation failed', fields: { memberId: [`memberId ${MEMBER_ID_MESSAGE}`] } });
    }
    return value;
  }
}

export const MemberId = () => Param('memberId', new ParseMemberIdPipe());
