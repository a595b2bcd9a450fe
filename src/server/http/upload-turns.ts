/**
 * At most `limit` uploads (a document, a message's file) are parsed, checked, encrypted and
 * stored at once in this process; the next wait their turn, first come first served, for at
 * most `maxWaitMs`, then are told to try again (UploadsBusy).
 *
 * Why: while a 20 MB upload is worked on, its copies (the form parser's, the file's bytes, the
 * sealed bytes, the text worker's) are held at once; one upload raised the server's peak
 * memory by about 230 MB, and eight at once took it past 1 GB, against 775–854 MB with two
 * turns (`npm run bench -- uploads`, issue 16). Any number could come at once.
 *
 * The turn is taken once the body has arrived, not before: a client that sends slowly holds no
 * turn, so a few of them cannot stop everyone's uploads. Bodies under `smallBytes` (a message
 * without a file) never wait: uploads must not hold up the messaging.
 */
export class UploadsBusy extends Error {
  constructor() {
    super("too many uploads at once");
  }
}

export class UploadTurns {
  private running = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    private readonly limit: number,
    private readonly maxWaitMs = 30_000,
    private readonly smallBytes = 1024 * 1024,
  ) {}

  /** Runs `work` in a turn (or at once for a small body); throws UploadsBusy if no turn came in time. */
  async run<T>(bodyBytes: number, work: () => Promise<T>): Promise<T> {
    if (bodyBytes < this.smallBytes) return work();
    await this.take();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  /** How many run and wait (for tests). */
  get counts(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.queue.length };
  }

  private take(): Promise<void> {
    if (this.running < this.limit) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      // The turn is handed over by release(), the running count unchanged.
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const at = this.queue.indexOf(wake);
        if (at >= 0) this.queue.splice(at, 1);
        reject(new UploadsBusy());
      }, this.maxWaitMs);
      this.queue.push(wake);
    });
  }

  private release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.running--;
  }
}

let shared: UploadTurns | undefined;

/** The process's turns, sized by UPLOADS_AT_ONCE, waited for up to UPLOAD_TURN_WAIT_SECONDS. */
export function uploadTurns(limit: number, maxWaitSeconds = 30): UploadTurns {
  shared ??= new UploadTurns(limit, maxWaitSeconds * 1000);
  return shared;
}

/** For tests: the process's turns with another size or wait (undefined: back to UPLOADS_AT_ONCE's). */
export function setUploadTurns(turns: UploadTurns | undefined): void {
  shared = turns;
}
