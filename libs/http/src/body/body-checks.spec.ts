import { BadRequestException } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { checkBody } from './body-checks';

class Inner {
  @ApiProperty() id: string;
  @ApiPropertyOptional({ nullable: true }) note?: string | null;
}

class Outer {
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional({ nullable: true }) vatId?: string | null;
  @ApiPropertyOptional({ type: Inner }) inner?: Inner;
  @ApiPropertyOptional({ type: [Inner] }) many?: Inner[];
  @ApiPropertyOptional({ oneOf: [{ type: 'integer' }, { type: 'string', nullable: true }] }) either?: number | string | null;
  @ApiPropertyOptional({ oneOf: [{ type: 'integer' }, { type: 'boolean' }] }) neither?: number | boolean;
}

const fieldsOf = (body: unknown): Record<string, string[]> | undefined => {
  try {
    checkBody(body, Outer);
    return undefined;
  } catch (error) {
    return ((error as BadRequestException).getResponse() as { fields: Record<string, string[]> }).fields;
  }
};

describe('checkBody', () => {
  it('passes a plain body, and no body at all', () => {
    expect(fieldsOf({ name: 'Acme', inner: { id: 'x' } })).toBeUndefined();
    expect(fieldsOf(undefined)).toBeUndefined();
  });

  it('refuses anything but an object', () => {
    for (const body of [null, [], 'x', 3]) expect(fieldsOf(body)).toEqual({ body: ['the request body must be a JSON object'] });
  });

  it('refuses null unless the OpenAPI schema says nullable, nested DTOs and arrays of them included', () => {
    expect(fieldsOf({ vatId: null, inner: { id: 'x', note: null } })).toBeUndefined();
    expect(fieldsOf({ name: null })).toEqual({ name: ['name must not be null (leave it out instead)'] });
    expect(fieldsOf({ inner: { id: null } })).toEqual({ 'inner.id': ['inner.id must not be null (leave it out instead)'] });
    expect(fieldsOf({ many: [{ id: 'x' }, null] })).toEqual({ 'many.1': ['many.1 must not be null (leave it out instead)'] });
    expect(fieldsOf({ either: null })).toBeUndefined();
    expect(fieldsOf({ neither: null })).toEqual({ neither: ['neither must not be null (leave it out instead)'] });
  });

  it('takes null where a oneOf branch says nullable, and only there', () => {
    expect(fieldsOf({ either: null })).toBeUndefined();
    expect(fieldsOf({ neither: null })).toEqual({ neither: ['neither must not be null (leave it out instead)'] });
  });

  it('refuses prototype keys anywhere', () => {
    expect(fieldsOf(JSON.parse('{"inner":{"id":"x","__proto__":{"a":1}}}'))).toEqual({ 'inner.__proto__': ['inner.__proto__ is not an accepted key'] });
    expect(fieldsOf({ inner: { constructor: { prototype: {} } } })).toEqual({ 'inner.constructor': ['inner.constructor is not an accepted key'] });
  });

  it('refuses a card number before anything else, naming the field and never echoing it', () => {
    const fields = fieldsOf({ name: null, inner: { id: '4111 1111 1111 1111' } });
    expect(fields).toEqual({ 'inner.id': ['inner.id must not contain a card number'] });
  });
});
