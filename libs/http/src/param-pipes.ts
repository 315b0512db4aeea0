import { BadRequestException, Param, ParseUUIDPipe, PipeTransform } from '@nestjs/common';
import { MEMBER_ID_MESSAGE, MEMBER_ID_PATTERN } from '@app/domain';

export { MEMBER_ID_MESSAGE, MEMBER_ID_PATTERN };

class ParseMemberIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!MEMBER_ID_PATTERN.test(value)) {
      throw new BadRequestException({ message: 'Validation failed', fields: { memberId: [`memberId ${MEMBER_ID_MESSAGE}`] } });
    }
    return value;
  }
}

/** The `:memberId` path parameter, checked against MEMBER_ID_PATTERN (400 otherwise). */
export const MemberId = () => Param('memberId', new ParseMemberIdPipe());

/** A path parameter that must be a UUID (400 otherwise). */
export const UuidParam = (name: string) => Param(name, new ParseUUIDPipe());
