declare module 's3rver' {
  interface Options {
    port?: number;
    address?: string;
    silent?: boolean;
    directory: string;
    configureBuckets?: { name: string }[];
  }
  export default class S3rver {
    constructor(opts: Options);
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }
}
