import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { PageCursorV1, PageLimitV1 } from './paging';

class Page {
  @PageLimitV1()
  limit: number;

  @PageCursorV1()
  cursor?: string;
}

class ShortPage {
  @PageLimitV1(50)
  limit: number;
}

const problems = (type: new () => object, plain: object) =>
  validateSync(plainToInstance(type, plain)).flatMap((error) =>
    Object.keys(error.constraints ?? {}).map((rule) => `${error.property}:${rule}`),
  );

describe('list pages in contracts', () => {
  it('takes a limit of 1 to 100, also as the string a query gives, and no cursor on the first page', () => {
    expect(problems(Page, { limit: '20' })).toEqual([]);
    expect(problems(Page, { limit: 1, cursor: 'eyJrIjpbMV19' })).toEqual([]);
    expect(problems(Page, { limit: 100 })).toEqual([]);
    expect(problems(Page, { limit: 0 })).toEqual(['limit:min']);
    expect(problems(Page, { limit: 101 })).toEqual(['limit:max']);
    expect(problems(Page, { limit: 2.5 })).toEqual(['limit:isInt']);
    expect(problems(Page, {})).toEqual(expect.arrayContaining(['limit:isInt']));
  });

  it('holds a list to its own most', () => {
    expect(problems(ShortPage, { limit: 50 })).toEqual([]);
    expect(problems(ShortPage, { limit: 51 })).toEqual(['limit:max']);
  });

  it('refuses a cursor no list hands out: too long, or not URL-safe', () => {
    expect(problems(Page, { limit: 10, cursor: 'x'.repeat(201) })).toEqual(['cursor:matches']);
    expect(problems(Page, { limit: 10, cursor: 'a+b/c=' })).toEqual(['cursor:matches']);
    expect(problems(Page, { limit: 10, cursor: 42 })).toEqual(
      expect.arrayContaining(['cursor:isString']),
    );
  });
});
