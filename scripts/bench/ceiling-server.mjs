// The ceiling the portal's search sits under: a bare Node http server doing the same SQL as the
// repository's DocumentReference search, through the same driver (pg), with no framework, no
// session and no audit row. Started as its own process by the benchmark. The statement is
// prepared, as the portal's driver prepares its own (src/server/db/sql-driver.ts): a ceiling
// that re-planned every query would flatter the ratio.
import http from "node:http";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL ?? 10) });
const patient = process.env.PATIENT_ID;
const sql = `SELECT content FROM fhir_resource
  WHERE resource_type = $1 AND NOT deleted AND patient_id = $2::uuid AND TRUE
  ORDER BY date DESC NULLS LAST, id LIMIT $3 OFFSET $4`;

const server = http.createServer(async (_req, res) => {
  try {
    const { rows } = await pool.query({ name: "ceiling_search", text: sql, values: ["DocumentReference", patient, 21, 0] });
    const body = JSON.stringify({ resourceType: "Bundle", type: "searchset", entry: rows.slice(0, 20).map((r) => ({ resource: r.content })) });
    res.writeHead(200, { "content-type": "application/fhir+json" });
    res.end(body);
  } catch (error) {
    res.writeHead(500);
    res.end(String(error));
  }
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => process.send?.("ready"));
