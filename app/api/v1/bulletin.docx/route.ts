import { withApiRoute } from "@/lib/auth/api-route";
import { bulletinResponse } from "@/lib/bulletin/bulletin-response";

export const dynamic = "force-dynamic";

/** The monthly bulletin (?month=YYYY-MM&area=&city=&leadUnit=&programme=&lang=) as a Word document. */
export const GET = withApiRoute("measure.read", (request) => bulletinResponse(request, "docx"));
