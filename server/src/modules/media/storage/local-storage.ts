import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, rm, stat, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { checkKey, MediaStorage, StoredObject } from './media-storage';

/** Media in a local folder (the default). Writes go through a temporary name, so a reader never sees half a file. */
export class LocalStorage extends MediaStorage {
  constructor(private readonly root: string) {
    super();
  }

  private file(key: string): string {
    return path.join(this.root, checkKey(key));
  }

  private async atomicWrite(key: string, write: (tmp: string) => Promise<void>) {
    const dest = this.file(key);
    await mkdir(path.dirname(dest), { recursive: true });
    const tmp = `${dest}.tmp-${process.pid}-${Date.now()}`;
    await write(tmp);
    await rename(tmp, dest);
  }

  putFile(key: string, localPath: string): Promise<void> {
    return this.atomicWrite(key, (tmp) => copyFile(localPath, tmp));
  }

  putBuffer(key: string, data: Buffer): Promise<void> {
    return this.atomicWrite(key, (tmp) => writeFile(tmp, data));
  }

  async read(key: string, range?: { start: number; end?: number }): Promise<StoredObject | null> {
    const size = await this.size(key);
    if (size === null) return null;
    if (range) {
      const end = Math.min(range.end ?? size - 1, size - 1);
      return { stream: createReadStream(this.file(key), { start: range.start, end }), size, range: { start: range.start, end } };
    }
    return { stream: createReadStream(this.file(key)), size };
  }

  async size(key: string): Promise<number | null> {
    const file = this.file(key); // a bad key throws here, not into the not-found path below
    try {
      const st = await stat(file);
      return st.isFile() ? st.size : null;
    } catch {
      return null;
    }
  }

  async download(key: string, toPath: string): Promise<void> {
    await copyFile(this.file(key), toPath);
  }

  async list(prefix: string): Promise<string[]> {
    const base = this.file(prefix.replace(/\/$/, ''));
    const out: string[] = [];
    const walk = async (dir: string) => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) await walk(p);
        else if (!e.name.includes('.tmp-')) out.push(path.relative(this.root, p).split(path.sep).join('/'));
      }
    };
    await walk(base);
    return out.sort();
  }

  async deletePrefix(prefix: string): Promise<void> {
    await rm(this.file(prefix.replace(/\/$/, '')), { recursive: true, force: true });
  }
}
