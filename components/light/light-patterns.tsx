import { lights } from "@/lib/tracking/light";
import { lightColours } from "@/components/light/light-styles";

/** SVG patterns per light: stripes, dots, cross-hatch, solid, checks. Use as fill="url(#light-RED)". */
export function LightPatternDefs() {
  return (
    <defs>
      {lights.map((light) => (
        <pattern key={light} id={`light-${light}`} width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" fill={lightColours[light]} />
          {light === "RED" && <path d="M0 8 L8 0" stroke="white" strokeWidth="1.5" />}
          {light === "YELLOW" && <circle cx="4" cy="4" r="1.5" fill="white" />}
          {light === "BLUE" && <path d="M0 4 H8 M4 0 V8" stroke="white" strokeWidth="1" />}
          {light === "COMPLETED" && <path d="M0 0 H4 V4 H0 Z M4 4 H8 V8 H4 Z" fill="white" fillOpacity="0.5" />}
          {light === "SUSPENDED" && <path d="M2 1 V7 M6 1 V7" stroke="white" strokeWidth="1.2" />}
        </pattern>
      ))}
    </defs>
  );
}
