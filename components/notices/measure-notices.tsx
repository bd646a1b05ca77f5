import { getLocale } from "next-intl/server";
import { localized } from "@/lib/i18n/localized";
import type { loadMeasureNotices } from "@/lib/notices/load-notice-page";
import { IssueNoticeForm } from "./notice-forms";
import { NoticeList } from "./notice-list";

/** The measure page's notices: its list, and the issue form for inspectors (the action checks the permission again). */
export async function MeasureNotices({ measureCode, data }: { measureCode: string; data: Awaited<ReturnType<typeof loadMeasureNotices>> }) {
  const locale = await getLocale();
  return (
    <div data-testid="measure-notices">
      {data.canRead && <NoticeList notices={data.notices} total={data.total} flags={data.flags} />}
      {data.canIssue && (
        <IssueNoticeForm
          measureCode={measureCode}
          defaultDueDate={data.defaultDueDate}
          cooperatingUnits={data.cooperatingUnits.map((unit) => ({ id: unit.id, name: localized(unit, "name", locale) }))}
        />
      )}
    </div>
  );
}
