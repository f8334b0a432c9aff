import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS } from '@xueshi/shared';
import type { OrgUnitEntity } from '../organizations/org-unit.entity';

/** The import template: the columns with an example row, and the unit codes the admin may use. */
export async function buildImportTemplate(units: Pick<OrgUnitEntity, 'code' | 'name' | 'type'>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员');
  ws.columns = IMPORT_COLUMNS.map((c) => ({ header: c.required ? `${c.header}*` : c.header, key: c.key, width: 16 }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const help = wb.addWorksheet('单位编码');
  help.columns = [
    { header: '单位编码', key: 'code', width: 20 },
    { header: '单位名称', key: 'name', width: 36 },
  ];
  help.getRow(1).font = { bold: true };
  for (const u of units) help.addRow({ code: u.code, name: u.name });
  // the example lives on its own sheet: a row left in the data sheet would be imported
  const notes = wb.addWorksheet('填写说明');
  notes.columns = [
    { header: '列', key: 'col', width: 14 },
    { header: '说明', key: 'note', width: 60 },
    { header: '示例', key: 'example', width: 20 },
  ];
  notes.getRow(1).font = { bold: true };
  const example = units.find((u) => u.type === 'unit')?.code ?? '';
  for (const [col, note, ex] of [
    ['姓名*', '必填', '张三'],
    ['人员编号*', '必填，字母、数字和 -，全市唯一', 'YZ2026001'],
    ['单位编码*', '必填，见“单位编码”表', example],
    ['用户名', '可不填，默认为人员编号（小写）', ''],
    ['职级', '科员级、科级、处级、厅局级', '科级'],
    ['职务', '可不填', '科员'],
    ['执法岗位', '是 / 否，默认否', '否'],
    ['双基', '是 / 否（基层和基础岗位），默认否', '是'],
    ['入职日期', 'YYYY-MM-DD', '2020-09-01'],
  ]) {
    notes.addRow({ col, note, example: ex });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
