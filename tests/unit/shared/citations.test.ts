import { describe, expect, it } from 'vitest';
import { citationIssues } from '../../../shared/domain/citations.ts';
import { narrativeIssues, paymentPlaceIssues } from '../../../shared/documents/case-violations.ts';

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

describe('a narrative the clerk words (facts, evidence)', () => {
  const detail = {
    violations: [
      {
        party: 'unit' as const,
        fine: 20_000,
        gains: 5_000,
        income: null,
        violatedProvision: '《中华人民共和国安全生产法》第四十一条第二款',
        penaltyProvision: '《中华人民共和国安全生产法》第一百零二条',
      },
      { party: 0, fine: 3_000, gains: null, income: 80_000, violatedProvision: '', penaltyProvision: '' },
    ],
  } as unknown as Parameters<typeof narrativeIssues>[2];
  const keys = (text: string, party: 'unit' | 0 = 'unit') =>
    narrativeIssues(text, ['facts'], detail, party).map((i) => `${i.key}:${Object.values(i.params ?? {})[0]}`);

  it('states the amounts the record holds for the party, in figures or in 大写', () => {
    expect(keys('违法所得5,000元，拟罚款2万元，即人民币贰万元整')).toEqual([]);
    expect(keys('违法所得6,000元')).toEqual(['documents.rules.narrativeAmount:6,000元']);
    expect(keys('罚款人民币叁万元整')).toEqual(['documents.rules.narrativeAmount:叁万元整']);
    // The person's income is theirs, not the unit's.
    expect(keys('上一年年收入80,000元')).toEqual(['documents.rules.narrativeAmount:80,000元']);
    expect(keys('上一年年收入80,000元', 0)).toEqual([]);
  });

  it('cites the provisions of the 呈批, or a part of one', () => {
    expect(keys('违反了《中华人民共和国安全生产法》第四十一条的规定')).toEqual([]);
    expect(keys('违反了《中华人民共和国安全生产法》第四十二条的规定')).toEqual([
      'documents.rules.narrativeCitation:《中华人民共和国安全生产法》第四十二条',
    ]);
  });

  it('reads each article of a citation naming several, decimals of 万 exactly, and what the 呈批 itself states', () => {
    const several = {
      violations: [
        {
          party: 'unit' as const,
          fine: 11_200,
          gains: null,
          income: null,
          facts: '少提取安全生产费用12万元',
          evidence: '',
          violatedProvision: '《中华人民共和国安全生产法》第二十八条第一款、第四十四条',
          penaltyProvision: '《中华人民共和国安全生产法》第九十七条第（三）项',
        },
      ],
    } as unknown as Parameters<typeof narrativeIssues>[2];
    const found = (text: string) => narrativeIssues(text, ['facts'], several, 'unit').map((i) => i.params);
    expect(found('违反了《中华人民共和国安全生产法》第四十四条')).toEqual([]);
    expect(found('罚款1.12万元')).toEqual([]);
    expect(found('该单位少提取安全生产费用12万元')).toEqual([]);
    expect(found('依据《中华人民共和国安全生产法》第九十七条')).toEqual([]);
    expect(found('少提取13万元')).toEqual([{ amount: '13万元' }]);
  });

  it('leaves a quotation of the statute alone', () => {
    expect(keys('该条规定“处五万元以下的罚款”，《中华人民共和国安全生产法》“第九十九条”')).toEqual([]);
    expect(keys('依照“《中华人民共和国安全生产法》第九十九条”，处“5万元以下”罚款')).toEqual([]);
  });
});

describe('where a fine is paid', () => {
  it("is the unit's configured place, where it has one", () => {
    const settings = { finePaymentPlace: '宣汉县农村信用合作联社（账号：88010120000012345）' };
    expect(paymentPlaceIssues('宣汉县农村信用合作联社（账号：88010120000012345）', settings)).toEqual([]);
    expect(paymentPlaceIssues('某某银行', settings)).toEqual([
      { path: ['paymentPlace'], key: 'documents.rules.recordMismatch', params: { value: settings.finePaymentPlace } },
    ]);
    // A unit that has set none writes it on each decision.
    expect(paymentPlaceIssues('某某银行', { finePaymentPlace: '' })).toEqual([]);
  });
});
