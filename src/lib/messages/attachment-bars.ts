/**
 * Why the professional of a message may not see a document attached to it, as the check at
 * sending finds it (message-delivery.ts) and the sender's page tells it in words
 * (messaging.attachmentBars): hidden from professionals, restricted and not opened to them,
 * secret; a professional's attachment that a minor keeps secret from the guardians who read the
 * conversation (« secret-mineur »). Any other reason (none expected once the professional may
 * receive the message): « autre ».
 */
export const ATTACHMENT_BARS = ["masque", "restreint", "secret", "secret-mineur", "autre"] as const;
export type AttachmentBar = (typeof ATTACHMENT_BARS)[number];
export const isAttachmentBar = (value: unknown): value is AttachmentBar => (ATTACHMENT_BARS as readonly unknown[]).includes(value);
