import "vitest";
import type { DatabaseKind } from "./scratch-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: DatabaseKind;
  }
}
