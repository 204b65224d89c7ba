// Shared helpers for the end-to-end tests: where the binaries are, a raw line-based client
// for what the SDK will not send (old protocol versions, malformed input), and the fake
// TikTok API process.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';

import { patience } from './patience.mjs';
import { serverEnv } from './server_env.mjs';
import { keepStream } from './server_logs.mjs';

export const binary = process.env.TMM_BINARY ?? path.resolve(import.meta.dirname, '../../build/tiktok-marketing-mcp');
export const fakeTikTokBinary = path.join(path.dirname(binary), 'tests', 'fake_tiktok');

// A server process spoken to line by line.
export class RawServer {
  constructor(args = ['--demo'], env = {}) {
    this.child = spawn(binary, args, { env: serverEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
    this.stdout = '';
    this.stderr = '';
    this.messages = [];
    this.waiters = [];
    this.child.stderr.on('data', (c) => { this.stderr += c; });
    keepStream(this.child.stderr, 'stdio-raw-stderr');
    keepStream(this.child.stdout, 'stdio-raw-stdout');
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      this.stdout += line + '\n';
      const message = JSON.parse(line); // every stdout line must be one JSON message
      this.messages.push(message);
      this.waiters = this.waiters.filter((w) => !w(message));
    });
  }

  write(text) { this.child.stdin.write(text); }
  send(message) { this.write(JSON.stringify(message) + '\n'); }

  // Resolves with the first message (already received or future) that satisfies `match`.
  next(match, timeoutMs = patience(10000)) {
    const seen = this.messages.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for a message; stderr:\n' + this.stderr)), timeoutMs);
      this.waiters.push((m) => {
        if (!match(m)) return false;
        clearTimeout(timer);
        resolve(m);
        return true;
      });
    });
  }

  async request(id, method, params) {
    this.send({ jsonrpc: '2.0', id, method, params });
    return this.next((m) => m.id === id && !m.method);
  }

  async close() {
    this.child.stdin.end();
    const [code] = await once(this.child, 'exit');
    return code;
  }
}

// Starts the fake TikTok API (tests/fakes/fake_tiktok_main.cpp) and returns its base URL and
// a way to queue faults.
export async function startFakeTikTok(token, appId, appSecret) {
  const args = appId ? [token, appId, appSecret] : [token];
  const child = spawn(fakeTikTokBinary, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const [first] = await once(lines, 'line');
  return {
    url: JSON.parse(first).url,
    command: (c) => child.stdin.write(JSON.stringify(c) + '\n'),
    stop: async () => { child.stdin.end(); await once(child, 'exit'); },
  };
}
