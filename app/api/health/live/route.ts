import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

// Liveness, public like /api/health: the web server answers. It never touches the
// database, so a database restart does not make an orchestrator restart the app.
export async function GET() {
  return NextResponse.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
