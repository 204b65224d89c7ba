// The Streamable HTTP transport (--transport http) driven by the official TypeScript client
// (StreamableHTTPClientTransport) and by raw requests: the production binary in demo mode, and
// the conformance fixture for tool behaviour (progress, cancellation).

import assert from 'node:assert/strict';
import http from 'node:http';
import { test } from 'node:test';

import {
  assertProgress, binary, cancelledCount, connectHttp, eventually, fixture, post, runToExit, sessionHeaders,
  startBlockingCall, withServer,
} from './http_support.mjs';
import { MCP_AUTH_TOKEN as TOKEN, WRONG_MCP_AUTH_TOKEN } from './canaries.mjs';
import { initializeMessage } from './mcp_messages.mjs';

// Demo mode has writes on, so tiktok_marketing_change is listed too.
const TOOLS = ['tiktok_marketing_execute', 'tiktok_marketing_describe', 'tiktok_marketing_check', 'tiktok_marketing_change'];
const HTTP = ['--transport', 'http'];
const HTTP_DEMO = [...HTTP, '--demo'];

test('the production binary serves its tools over Streamable HTTP', async () => {
  await withServer(binary, HTTP_DEMO, async (server) => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const { client, transport } = await connectHttp(server.url);
    assert.equal(client.getServerVersion().name, 'tiktok-marketing-mcp');
    assert.match(transport.sessionId, /^[0-9a-f]{32}$/);
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name), TOOLS);
    const described = await client.callTool({ name: 'tiktok_marketing_describe', arguments: {} });
    assert.notEqual(described.isError, true);
    assert.ok(described.content[0].text.length > 0);
    await client.close();
  });
});

test('DELETE ends a session; later requests with its id get 404', async () => {
  await withServer(binary, HTTP_DEMO, async (server) => {
    const { client, transport } = await connectHttp(server.url);
    const sessionId = transport.sessionId;
    await transport.terminateSession();
    await client.close();
    const response = await post(server.url, { jsonrpc: '2.0', id: 5, method: 'ping' }, sessionHeaders(sessionId));
    assert.equal(response.status, 404);
    const body = await response.json();
    assert.equal(body.error.code, -32001);
    assert.match(body.error.message, /the client ended it/);
  });
});

test('the ordered request checks answer with exact statuses', async () => {
  await withServer(binary, HTTP_DEMO, async (server) => {
    const ping = { jsonrpc: '2.0', id: 1, method: 'ping' };
    assert.equal((await post(server.url, ping, { Accept: 'application/json' })).status, 406);
    assert.equal((await post(server.url, ping, { 'Content-Type': 'text/plain' })).status, 415);
    const parse = await fetch(server.url, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
      body: '{"jsonrpc":',
    });
    assert.equal(parse.status, 400);
    assert.equal((await parse.json()).error.code, -32700);
    assert.equal((await post(server.url, ping)).status, 400); // no Mcp-Session-Id
    assert.equal((await post(server.url, ping, { 'Mcp-Session-Id': 'f'.repeat(32) })).status, 404);
    const init = await post(server.url, initializeMessage());
    assert.equal(init.status, 200);
    const sessionId = init.headers.get('mcp-session-id');
    const badVersion = await post(server.url, ping, { 'Mcp-Session-Id': sessionId, 'MCP-Protocol-Version': '1999-01-01' });
    assert.equal(badVersion.status, 400);
    const again = await post(server.url, initializeMessage(2), { 'Mcp-Session-Id': sessionId });
    assert.equal(again.status, 400);
    assert.equal((await again.json()).error.code, -32600);
    const get = await fetch(server.url, { headers: { Accept: 'text/event-stream', 'Mcp-Session-Id': sessionId } });
    assert.equal(get.status, 405);
  });
});

