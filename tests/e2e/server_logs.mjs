// Keeps what the servers started by the end-to-end tests write (stderr, and stdout where a
// test reads it raw) in files under build/test-logs/e2e/ (or $TMM_TEST_LOG_DIR), so that
// scripts/check-canaries.sh can look for leaked secrets in them after the run.

import fs from 'node:fs';
import path from 'node:path';

const buildDir = process.env.TMM_BINARY ? path.dirname(process.env.TMM_BINARY) : path.resolve(import.meta.dirname, '../../build');
export const logDir = process.env.TMM_TEST_LOG_DIR ?? path.join(buildDir, 'test-logs', 'e2e');

let serial = 0;

function logPath(label) {
  fs.mkdirSync(logDir, { recursive: true });
  serial += 1;
  return path.join(logDir, `${label}-${process.pid}-${serial}.log`);
}

// Copies everything `stream` carries into a new log file named after `label`.
export function keepStream(stream, label) {
  stream.pipe(fs.createWriteStream(logPath(label)));
}

// Writes `text` to a new log file named after `label`.
export function keepText(text, label) {
  fs.writeFileSync(logPath(label), text);
}
