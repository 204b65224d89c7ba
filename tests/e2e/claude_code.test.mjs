// Claude Code itself (@anthropic-ai/claude-code) adds the built server with `claude mcp add` and
// connects to it with `claude mcp list` and `claude mcp get`, as a new user would; no account is
// needed for these commands. Each run gets its own HOME, so nothing of the machine's is used.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { test } from 'node:test';

import { TIKTOK_ACCESS_TOKEN as TOKEN } from './canaries.mjs';
import { startRecordingFakeTikTok } from './fake_tiktok.mjs';
import { patience } from './patience.mjs';
import { serverEnv } from './server_env.mjs';
import { binary } from './support.mjs';

const run = promisify(execFile);
const claude = path.resolve(import.meta.dirname, 'node_modules/.bin/claude');

// Runs claude with a private HOME, in a project folder inside it.
async function withClaude(body) {
  const home = mkdtempSync(path.join(os.tmpdir(), 'tmm-claude-'));
  const project = path.join(home, 'project');
  const cc = (...args) => run(claude, args, {
    cwd: home,
    env: serverEnv({ HOME: home, DISABLE_AUTOUPDATER: '1', CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1' }),
    timeout: patience(90000),
  });
  try {
    await run('mkdir', ['-p', project]);
    await body(cc);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

test('claude mcp add and claude mcp list connect to the demo server over stdio', async () => {
  await withClaude(async (cc) => {
    await cc('mcp', 'add', 'tiktok-marketing', '--', binary, '--demo');
    await cc('mcp', 'add', 'broken', '--', '/nonexistent/tiktok-marketing-mcp');
    const { stdout } = await cc('mcp', 'list');
    assert.match(stdout, /tiktok-marketing: .*--demo - .*Connected/);
    assert.match(stdout, /broken: .* - .*Failed/);
  });
});

test('claude mcp get connects in direct mode with writes on, against the fake TikTok API', async () => {
  const fake = await startRecordingFakeTikTok(TOKEN);
  try {
    await withClaude(async (cc) => {
      await cc('mcp', 'add', 'tiktok-direct',
        '-e', `TIKTOK_MARKETING_ACCESS_TOKEN=${TOKEN}`,
        '-e', 'TIKTOK_MARKETING_ADVERTISER_ID=7100000000000000001',
        '-e', `TIKTOK_MARKETING_API_BASE_URL=${fake.url}`,
        '-e', 'TIKTOK_MARKETING_ALLOW_WRITES=true',
        '--', binary);
      // claude prints the server's environment here, token included: only the status line is kept,
      // so a failed match cannot put the token into the test log.
      const { stdout } = await cc('mcp', 'get', 'tiktok-direct');
      const status = stdout.split('\n').find((line) => line.includes('Status:')) ?? '(no status line)';
      assert.match(status, /Connected/);
    });
  } finally {
    await fake.stop();
  }
});
