import { healthResponse } from "@/lib/health/health-response";

export const dynamic = "force-dynamic";

// Public on purpose: load balancers and operators poll it without a session.
export async function GET() {
  return healthResponse();
}
