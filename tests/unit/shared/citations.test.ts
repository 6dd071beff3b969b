import { describe, expect, it } from 'vitest';
import { citationIssues } from '../../../shared/documents/case-violations.ts';

describe('a citation on an outward document', () => {
  it('names the article and a national law by its full name', () => {
    expect(citationIssues('《中华人民共和国安全生产法》第一百零二条', ['p'])).toEqual([]);
    expect(citationIssues('《中华人民共和国安全生产法》第九十九条第（三）项', ['p'])).toEqual([]);
    expect(citationIssues('《安全生产许可证条例》第十九条', ['p'])).toEqual([]);
    // A ministry's 办法 is no law: its name is its full name.
    expect(citationIssues('《安全生产违法行为行政处罚办法》第四十五条', ['p'])).toEqual([]);
    expect(citationIssues('《中华人民共和国安全生产法》', ['p'])).toEqual([
      { path: ['p'], key: 'documents.rules.citationArticle' },
    ]);
    expect(citationIssues('《安全生产法》第一百零二条', ['p'])).toEqual([
      { path: ['p'], key: 'documents.rules.lawShortName', params: { name: '《安全生产法》' } },
    ]);
    // Both at once, and a short name beside a full one.
    expect(citationIssues('《中华人民共和国安全生产法》第四十一条和《行政处罚法》', ['p']).map((i) => i.key)).toEqual([
      'documents.rules.lawShortName',
    ]);
    expect(citationIssues('《安全生产法》', ['p']).map((i) => i.key)).toEqual([
      'documents.rules.citationArticle',
      'documents.rules.lawShortName',
    ]);
  });
});
