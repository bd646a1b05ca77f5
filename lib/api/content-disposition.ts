/** A download header with a UTF-8 file name and a plain ASCII one for old clients. */
export function contentDisposition(filename: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
