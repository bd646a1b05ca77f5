import { PGlite } from "@electric-sql/pglite";
import fs from "node:fs";
const dir = "/tmp/pgl-test";
fs.rmSync(dir, { recursive: true, force: true });
let db = await PGlite.create({ dataDir: dir });
await db.exec("create table t(x int); insert into t values (1)");
await db.close();
console.log(fs.readdirSync(dir).join(" "));
// corrupt pg_control
const mode = process.argv[2];
if (mode === "control") fs.writeFileSync(dir + "/global/pg_control", Buffer.alloc(100, 7));
if (mode === "version") fs.writeFileSync(dir + "/PG_VERSION", "garbage\n");
if (mode === "catalog") { for (const f of fs.readdirSync(dir + "/base/1")) if (/^\d+$/.test(f)) fs.writeFileSync(dir + "/base/1/" + f, Buffer.alloc(8192, 3)); }
try {
  db = await PGlite.create({ dataDir: dir });
  console.log(await db.query("select * from t"));
} catch (e) { console.log("ERR", e?.message ?? e); }
console.log("survived");
