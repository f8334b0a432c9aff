import { RANK_LEVEL_LABELS, ROLE_LABELS, type UserView } from '@xueshi/shared';
import { listWorkbook } from '../../common/xlsx';

/** The user list as a sheet: what the list shows, never a password hash or a token. */
export function usersWorkbook(users: UserView[]): Promise<Buffer> {
  return listWorkbook<UserView>(
    '人员名单',
    [
      { header: '用户名', width: 16, value: (u) => u.username },
      { header: '姓名', value: (u) => u.name },
      { header: '角色', width: 16, value: (u) => ROLE_LABELS[u.role].zh },
      { header: '人员编号', width: 14, value: (u) => u.staffNo },
      { header: '所属单位', width: 28, value: (u) => u.orgUnitName },
      { header: '施教机构', width: 20, value: (u) => u.institutionName },
      { header: '职级', value: (u) => (u.rankLevel ? RANK_LEVEL_LABELS[u.rankLevel].zh : null) },
      { header: '职务', width: 16, value: (u) => u.position },
      { header: '执法岗位', value: (u) => u.lawEnforcement },
      { header: '双基人员', value: (u) => u.grassroots },
      { header: '进入公务员队伍日期', width: 20, value: (u) => u.civilServiceEntryDate },
      { header: '任现职日期', width: 14, value: (u) => u.appointmentDate },
      { header: '状态', value: (u) => (u.disabled ? '已停用' : '正常') },
      { header: '创建时间', width: 20, value: (u) => new Date(new Date(u.createdAt).getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ') },
    ],
    users,
  );
}
