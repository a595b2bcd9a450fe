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
// A UNION of two selects is written in parentheses: `(SELECT ...) UNION ALL (SELECT ...)`.
const STARTS_AS_READ = /^[\s(]*(SELECT|WITH)\b/i;
const WRITES_OR_LOCKS = /\b(INSERT|UPDATE|DELETE|MERGE|COPY|LOCK|NOTIFY|LISTEN|SET|RESET|PREPARE|DEALLOCATE|DISCARD)\b|\bFOR\s+(NO\s+KEY\s+)?(UPDATE|SHARE|KEY\s+SHARE)\b|advisory|set_config|nextval|setval|pg_notify|pg_terminate_backend|pg_cancel_backend/i;

/**
 * Answers kept per text: the app sends a bounded set of texts (sql-driver.ts's prepared
 * statements), and the test ran on every statement took 6-11 µs a page (CPU profile: the
 * documents list's text is long). Bounded all the same, as the prepared statements are.
 */
const KNOWN_AT_MOST = 1000;
const known = new Map<string, boolean>();

export function isPlainRead(text: string): boolean {
  const seen = known.get(text);
  if (seen !== undefined) return seen;
  const plain = STARTS_AS_READ.test(text) && !WRITES_OR_LOCKS.test(text);
  if (known.size < KNOWN_AT_MOST) known.set(text, plain);
  return plain;
}
