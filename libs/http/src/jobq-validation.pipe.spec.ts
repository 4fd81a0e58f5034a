import { BadRequestException } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, Min } from 'class-validator';
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

class Bounded {
  @IsInt({ message: '$property must be an integer' })
  @Min(0, { message: '$property must be >= 0' })
  @Max(10, { message: '$property must be <= 10' })
  n!: number;

  @IsString({ message: '$property must be the token' })
  @IsNotEmpty({ message: '$property must be the token' })
  token!: string;
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

  it('says a value of the wrong kind only that, and the same words once', async () => {
    const body = { type: 'body' as const, metatype: Bounded };
    const messages = (value: object) =>
      pipe.transform(value, body).then(
        () => [],
        (err: BadRequestException) => (err.getResponse() as { message: string[] }).message,
      );
    await expect(messages({ n: 'high', token: '' })).resolves.toEqual([
      'n must be an integer',
      'token must be the token',
    ]);
    await expect(messages({ n: 11, token: 't' })).resolves.toEqual(['n must be <= 10']);
  });
});
