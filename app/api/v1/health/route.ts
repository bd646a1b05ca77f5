import { healthResponse } from "@/lib/health/health-response";

export const dynamic = "force-dynamic";

// Public on purpose, like /api/health: the API's own health check.
export async function GET() {
  return healthResponse();
}
