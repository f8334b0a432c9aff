import { ApartmentOutlined, EditOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { ORG_UNIT_CHILD_TYPES, ORG_UNIT_TYPE_LABELS, type OrgUnitType, type OrgUnitView } from '@xueshi/shared';
import { Alert, Badge, Button, Card, Col, Descriptions, Empty, Flex, Input, Row, Spin, Tag, Tree, Typography, type TreeDataNode } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../lib/i18n';
import { errorMessage } from '../../lib/server-errors';
import { UserDirectory } from '../users/user-directory';
import { OrgUnitModal, type OrgUnitModalState } from './org-unit-modal';
import { ancestorsOf, type OrgNode } from './org-tree';
import { useInstitutions, useOrgUnits } from './use-org-data';

const TYPE_COLORS: Record<OrgUnitType, string> = { city: 'red', district: 'blue', department: 'purple', unit: 'default' };

/** Keep the nodes that match and the path down to them. */
function filterTree(nodes: OrgNode[], match: (n: OrgNode) => boolean): OrgNode[] {
  return nodes.flatMap((n) => {
    const children = filterTree(n.children, match);
    return match(n) || children.length ? [{ ...n, children }] : [];
  });
}

export function OrganizationPage() {
  const { t, label } = useI18n();
  const [params, setParams] = useSearchParams();
  const { units, tree, options, loading, error, reload } = useOrgUnits();
  const { institutions } = useInstitutions();
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<string[]>([]);
  const [modal, setModal] = useState<OrgUnitModalState>(null);
  const [page, setPage] = useState({ page: 1, pageSize: 10 });

  const selectedId = params.get('node') ?? tree[0]?.id ?? null;
  const selected = units.find((u) => u.id === selectedId) ?? null;
  const parent = selected?.parentId ? units.find((u) => u.id === selected.parentId) : undefined;

  // open the first two levels once loaded, and the path to the selected node
  useEffect(() => {
    if (!units.length) return;
    setExpanded((prev) => {
      const top = Math.min(...units.map((x) => x.depth));
      const next = new Set(prev.length ? prev : units.filter((u) => u.depth <= top + 1).map((u) => u.id));
      if (selectedId) ancestorsOf(units, selectedId).forEach((id) => next.add(id));
      return [...next];
    });
  }, [units, selectedId]);

  useEffect(() => setPage((p) => ({ ...p, page: 1 })), [selectedId]);

  const needle = search.trim().toLowerCase();
  const shown = useMemo(
    () => (needle ? filterTree(tree, (n) => n.name.toLowerCase().includes(needle) || n.code.toLowerCase().includes(needle)) : tree),
    [tree, needle],
  );
  const searchExpanded = useMemo(() => {
    if (!needle) return null;
    const keys: string[] = [];
    const walk = (ns: OrgNode[]) => ns.forEach((n) => (n.children.length ? (keys.push(n.id), walk(n.children)) : undefined));
    walk(shown);
    return keys;
  }, [shown, needle]);

  const treeData = useMemo<TreeDataNode[]>(() => {
    const toNode = (n: OrgNode): TreeDataNode => ({
      key: n.id,
      title: (
        <span data-testid={`org-node-${n.code}`} style={{ whiteSpace: 'nowrap' }}>
          {n.name}{' '}
          {n.type !== 'unit' && (
            <Tag color={TYPE_COLORS[n.type]} style={{ marginInlineStart: 4, fontSize: 11, lineHeight: '16px', paddingInline: 4 }}>
              {label(ORG_UNIT_TYPE_LABELS[n.type])}
            </Tag>
          )}
          {n.userCount > 0 && <Badge count={n.userCount} color="#8c96a3" size="small" title={t('org.userCount')} />}
        </span>
      ),
      children: n.children.map(toNode),
    });
    return shown.map(toNode);
  }, [shown, label, t]);

  const select = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('node', id);
    setParams(next, { replace: true });
  };

  const onSaved = (u: OrgUnitView) => {
    const wasChild = modal?.mode === 'child';
    setModal(null);
    reload();
    if (wasChild) {
      if (u.parentId) setExpanded((e) => [...new Set([...e, u.parentId!])]);
      select(u.id);
    }
  };

  const childTypes = selected ? ORG_UNIT_CHILD_TYPES[selected.type] : [];

  return (
    <>
      <PageHeader title={t('org.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8} xl={7} xxl={6}>
          <Card
            title={
              <span>
                <ApartmentOutlined style={{ marginInlineEnd: 8 }} />
                {t('org.tree')}
              </span>
            }
            styles={{ body: { paddingTop: 12 } }}
          >
            <Input.Search allowClear placeholder={t('org.searchPlaceholder')} onChange={(e) => setSearch(e.target.value)} style={{ marginBottom: 12 }} data-testid="org-search" />
            {error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
            {loading && !units.length ? (
              <Flex justify="center" style={{ padding: 24 }}>
                <Spin />
              </Flex>
            ) : treeData.length ? (
              <div style={{ overflowX: 'auto' }}>
                <Tree
                  blockNode
                  showLine
                  treeData={treeData}
                  selectedKeys={selectedId ? [selectedId] : []}
                  expandedKeys={searchExpanded ?? expanded}
                  onExpand={(keys) => setExpanded(keys.map(String))}
                  onSelect={(keys) => keys[0] && select(String(keys[0]))}
                  data-testid="org-tree"
                />
              </div>
            ) : (
              <Empty description={t('org.empty')} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={16} xl={17} xxl={18}>
          {selected ? (
            <Flex vertical gap={16}>
              <Card
                title={selected.name}
                data-testid="org-node-detail"
                extra={
                  <Flex gap={8}>
                    <Button icon={<EditOutlined />} onClick={() => setModal({ mode: 'rename', unit: selected })} data-testid="org-rename">
                      {t('org.rename')}
                    </Button>
                    <Button
                      type="primary"
                      icon={<PlusOutlined />}
                      disabled={!childTypes.length}
                      title={childTypes.length ? undefined : t('org.noChildTypes')}
                      onClick={() => setModal({ mode: 'child', parent: selected })}
                      data-testid="org-add-child"
                    >
                      {t('org.addChild')}
                    </Button>
                  </Flex>
                }
              >
                <Descriptions
                  size="small"
                  column={{ xs: 1, sm: 2, xl: 4 }}
                  items={[
                    { key: 'code', label: t('org.code'), children: <span className="xs-mono">{selected.code}</span> },
                    { key: 'type', label: t('org.type'), children: label(ORG_UNIT_TYPE_LABELS[selected.type]) },
                    { key: 'parent', label: t('org.parent'), children: parent?.name ?? t('common.none') },
                    { key: 'count', label: t('org.userCount'), children: selected.userCount },
                  ]}
                />
              </Card>
              <Card
                title={
                  <span>
                    <TeamOutlined style={{ marginInlineEnd: 8 }} />
                    {t('org.nodeUsers')}
                  </span>
                }
              >
                <UserDirectory
                  key={selected.id}
                  filters={{ orgUnitId: selected.id }}
                  page={page.page}
                  pageSize={page.pageSize}
                  onPageChange={(p, s) => setPage({ page: p, pageSize: s })}
                  unitOptions={options}
                  institutions={institutions}
                  createDefaults={{ orgUnitId: selected.id }}
                  toolbar={<Typography.Text type="secondary">{t('user.usersOf', { name: selected.name })}</Typography.Text>}
                  onChanged={reload}
                  testId="org-users-table"
                  compact
                />
              </Card>
            </Flex>
          ) : (
            <Card>
              <Empty description={t('org.selectHint')} />
            </Card>
          )}
        </Col>
      </Row>
      <OrgUnitModal state={modal} onClose={() => setModal(null)} onSaved={onSaved} />
    </>
  );
}
