import { withApiRoute } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/api/json-response";
import { mentionCandidatesResponseSchema } from "@/lib/comments/api-schemas";
import { listMentionCandidates } from "@/lib/comments/mention-candidates";
import { mentionCandidatesQuerySchema } from "@/lib/comments/schemas";
import { measureCodeParamsSchema } from "@/lib/measures/api-schemas";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** The @ type-ahead of the comment forms: people who may read what the comment is on. */
export const GET = withApiRoute<{ code: string }>("comment.write", async (request, { user, params }) => {
  const { code } = measureCodeParamsSchema.parse(params);
  const query = mentionCandidatesQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  return jsonResponse(mentionCandidatesResponseSchema, await listMentionCandidates(db, user, code, query));
});
