import { NextResponse } from "next/server";
import { withApiRoute } from "@/lib/auth/api-route";
import { db } from "@/lib/db";
import { importMeasures, previewMeasureImport } from "@/lib/measure-import/import-measures";
import { readImportUpload } from "@/lib/measure-import/read-import-upload";
import { importConfirmFieldsSchema, importMeasuresQuerySchema, importPreviewFieldsSchema } from "@/lib/measure-import/schemas";

export const dynamic = "force-dynamic";

/**
 * Import of a task list (.xlsx, multipart field "file"; for an office's table,
 * optional field "mapping": the admin's column, title and area choices). With ?dryRun=1: the
 * plan (creates, updates field by field, every error) and its fingerprint,
 * nothing written. Without: the same file plus that fingerprint applies the
 * plan in one transaction, or refuses if the plan has changed since.
 */
export const POST = withApiRoute("catalogue.manage", async (request, { user }) => {
  const query = importMeasuresQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const upload = await readImportUpload(request);
  if (query.dryRun) {
    const { mapping } = importPreviewFieldsSchema.parse(upload.fields);
    return NextResponse.json(await previewMeasureImport(db, upload.bytes, mapping));
  }
  const { fingerprint, mapping } = importConfirmFieldsSchema.parse(upload.fields);
  return NextResponse.json(await importMeasures(db, user, upload.bytes, fingerprint, mapping));
});
