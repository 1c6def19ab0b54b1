// The analysis job queue on PostgreSQL, with pg-boss: `sitrep ingest --queue` enqueues documents,
// any number of `sitrep worker` processes (on any machine that reaches the database) analyse and
// store them. Why pg-boss: it runs on our Node 20 (graphile-worker 0.18 needs Node 22), and it
// recovers a job whose worker died: every job carries an expiry, and a job still active past it is
// failed and retried by whichever pg-boss instance supervises next, so kill -9 loses nothing
// (graphile-worker 0.17 keeps a dead worker's job locked for four hours). It gives retries with a
// limit and backoff, a failed state with the error, and job ids we choose: a job's id is derived from
// the content hash, so the same text queued twice is one job (insert ... ON CONFLICT DO NOTHING).
import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { Document } from '../core/types.js';
import { contentHash } from '../store/rows.js';

export const QUEUE = 'sitrep-analyse';
export const DEFAULT_QUEUE_SCHEMA = 'sitrep_queue';

export interface AnalyseJob {
  doc: Document;
  /** Analyse again a text already stored, replacing its items. */
  replace?: boolean;
}

export interface QueueOptions {
  /** PostgreSQL schema of the queue's tables (default sitrep_queue). */
  schema?: string;
  /** Tries per job before it is marked failed (default 3). */
  tries?: number;
  /** A job still running after this long is taken as lost (its worker died) and retried (default 120). */
  jobTimeoutSeconds?: number;
  /** How often this process looks for lost jobs (default 10). */
  superviseSeconds?: number;
}

export interface QueueStatus {
  pending: number;
  running: number;
  /** Failed once or more, waiting for another try. */
  retrying: number;
  completed: number;
  failed: number;
  failures: { id: string; document: string; tries: number; error: string; at: string | null }[];
}

/** A job id (a UUID) from the text and what is asked of it: the same text queued twice is one job. */
export function jobId(text: string, replace: boolean, salt = ''): string {
  const h = createHash('sha256').update(contentHash(text) + (replace ? ':reanalyse:' + salt : '')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export class IngestQueue {
  private constructor(
    readonly boss: PgBoss,
    readonly schema: string,
    private readonly opts: Required<Pick<QueueOptions, 'tries' | 'jobTimeoutSeconds'>>,
  ) {}

  static async open(url: string, opts: QueueOptions = {}): Promise<IngestQueue> {
    const schema = opts.schema ?? DEFAULT_QUEUE_SCHEMA;
    const boss = new PgBoss({
      connectionString: url,
      schema,
      max: 2,
      schedule: false,
      supervise: true,
      maintenanceIntervalSeconds: opts.superviseSeconds ?? 10,
    });
    boss.on('error', (e: Error) => process.stderr.write(`sitrep queue: ${e.message}\n`));
    await boss.start();
    const q = new IngestQueue(boss, schema, { tries: opts.tries ?? 3, jobTimeoutSeconds: opts.jobTimeoutSeconds ?? 120 });
    if (!(await boss.getQueue(QUEUE))) {
      try {
        await boss.createQueue(QUEUE, { name: QUEUE, policy: 'standard' });
      } catch (e) {
        // another process created it meanwhile
        if (!(await boss.getQueue(QUEUE))) throw e;
      }
    }
    return q;
  }

  /** Queue documents; returns how many were new jobs (a text already queued is not queued again). */
  async enqueue(docs: Document[], opts: { replace?: boolean; salt?: string } = {}): Promise<{ queued: number; alreadyQueued: number }> {
    if (!docs.length) return { queued: 0, alreadyQueued: 0 };
    // The first of the same text wins, as in a plain ingest (the insert alone would not say which).
    const seen = new Set<string>();
    const firsts = docs.filter((doc) => {
      const id = jobId(doc.text, opts.replace ?? false, opts.salt);
      return !seen.has(id) && Boolean(seen.add(id));
    });
    const jobs = firsts.map((doc) => ({
      id: jobId(doc.text, opts.replace ?? false, opts.salt),
      name: QUEUE,
      data: { doc, replace: opts.replace ?? false } satisfies AnalyseJob,
      retryLimit: this.opts.tries - 1,
      retryDelay: 2,
      retryBackoff: true,
      expireInSeconds: this.opts.jobTimeoutSeconds,
    }));
    const ids = jobs.map((j) => j.id);
    const before = await this.boss.getDb().executeSql(`SELECT COUNT(*)::int AS n FROM ${this.schema}.job WHERE name = $1 AND id = ANY($2::uuid[])`, [QUEUE, ids]);
    await this.boss.insert(jobs);
    const alreadyQueued = Number(before.rows[0]?.n ?? 0) + docs.length - jobs.length;
    return { queued: docs.length - alreadyQueued, alreadyQueued };
  }

  /** The next job, or null when none is ready. */
  async next(): Promise<{ id: string; data: AnalyseJob } | null> {
    const [job] = await this.boss.fetch<AnalyseJob>(QUEUE, { batchSize: 1 });
    return job ? { id: job.id, data: job.data } : null;
  }

  async complete(id: string): Promise<void> {
    await this.boss.complete(QUEUE, id);
  }

  /** Count a failed try: retried later, or marked failed with the error after the last try. */
  async fail(id: string, error: Error): Promise<void> {
    await this.boss.fail(QUEUE, id, { message: error.message });
  }

  /** Jobs not finished yet: waiting, waiting for a retry, or running (perhaps on a worker that died). */
  async unfinished(): Promise<number> {
    const r = await this.boss.getDb().executeSql(`SELECT COUNT(*)::int AS n FROM ${this.schema}.job WHERE name = $1 AND state IN ('created', 'retry', 'active')`, [QUEUE]);
    return Number(r.rows[0]?.n ?? 0);
  }

  async status(limit = 20): Promise<QueueStatus> {
    const db = this.boss.getDb();
    const counts = await db.executeSql(`SELECT state, COUNT(*)::int AS n FROM ${this.schema}.job WHERE name = $1 GROUP BY state`, [QUEUE]);
    const n = (s: string) => Number(counts.rows.find((r) => r.state === s)?.n ?? 0);
    const failed = await db.executeSql(
      `SELECT id, data->'doc'->>'id' AS document, retry_count + 1 AS tries, output, completed_on FROM ${this.schema}.job
       WHERE name = $1 AND state = 'failed' ORDER BY completed_on DESC LIMIT $2`,
      [QUEUE, limit],
    );
    return {
      pending: n('created'),
      running: n('active'),
      retrying: n('retry'),
      completed: n('completed'),
      failed: n('failed'),
      failures: failed.rows.map((r) => ({
        id: r.id,
        document: r.document,
        tries: Number(r.tries),
        error: String(r.output?.message ?? r.output?.value?.message ?? JSON.stringify(r.output)),
        at: r.completed_on ? new Date(r.completed_on).toISOString() : null,
      })),
    };
  }

  async close(): Promise<void> {
    await this.boss.stop({ graceful: false, wait: true, close: true });
  }
}
