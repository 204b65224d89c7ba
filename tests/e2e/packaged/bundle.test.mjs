// The MCP bundle as Claude Desktop runs it: the unpacked bundle's manifest gives the command,
// with ${__dirname} and the user_config values substituted, and the SDK client speaks to it.
// Run by tests/package/check.sh, which builds and unpacks the bundle (TMM_BUNDLE_DIR).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

import { TIKTOK_ACCESS_TOKEN } from '../canaries.mjs';
import { keepStream } from '../server_logs.mjs';

const bundleDir = process.env.TMM_BUNDLE_DIR;
assert.ok(bundleDir, 'TMM_BUNDLE_DIR names the unpacked bundle (tests/package/check.sh sets it)');
const manifest = JSON.parse(readFileSync(path.join(bundleDir, 'manifest.json'), 'utf8'));

// What Claude Desktop does with mcp_config: ${__dirname} is the bundle's folder, and each
// ${user_config.NAME} is the value the user gave, or the setting's default.
function launchConfig(userValues) {
  const values = {};
  for (const [name, setting] of Object.entries(manifest.user_config)) {
    values[name] = String(userValues[name] ?? setting.default ?? '');
  }
  const substitute = (text) =>
    text.replaceAll('${__dirname}', bundleDir).replace(/\$\{user_config\.([a-z_]+)\}/g, (_, name) => values[name]);
  const config = manifest.server.mcp_config;
  return {
    command: substitute(config.command),
    args: (config.args ?? []).map(substitute),
    env: Object.fromEntries(Object.entries(config.env ?? {}).map(([k, v]) => [k, substitute(v)])),
  };
}

async function connect(userValues, extraEnv = {}) {
  const { command, args, env } = launchConfig(userValues);
  // Claude Desktop's environment is not the test's shell: only PATH and what the manifest maps.
  const transport = new StdioClientTransport({ command, args, env: { PATH: '/usr/bin:/bin', ...env, ...extraEnv },
    stderr: 'pipe' });
  let stderr = '';
  transport.stderr.on('data', (c) => { stderr += c; });
  keepStream(transport.stderr, 'bundle-stderr');
  const client = new Client({ name: 'bundle-e2e', version: '1.0.0' });
  await client.connect(transport);
  return { client, stderr: () => stderr };
}

function resultJson(result) {
  return JSON.parse(result.content[0].text);
}

test('the manifest names the binary in the bundle and maps every setting to an environment variable', () => {
  assert.equal(manifest.server.type, 'binary');
  assert.equal(manifest.server.mcp_config.command, '${__dirname}/' + manifest.server.entry_point);
  const mapped = Object.values(manifest.server.mcp_config.env).map((v) => /user_config\.([a-z_]+)/.exec(v)[1]);
  assert.deepEqual(mapped.sort(), Object.keys(manifest.user_config).sort());
  assert.equal(manifest.user_config.access_token.sensitive, true);
});

test('with the demo account on, the bundle initializes, lists its tools and answers a call', async () => {
  const { client } = await connect({ demo: true });
  try {
    assert.equal(client.getServerVersion().version, manifest.version);
    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name);
    const readTools = manifest.tools.map((t) => t.name).filter((n) => n !== 'tiktok_marketing_change');
    assert.deepEqual(names.slice().sort(), readTools.slice().sort(), 'writes are off by default');
    const result = await client.callTool({ name: 'tiktok_marketing_execute',
      arguments: { entity: 'campaigns', action: 'list', params: {} } });
    assert.equal(result.isError ?? false, false, result.content[0].text);
    const body = resultJson(result);
    assert.equal(body.meta.demo, true);
    assert.ok(body.data.length > 0);
  } finally {
    await client.close();
  }
});

test('with "Allow changes" on, the change tool the manifest lists is there too', async () => {
  const { client } = await connect({ demo: true, allow_writes: true });
  try {
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), manifest.tools.map((t) => t.name).sort());
  } finally {
    await client.close();
  }
});

test('with nothing filled in, a call says what to configure instead of failing', async () => {
  const { client } = await connect({});
  try {
    const result = await client.callTool({ name: 'tiktok_marketing_execute',
      arguments: { entity: 'campaigns', action: 'list', params: {} } });
    assert.equal(result.isError, true);
    assert.match(result.content[0].text, /TIKTOK_MARKETING_ACCESS_TOKEN/);
  } finally {
    await client.close();
  }
});

// A TikTok stand-in over HTTPS on loopback, with a certificate made for this test: the call goes
// through the bundle's own TLS libraries, refused while the certificate is unknown, answered
// once SSL_CERT_FILE names it.
async function startTlsTikTok() {
  const dir = mkdtempSync(path.join(tmpdir(), 'tmm-bundle-tls-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert,
    '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  const requests = [];
  const server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    requests.push({ path: req.url, token: req.headers['access-token'] });
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ code: 0, message: 'OK', request_id: 'tls-1', data: {
      list: [{ campaign_id: '1800000000000000001', campaign_name: 'Over TLS', operation_status: 'ENABLE' }],
      page_info: { page: 1, page_size: 1000, total_number: 1, total_page: 1 } } }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `https://127.0.0.1:${server.address().port}/open_api/v1.3`, cert, requests,
    stop: () => new Promise((resolve) => server.close(resolve)) };
}

test('direct mode reaches TikTok over TLS through the bundled libraries, verifying the certificate', async () => {
  const tiktok = await startTlsTikTok();
  const call = { name: 'tiktok_marketing_execute',
    arguments: { entity: 'campaigns', action: 'list', params: { advertiser_id: '7000000000000000001' } } };
  const direct = { TIKTOK_MARKETING_API_BASE_URL: tiktok.url, TIKTOK_MARKETING_MAX_ATTEMPTS: '1' };
  try {
    const untrusted = await connect({ access_token: TIKTOK_ACCESS_TOKEN }, direct);
    try {
      const refused = await untrusted.client.callTool(call);
      assert.equal(refused.isError, true);
      assert.match(refused.content[0].text, /certificate|TLS|SSL/i);
      assert.equal(tiktok.requests.length, 0, 'nothing was answered over an unverified connection');
    } finally {
      await untrusted.client.close();
    }

    const trusted = await connect({ access_token: TIKTOK_ACCESS_TOKEN }, { ...direct, SSL_CERT_FILE: tiktok.cert });
    try {
      const result = await trusted.client.callTool(call);
      assert.equal(result.isError ?? false, false, result.content[0].text);
      assert.equal(resultJson(result).data[0].campaign_name, 'Over TLS');
      assert.equal(tiktok.requests.at(-1).token, TIKTOK_ACCESS_TOKEN);
      assert.ok(!trusted.stderr().includes(TIKTOK_ACCESS_TOKEN), 'the token never reaches the log');
    } finally {
      await trusted.client.close();
    }
  } finally {
    await tiktok.stop();
  }
});
