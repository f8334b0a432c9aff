import type { FormInstance } from 'antd';
import { ApiError } from '../api/http';
import { translate, getLang } from './i18n';

interface Notifier {
  error: (content: string) => unknown;
}

/** The message to show for any thrown value. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return translate(getLang(), 'common.unexpected');
}

/**
 * Put a server error on the form field it names (form.setFields) when that field is on the
 * form; otherwise show it as a message. Returns true when it landed on a field.
 */
export function showServerError(e: unknown, notify: Notifier, form?: FormInstance, fields: readonly string[] = []): boolean {
  if (form && e instanceof ApiError && e.field) {
    const onForm = (f: string) => fields.includes(f);
    const issues = e.issues ?? [];
    // Validation errors carry per-field messages in `issues`; other errors one message for `field`.
    // The issue text is used only when it is the localized one (the main message ends with it).
    const issuesLocalized = issues.length > 0 && e.message.endsWith(issues[0].message);
    const perField = new Map<string, string[]>();
    if (issuesLocalized) {
      for (const i of issues) if (onForm(i.field)) perField.set(i.field, [...(perField.get(i.field) ?? []), i.message]);
    } else if (onForm(e.field)) {
      perField.set(e.field, [e.message]);
    }
    if (perField.size > 0) {
      form.setFields([...perField].map(([name, errors]) => ({ name, errors })));
      const first = [...perField.keys()][0];
      form.scrollToField(first, { block: 'center' });
      return true;
    }
  }
  notify.error(errorMessage(e));
  return false;
}
