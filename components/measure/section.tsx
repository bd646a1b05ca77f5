/** A part of a tab (the tabs' ids are the anchors notifications link to: lib/notifications/event-text.ts). */
export function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="mb-6 rounded border border-slate-200 bg-white p-4">
      <h2 className="mb-2 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}
