import { BadRequestException } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional } from 'class-validator';
import { JobqValidationPipe } from './jobq-validation.pipe';

class OptionalQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  n?: number;
}

class RequiredQuery {
  @Type(() => Number)
  @IsInt()
  n!: number;
}

describe('JobqValidationPipe', () => {
  const pipe = new JobqValidationPipe();
  const query = (metatype: new () => object) => ({ type: 'query' as const, metatype });

  it('answers an empty query with a fresh instance, every time', async () => {
    const first = await pipe.transform({}, query(OptionalQuery));
    const second = await pipe.transform({}, query(OptionalQuery));
    expect(first).toBeInstanceOf(OptionalQuery);
    expect(second).toBeInstanceOf(OptionalQuery);
    expect(second).not.toBe(first);
  });

  it('still validates non-empty queries after the shortcut was taken', async () => {
    await pipe.transform({}, query(OptionalQuery));
    await expect(pipe.transform({ n: 'x' }, query(OptionalQuery))).rejects.toThrow(
      BadRequestException,
    );
    await expect(pipe.transform({ n: '3' }, query(OptionalQuery))).resolves.toEqual({ n: 3 });
    await expect(pipe.transform({ m: '3' }, query(OptionalQuery))).rejects.toThrow(
      BadRequestException,
    );
  });

  it('never shortcuts a DTO whose empty form is invalid', async () => {
    await expect(pipe.transform({}, query(RequiredQuery))).rejects.toThrow(BadRequestException);
    await expect(pipe.transform({}, query(RequiredQuery))).rejects.toThrow(BadRequestException);
  });
});
