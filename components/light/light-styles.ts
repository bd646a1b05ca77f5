import type { Light } from "@/lib/tracking/light";

/** Chart colours; each light also has its own pattern, so it never rests on colour alone. */
export const lightColours: Record<Light, string> = {
  RED: "#b91c1c",
  YELLOW: "#d97706",
  BLUE: "#0369a1",
  GREEN: "#15803d",
  COMPLETED: "#64748b",
  SUSPENDED: "#a1a1aa",
};
