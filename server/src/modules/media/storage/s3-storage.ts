import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { checkKey, contentTypeOf, MediaStorage, StoredObject } from './media-storage';

export interface S3Config {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

function notFound(e: unknown): boolean {
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  return err?.name === 'NotFound' || err?.name === 'NoSuchKey' || err?.$metadata?.httpStatusCode === 404;
}

/** Media in S3-compatible object storage (MinIO, Ceph, a cloud bucket). */
export class S3Storage extends MediaStorage {
  private readonly s3: S3Client;
  constructor(private readonly cfg: S3Config) {
    super();
    this.s3 = new S3Client({
      endpoint: cfg.endpoint,
      region: cfg.region,
      forcePathStyle: cfg.forcePathStyle,
      credentials: { accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey },
      // S3-compatible servers differ in checksum support: send them only where the API requires
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async putFile(key: string, localPath: string, contentType?: string): Promise<void> {
    const { size } = await stat(localPath);
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.cfg.bucket,
        Key: checkKey(key),
        Body: createReadStream(localPath),
        ContentLength: size,
        ContentType: contentType ?? contentTypeOf(key),
      }),
    );
  }

  async putBuffer(key: string, data: Buffer, contentType?: string): Promise<void> {
    await this.s3.send(new PutObjectCommand({ Bucket: this.cfg.bucket, Key: checkKey(key), Body: data, ContentType: contentType ?? contentTypeOf(key) }));
  }

  async read(key: string, range?: { start: number; end?: number }): Promise<StoredObject | null> {
    const size = await this.size(key);
    if (size === null) return null;
    const end = range ? Math.min(range.end ?? size - 1, size - 1) : undefined;
    const res = await this.s3.send(
      new GetObjectCommand({ Bucket: this.cfg.bucket, Key: checkKey(key), Range: range ? `bytes=${range.start}-${end}` : undefined }),
    );
    const stream = res.Body as Readable;
    return range ? { stream, size, range: { start: range.start, end: end! } } : { stream, size };
  }

  async size(key: string): Promise<number | null> {
    try {
      const h = await this.s3.send(new HeadObjectCommand({ Bucket: this.cfg.bucket, Key: checkKey(key) }));
      return h.ContentLength ?? 0;
    } catch (e) {
      if (notFound(e)) return null;
      throw e;
    }
  }

  async download(key: string, toPath: string): Promise<void> {
    const res = await this.s3.send(new GetObjectCommand({ Bucket: this.cfg.bucket, Key: checkKey(key) }));
    await pipeline(res.Body as Readable, createWriteStream(toPath));
  }

  async list(prefix: string): Promise<string[]> {
    const out: string[] = [];
    let token: string | undefined;
    do {
      const res = await this.s3.send(new ListObjectsV2Command({ Bucket: this.cfg.bucket, Prefix: prefix, ContinuationToken: token }));
      for (const o of res.Contents ?? []) if (o.Key) out.push(o.Key);
      token = res.IsTruncated ? res.NextContinuationToken : undefined;
    } while (token);
    return out.sort();
  }

  async deletePrefix(prefix: string): Promise<void> {
    const keys = await this.list(prefix.endsWith('/') ? prefix : `${prefix}`);
    for (let i = 0; i < keys.length; i += 1000) {
      await this.s3.send(
        new DeleteObjectsCommand({ Bucket: this.cfg.bucket, Delete: { Objects: keys.slice(i, i + 1000).map((Key) => ({ Key })), Quiet: true } }),
      );
    }
  }
}
