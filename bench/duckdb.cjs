// bench/duckdb.cjs FILE THREADS OUT - the benchmark's job in DuckDB, through
// its Node.js client (@duckdb/node-api, installed by bench/bench.sh into
// bench/node_modules).  THREADS is a number, or "default" to leave DuckDB
// its own setting (the machine's cores).  Writes OUT: cadre, n, sat,
// wrate, sw, sw2, mean, one row per cadre over the rows whose q_overall
// is not empty.
'use strict';
const { DuckDBInstance } = require('@duckdb/node-api');

async function main () {
  const [file, threads, out] = process.argv.slice(2);
  const q = (s) => "'" + String(s).replace(/'/g, "''") + "'";
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  if (threads !== 'default')
    await con.run(`SET threads = ${Number(threads)}`);
  // The columns' types given, as an analyst who knows the file would:
  // no sniffing pass.
  await con.run(`
    COPY (
      SELECT cadre,
             count(*) AS n,
             count(*) FILTER (WHERE q_overall >= 4) AS sat,
             sum(weight) FILTER (WHERE q_overall >= 4) / sum(weight) AS wrate,
             sum(weight) AS sw,
             sum(weight * weight) AS sw2,
             avg(q_overall) AS mean
      FROM read_csv(${q(file)}, header = true, delim = ',', quote = '"',
             columns = {
               'wave': 'VARCHAR', 'township': 'VARCHAR', 'village': 'VARCHAR',
               'group': 'VARCHAR', 'household': 'VARCHAR',
               'respondent_type': 'VARCHAR', 'cadre': 'VARCHAR',
               'collector': 'VARCHAR', 'weight': 'DOUBLE',
               'q_overall': 'INTEGER', 'q_attitude': 'VARCHAR',
               'q_efficiency': 'VARCHAR'})
      WHERE q_overall IS NOT NULL
      GROUP BY cadre ORDER BY cadre
    ) TO ${q(out)} (HEADER, DELIMITER ',')`);
  con.closeSync();
}

main().catch((e) => { console.error('duckdb.cjs: ' + e.message); process.exit(2); });
