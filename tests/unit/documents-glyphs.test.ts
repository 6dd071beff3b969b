import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFontSet } from '../../electron/core/documents/fonts.ts';
import { applyRuns, checkFieldGlyphs, splitRuns } from '../../electron/core/documents/glyphs.ts';

const fonts = loadFontSet(path.resolve(import.meta.dirname, '..', '..', 'resources'));

describe('glyph coverage', () => {
  it('keeps covered text in one run', () => {
    expect(splitRuns(fonts, '宣汉县应急管理局', 'Fang')).toBe('宣汉县应急管理局');
  });

  it('puts characters the body font lacks into fallback runs', () => {
    expect(splitRuns(fonts, '王堃喆镕珺昇先生', 'Fang')).toEqual([
      '王',
      { text: '堃喆镕珺昇', font: 'Fallback' },
      '先生',
    ]);
  });

  it('checks the bold face for bold text', () => {
    // 訁 is in FandolSong Regular but not in its Bold face.
    expect(splitRuns(fonts, '訁', 'Song', false)).toBe('訁');
    expect(splitRuns(fonts, '訁', 'Song', true)).toEqual([{ text: '訁', font: 'Fallback' }]);
  });

  it('flattens runs inside a text array and names the source of uncovered template text', () => {
    const node = applyRuns(fonts, { text: [{ text: '检查人员：', font: 'Hei' }, '张堃'] }, 'Fang') as {
      text: unknown[];
    };
    expect(node.text).toEqual([{ text: '检查人员：', font: 'Hei' }, '张', { text: '堃', font: 'Fallback' }]);
    const noFallback = { ...fonts, roles: { ...fonts.roles, fallback: 'Song' } };
    expect(() => applyRuns(noFallback, '页眉𠮷', 'Fang', false, 'header')).toThrow(
      expect.objectContaining({
        code: 'DOCUMENT_GLYPH_MISSING',
        details: expect.objectContaining({ field: 'header' }),
      }),
    );
  });

  it('names the field of a user-entered value no font has', () => {
    const noFallback = { ...fonts, roles: { ...fonts.roles, fallback: 'Song' } };
    expect(() => checkFieldGlyphs(noFallback, { items: [{ text: 'ok' }, { text: '𠮷野家' }] }, ['fields'])).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ field: 'fields.items.1.text', char: '𠮷' }) }),
    );
  });
});
