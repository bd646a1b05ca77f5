"use client";

import { useEffect, useState } from "react";

export type MeasureTab = { id: string; label: string; content: React.ReactNode };

/**
 * The measure page's sections as tabs. Every panel is rendered by the server
 * (the others hidden), so a tab is a link that works without JavaScript
 * (?tab=…); with it, a click switches in place and keeps ?tab= in the URL, and
 * a hash naming a tab (#reports, the notification links) opens that tab.
 */
export function MeasureTabs({ tabs, initial, label, query }: {
  tabs: MeasureTab[];
  initial: string;
  label: string;
  /** Query parameters the tab links keep (the report form's ?period=). */
  query: Record<string, string>;
}) {
  const [selected, setSelected] = useState(initial);
  const ids = tabs.map((tab) => tab.id).join(" ");

  useEffect(() => {
    const fromHash = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      if (!ids.split(" ").includes(id)) return;
      setSelected(id);
      // The panel was hidden when the browser looked for the anchor.
      requestAnimationFrame(() => document.getElementById(id)?.scrollIntoView({ block: "start" }));
    };
    fromHash();
    window.addEventListener("hashchange", fromHash);
    return () => window.removeEventListener("hashchange", fromHash);
  }, [ids]);

  const href = (id: string) => `?${new URLSearchParams({ ...query, tab: id })}`;
  const choose = (event: React.MouseEvent, id: string) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    setSelected(id);
    window.history.replaceState(null, "", href(id));
  };

  return (
    <>
      <div role="tablist" aria-label={label} className="-mx-4 mb-4 flex overflow-x-auto border-b border-slate-200 px-4 sm:mx-0 sm:px-0">
        {tabs.map((tab) => (
          <a
            key={tab.id}
            id={`tab-${tab.id}`}
            role="tab"
            href={href(tab.id)}
            aria-selected={tab.id === selected}
            aria-controls={tab.id}
            onClick={(event) => choose(event, tab.id)}
            className={`shrink-0 border-b-2 px-3 py-2 text-sm whitespace-nowrap ${
              tab.id === selected ? "border-red-800 font-semibold text-red-900" : "border-transparent text-slate-600 hover:text-slate-900"
            }`}
          >
            {tab.label}
          </a>
        ))}
      </div>
      {tabs.map((tab) => (
        <div key={tab.id} id={tab.id} role="tabpanel" aria-labelledby={`tab-${tab.id}`} hidden={tab.id !== selected} className="scroll-mt-4">
          {tab.content}
        </div>
      ))}
    </>
  );
}
