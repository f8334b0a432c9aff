import { ORG_UNIT_TYPES, type OrgUnitView } from '@xueshi/shared';
import type { ReactNode } from 'react';

export interface OrgNode extends OrgUnitView {
  children: OrgNode[];
}

const TYPE_ORDER = Object.fromEntries(ORG_UNIT_TYPES.map((t, i) => [t, i]));

/**
 * Build the tree from the flat list. An admin sees only their subtree, so a node whose
 * parent is not in the list is a root.
 */
export function buildOrgTree(units: readonly OrgUnitView[]): OrgNode[] {
  const byId = new Map<string, OrgNode>(units.map((u) => [u.id, { ...u, children: [] }]));
  const roots: OrgNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (nodes: OrgNode[]) => {
    nodes.sort((a, b) => TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || a.code.localeCompare(b.code));
    nodes.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

export interface UnitOption {
  value: string;
  key: string;
  title: ReactNode;
  /** shown in the select box once chosen */
  name: string;
  /** what the search box matches */
  search: string;
  children: UnitOption[];
}

/** TreeSelect data: name with the code beside it, searchable by either. */
export function toUnitOptions(nodes: readonly OrgNode[]): UnitOption[] {
  return nodes.map((n) => ({
    value: n.id,
    key: n.id,
    name: n.name,
    search: `${n.name} ${n.code}`,
    title: (
      <span>
        {n.name} <span style={{ color: '#8c96a3', fontSize: 12 }}>{n.code}</span>
      </span>
    ),
    children: toUnitOptions(n.children),
  }));
}

/** ids of the ancestors of a node that are in the list, nearest first */
export function ancestorsOf(units: readonly OrgUnitView[], id: string): string[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out: string[] = [];
  let cur = byId.get(id);
  while (cur?.parentId && byId.has(cur.parentId)) {
    out.push(cur.parentId);
    cur = byId.get(cur.parentId);
  }
  return out;
}
