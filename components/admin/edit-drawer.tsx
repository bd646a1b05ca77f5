"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef } from "react";

/**
 * A side panel over the table (full screen on a phone), opened by `?edit=<id>`
 * so it is rendered on the server and can be linked. It takes the focus when
 * it opens; Escape or the close link return to the table's URL.
 */
export function EditDrawer({ title, closeHref, closeLabel, children, testId }: {
  title: string;
  closeHref: string;
  closeLabel: string;
  children: React.ReactNode;
  testId?: string;
}) {
  const router = useRouter();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [title]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // An Escape a field used already (closing a type-ahead list) leaves the drawer open.
      if (event.key === "Escape" && !event.defaultPrevented) router.push(closeHref, { scroll: false });
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router, closeHref]);
  return (
    <aside
      role="dialog"
      aria-labelledby={headingId}
      data-testid={testId}
      className="fixed inset-0 z-50 overflow-y-auto bg-white p-4 shadow-2xl sm:inset-y-0 sm:left-auto sm:w-[32rem] sm:border-l sm:border-slate-200"
    >
      <div className="mb-4 flex items-start justify-between gap-3">
        <h2 id={headingId} ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none">
          {title}
        </h2>
        <Link href={closeHref} scroll={false} className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100">
          {closeLabel}
        </Link>
      </div>
      {children}
    </aside>
  );
}
