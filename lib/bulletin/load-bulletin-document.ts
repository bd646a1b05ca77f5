import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db";
import { todayInChina } from "@/lib/tracking/dates";
import { getTrackingSettings } from "@/lib/tracking/settings";
import { bulletinDocument } from "./bulletin-document";
import { bulletinNumber, issueBulletin } from "./issue-bulletin";
import { loadBulletinData } from "./load-bulletin-data";
import type { BulletinQuery } from "./schemas";
import { getBulletinSettings } from "./settings";

/**
 * The 通报 for a query as text: its data, 期号 and issuing office. With
 * `issuedBy`, the bulletin is issued as final first (its 期号 is taken, or kept).
 */
export async function loadBulletinDocument(query: BulletinQuery, options: { issuedBy?: SessionUser } = {}) {
  const today = todayInChina();
  // Issuing comes first: a bulletin issued now carries its number even if loading the data is slow.
  const number = options.issuedBy ? await issueBulletin(db, options.issuedBy, query, today) : await bulletinNumber(db, query, today);
  const [data, settings] = await Promise.all([loadBulletinData(db, query, today, await getTrackingSettings(db)), getBulletinSettings(db)]);
  return bulletinDocument(data, query.lang, number, settings.bulletinIssuer);
}
