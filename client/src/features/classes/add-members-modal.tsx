import type { ClassCandidate, ClassView } from '@xueshi/shared';
import { Alert, App, Modal, Select, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { addClassMembers, fetchClassCandidates } from '../../api/classes';
import { ApiError } from '../../api/http';
import { useI18n } from '../../lib/i18n';
import { errorMessage } from '../../lib/server-errors';

/** 添加学员: pick active officials by name, username or staff number; enrolled all together or not at all. */
export function AddMembersModal({ open, cls, onClose, onAdded }: { open: boolean; cls: ClassView; onClose: () => void; onAdded: (c: ClassView) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [found, setFound] = useState<ClassCandidate[]>([]);
  const [searching, setSearching] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const [known, setKnown] = useState<Map<string, ClassCandidate>>(new Map());
  const [saving, setSaving] = useState(false);
  const [refused, setRefused] = useState<{ message: string; missing: string[] } | null>(null);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const members = new Set(cls.members.map((m) => m.id));

  const search = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const mine = ++seq.current;
      setSearching(true);
      try {
        const page = await fetchClassCandidates(cls.id, q.trim() || undefined);
        if (mine !== seq.current) return;
        setFound(page.items);
        setKnown((k) => new Map([...k, ...page.items.map((u) => [u.id, u] as const)]));
      } catch (e) {
        if (mine === seq.current) message.error(errorMessage(e));
      } finally {
        if (mine === seq.current) setSearching(false);
      }
    }, 250);
  };

  useEffect(() => {
    if (!open) return;
    setPicked([]);
    setRefused(null);
    search('');
    return () => clearTimeout(timer.current);
  }, [open]);

  const submit = async () => {
    if (!picked.length) {
      message.warning(t('members.pickRequired'));
      return;
    }
    setSaving(true);
    setRefused(null);
    try {
      const next = await addClassMembers(cls.id, picked);
      message.success(t('members.added', { n: picked.length }));
      onAdded(next);
    } catch (e) {
      // all or none: the server names who could not be enrolled
      if (e instanceof ApiError && e.field === 'userIds') {
        const missing = (e.details as { missing?: unknown } | undefined)?.missing;
        setRefused({ message: e.message, missing: Array.isArray(missing) ? missing.filter((x): x is string => typeof x === 'string') : [] });
      } else {
        message.error(errorMessage(e));
      }
    } finally {
      setSaving(false);
    }
  };

  const shown = [...found, ...picked.filter((id) => !found.some((u) => u.id === id)).map((id) => known.get(id)).filter((u): u is ClassCandidate => !!u)];
  const nameOf = (id: string) => known.get(id)?.name ?? id;
  const options = shown.map((u) => ({
    value: u.id,
    disabled: members.has(u.id),
    label: (
      <span>
        {u.name}
        <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
          {[u.orgUnitName, u.staffNo ?? u.username].filter(Boolean).join(' · ')}
          {members.has(u.id) ? ` · ${t('members.already')}` : ''}
        </Typography.Text>
      </span>
    ),
    // what the selected tag shows
    name: u.name,
  }));

  return (
    <Modal
      open={open}
      title={t('members.title')}
      onCancel={onClose}
      onOk={submit}
      okText={picked.length ? t('members.submitN', { n: picked.length }) : t('members.submit')}
      okButtonProps={{ loading: saving, 'data-testid': 'members-submit' }}
      destroyOnHidden
      width={620}
      data-testid="members-modal"
    >
      <div data-testid="members-form">
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('members.intro')}
        </Typography.Paragraph>
        <Select
          mode="multiple"
          value={picked}
          onChange={(v: string[]) => {
            setPicked(v);
            setRefused(null);
          }}
          showSearch={{ filterOption: false, onSearch: search }}
          optionLabelProp="name"
          options={options}
          placeholder={t('members.searchPlaceholder')}
          notFoundContent={searching ? <Spin size="small" /> : t('members.notFound')}
          style={{ width: '100%' }}
          data-testid="members-select"
        />
        {refused && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            title={<span data-testid="members-refused">{refused.message}</span>}
            description={refused.missing.length ? t('members.refusedWho', { names: refused.missing.map(nameOf).join(t('common.listSep')) }) : undefined}
          />
        )}
      </div>
    </Modal>
  );
}
