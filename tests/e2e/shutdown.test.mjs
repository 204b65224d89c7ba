// Graceful shutdown on SIGTERM in every transport, with a call in flight (held up by the fake
// TikTok API): the process exits promptly with code 0, what the client received is whole (on
// stdio every line is one complete JSON-RPC message; over HTTP the request ends with a complete
// response or a cleanly closed event stream), and the call in flight is answered once, with
// error -32000 "Server shutting down", so that no client waits for its own timeout.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';

import { directEnv, startRecordingFakeTikTok } from './fake_tiktok.mjs';
import { binary, connectHttp, httpSession, post, startServer } from './http_support.mjs';
import { initializeMessage, initializedNotification, sseMessages } from './mcp_messages.mjs';
import { patience } from './patience.mjs';
import { serverEnv } from './server_env.mjs';

const TOKEN = 'canary-shutdown-token-71c3e9a05b';
const PROMPT_EXIT_MS = patience(5000);
const CALL = { name: 'tiktok_marketing_execute', arguments: { entity: 'campaigns', action: 'list', params: { page_size: 1 } } };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Resolves once the fake has received `n` requests: the call is then in flight upstream.
async function upstreamReached(fake, n = 1) {
  while ((await fake.count()) < n) await sleep(20);
}

// The server on stdio, with its raw stdout kept: a partial line must show up as one.
function stdioServer(args, env) {
  const child = spawn(binary, args, { env: serverEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
  const server = { child, raw: '', stderr: '' };
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => { server.raw += chunk; });
  child.stderr.on('data', (chunk) => { server.stderr += chunk; });
  server.send = (message) => child.stdin.write(JSON.stringify(message) + '\n');
  server.lines = () => server.raw.split('\n').slice(0, -1);
  server.waitFor = async (match) => {
    for (let waited = 0; !server.lines().some((l) => match(JSON.parse(l))); waited += 10) {
      if (waited > patience(10000)) throw new Error('timed out; stderr:\n' + server.stderr);
      await sleep(10);
    }
  };
  return server;
}

async function terminate(child) {
  const started = Date.now();
  child.kill('SIGTERM');
  const [code] = await once(child, 'exit');
  return { code, took: Date.now() - started };
}

function assertShutdownError(message) {
  assert.equal(message?.error?.code, -32000, JSON.stringify(message));
  assert.match(message.error.message, /^Server shutting down: the call was stopped before it finished/);
}

function assertWholeLines(raw) {
  assert.ok(raw === '' || raw.endsWith('\n'), `stdout ends in a partial line: ...${raw.slice(-80)}`);
  const messages = raw.split('\n').slice(0, -1).map((line) => JSON.parse(line));
  for (const m of messages) assert.equal(m.jsonrpc, '2.0');
  return messages;
}

test('stdio: SIGTERM with a call in flight exits 0 at once; the call is answered with the shutdown error', async (t) => {
  const fake = await startRecordingFakeTikTok(TOKEN);
  try {
    fake.command({ fault: 'stall', ms: 20000 });
    const server = stdioServer([], directEnv(fake, TOKEN));
    server.send(initializeMessage(1));
    await server.waitFor((m) => m.id === 1);
    server.send(initializedNotification());
    server.send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: CALL });
    await upstreamReached(fake);
    const { code, took } = await terminate(server.child);
    t.diagnostic(`exit took ${took} ms`);
    assert.equal(code, 0);
    assert.ok(took < PROMPT_EXIT_MS, `exit took ${took} ms`);
    const answers = assertWholeLines(server.raw).filter((m) => m.id === 2);
    assert.equal(answers.length, 1);
    assertShutdownError(answers[0]);
    assert.match(server.stderr, /received SIGTERM; shutting down/);
  } finally {
    await fake.stop();
  }
});

test('stdio: SIGTERM while large answers are being written leaves only whole messages', async (t) => {
  const server = stdioServer(['--demo'], {});
  server.send(initializeMessage(1));
  await server.waitFor((m) => m.id === 1);
  const ids = Array.from({ length: 200 }, (_, i) => 100 + i);
  for (const id of ids) {
    server.send({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'tiktok_marketing_describe', arguments: {} } });
  }
  await server.waitFor((m) => m.id === 100);
  const { code, took } = await terminate(server.child);
  assert.equal(code, 0);
  assert.ok(took < PROMPT_EXIT_MS, `exit took ${took} ms`);
  const answers = assertWholeLines(server.raw).filter((m) => ids.includes(m.id));
  t.diagnostic(`exit took ${took} ms; ${answers.length} of ${ids.length} calls answered, ${server.raw.length} bytes`);
  assert.equal(new Set(answers.map((m) => m.id)).size, answers.length, 'a call answered twice');
  assert.ok(answers.length >= 1);
  for (const m of answers) if (m.error) assertShutdownError(m);
});

// Streamable HTTP: reads a POST's response to its end, whatever form it took.
async function readReply(response) {
  const type = response.headers.get('content-type') ?? '';
  const text = await response.text(); // rejects if the connection broke mid-body
  if (response.status === 202) return { kind: 'accepted', messages: [], text };
  if (type.startsWith('application/json')) return { kind: 'json', messages: [JSON.parse(text)], text };
  assert.ok(type.startsWith('text/event-stream'), `content-type ${type}`);
  return { kind: 'stream', messages: wholeStreamMessages(text), text };
}

