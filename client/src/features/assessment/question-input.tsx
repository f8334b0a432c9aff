import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import type { AttemptView } from '@xueshi/shared';
import { Input } from 'antd';
import { useEffect, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../../lib/i18n';

type Question = AttemptView['questions'][number];

interface OptionProps {
  letter: ReactNode;
  text: ReactNode;
  checked: boolean;
  multiple?: boolean;
  disabled?: boolean;
  /** review: this option is (part of) the right answer, or a wrong choice */
  mark?: 'right' | 'wrong';
  onToggle?: () => void;
  testId: string;
}

/** One choice: a whole row to click, the letter in a badge (round for one answer, square for several). */
export function OptionRow({ letter, text, checked, multiple, disabled, mark, onToggle, testId }: OptionProps) {
  const onKey = (e: KeyboardEvent) => {
    if (disabled || (e.key !== 'Enter' && e.key !== ' ')) return;
    e.preventDefault();
    onToggle?.();
  };
  const cls = ['xs-option', checked && 'xs-option-checked', disabled && 'xs-option-disabled', mark && `xs-option-${mark}`].filter(Boolean).join(' ');
  return (
    <div
      role={multiple ? 'checkbox' : 'radio'}
      aria-checked={checked}
      aria-disabled={disabled}
      tabIndex={disabled ? -1 : 0}
      className={cls}
      onClick={() => !disabled && onToggle?.()}
      onKeyDown={onKey}
      data-testid={testId}
      data-checked={checked}
    >
      <span className={multiple ? 'xs-option-badge xs-option-badge-square' : 'xs-option-badge'}>{letter}</span>
      <span className="xs-option-text">{text}</span>
      {mark === 'right' && <CheckOutlined className="xs-option-mark" style={{ color: '#389e0d' }} />}
      {mark === 'wrong' && <CloseOutlined className="xs-option-mark" style={{ color: '#b3261e' }} />}
    </div>
  );
}

interface Props {
  question: Question;
  value: string[];
  disabled?: boolean;
  /** `debounce`: typed text, saved after a pause */
  onChange: (answer: string[], debounce: boolean) => void;
  onBlur?: () => void;
}

/** The answer field of one question in an attempt: choices, 对/错, or the text of a blank. */
export function QuestionInput({ question: q, value, disabled, onChange, onBlur }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState(value[0] ?? '');
  // the saved answer arrives later (a reload): show it unless the official is typing
  useEffect(() => {
    if (q.type === 'fill') setText((cur) => (cur === '' ? (value[0] ?? '') : cur));
  }, [q.type, value]);

  if (q.type === 'single' || q.type === 'multiple') {
    const multiple = q.type === 'multiple';
    const toggle = (key: string) => {
      if (!multiple) return onChange([key], false);
      const next = value.includes(key) ? value.filter((k) => k !== key) : [...value, key];
      onChange(next.sort(), false);
    };
    return (
      <div className="xs-options" role={multiple ? 'group' : 'radiogroup'}>
        {q.options.map((o) => (
          <OptionRow
            key={o.key}
            letter={o.key}
            text={o.text}
            multiple={multiple}
            checked={value.includes(o.key)}
            disabled={disabled}
            onToggle={() => toggle(o.key)}
            testId={`option-${o.key}`}
          />
        ))}
      </div>
    );
  }
  if (q.type === 'true_false') {
    return (
      <div className="xs-options xs-options-tf" role="radiogroup">
        {(['true', 'false'] as const).map((v) => (
          <OptionRow
            key={v}
            letter={v === 'true' ? <CheckOutlined /> : <CloseOutlined />}
            text={v === 'true' ? t('attempt.true') : t('attempt.false')}
            checked={value[0] === v}
            disabled={disabled}
            onToggle={() => onChange([v], false)}
            testId={`tf-${v}`}
          />
        ))}
      </div>
    );
  }
  return (
    <Input
      value={text}
      disabled={disabled}
      maxLength={200}
      placeholder={t('attempt.fillPlaceholder')}
      onChange={(e) => {
        setText(e.target.value);
        onChange(e.target.value.trim() ? [e.target.value] : [], true);
      }}
      onBlur={onBlur}
      style={{ maxWidth: 480 }}
      data-testid="fill-input"
    />
  );
}
