"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

type Props = {
  href: string;
  children: React.ReactNode;
  /** Home is current only on "/" itself; other places also on their sub-pages. */
  exact?: boolean;
  prefetch?: boolean;
  className?: string;
  testId?: string;
};

/** A header link that marks itself aria-current="page" where the user is. */
export function NavLink({ href, children, exact = false, prefetch, className = "", testId }: Props) {
  const pathname = usePathname();
  const current = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      prefetch={prefetch}
      aria-current={current ? "page" : undefined}
      data-testid={testId}
      className={`rounded px-2 py-1.5 whitespace-nowrap text-slate-800 hover:bg-slate-100 aria-[current=page]:bg-red-50 aria-[current=page]:font-semibold aria-[current=page]:text-red-900 ${className}`}
    >
      {children}
    </Link>
  );
}
