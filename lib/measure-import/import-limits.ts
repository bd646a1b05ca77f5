/** The largest file the import accepts; checked before anything is parsed. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** The most data rows one import may hold: a whole programme fits, a runaway sheet does not. */
export const IMPORT_MAX_ROWS = 5000;
/** How many offending cells or ranges an error message names before "and N more". */
export const IMPORT_MAX_LISTED = 10;

/*
 * What the zip may expand to, checked before the workbook is loaded (see
 * inspect-xlsx-zip.ts). A full 5,000-row export expands to a few MB; these
 * leave room for that many times over and still bound the memory of a load.
 */
/** The most one part (a sheet, the shared strings) may inflate to. */
export const IMPORT_MAX_PART_BYTES = 32 * 1024 * 1024;
/** The most all parts together may inflate to. */
export const IMPORT_MAX_TOTAL_BYTES = 64 * 1024 * 1024;
/** The most parts (files inside the zip) an .xlsx may hold. */
export const IMPORT_MAX_PARTS = 1000;
/** The most cells in all sheets together (5,000 rows of all 17 ledger columns is 85,000). */
export const IMPORT_MAX_CELLS = 200_000;
/** The rightmost column a cell (or the sheet's dimension) may reach; the ledger has 17. */
export const IMPORT_MAX_COLUMNS = 100;
/** The most XML elements in all parts together. */
export const IMPORT_MAX_ELEMENTS = 2_000_000;
