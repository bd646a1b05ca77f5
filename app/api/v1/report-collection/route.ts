import { NextResponse } from "next/server";
import { withApiRoute } from "@/lib/auth/api-route";
import { db } from "@/lib/db";
import { readImportUpload } from "@/lib/measure-import/read-import-upload";
import { confirmReportCollection } from "@/lib/report-collection/confirm-report-collection";
import { previewReportCollection } from "@/lib/report-collection/preview-report-collection";
import {
  collectionConfirmFieldsSchema,
  collectionPreviewFieldsSchema,
  collectionUploadQuerySchema,
} from "@/lib/report-collection/schemas";
import { todayInChina } from "@/lib/tracking/dates";

export const dynamic = "force-dynamic";

/**
 * Upload of a filled-in report sheet (multipart field "file", and "intent":
 * save or submit). With ?dryRun=1: each row as create / update / unchanged /
 * error and the plan's fingerprint, nothing written. Without: the same file,
 * intent and fingerprint write the reports in one transaction, or 409 if the
 * plan has changed since.
 */
export const POST = withApiRoute("report.collect", async (request, { user }) => {
  const query = collectionUploadQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const upload = await readImportUpload(request);
  if (query.dryRun) {
    const { intent } = collectionPreviewFieldsSchema.parse(upload.fields);
    return NextResponse.json(await previewReportCollection(db, user, upload.bytes, intent, todayInChina()));
  }
  const { intent, fingerprint } = collectionConfirmFieldsSchema.parse(upload.fields);
  return NextResponse.json(await confirmReportCollection(db, user, upload.bytes, intent, fingerprint, todayInChina()));
});
