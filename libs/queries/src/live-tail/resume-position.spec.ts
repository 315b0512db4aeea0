import { BadRequestException } from '@nestjs/common';
import { resumePosition } from './resume-position';
import { sseFrame } from './sse-response';

describe('resumePosition', () => {
  it('takes Last-Event-ID over ?after=, and neither means live only', () => {
    expect(resumePosition('42', '7')).toBe(42n);
    expect(resumePosition(undefined, '7')).toBe(7n);
    expect(resumePosition(undefined, undefined)).toBeUndefined();
    expect(resumePosition('9223372036854775807', undefined)).toBe(9223372036854775807n);
  });

  it.each(['', 'abc', '-1', '1.5', '1e3', ' 1', '9223372036854775808', '12345678901234567890'])('refuses %j with a 400', (bad) => {
    expect(() => resumePosition(bad, undefined)).toThrow(BadRequestException);
  });
});

describe('sseFrame', () => {
  it('writes one message on one data line, even when the data holds line breaks', () => {
    expect(sseFrame('5', 'activity', { summary: 'a\nb' })).toBe('id: 5\nevent: activity\ndata: {"summary":"a\\nb"}\n\n');
  });
});
