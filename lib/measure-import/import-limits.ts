/** The largest file the import accepts; checked before anything is parsed. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** The most data rows one import may hold: a whole programme fits, a runaway sheet does not. */
export const IMPORT_MAX_ROWS = 5000;
/** How many offending cells or ranges an error message names before "and N more". */
export const IMPORT_MAX_LISTED = 10;
