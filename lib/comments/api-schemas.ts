import { Role } from "@/generated/prisma/enums";
import { z } from "zod";

export const mentionCandidateSchema = z
  .object({
    id: z.string(),
    displayName: z.string(),
    role: z.enum(Role),
    unitNameZh: z.string().nullable(),
    unitNameEn: z.string().nullable(),
  })
  .meta({ id: "MentionCandidate" });

export const mentionCandidatesResponseSchema = z.object({ items: z.array(mentionCandidateSchema) }).meta({ id: "MentionCandidateList" });
