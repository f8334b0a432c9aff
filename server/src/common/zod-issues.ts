import type { z } from 'zod';
import { AppError, Lang, pickBilingual } from './errors';

type Issue = z.core.$ZodIssue;

const FIELD_NAMES_ZH: Record<string, string> = {
  username: '用户名', password: '密码', currentPassword: '原密码', newPassword: '新密码', name: '姓名',
  role: '角色', staffNo: '人员编号', orgUnitId: '所属单位', institutionId: '施教机构', rankLevel: '职级',
  position: '职务', civilServiceEntryDate: '入职日期', appointmentDate: '任现职日期', code: '编码', type: '类型', parentId: '上级单位',
  refreshToken: '刷新令牌', page: '页码', pageSize: '每页条数', id: '编号', file: '文件',
};

function describe(issue: Issue, lang: Lang): string {
  const own = pickBilingual(issue.message, lang);
  if (own) return own;
  const zh = lang === 'zh';
  switch (issue.code) {
    case 'invalid_type':
      if (/received undefined/.test(issue.message)) return zh ? '必填' : 'Required';
      return zh ? `类型错误，应为 ${issue.expected}` : `Expected ${issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string') return zh ? `至少 ${issue.minimum} 个字符` : `At least ${issue.minimum} characters`;
      return zh ? `不能小于 ${issue.minimum}` : `Must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return zh ? `最多 ${issue.maximum} 个字符` : `At most ${issue.maximum} characters`;
      return zh ? `不能大于 ${issue.maximum}` : `Must be at most ${issue.maximum}`;
    case 'invalid_format':
      return zh ? `格式不正确（${issue.format}）` : `Invalid format (${issue.format})`;
    case 'invalid_value':
      return zh ? `取值无效，可选：${issue.values.join('、')}` : `Invalid value; one of: ${issue.values.join(', ')}`;
    case 'unrecognized_keys':
      return zh ? `不允许的字段：${issue.keys.join('、')}` : `Unknown fields: ${issue.keys.join(', ')}`;
    default:
      return zh ? '取值无效' : 'Invalid value';
  }
}

function fieldOf(issue: Issue, where: string): string {
  if (issue.code === 'unrecognized_keys' && issue.keys.length) return [...issue.path, issue.keys[0]].join('.');
  return issue.path.length ? issue.path.map(String).join('.') : where;
}

/** Turn zod issues into a 400 that names the field at fault, in the request's language. */
export function validationError(error: z.ZodError, where: 'body' | 'query' | 'params', lang: Lang): AppError {
  const issues = error.issues.map((i) => ({ field: fieldOf(i, where), message: describe(i, lang) }));
  const first = issues[0];
  const label = lang === 'zh' ? (FIELD_NAMES_ZH[first.field.split('.').pop() ?? ''] ?? first.field) : first.field;
  const text = { zh: `${label}：${first.message}`, en: `${first.field}: ${first.message}` };
  return new AppError('VALIDATION_FAILED', text, first.field, { issues });
}
