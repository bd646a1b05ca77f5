import { readinessResponse } from "@/lib/health/health-response";

export const dynamic = "force-dynamic";

// Readiness, public like /api/health: the database answers and its migrations are applied.
export async function GET() {
  return readinessResponse();
}
