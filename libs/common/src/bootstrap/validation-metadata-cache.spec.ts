import { SubmitApplicationV2 } from '@satupintu/contracts';
import { plainToInstance } from 'class-transformer';
import {
  IsInt,
  IsString,
  MaxLength,
  MetadataStorage,
  getMetadataStorage,
  validate,
} from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache';

const storage = getMetadataStorage();
const uncached = MetadataStorage.prototype.getTargetValidationMetadatas;

class Base {
  @IsString()
  @MaxLength(5)
  name!: string;
}

class Child extends Base {
  @IsInt()
  count!: number;
}

async function failedProperties(instance: object): Promise<string[]> {
  return (await validate(instance, { forbidUnknownValues: false })).map((e) => e.property).sort();
}

describe('cacheValidationMetadata', () => {
  beforeAll(() => cacheValidationMetadata());

  it('answers what class-validator itself finds, inherited rules included', () => {
    for (const target of [Child, Base, SubmitApplicationV2]) {
      const cached = storage.getTargetValidationMetadatas(target, '', false, false);
      const fresh = uncached.call(storage, target, '', false, false);
      expect(cached).toEqual(fresh);
      expect(cached.length).toBeGreaterThan(0);
    }
    expect(
      storage.getTargetValidationMetadatas(Child, '', false, false).map((m) => m.propertyName),
    ).toEqual(expect.arrayContaining(['name', 'count']));
  });

  it('looks a class up once, then answers the same rules', () => {
    const first = storage.getTargetValidationMetadatas(Child, '', false, false);
    expect(storage.getTargetValidationMetadatas(Child, '', false, false)).toBe(first);
    expect(storage.getTargetValidationMetadatas(Child, '', true, false)).not.toBe(first);
  });

  it('still validates inherited and own rules', async () => {
    expect(
      await failedProperties(plainToInstance(Child, { name: 'too long', count: 'x' })),
    ).toEqual(['count', 'name']);
    expect(await failedProperties(plainToInstance(Child, { name: 'ok', count: 1 }))).toEqual([]);
  });

  it('sees a rule registered after the cache was filled', async () => {
    class Late {
      code!: string;
    }
    expect(await failedProperties(Object.assign(new Late(), { code: 42 }))).toEqual([]);
    IsString()(Late.prototype, 'code');
    expect(await failedProperties(Object.assign(new Late(), { code: 42 }))).toEqual(['code']);
  });

  it('installs once', () => {
    const installed = storage.getTargetValidationMetadatas;
    cacheValidationMetadata();
    expect(storage.getTargetValidationMetadatas).toBe(installed);
  });
});
