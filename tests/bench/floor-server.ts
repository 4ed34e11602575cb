/**
 * The benchmark's floor: plain node:http, one node:sqlite insert per request with WAL and
 * synchronous=FULL, no validation, no sealing. Nothing real can be faster than this on this machine.
 */
import http from 'node:http';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

const db = new DatabaseSync(join(process.env.DATA_DIR!, 'floor.db'));
db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE IF NOT EXISTS requests (id INTEGER PRIMARY KEY, body BLOB NOT NULL)');
const insert = db.prepare('INSERT INTO requests (body) VALUES (?)');

http
  .createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { lastInsertRowid } = insert.run(Buffer.concat(chunks));
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ reference: String(lastInsertRowid) }));
    });
  })
  .listen(Number(process.env.PORT), '127.0.0.1', () => console.log('floor ready'));
