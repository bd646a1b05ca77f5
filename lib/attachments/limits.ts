/**
 * Upload limits (docs/attachments.md), from the environment:
 * LUOSHI_ATTACHMENT_MAX_MB per file (default 20), LUOSHI_ATTACHMENT_PARENT_MAX_MB
 * for all live files of one report, milestone, extension request or measure
 * (default 100), LUOSHI_MAX_UPLOADS uploads receiving at once per process (default 4).
 */
export interface AttachmentLimits {
  maxFileBytes: number;
  maxParentBytes: number;
  maxConcurrentUploads: number;
}

const MB = 1024 * 1024;

export function attachmentLimits(env: Record<string, string | undefined> = process.env): AttachmentLimits {
  const number = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return {
    maxFileBytes: Math.round(number("LUOSHI_ATTACHMENT_MAX_MB", 20) * MB),
    maxParentBytes: Math.round(number("LUOSHI_ATTACHMENT_PARENT_MAX_MB", 100) * MB),
    maxConcurrentUploads: Math.floor(number("LUOSHI_MAX_UPLOADS", 4)),
  };
}

export function megabytes(bytes: number): number {
  return Math.round((bytes / MB) * 10) / 10;
}
