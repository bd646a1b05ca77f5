import { z } from "zod";
import { CREDIBILITY_RULES } from "./rules";

/** A reviewer marks one flag of a report as explained, with a short note. */
export const explainFlagInputSchema = z.object({
  reportId: z.string().trim().regex(/^[\w-]{1,40}$/),
  rule: z.enum(CREDIBILITY_RULES),
  note: z.string().trim().min(1).max(500),
});
export type ExplainFlagInput = z.infer<typeof explainFlagInputSchema>;
