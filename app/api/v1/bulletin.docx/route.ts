import { withApiRoute } from "@/lib/auth/api-route";
import { bulletinResponse } from "@/lib/bulletin/bulletin-response";

export const dynamic = "force-dynamic";

/** The inspection bulletin (?month=YYYY-MM&area=&city=&leadUnit=&programme=&lang=) as a Word document; a preview unless issued before. */
export const GET = withApiRoute("measure.read", (request) => bulletinResponse(request, "docx"));

/** Issues the inspection bulletin as final (its issue number is taken, or kept if issued before) and returns it as a Word document. */
export const POST = withApiRoute("bulletin.issue", (request, { user }) => bulletinResponse(request, "docx", user));
