import type { RouteDef } from '@xueshi/shared';
import { AppError } from './errors';
import type { AppRequest } from './request';

/** Read the `file` part of a multipart request into memory, within the route's size limit. */
export async function readUpload(req: AppRequest, spec: RouteDef['upload']): Promise<Buffer> {
  const maxBytes = spec?.maxBytes ?? 1024 * 1024;
  if (!req.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { zh: '请以 multipart/form-data 上传文件', en: 'Upload the file as multipart/form-data' }, 'file');
  }
  let part;
  try {
    part = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
  } catch (e) {
    // a body that says multipart but is not (no boundary, cut short, garbage): the client's fault
    if (e instanceof AppError) throw e;
    throw new AppError('VALIDATION_FAILED', { zh: '上传内容不是有效的 multipart/form-data', en: 'The upload is not valid multipart/form-data' }, 'file');
  }
  if (!part || part.fieldname !== 'file') {
    throw new AppError('VALIDATION_FAILED', { zh: '请选择要上传的文件', en: 'No file was uploaded' }, 'file');
  }
  try {
    return await part.toBuffer();
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      const mb = Math.round(maxBytes / 1024 / 1024);
      throw new AppError('PAYLOAD_TOO_LARGE', { zh: `文件超过 ${mb} MB 上限`, en: `The file exceeds the ${mb} MB limit` }, 'file');
    }
    throw e;
  }
}
