import ExcelJS from 'exceljs';
import { orgCodeCheckChar, usccCheckChar } from '../../shared/base/uscc.ts';

/** A valid USCC for serial n (region 511722), with both check characters right. */
export function usccFor(n: number): string {
  const body = `T${String(n).padStart(7, '0')}`;
  const first17 = `91511722${body}${orgCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}

const HEADERS = [
  '统一社会信用代码',
  '企业名称',
  '法定代表人',
  '主要负责人',
  '地址',
  '乡镇（街道）',
  '行业代码',
  '监管类别',
  '管辖层级',
  '风险等级',
  '联系人',
  '联系电话',
];

export interface Row {
  uscc: string;
  name: string;
  industry?: string;
  category?: string;
  level?: string;
  risk?: string;
  phone?: string;
}

export function rowFor(n: number): Row {
  return {
    uscc: usccFor(n),
    name: `宣汉县测试企业${n}有限公司`,
    industry: '2614',
    category: '危险化学品',
    level: '县级',
    risk: '一般风险',
    phone: '13800000000',
  };
}

export async function ledgerWorkbook(rows: Row[], headers = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('企业档案');
  sheet.addRow(headers);
  for (const r of rows) {
    sheet.addRow([
      r.uscc,
      r.name,
      '张三',
      '李四',
      '宣汉县东乡街道',
      '东乡街道',
      r.industry ?? '',
      r.category ?? '',
      r.level ?? '',
      r.risk ?? '',
      '王五',
      r.phone ?? '',
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const upload = (data: Buffer, fileName = '企业档案.xlsx') => ({
  file: { fileName, dataBase64: data.toString('base64') },
});
