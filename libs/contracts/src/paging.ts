import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/** Every list's cursor: opaque, URL-safe, as the lists hand them out in `nextCursor`. */
export const PAGE_CURSOR = /^[A-Za-z0-9_-]{1,200}$/;

const all =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, property) => {
    for (const decorate of decorators) decorate(target, property);
  };

/** A list request's `limit`: how many items a page holds, 1 to `max` (100 unless said). */
export function PageLimitV1(max = 100): PropertyDecorator {
  return all(
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(max),
  );
}

/** A list request's `cursor`: the `nextCursor` of the previous page, absent for the first. */
export function PageCursorV1(): PropertyDecorator {
  return all(IsOptional(), IsString(), Matches(PAGE_CURSOR));
}
