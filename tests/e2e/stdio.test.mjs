// The built server over stdio, driven by the official MCP TypeScript client, by the Inspector
// CLI, and by a raw line-based client for old protocol versions and malformed input.

import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { promisify } from 'node:util';
import { test } from 'node:test';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { LoggingMessageNotificationSchema } from '@modelcontextprotocol/sdk/types.js';

import { TIKTOK_ACCESS_TOKEN as CANARY, TIKTOK_APP_SECRET } from './canaries.mjs';
import { initializeParams, initializedNotification } from './mcp_messages.mjs';
import { patience } from './patience.mjs';
import { serverEnv } from './server_env.mjs';
import { keepStream, keepText } from './server_logs.mjs';
import { RawServer, binary, startFakeTikTok } from './support.mjs';

const run = promisify(execFile);
// Demo mode has writes on, so tiktok_marketing_change is listed too.
const TOOLS = ['tiktok_marketing_execute', 'tiktok_marketing_describe', 'tiktok_marketing_check', 'tiktok_marketing_change'];

async function connect(args = ['--demo'], env = {}) {
  const transport = new StdioClientTransport({ command: binary, args, env: serverEnv(env), stderr: 'pipe' });
  let stderr = '';
  transport.stderr.on('data', (c) => { stderr += c; });
  keepStream(transport.stderr, 'stdio-sdk-stderr');
  const client = new Client({ name: 'stdio-e2e', version: '1.0.0' });
  await client.connect(transport);
  return { client, stderr: () => stderr };
}

test('every supported protocol version is negotiated, with the fields that version defines', async () => {
  for (const version of ['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05']) {
    const server = new RawServer();
    const init = await server.request(1, 'initialize', initializeParams(version));
    assert.equal(init.result.protocolVersion, version);
    assert.equal(init.result.serverInfo.name, 'tiktok-marketing-mcp');
    server.send(initializedNotification());
    const list = await server.request(2, 'tools/list', {});
    const execute = list.result.tools.find((t) => t.name === 'tiktok_marketing_execute');
    assert.equal('title' in execute, version >= '2025-06-18');
    assert.equal('outputSchema' in execute, version >= '2025-06-18');
    assert.equal('annotations' in execute, version >= '2025-03-26');
    const call = await server.request(3, 'tools/call', { name: 'tiktok_marketing_execute', arguments: { entity: 'campaigns', action: 'list', params: { page_size: 2 } } });
    assert.equal('structuredContent' in call.result, version >= '2025-06-18');
    assert.equal(JSON.parse(call.result.content[0].text).data.length, 2);
    assert.equal(await server.close(), 0);
  }
  const future = new RawServer();
  const init = await future.request(1, 'initialize', initializeParams('2099-01-01'));
  assert.equal(init.result.protocolVersion, '2025-11-25');
  await future.close();
});

test('the SDK client lists exactly the production tools and reads demo data', async () => {
  const { client } = await connect();
  assert.equal(client.getServerVersion().name, 'tiktok-marketing-mcp');
  assert.ok(client.getServerCapabilities().tools);
  assert.ok(client.getServerCapabilities().logging);
  const { tools } = await client.listTools();
  assert.deepEqual(tools.map((t) => t.name), TOOLS);
  assert.equal(tools[0].annotations.readOnlyHint, true);
  const result = await client.callTool({ name: 'tiktok_marketing_execute', arguments: { entity: 'campaigns', action: 'list', params: {} } });
  assert.equal(result.isError, undefined);
  assert.equal(result.structuredContent.meta.demo, true);
  assert.ok(result.structuredContent.data.every((c) => typeof c.campaign_id === 'string'));
  const report = await client.callTool({ name: 'tiktok_marketing_execute', arguments: { entity: 'campaigns_reports_daily', action: 'list', params: { start_date: '2026-10-01', end_date: '2026-10-07' } } });
  assert.ok(report.structuredContent.data.length > 0);
  assert.ok('spend' in report.structuredContent.data[0]);
  const described = await client.callTool({ name: 'tiktok_marketing_describe', arguments: { entity: 'ads_reports_daily' } });
  assert.ok(described.structuredContent.entities[0].actions[0].params.some((p) => p.name === 'start_date' && p.required));
  await client.close();
});

