import { FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useRef, useState, type DragEvent } from 'react';
import { useI18n } from '../../../lib/i18n';

interface Props {
  file: File | null;
  accept: readonly string[];
  onPick: (file: File | null) => void;
  disabled?: boolean;
  /** the line under the prompt (default: the user import's formats and limits) */
  hint?: string;
}

function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A drop zone over a plain file input (kept in the DOM, so tests can set files on it). */
export function FileDrop({ file, accept, onPick, disabled, hint }: Props) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (disabled) return;
    const f = e.dataTransfer.files[0];
    if (f) onPick(f);
  };

  return (
    <div
      role="button"
      tabIndex={0}
      onClick={() => !disabled && input.current?.click()}
      onKeyDown={(e) => {
        if (disabled || (e.key !== 'Enter' && e.key !== ' ')) return;
        e.preventDefault();
        input.current?.click();
      }}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="import-dropzone"
      style={{
        border: `1px dashed ${over ? '#1d4f91' : '#c5cdd8'}`,
        background: over ? '#eef3fa' : '#fafbfc',
        borderRadius: 8,
        padding: '24px 16px',
        textAlign: 'center',
        cursor: disabled ? 'not-allowed' : 'pointer',
        transition: 'border-color .2s, background .2s',
      }}
    >
      <input
        ref={input}
        type="file"
        accept={accept.join(',')}
        style={{ display: 'none' }}
        data-testid="import-file-input"
        onChange={(e) => {
          onPick(e.target.files?.[0] ?? null);
          e.target.value = '';
        }}
      />
      {file ? (
        <Flex vertical align="center" gap={4}>
          <FileExcelOutlined style={{ fontSize: 36, color: '#217346' }} />
          <Typography.Text strong data-testid="import-file-name">
            {file.name}
          </Typography.Text>
          <Typography.Text type="secondary">{sizeText(file.size)}</Typography.Text>
          <Button size="small" type="link" onClick={(e) => (e.stopPropagation(), input.current?.click())}>
            {t('import.pick')}
          </Button>
        </Flex>
      ) : (
        <Flex vertical align="center" gap={4}>
          <InboxOutlined style={{ fontSize: 40, color: '#1d4f91' }} />
          <Typography.Text>{t('import.pickHint')}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {hint ?? t('import.pickSub')}
          </Typography.Text>
        </Flex>
      )}
    </div>
  );
}
