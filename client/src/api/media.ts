import { routes } from '@xueshi/shared';
import { call } from './http';

export const fetchUploadLimits = (signal?: AbortSignal) => call(routes.uploadLimits, { signal });
export const fetchMedia = (id: string, signal?: AbortSignal) => call(routes.getMedia, { params: { id }, signal });
export const fetchMediaByUpload = (uploadId: string, signal?: AbortSignal) => call(routes.mediaByUpload, { params: { uploadId }, signal });
/** A signed, expiring URL of the lesson's media; the answer also sets the media cookie. */
export const fetchPlayback = (lessonId: string, signal?: AbortSignal) => call(routes.playback, { params: { id: lessonId }, signal });
