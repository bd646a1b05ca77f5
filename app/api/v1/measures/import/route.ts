import { NextResponse } from "next/server";
import { withApiRoute } from "@/lib/auth/api-route";
import { db } from "@/lib/db";
import { importMeasures, previewMeasureImport } from "@/lib/measure-import/import-measures";
import { readImportUpload } from "@/lib/measure-import/read-import-upload";
import { importConfirmFieldsSchema, importMeasuresQuerySchema } from "@/lib/measure-import/schemas";

export const dynamic = "force-dynamic";

/**
 * Import of a task list (.xlsx, multipart field "file"). With ?dryRun=1: the
 * plan (creates, updates field by field, every error) and its fingerprint,
 * nothing written. Without: the same file plus that fingerprint applies the
 * plan in one transaction, or refuses if the plan has changed since.
 */
export const POST = withApiRoute("catalogue.manage", async (request, { user }) => {
  const query = importMeasuresQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const upload = await readImportUpload(request);
  if (query.dryRun) return NextResponse.json(await previewMeasureImport(db, upload.bytes));
  const { fingerprint } = importConfirmFieldsSchema.parse(upload.fields);
  return NextResponse.json(await importMeasures(db, user, upload.bytes, fingerprint));
});
