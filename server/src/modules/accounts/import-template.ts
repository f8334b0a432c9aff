import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS } from '@xueshi/shared';
import type { OrgUnitEntity } from '../organizations/org-unit.entity';

/** The import template: the columns with an example row, and the unit codes the admin may use. */
export async function buildImportTemplate(units: Pick<OrgUnitEntity, 'code' | 'name' | 'type'>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员');
  ws.columns = IMPORT_COLUMNS.map((c) => ({ header: c.required ? `${c.header}*` : c.header, key: c.key, width: 16 }));
  ws.getRow(1).font = { bold: true };
  ws.addRow({
    name: '张三',
    staffNo: 'YZ2026001',
    unitCode: units.find((u) => u.type === 'unit')?.code ?? '',
    username: '',
    rankLevel: '科级',
    position: '科员',
    lawEnforcement: '否',
    grassroots: '是',
    civilServiceEntryDate: '2020-09-01',
  });
  const help = wb.addWorksheet('单位编码');
  help.columns = [
    { header: '单位编码', key: 'code', width: 20 },
    { header: '单位名称', key: 'name', width: 36 },
  ];
  help.getRow(1).font = { bold: true };
  for (const u of units) help.addRow({ code: u.code, name: u.name });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
