/** A description from the document, with its `backticked` parts shown as code. */
export function DocText({ text }: { text: string }) {
  return (
    <>
      {text.split("`").map((part, index) => (index % 2 === 1 ? <code key={index} className="rounded bg-slate-100 px-1 text-[0.9em]">{part}</code> : part))}
    </>
  );
}