test('invalid arguments come back as error results; an unknown tool as -32602', async () => {
  const { client } = await connect();
  const bad = await client.callTool({ name: 'tiktok_marketing_execute', arguments: { entity: 'campaigns', action: 'list', params: { page_size: 5000 } } });
  assert.equal(bad.isError, true);
  assert.match(bad.content[0].text, /params\.page_size: must be an integer from 1 to 1000, but got 5000/);
  const missing = await client.callTool({ name: 'tiktok_marketing_execute', arguments: { action: 'list' } });
  assert.equal(missing.isError, true);
  assert.match(missing.content[0].text, /arguments\.entity: is required but missing/);
  await assert.rejects(client.callTool({ name: 'no_such_tool', arguments: {} }), (e) => e.code === -32602);
  await client.close();
});

test('auto-pagination reports progress to a client that asks for it', async () => {
  // Each page is slowed down upstream, as a real multi-page read would be: the TypeScript SDK
  // handles notifications a tick later than responses, so progress that arrives in the same
  // read as the final result is dropped by the client, not by the server.
  const fake = await startFakeTikTok(CANARY);
  fake.command({ fault: 'delay', ms: 150, times: 4 });
  const { client } = await connect([], { TIKTOK_MARKETING_ACCESS_TOKEN: CANARY, TIKTOK_MARKETING_ADVERTISER_ID: '7100000000000000001', TIKTOK_MARKETING_API_BASE_URL: fake.url });
  const progress = [];
  const result = await client.callTool(
    { name: 'tiktok_marketing_execute', arguments: { entity: 'ads', action: 'list', params: { page_size: 10, all_pages: true } } },
    undefined,
    { onprogress: (p) => progress.push(p) },
  );
  assert.equal(result.structuredContent.data.length, 36);
  assert.equal(result.structuredContent.meta.pages_fetched, 4);
  assert.ok(progress.length >= 3, `only ${progress.length} progress notifications`);
  assert.deepEqual(progress.map((p) => p.progress), [10, 20, 30, 36].slice(0, progress.length));
  assert.ok(progress.every((p) => p.total === 36 && /page \d of 4/.test(p.message)));
  await client.close();
  await fake.stop();
});

test('logging/setLevel turns on log notifications for a call', async () => {
  const { client } = await connect();
  const logs = [];
  client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => logs.push(n.params));
  await client.setLoggingLevel('info');
  await client.callTool({ name: 'tiktok_marketing_execute', arguments: { entity: 'campaigns_reports_daily', action: 'list', params: { start_date: '2026-08-01', end_date: '2026-10-01', metrics: ['spend'] } } });
  assert.ok(logs.some((l) => l.level === 'info' && /splitting 2026-08-01\.\.2026-10-01 into 3 windows/.test(l.data)));
  await client.close();
});

test('cancelling a call interrupts its upstream request and the session carries on', async () => {
  const fake = await startFakeTikTok(CANARY);
  fake.command({ fault: 'stall', ms: 20000 });
  const { client } = await connect([], { TIKTOK_MARKETING_ACCESS_TOKEN: CANARY, TIKTOK_MARKETING_ADVERTISER_ID: '7100000000000000001', TIKTOK_MARKETING_API_BASE_URL: fake.url });
  const controller = new AbortController();
  const pending = client.callTool({ name: 'tiktok_marketing_execute', arguments: { entity: 'campaigns', action: 'list' } }, undefined, { signal: controller.signal });
  setTimeout(() => controller.abort('changed my mind'), 300);
  await assert.rejects(pending);
  const started = Date.now();
  const next = await client.callTool({ name: 'tiktok_marketing_execute', arguments: { entity: 'campaigns', action: 'list', params: { page_size: 1 } } });
  assert.equal(next.structuredContent.data.length, 1);
  assert.ok(Date.now() - started < patience(10000));
  await client.close();
  await fake.stop();
});

test('malformed input on stdin gets JSON-RPC errors and the session goes on', async () => {
  const server = new RawServer();
  server.write('this is not json\n');
  server.write('{"jsonrpc":"2.0","id":1,"method":"ping"\n');
  server.write(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d, 0x0a]));
  server.write('[' .repeat(5000) + ']'.repeat(5000) + '\n');
  server.write('{"jsonrpc":"1.0","id":7,"method":"ping"}\n');
  const errors = [];
  for (let i = 0; i < 4; i++) errors.push(await server.next((m) => m.error && m.id === null && !errors.includes(m)));
  for (const e of errors) assert.equal(e.error.code, -32700);
  const wrongVersion = await server.next((m) => m.id === 7);
  assert.equal(wrongVersion.error.code, -32600);
  const early = await server.request(8, 'tools/list', {});
  assert.equal(early.error.code, -32600);
  assert.match(early.error.message, /initialize/);
  const ping = await server.request(9, 'ping', {});
  assert.deepEqual(ping.result, {});
  await server.request(10, 'initialize', initializeParams());
  const unknown = await server.request(11, 'resources/templates/list', {});
  assert.equal(unknown.error.code, -32601);
  assert.equal(await server.close(), 0);
});

