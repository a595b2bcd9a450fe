/**
 * The bytes of upload bodies (a document, a message's file) held in this process while they
 * arrive, wait for their turn (upload-turns.ts) and are worked on, within a budget. A body is read
 * whole before it takes a turn, so that a slow client holds none; but nothing bounded how many
 * were read at once: sixteen 20 MB messages sent together by one signed-in account took the
 * portal from 414 MB to 912 MB (each body is kept twice while read: its chunks, then joined),
 * some 30 MB more each, with no end but the machine's memory (found by an attack round). Past the
 * budget a body is refused as it arrives, told to try again as when no turn comes (« occupe »).
 *
 * The first MB of every body is always let through (counted, never refused): a message without a
 * file, or a small one, is never held up by others' uploads.
 */
export type ReceivingLease = {
  /** Whether `bytes` more may be kept for this body; false past the budget (keep nothing more). */
  hold(bytes: number): boolean;
  /** The body's bytes are no longer held (its answer is written). */
  release(): void;
};

export class ReceivingBudget {
  private held = 0;

  constructor(
    readonly maxBytes: number,
    private readonly freeBytes = 1024 * 1024,
  ) {}

  lease(): ReceivingLease {
    let mine = 0;
    return {
      hold: (bytes) => {
        if (mine + bytes > this.freeBytes && this.held + bytes > this.maxBytes) return false;
        mine += bytes;
        this.held += bytes;
        return true;
      },
      release: () => {
        this.held -= mine;
        mine = 0;
      },
    };
  }

  /** Bytes held now (for tests). */
  get heldBytes(): number {
    return this.held;
  }
}

let shared: ReceivingBudget | undefined;

/**
 * The process's budget: the bodies of the uploads worked on at once (UPLOADS_AT_ONCE) and as many
 * waiting for a turn, each up to `bodyBytes`.
 */
export function uploadReceiving(uploadsAtOnce: number, bodyBytes: number): ReceivingBudget {
  shared ??= new ReceivingBudget(2 * uploadsAtOnce * bodyBytes);
  return shared;
}

/** For tests: another budget (undefined: back to the one UPLOADS_AT_ONCE sizes). */
export function setUploadReceiving(budget: ReceivingBudget | undefined): void {
  shared = budget;
}