test('a foreign Origin or Host is refused with 403 (DNS rebinding protection)', async () => {
  await withServer(binary, HTTP_DEMO, async (server) => {
    const origin = await post(server.url, initializeMessage(), { Origin: 'http://evil.example.com' });
    assert.equal(origin.status, 403);
    assert.match((await origin.json()).error.message, /Origin/);
    const local = await post(server.url, initializeMessage(), { Origin: 'http://localhost:6274' });
    assert.equal(local.status, 200);

    const url = new URL(server.url);
    const status = await new Promise((resolve, reject) => {
      const request = http.request({
        host: '127.0.0.1', port: url.port, path: '/mcp', method: 'POST',
        headers: { Host: 'evil.example.com', 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
      }, (response) => { response.resume(); resolve(response.statusCode); });
      request.on('error', reject);
      request.end(JSON.stringify(initializeMessage()));
    });
    assert.equal(status, 403);
  });
});

test('with MCP_AUTH_TOKEN, clients need the bearer token: 401 without it or with a wrong one', async () => {
  const { stderr } = await withServer(binary, HTTP_DEMO, { MCP_AUTH_TOKEN: TOKEN }, async (server) => {
    const missing = await post(server.url, initializeMessage());
    assert.equal(missing.status, 401);
    assert.match(missing.headers.get('www-authenticate'), /^Bearer /);
    const wrong = await post(server.url, initializeMessage(), { Authorization: `Bearer ${WRONG_MCP_AUTH_TOKEN}` });
    assert.equal(wrong.status, 401);
    assert.match(wrong.headers.get('www-authenticate'), /invalid_token/);
    await assert.rejects(connectHttp(server.url), (e) => e.code === 401);

    const { client } = await connectHttp(server.url, { headers: { Authorization: `Bearer ${TOKEN}` } });
    assert.equal((await client.listTools()).tools.length, TOOLS.length);
    await client.close();
  });
  assert.ok(!stderr.includes(TOKEN), 'the token must never be logged');
  assert.ok(!stderr.includes(WRONG_MCP_AUTH_TOKEN), 'nor a wrong one');
});

test('the server refuses to listen beyond loopback without a token', async () => {
  const { code, stderr } = await runToExit(binary, ['--transport', 'http', '--host', '0.0.0.0', '--port', '0', '--demo']);
  assert.notEqual(code, 0);
  assert.match(stderr, /refusing to listen on 0\.0\.0\.0.*MCP_AUTH_TOKEN/);
  assert.doesNotMatch(stderr, /Listening on/);
});

test('progress notifications arrive on the stream of their request', async () => {
  await withServer(fixture, HTTP, async (server) => {
    const { client } = await connectHttp(server.url);
    const progress = [];
    const result = await client.callTool({ name: 'test_tool_with_progress', arguments: {} }, undefined,
      { onprogress: (p) => progress.push(p.progress) });
    assertProgress(progress);
    assert.equal(result.content[0].text, 'Progress test completed');
    await client.close();
  });
});

test('concurrent sessions are independent: a blocked call in one does not hold up the others', async () => {
  await withServer(fixture, HTTP, async (server) => {
    const blocker = await connectHttp(server.url);
    const blocked = await startBlockingCall(blocker.client);

    const sessions = await Promise.all(Array.from({ length: 8 }, () => connectHttp(server.url)));
    assert.equal(new Set(sessions.map((s) => s.transport.sessionId)).size, 8);
    const results = await Promise.all(sessions.map((s) => s.client.callTool({ name: 'test_simple_text', arguments: {} })));
    for (const r of results) assert.equal(r.content[0].text, 'This is a simple text response for testing.');

    blocked.abort();
    assert.ok((await blocked.result) instanceof Error);
    for (const s of [blocker, ...sessions]) await s.client.close();
  });
});

test('cancelling a call (AbortSignal -> notifications/cancelled) stops its work on the server', async () => {
  await withServer(fixture, HTTP, async (server) => {
    const { client } = await connectHttp(server.url);
    assert.equal(await cancelledCount(client), 0);
    const call = await startBlockingCall(client);
    call.abort('the user gave up');
    assert.ok((await call.result) instanceof Error);
    await eventually(async () => (await cancelledCount(client)) === 1, 'the call to see its cancellation');
    await client.close();
  });
});

test('a client that disconnects from its request stream has the request cancelled', async () => {
  await withServer(fixture, HTTP, { TIKTOK_MARKETING_SSE_KEEPALIVE_MS: '100' }, async (server) => {
    const { client, transport } = await connectHttp(server.url);
    const headers = sessionHeaders(transport.sessionId);
    const abort = new AbortController();
    const response = await fetch(server.url, {
      method: 'POST',
      signal: abort.signal,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', ...headers },
      body: JSON.stringify({
        jsonrpc: '2.0', id: 77, method: 'tools/call',
        params: { name: 'test_wait_for_cancel', arguments: {}, _meta: { progressToken: 'p' } },
      }),
    });
    assert.equal(response.headers.get('content-type'), 'text/event-stream');
    const reader = response.body.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    assert.match(first, /notifications\/progress/);
    abort.abort(); // hang up without sending notifications/cancelled
    await eventually(async () => (await cancelledCount(client)) === 1, 'the server to notice the disconnect');
    await client.close();
  });
});