test('the server exits cleanly on SIGTERM with nothing partial on stdout', async () => {
  const server = new RawServer();
  await server.request(1, 'initialize', initializeParams());
  server.child.kill('SIGTERM');
  const [code] = await once(server.child, 'exit');
  assert.equal(code, 0);
  for (const line of server.stdout.trim().split('\n')) JSON.parse(line);
});

test('the Inspector CLI lists the tools and calls one', async () => {
  const inspector = path.resolve(import.meta.dirname, 'node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js');
  const list = await run(process.execPath, [inspector, '--cli', binary, '--demo', '--method', 'tools/list'], { timeout: patience(60000) });
  assert.deepEqual(JSON.parse(list.stdout).tools.map((t) => t.name), TOOLS);
  const call = await run(process.execPath, [inspector, '--cli', binary, '--demo', '--method', 'tools/call', '--tool-name', 'tiktok_marketing_describe'], { timeout: patience(60000) });
  assert.ok(JSON.parse(call.stdout).structuredContent.entities.length >= 12);
});

test('secrets never reach stdout or stderr, even when the upstream fails or echoes them', async () => {
  const fake = await startFakeTikTok(CANARY, '7000000001', TIKTOK_APP_SECRET);
  fake.command({ fault: 'code', code: 40105, message: `bad token ${CANARY}` });
  fake.command({ fault: 'html', status: 502, times: 4 });
  const server = new RawServer([], {
    TIKTOK_MARKETING_ACCESS_TOKEN: CANARY,
    TIKTOK_MARKETING_APP_ID: '7000000001',
    TIKTOK_MARKETING_APP_SECRET: TIKTOK_APP_SECRET,
    TIKTOK_MARKETING_ADVERTISER_ID: '7100000000000000001',
    TIKTOK_MARKETING_API_BASE_URL: fake.url,
    TIKTOK_MARKETING_LOG_LEVEL: 'debug',
    TIKTOK_MARKETING_MAX_ATTEMPTS: '2',
  });
  await server.request(1, 'initialize', initializeParams());
  let id = 2;
  for (const entity of ['campaigns', 'ads', 'advertiser_ids', 'ad_groups']) {
    await server.request(id++, 'tools/call', { name: 'tiktok_marketing_execute', arguments: { entity, action: 'list' } });
  }
  const check = await server.request(id++, 'tools/call', { name: 'tiktok_marketing_check', arguments: {} });
  assert.equal(check.result.structuredContent.settings.TIKTOK_MARKETING_ACCESS_TOKEN, 'set');
  await server.close();
  await fake.stop();
  for (const secret of [CANARY, TIKTOK_APP_SECRET]) {
    assert.ok(!server.stdout.includes(secret), 'secret on stdout');
    assert.ok(!server.stderr.includes(secret), 'secret on stderr');
  }
  assert.match(server.stdout, /40105/);
});

test('--help lists every variable and no value; bad configuration exits 2 naming the variable', async () => {
  const help = await run(binary, ['--help'], { env: serverEnv({ TIKTOK_MARKETING_ACCESS_TOKEN: CANARY }) });
  keepText(help.stdout + help.stderr, 'stdio-help');
  for (const name of ['TIKTOK_MARKETING_ACCESS_TOKEN', 'AIRBYTE_CLIENT_SECRET', 'MCP_AUTH_TOKEN', '--transport', '--demo']) {
    assert.ok(help.stdout.includes(name), name);
  }
  assert.ok(!help.stdout.includes(CANARY));
  const version = await run(binary, ['--version']);
  assert.match(version.stdout, /^tiktok-marketing-mcp \d+\.\d+\.\d+/);
  await assert.rejects(run(binary, [], { env: serverEnv({ TIKTOK_MARKETING_SANDBOX: 'maybe' }) }), (e) => e.code === 2 && /TIKTOK_MARKETING_SANDBOX/.test(e.stderr));
});

test('without credentials the tools say what to set', async () => {
  const { client } = await connect([]);
  const result = await client.callTool({ name: 'tiktok_marketing_execute', arguments: { entity: 'campaigns', action: 'list', params: { advertiser_id: '1' } } });
  assert.equal(result.isError, true);
  assert.match(result.content[0].text, /TIKTOK_MARKETING_ACCESS_TOKEN/);
  await client.close();
});
