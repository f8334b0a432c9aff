import type { UserView } from '@xueshi/shared';
import { useMemo } from 'react';
import { listUsers } from '../../api/users';
import { useAsync } from '../../lib/use-async';

/** The instructors an institution admin may put on a course: those of their institution (the server scopes the list). */
export function useInstructors(enabled: boolean) {
  const state = useAsync<UserView[]>(
    async (signal) => (enabled ? (await listUsers({ role: 'instructor', disabled: 'false', pageSize: 200 }, signal)).items : []),
    [enabled],
  );
  const instructors = useMemo(() => state.data ?? [], [state.data]);
  const options = useMemo(() => instructors.map((u) => ({ value: u.id, label: u.name, search: `${u.name} ${u.username}` })), [instructors]);
  return { ...state, instructors, options };
}
