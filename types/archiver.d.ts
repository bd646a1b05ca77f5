// archiver 5 (installed with exceljs, which writes its workbooks with it) ships no types: the little the evidence zip uses.
declare module "archiver" {
  import type { Transform } from "node:stream";
  import type { Readable } from "node:stream";

  interface EntryData {
    name: string;
    date?: Date;
  }
  interface Archiver extends Transform {
    append(source: Readable | Buffer | string, data: EntryData): this;
    finalize(): Promise<void>;
    abort(): this;
  }
  function archiver(format: "zip", options?: { store?: boolean; zlib?: { level?: number } }): Archiver;
  export default archiver;
}
