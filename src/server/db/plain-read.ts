/**
 * Whether a statement only reads, and so may share a pipelined connection with other requests'
 * reads (pipelined-reads.ts): a SELECT, or a WITH whose parts all select, that takes no row lock.
 *
 * Told from the text, which is always the app's own (values travel as parameters). A wrong answer
 * costs speed, never correctness: every statement sent this way runs alone in its own implicit
 * transaction whichever connection carries it. A write taken for a read would make the reads
 * queued behind it on its connection wait for its commit to reach the disk; a read taken for a
 * write runs on the pool, as every statement did before. Hence the care is one-sided: anything
 * that names a write, a lock, or a session setting is not a plain read.
 */
const STARTS_AS_READ = /^\s*(SELECT|WITH)\b/i;
const WRITES_OR_LOCKS = /\b(INSERT|UPDATE|DELETE|MERGE|COPY|LOCK|NOTIFY|LISTEN|SET|RESET|PREPARE|DEALLOCATE|DISCARD)\b|\bFOR\s+(NO\s+KEY\s+)?(UPDATE|SHARE|KEY\s+SHARE)\b|advisory|set_config|nextval|setval|pg_notify|pg_terminate_backend|pg_cancel_backend/i;

export function isPlainRead(text: string): boolean {
  return STARTS_AS_READ.test(text) && !WRITES_OR_LOCKS.test(text);
}