// The JSON-RPC messages of a complete event stream; every event must be whole.
function wholeStreamMessages(text) {
  assert.ok(text === '' || text.endsWith('\n\n'), `the stream ends mid-event: ...${text.slice(-80)}`);
  return sseMessages(text);
}

// A Streamable HTTP call in flight when SIGTERM arrives `after` ms later.
async function streamableShutdown(after) {
  const fake = await startRecordingFakeTikTok(TOKEN);
  try {
    fake.command({ fault: 'stall', ms: 20000 });
    const server = await startServer(binary, ['--transport', 'http'], directEnv(fake, TOKEN));
    const headers = await httpSession(server.url);
    const pending = post(server.url, { jsonrpc: '2.0', id: 2, method: 'tools/call', params: CALL }, headers);
    await upstreamReached(fake);
    await sleep(after);
    const started = Date.now();
    const code = await server.stop();
    const took = Date.now() - started;
    const reply = await readReply(await pending);
    return { code, took, reply, stderr: server.stderr() };
  } finally {
    await fake.stop();
  }
}

for (const [when, after] of [['within the JSON window', 0], ['once the answer became an event stream', 1500]]) {
  test(`http: SIGTERM with a call in flight (${when}) exits 0; the request ends whole`, async (t) => {
    const { code, took, reply, stderr } = await streamableShutdown(after);
    t.diagnostic(`exit took ${took} ms; the request got ${reply.kind} ${JSON.stringify(reply.text).slice(0, 200)}`);
    assert.equal(code, 0, stderr);
    assert.ok(took < PROMPT_EXIT_MS, `exit took ${took} ms`);
    assert.equal(reply.kind, after > 0 ? 'stream' : 'json');
    for (const m of reply.messages) assert.equal(m.jsonrpc, '2.0');
    const answers = reply.messages.filter((m) => m.id === 2);
    assert.equal(answers.length, 1);
    assertShutdownError(answers[0]);
  });
}

// Legacy SSE: the session's stream, read until the server closes it.
async function openLegacyStream(url) {
  const response = await fetch(url, { headers: { Accept: 'text/event-stream' } });
  assert.equal(response.status, 200);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const stream = { text: '', ended: null };
  stream.ended = (async () => {
    for (;;) {
      const { value, done } = await reader.read(); // rejects if the connection broke mid-chunk
      if (done) return;
      stream.text += decoder.decode(value, { stream: true });
    }
  })();
  stream.waitFor = async (pattern) => {
    for (let waited = 0; !pattern.test(stream.text); waited += 10) {
      if (waited > patience(10000)) throw new Error('timed out; stream so far:\n' + stream.text);
      await sleep(10);
    }
    return pattern.exec(stream.text);
  };
  return stream;
}

test('sse: SIGTERM with a call in flight exits 0; the event stream ends after whole events', async (t) => {
  const fake = await startRecordingFakeTikTok(TOKEN);
  try {
    fake.command({ fault: 'stall', ms: 20000 });
    const server = await startServer(binary, ['--transport', 'sse'], directEnv(fake, TOKEN));
    const stream = await openLegacyStream(server.url);
    const [, endpoint] = await stream.waitFor(/data: (\/messages\?sessionId=[0-9a-f]+)\n\n/);
    const messages = new URL(endpoint, server.url);
    const send = (m) => fetch(messages, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(m) });
    assert.equal((await send(initializeMessage(1))).status, 202);
    await stream.waitFor(/"id":1,/);
    await send(initializedNotification());
    assert.equal((await send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: CALL })).status, 202);
    await upstreamReached(fake);
    const started = Date.now();
    const code = await server.stop();
    const took = Date.now() - started;
    t.diagnostic(`exit took ${took} ms`);
    assert.equal(code, 0, server.stderr());
    assert.ok(took < PROMPT_EXIT_MS, `exit took ${took} ms`);
    await stream.ended;
    const received = wholeStreamMessages(stream.text);
    assert.equal(received[0].id, 1);
    const answers = received.filter((m) => m.id === 2);
    assert.equal(answers.length, 1);
    assertShutdownError(answers[0]);
  } finally {
    await fake.stop();
  }
});

test('http: a call in flight from the SDK client fails at once with the shutdown error, not at its timeout', async () => {
  const fake = await startRecordingFakeTikTok(TOKEN);
  try {
    fake.command({ fault: 'stall', ms: 20000 });
    const server = await startServer(binary, ['--transport', 'http'], directEnv(fake, TOKEN));
    const { client } = await connectHttp(server.url);
    const started = Date.now();
    const call = client.callTool(CALL, undefined, { timeout: 30000 }).then(() => null, (error) => error);
    await upstreamReached(fake);
    assert.equal(await server.stop(), 0);
    const error = await call;
    assert.ok(Date.now() - started < PROMPT_EXIT_MS + 2000, `the call ended after ${Date.now() - started} ms`);
    assert.equal(error?.code, -32000, String(error));
    assert.match(error.message, /Server shutting down/);
  } finally {
    await fake.stop();
  }
});
