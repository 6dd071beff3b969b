import { z } from 'zod';

/**
 * The page of an official document as a unit sets it (系统设置 → 系统参数): margins, the absolute
 * positions of header, title and number line, and the type sizes. The layout (documents/layout.ts)
 * places every form on it.
 */
const mm = (min: number, max: number) => z.number().min(min).max(max);
/** Page geometry per unit (settings), checked so a typo cannot push the text off the paper. */
export const documentGeometry = z
  .object({
    marginTopMm: mm(5, 60),
    marginBottomMm: mm(5, 60),
    marginLeftMm: mm(5, 60),
    marginRightMm: mm(5, 60),
    headerTopMm: mm(5, 80),
    titleTopMm: mm(10, 100),
    numberTopMm: mm(15, 120),
    bodyTopMm: mm(20, 140),
    headerSizePt: mm(9, 30),
    titleSizePt: mm(12, 36),
    numberSizePt: mm(9, 22),
    bodySizePt: mm(9, 22),
    lineHeight: mm(1, 2.5),
  })
  .refine((g) => g.headerTopMm < g.titleTopMm && g.titleTopMm < g.numberTopMm && g.numberTopMm < g.bodyTopMm, {
    error: 'validation.geometry.order',
    path: ['titleTopMm'],
  });
export type DocumentGeometry = z.output<typeof documentGeometry>;

export const DEFAULT_GEOMETRY: DocumentGeometry = {
  marginTopMm: 25,
  marginBottomMm: 25,
  marginLeftMm: 28,
  marginRightMm: 26,
  headerTopMm: 25,
  titleTopMm: 40,
  numberTopMm: 53,
  bodyTopMm: 63,
  headerSizePt: 16,
  titleSizePt: 22,
  numberSizePt: 14,
  bodySizePt: 14,
  lineHeight: 1.5,
};
