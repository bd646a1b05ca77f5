"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * Makes its GET form apply a filter as soon as a menu or checkbox changes (text
 * and dates wait for Enter or the button, so typing is not interrupted), and
 * turns each submission into a client navigation to the same URL the form
 * would load. Without JavaScript the form works as a plain GET form.
 */
export function SubmitOnChange() {
  const marker = useRef<HTMLSpanElement>(null);
  const router = useRouter();
  useEffect(() => {
    const form = marker.current?.closest("form");
    if (!form) return;
    const onChange = (event: Event) => {
      const target = event.target;
      if (target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type === "checkbox")) form.requestSubmit();
    };
    const onSubmit = (event: SubmitEvent) => {
      event.preventDefault();
      const params = new URLSearchParams();
      for (const [key, value] of new FormData(form)) if (typeof value === "string") params.append(key, value);
      router.push(`${form.getAttribute("action") ?? ""}?${params.toString()}`, { scroll: false });
    };
    form.addEventListener("change", onChange);
    form.addEventListener("submit", onSubmit);
    return () => {
      form.removeEventListener("change", onChange);
      form.removeEventListener("submit", onSubmit);
    };
  }, [router]);
  return <span ref={marker} hidden />;
}
