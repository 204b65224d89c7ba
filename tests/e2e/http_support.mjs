// Shared helpers for the HTTP end-to-end tests: starting the production binary or the
// conformance fixture on 127.0.0.1 and a free port, connecting the official TypeScript client
// over Streamable HTTP or legacy SSE, and polling for what happens in the background.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import { PROTOCOL_VERSION, initializeMessage, initializedNotification } from './mcp_messages.mjs';
import { patience } from './patience.mjs';
import { serverEnv } from './server_env.mjs';
import { keepStream } from './server_logs.mjs';

export const binary = process.env.TMM_BINARY ?? path.resolve(import.meta.dirname, '../../build/tiktok-marketing-mcp');
export const fixture =
  process.env.TMM_FIXTURE ?? path.join(path.dirname(binary), 'tests', 'conformance', 'conformance_fixture');

// Starts `command` listening on loopback; resolves once it printed "Listening on <url>".
export async function startServer(command, args, env = {}) {
  const child = spawn(command, [...args, '--host', '127.0.0.1', '--port', '0'], {
    env: serverEnv(env),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  keepStream(child.stderr, `${path.basename(command)}-${args[1] ?? 'server'}`);
  let stderr = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start; stderr:\n' + stderr)), patience(15000));
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      const match = /^Listening on (http:\/\/\S+)/m.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`the server exited (${code}) before listening; stderr:\n${stderr}`)));
  });
  return {
    url,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      return code;
    },
  };
}

// Runs `body` with a server started as startServer does (`env` may be left out), then stops the
// server whatever happened. Resolves with its exit code and everything it wrote on stderr.
export async function withServer(command, args, env, body) {
  if (typeof env === 'function') [env, body] = [{}, env];
  const server = await startServer(command, args, env);
  let code;
  try {
    await body(server);
  } finally {
    code = await server.stop();
  }
  return { code, stderr: server.stderr() };
}

// Runs `command` expecting it to refuse to start; resolves with its exit code and stderr.
export async function runToExit(command, args, env = {}) {
  const child = spawn(command, args, { env: serverEnv(env), stdio: ['ignore', 'ignore', 'pipe'] });
  keepStream(child.stderr, `${path.basename(command)}-refused`);
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const [code] = await once(child, 'exit');
  return { code, stderr };
}

export async function connectHttp(url, { headers = {}, capabilities = {} } = {}) {
  const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } });
  const client = new Client({ name: 'http-e2e', version: '1.0.0' }, { capabilities });
  await client.connect(transport);
  return { client, transport };
}

export async function connectSse(url, { headers = {} } = {}) {
  const transport = new SSEClientTransport(new URL(url), { requestInit: { headers } });
  const client = new Client({ name: 'sse-e2e', version: '1.0.0' });
  await client.connect(transport);
  return { client, transport };
}

// A raw Streamable HTTP POST with the headers a conforming client sends.
export function post(url, message, headers = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', ...headers },
    body: JSON.stringify(message),
  });
}

// The headers every POST of an open Streamable HTTP session needs.
export function sessionHeaders(sessionId) {
  return { 'Mcp-Session-Id': sessionId, 'MCP-Protocol-Version': PROTOCOL_VERSION };
}

// Opens a Streamable HTTP session by hand (initialize, then initialized) and returns the headers
// every later POST of that session needs.
export async function httpSession(url) {
  const init = await post(url, initializeMessage());
  assert.equal(init.status, 200);
  const headers = sessionHeaders(init.headers.get('mcp-session-id'));
  await post(url, initializedNotification(), headers);
  return headers;
}

// Polls `probe` until it returns a truthy value (at most 20 s): for effects that happen on
// the server in the background, such as a cancellation.
export async function eventually(probe, what) {
  const deadline = Date.now() + patience(20000);
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('gave up waiting for ' + what);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// The progress test_tool_with_progress reports: 0, 50 and 100 of 100. The client may drop
// the last one when it lands together with the response (it handles notifications a tick
// later), so only the first two are certain.
export function assertProgress(progress) {
  assert.deepEqual(progress.slice(0, 2), [0, 50]);
  assert.ok(progress.length <= 3 && (progress.length < 3 || progress[2] === 100), `progress ${progress}`);
}

// Starts the fixture's test_wait_for_cancel and resolves once it is running (its first
// progress notification arrived). `result` settles with the call's result or error; `abort`
// cancels it the way an application does (the client sends notifications/cancelled).
export async function startBlockingCall(client) {
  const controller = new AbortController();
  let running;
  const started = new Promise((resolve) => { running = resolve; });
  const result = client.callTool({ name: 'test_wait_for_cancel', arguments: {} }, undefined,
    { signal: controller.signal, onprogress: () => running() }).catch((error) => error);
  await started;
  return { result, abort: (reason) => controller.abort(reason) };
}

// How many test_wait_for_cancel calls the fixture has seen cancelled.
export async function cancelledCount(client) {
  const result = await client.callTool({ name: 'test_cancellation_count', arguments: {} });
  return result.structuredContent.cancelled;
}
