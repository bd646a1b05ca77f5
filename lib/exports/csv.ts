/**
 * One CSV field: quoted when needed, and neutralised when a spreadsheet would
 * read it as a formula (a leading =, +, -, @, tab or carriage return gets a ').
 */
export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: (string | number | null | undefined)[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

/** Excel reads UTF-8 CSV with Chinese correctly only when it starts with a byte-order mark. */
export const UTF8_BOM = "\uFEFF";
