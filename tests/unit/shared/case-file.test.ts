import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileContents, fileOrderIssues, fileOrderKeys, pdfPageCount } from '../../../shared/domain/case-file.ts';
import { fileOrder } from '../../../shared/entities/file-order.ts';
import { caseEvent } from '../../../shared/entities/case.ts';

const knowledge = (name: string) =>
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../resources/knowledge', name), 'utf8'));

describe('卷内目录', () => {
  const item = (key: string, date: string, pages = 1) => ({ key, title: key, numberText: '', date, pages });

  it('puts the decision first, then the procedure in the configured order, unlisted material last by date, with page ranges', () => {
    const order = ['penalty-decision-unit', 'approval:filing', 'penalty-notice', 'approval:closing'];
    const entries = fileContents(
      [
        item('approval:closing', '2026-10-20'),
        item('penalty-notice', '2026-10-05', 2),
        item('event:remedy', '2026-11-01'),
        item('penalty-decision-unit', '2026-10-12', 3),
        item('approval:filing', '2026-10-01'),
        item('event:borrow', '2026-10-30'),
      ],
      order,
    );
    expect(entries.map((e) => [e.no, e.key, e.firstPage, e.lastPage])).toEqual([
      [1, 'penalty-decision-unit', 1, 3],
      [2, 'approval:filing', 4, 4],
      [3, 'penalty-notice', 5, 6],
      [4, 'approval:closing', 7, 7],
      [5, 'event:borrow', 8, 8],
      [6, 'event:remedy', 9, 9],
    ]);
  });

  it("counts a PDF's pages, not its page tree", () => {
    const pdf = new TextEncoder().encode(
      '1 0 obj << /Type /Pages /Count 2 >> 2 0 obj << /Type /Page >> 3 0 obj << /Type/Page /Parent 1 0 R >>',
    );
    expect(pdfPageCount(pdf)).toBe(2);
  });

  it('ships an order whose every entry is a document or record the app knows, each once', () => {
    const keys = fileOrderKeys(
      (knowledge('documents.json').types as { id: string }[]).map((t) => t.id),
      caseEvent.options.map((o) => o.shape.kind.value),
    );
    expect(fileOrderIssues(fileOrder.parse(knowledge('file-order.json')), keys)).toEqual([]);
    expect(keys.has('approval:closing') && keys.has('event:payment') && !keys.has('event:approval')).toBe(true);
  });
});
