"use client";

import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";

type Props = {
  /** The button's visible content. */
  label: React.ReactNode;
  children: React.ReactNode;
  /** Where the panel opens: under the button's right edge, or across the whole header (phone; the header is `relative`). */
  align?: "end" | "bar";
  className?: string;
  buttonClassName?: string;
  buttonTestId?: string;
  panelTestId?: string;
};

/**
 * A button that shows and hides a panel of links (the disclosure pattern, not an
 * ARIA menu: Tab moves through the links). Escape, a click outside, leaving it
 * with Tab or moving to another page closes it.
 */
export function DisclosureMenu({ label, children, align = "end", className = "", buttonClassName = "", buttonTestId, panelTestId }: Props) {
  const pathname = usePathname();
  // Open on the page where it was opened: navigating elsewhere closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpenOn(null);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpenOn(null);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  const panelPosition = align === "bar" ? "absolute inset-x-0 top-full max-h-[80vh] overflow-y-auto border-y" : "absolute right-0 top-full mt-1 min-w-56 rounded border";
  return (
    <div
      ref={root}
      className={`${align === "end" ? "relative" : ""} ${className}`}
      onBlur={(event) => {
        if (!root.current?.contains(event.relatedTarget as Node | null) && event.relatedTarget) setOpenOn(null);
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        data-testid={buttonTestId}
        onClick={() => setOpenOn(open ? null : pathname)}
        className={`inline-flex items-center gap-1 rounded px-2 py-1.5 whitespace-nowrap text-slate-800 hover:bg-slate-100 aria-expanded:bg-slate-100 ${buttonClassName}`}
      >
        {label}
        <span aria-hidden="true" className="text-xs text-slate-600">▾</span>
      </button>
      <div
        id={panelId}
        hidden={!open}
        data-testid={panelTestId}
        // A link to the page already shown does not change the path: close on the click itself.
        onClick={(event) => {
          if ((event.target as HTMLElement).closest("a")) setOpenOn(null);
        }}
        className={`z-30 border-slate-200 bg-white p-2 text-sm shadow-lg ${panelPosition}`}
      >
        {children}
      </div>
    </div>
  );
}
