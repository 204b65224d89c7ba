// The Debian package once installed (tests/package/check.sh installs it and removes it after):
// the binary on PATH prints the version, answers a demo call through the SDK client, and its
// man page renders.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const installed = process.env.TMM_INSTALLED_BINARY;
const version = process.env.TMM_VERSION;
assert.ok(installed && version, 'TMM_INSTALLED_BINARY and TMM_VERSION are set by tests/package/check.sh');

test('the installed binary prints its version', () => {
  assert.equal(execFileSync(installed, ['--version'], { encoding: 'utf8' }).trim(), `tiktok-marketing-mcp ${version}`);
});

test('the installed binary answers a demo call', async () => {
  const transport = new StdioClientTransport({ command: installed, args: ['--demo'], env: { PATH: '/usr/bin:/bin' } });
  const client = new Client({ name: 'deb-e2e', version: '1.0.0' });
  await client.connect(transport);
  try {
    assert.equal(client.getServerVersion().version, version);
    const result = await client.callTool({ name: 'tiktok_marketing_execute',
      arguments: { entity: 'ads_reports_daily', action: 'list',
        params: { start_date: '2026-11-01', end_date: '2026-11-07' } } });
    assert.equal(result.isError ?? false, false, result.content[0].text);
    assert.ok(JSON.parse(result.content[0].text).data.length > 0);
  } finally {
    await client.close();
  }
});

test('man tiktok-marketing-mcp renders the options', () => {
  const page = execFileSync('man', ['tiktok-marketing-mcp'], { encoding: 'utf8', env: { ...process.env, MANPAGER: 'cat', MANWIDTH: '100' } });
  assert.match(page, /tiktok-marketing-mcp - a Model Context Protocol server for the TikTok Business API/);
  assert.match(page, /--transport/);
  assert.match(page, /TIKTOK_MARKETING_ACCESS_TOKEN/);
});
