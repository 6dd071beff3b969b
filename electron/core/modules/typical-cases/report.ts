import type { Content } from 'pdfmake/interfaces.js';
import { heading, ordinal, paragraph } from '../../../../shared/documents/layout.ts';
import type { TypicalCaseField } from '../../../../shared/entities/typical-case.ts';
import type { CoreState } from '../../context.ts';
import { checkFieldGlyphs } from '../../documents/glyphs.ts';
import { type RuleContext, unitOf } from '../../rules.ts';
import { fontSetFor } from '../documents/service.ts';

/**
 * The write-up as printed through the document engine: the title, a table of the short fields (the agency, the
 * decision, the party, the provisions), then each text field as a numbered section, as the ministry publishes its
 * cases (一、案情概况 二、处理结果 …). Field names and order are the knowledge file's.
 */
export async function typicalCasePdf(
  core: CoreState,
  rules: RuleContext,
  fields: TypicalCaseField[],
  values: Record<string, string>,
  opts: { draft: boolean },
): Promise<Buffer> {
  const { settings } = rules;
  const unit = unitOf(rules);
  const fonts = fontSetFor(core, settings.fontOverrides);
  // A character no font has is named by its field, before anything is rendered.
  checkFieldGlyphs(fonts, values, ['values']);
  const label = (t: string) => ({ text: t, font: fonts.roles.heading });
  const lines = fields.filter((f) => f.input === 'text' && f.id !== 'title');
  const sections = fields.filter((f) => f.input === 'textarea' && values[f.id]?.trim());
  const content: Content[] = [
    {
      table: {
        widths: [120, '*'],
        dontBreakRows: true,
        body: lines.map((f) => [label(f.label), values[f.id] || '—']),
      },
      fontSize: 11,
      margin: [0, 4, 0, 10],
    } as unknown as Content,
    ...sections.flatMap((f, i) => [
      heading(fonts, `${ordinal(i)}、${f.label}`),
      ...values[f.id]
        .split(/\n+/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => paragraph(p)),
    ]),
  ];
  return core.render({
    geometry: settings.documentLayout,
    header: `${unit.agencyName}安全生产典型执法案例`,
    title: values.title || '典型执法案例',
    numberLine: '',
    content,
    copiesNote: null,
    watermark: core.workspace === 'demo' ? '演示数据' : opts.draft ? '草　稿' : null,
    continuationLabel: '典型执法案例（续页）',
    fonts,
  });
}
