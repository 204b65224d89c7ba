// The legacy HTTP+SSE transport (--transport sse) driven by the official TypeScript client
// (SSEClientTransport): the production binary in demo mode, and the conformance fixture for
// tool behaviour (progress, cancellation, concurrency).

import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  assertProgress, binary, cancelledCount, connectSse, eventually, fixture, startBlockingCall, withServer,
} from './http_support.mjs';
import { MCP_AUTH_TOKEN as TOKEN, WRONG_MCP_AUTH_TOKEN } from './canaries.mjs';

const SSE = ['--transport', 'sse'];
const SSE_DEMO = [...SSE, '--demo'];

test('the production binary serves its tools over legacy SSE', async () => {
  await withServer(binary, SSE_DEMO, async (server) => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/sse$/);
    const { client } = await connectSse(server.url);
    assert.equal(client.getServerVersion().name, 'tiktok-marketing-mcp');
    const { tools } = await client.listTools();
    assert.ok(tools.some((t) => t.name === 'tiktok_marketing_execute'));
    const described = await client.callTool({ name: 'tiktok_marketing_describe', arguments: {} });
    assert.notEqual(described.isError, true);
    await client.close();
  });
});

test('the endpoint event names a per-session POST URL; unknown sessions get 404', async () => {
  await withServer(binary, SSE_DEMO, async (server) => {
    const response = await fetch(server.url, { headers: { Accept: 'text/event-stream' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/event-stream');
    const reader = response.body.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    assert.match(first, /^event: endpoint\ndata: \/messages\?sessionId=[0-9a-f]{32}\n\n/);
    await reader.cancel();

    const unknown = await fetch(new URL('/messages?sessionId=' + '0'.repeat(32), server.url), {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"jsonrpc":"2.0","id":1,"method":"ping"}',
    });
    assert.equal(unknown.status, 404);
    assert.equal((await unknown.json()).error.code, -32001);
  });
});

test('legacy SSE has the same protection: foreign Origin 403, bearer token 401', async () => {
  const { stderr } = await withServer(binary, SSE_DEMO, { MCP_AUTH_TOKEN: TOKEN }, async (server) => {
    const origin = await fetch(server.url, {
      headers: { Accept: 'text/event-stream', Origin: 'http://evil.example.com', Authorization: `Bearer ${TOKEN}` },
    });
    assert.equal(origin.status, 403);
    const missing = await fetch(server.url, { headers: { Accept: 'text/event-stream' } });
    assert.equal(missing.status, 401);
    assert.match(missing.headers.get('www-authenticate'), /^Bearer /);
    await assert.rejects(connectSse(server.url, { headers: { Authorization: `Bearer ${WRONG_MCP_AUTH_TOKEN}` } }));

    const { client } = await connectSse(server.url, { headers: { Authorization: `Bearer ${TOKEN}` } });
    assert.ok((await client.listTools()).tools.length > 0);
    await client.close();
  });
  assert.ok(!stderr.includes(TOKEN), 'the token must never be logged');
  assert.ok(!stderr.includes(WRONG_MCP_AUTH_TOKEN), 'nor a wrong one');
});

test('concurrent SSE sessions, with progress on each call, do not wait for each other', async () => {
  await withServer(fixture, SSE, async (server) => {
    const blocker = await connectSse(server.url);
    const blocked = await startBlockingCall(blocker.client);

    const sessions = await Promise.all(Array.from({ length: 6 }, () => connectSse(server.url)));
    const results = await Promise.all(sessions.map(async (s) => {
      const progress = [];
      const result = await s.client.callTool({ name: 'test_tool_with_progress', arguments: {} }, undefined,
        { onprogress: (p) => progress.push(p.progress) });
      return { result, progress };
    }));
    for (const { result, progress } of results) {
      assert.equal(result.content[0].text, 'Progress test completed');
      assertProgress(progress);
    }
    blocked.abort();
    assert.ok((await blocked.result) instanceof Error);
    await eventually(async () => (await cancelledCount(sessions[0].client)) === 1, 'the blocked call to be cancelled');
    for (const s of [blocker, ...sessions]) await s.client.close();
  });
});

test('closing the SSE stream ends the session and cancels its calls', async () => {
  // Frequent keep-alives: writing one is how the server notices the stream is gone.
  await withServer(fixture, SSE, { TIKTOK_MARKETING_SSE_KEEPALIVE_MS: '100' }, async (server) => {
    const watcher = await connectSse(server.url);
    const leaving = await connectSse(server.url);
    await startBlockingCall(leaving.client);
    await leaving.client.close(); // closes the event stream without cancelling anything itself
    await eventually(async () => (await cancelledCount(watcher.client)) === 1, 'the session end to cancel the call');
    await watcher.client.close();
  });
});
