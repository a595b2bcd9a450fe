import { MAX_UPLOAD_BYTES } from "@/server/documents/upload-policy";
import { setUploadTurns, UploadTurns } from "@/server/http/upload-turns";

/**
 * Runs `work` while the process's upload turns are one, taken by another upload, and a body over
 * 1 MB waits `waitMs` for it before it is refused « busy » (upload-turns.ts). `free` gives the
 * turn back before the end, for a test that then sends the same body again.
 */
export async function whileTurnsTaken(waitMs: number, work: (turns: UploadTurns, free: () => Promise<void>) => Promise<void>): Promise<void> {
  const turns = new UploadTurns(1, waitMs);
  setUploadTurns(turns);
  let release = () => {};
  const held = turns.run(MAX_UPLOAD_BYTES, () => new Promise<void>((resolve) => (release = resolve)));
  const free = async () => {
    release();
    await held;
  };
  try {
    await work(turns, free);
  } finally {
    await free();
    setUploadTurns(undefined);
  }
}
