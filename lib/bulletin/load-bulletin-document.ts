import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/db/create-client";
import type { LedgerRow } from "@/lib/ledger/list-ledger";
import { todayInChina } from "@/lib/tracking/dates";
import { getTrackingSettings, type TrackingSettings } from "@/lib/tracking/settings";
import { bulletinDocument } from "./bulletin-document";
import { bulletinNumber, issueBulletin } from "./issue-bulletin";
import { loadBulletinData } from "./load-bulletin-data";
import { loadNarrativeFacts } from "./load-narrative-facts";
import { narrativeText } from "./narrative-text";
import { getBulletinNarrative } from "./save-bulletin-narrative";
import type { BulletinQuery } from "./schemas";
import { getBulletinSettings } from "./settings";

/**
 * The bulletin's opening summary: the drafted text, and the text saved by an
 * inspector (null when none). The bulletin opens with the saved one if any.
 */
export async function loadBulletinNarrative(client: PrismaClient, query: BulletinQuery, today: Date, settings: TrackingSettings, currentMeasures?: Promise<LedgerRow[]>) {
  const [facts, saved] = await Promise.all([loadNarrativeFacts(client, query, today, settings, currentMeasures), getBulletinNarrative(client, query)]);
  return { draft: narrativeText(facts, query.lang), saved };
}

/**
 * The 通报 for a query as text: its data, 期号 and issuing office. With
 * `issuedBy`, the bulletin is issued as final first (its 期号 is taken, or kept).
 */
export async function loadBulletinDocument(query: BulletinQuery, options: { issuedBy?: SessionUser } = {}) {
  const today = todayInChina();
  // Issuing comes first: a bulletin issued now carries its number even if loading the data is slow.
  const number = options.issuedBy ? await issueBulletin(db, options.issuedBy, query, today) : await bulletinNumber(db, query, today);
  const tracking = await getTrackingSettings(db);
  const loading = loadBulletinData(db, query, today, tracking);
  const measures = loading.then((data) => data.areas.flatMap((area) => area.measures));
  const [data, settings, narrative] = await Promise.all([loading, getBulletinSettings(db), loadBulletinNarrative(db, query, today, tracking, measures)]);
  const doc = bulletinDocument(data, query.lang, number, settings.bulletinIssuer, narrative.saved?.text ?? narrative.draft);
  return Object.assign(doc, { narrative });
}
