import { useEffect, useState } from 'react';
import { useI18n } from './i18n';
import { errorMessage } from './server-errors';

/**
 * The state of an all-or-nothing file import in a modal: the picked file checked against the
 * route's upload limits, the request, and the report (kept when the server refuses the file so
 * the person can read which rows were wrong). Reset each time the modal opens.
 */
export function useFileImport<R>(spec: { accept: readonly string[]; maxBytes: number }, open: boolean, badTypeMessage: string) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<R | null>(null);

  useEffect(() => {
    if (!open) return;
    setFile(null);
    setFileError(null);
    setReport(null);
  }, [open]);

  const pick = (f: File | null) => {
    setReport(null);
    setFileError(null);
    if (!f) return setFile(null);
    const ext = f.name.toLowerCase().slice(f.name.lastIndexOf('.'));
    if (!spec.accept.includes(ext)) {
      setFile(null);
      return setFileError(badTypeMessage);
    }
    if (f.size > spec.maxBytes) {
      setFile(null);
      return setFileError(t('import.tooLarge'));
    }
    setFile(f);
  };

  /** Send the file; `accepted` says whether the report means it went in (then the file is cleared). */
  const run = async (send: (f: File) => Promise<R>, accepted: (r: R) => boolean | Promise<boolean>) => {
    if (!file) return setFileError(t('import.noFile'));
    setBusy(true);
    setFileError(null);
    try {
      const r = await send(file);
      setReport(r);
      if (await accepted(r)) setFile(null);
    } catch (e) {
      setReport(null);
      setFileError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return { file, fileError, busy, report, pick, run };
}
