"use client";

export function SubmitButton({ pending, children, variant = "primary" }: {
  pending: boolean;
  children: React.ReactNode;
  variant?: "primary" | "secondary";
}) {
  const style =
    variant === "primary" ? "bg-red-800 text-white hover:bg-red-900" : "border border-slate-300 bg-white hover:bg-slate-100";
  return (
    <button type="submit" disabled={pending} aria-busy={pending} className={`rounded px-3 py-1 text-sm disabled:opacity-60 ${style}`}>
      {children}
    </button>
  );
}
