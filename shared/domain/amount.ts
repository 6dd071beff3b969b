/**
 * Amounts are integer 分 everywhere. Forms that need it print the amount in 大写 as well:
 * 12345.60 元 → 壹万贰仟叁佰肆拾伍元陆角整; 10000 元 → 壹万元整; 1005.07 元 → 壹仟零伍元零柒分.
 */
const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

function fourDigits(n: number): string {
  let out = '';
  let zero = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(n / 10 ** i) % 10;
    if (d === 0) {
      zero = out !== '';
    } else {
      if (zero) out += '零';
      out += DIGITS[d] + SMALL_UNITS[i];
      zero = false;
    }
  }
  return out;
}

export function yuanInWords(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError('amount must be a non-negative whole number of 分');
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let integer = '';
  if (yuan === 0) {
    integer = '';
  } else {
    const groups: number[] = [];
    for (let y = yuan; y > 0; y = Math.floor(y / 10_000)) groups.push(y % 10_000);
    let needZero = false;
    for (let g = groups.length - 1; g >= 0; g--) {
      const value = groups[g];
      if (value === 0) {
        needZero = integer !== '';
        continue;
      }
      if (needZero || (integer !== '' && value < 1000)) integer += '零';
      integer += fourDigits(value) + BIG_UNITS[g];
      needZero = false;
    }
    integer += '元';
  }
  if (jiao === 0 && cents === 0) return yuan === 0 ? '零元整' : `${integer}整`;
  let fraction = '';
  if (jiao > 0) fraction += `${DIGITS[jiao]}角`;
  else if (yuan > 0) fraction += '零';
  if (cents > 0) fraction += `${DIGITS[cents]}分`;
  else fraction += '整';
  return integer + fraction;
}

/** ¥ with thousands separators, for the Arabic-numeral half of an amount line: 12,345.60 */
export function yuanFigures(fen: number): string {
  const yuan = Math.floor(fen / 100).toLocaleString('en-US');
  return `${yuan}.${String(fen % 100).padStart(2, '0')}`;
}
