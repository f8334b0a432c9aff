import type { InstitutionView, OrgUnitView } from '@xueshi/shared';
import { useMemo } from 'react';
import { fetchInstitutions, fetchOrgUnits } from '../../api/org-units';
import { useAsync } from '../../lib/use-async';
import { buildOrgTree, toUnitOptions } from './org-tree';

/** The caller's organisation tree (flat, as a tree, as TreeSelect options). */
export function useOrgUnits(enabled = true) {
  const state = useAsync<OrgUnitView[]>(async (signal) => (enabled ? (await fetchOrgUnits(signal)).items : []), [enabled]);
  const units = state.data ?? [];
  const tree = useMemo(() => buildOrgTree(units), [units]);
  const options = useMemo(() => toUnitOptions(tree), [tree]);
  return { ...state, units, tree, options };
}

/** Training institutions visible to the caller. */
export function useInstitutions(enabled = true) {
  const state = useAsync<InstitutionView[]>(async (signal) => (enabled ? (await fetchInstitutions(signal)).items : []), [enabled]);
  return { ...state, institutions: state.data ?? [] };
}
