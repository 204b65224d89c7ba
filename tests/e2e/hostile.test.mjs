// Hostile input, over stdio (raw lines) and Streamable HTTP (raw fetch): oversize messages,
// deep nesting, huge strings and arrays, invalid UTF-8, duplicate ids, ids of every JSON type,
// and parameters that try to smuggle path segments or query parameters into the upstream URL.
// Each must get a precise error, and the session must carry on.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { directEnv, startRecordingFakeTikTok } from './fake_tiktok.mjs';
import { binary, httpSession, post, withServer } from './http_support.mjs';
import { initializeParams, initializedNotification, replyMessages } from './mcp_messages.mjs';
import { RawServer } from './support.mjs';

const TOKEN = 'canary-hostile-token-4b8e02f1d6';
const SMALL_LIMIT = 65536;
const MB = 1024 * 1024;

// JSON-RPC ids: strings and integers are ids; everything else makes the message invalid.
const VALID_IDS = ['abc', '', 42, 0, -7, 9007199254740993n];
const INVALID_IDS = [1.5, null, true, false, {}, { a: 1 }, [], [1]];

async function initialized(args = ['--demo'], env = {}) {
  const server = new RawServer(args, env);
  await server.request(0, 'initialize', initializeParams());
  server.send(initializedNotification());
  return server;
}

// A request line with a raw id, written as JSON text (so big integers stay exact).
function requestWithId(idText, method = 'ping') {
  return `{"jsonrpc":"2.0","id":${idText},"method":"${method}"}`;
}

function idText(id) {
  return typeof id === 'bigint' ? id.toString() : JSON.stringify(id);
}

function execute(server, id, params, entity = 'campaigns') {
  return server.request(id, 'tools/call', { name: 'tiktok_marketing_execute', arguments: { entity, action: 'list', params } });
}

function errorText(response) {
  assert.equal(response.result?.isError, true, JSON.stringify(response).slice(0, 300));
  return response.result.content[0].text;
}

// The first message the server writes after this point.
function nextMessage(server) {
  const before = server.messages.length;
  return (match = () => true) => server.next((m) => server.messages.indexOf(m) >= before && match(m));
}

async function stillServes(server, id) {
  const ping = await server.request(id, 'ping', {});
  assert.deepEqual(ping.result, {});
}

test('stdio: an oversize message is refused with -32600 and id null, and the session goes on', async () => {
  const server = await initialized(['--demo'], { TIKTOK_MARKETING_MAX_MESSAGE_BYTES: String(SMALL_LIMIT) });
  server.write(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping', params: { pad: 'x'.repeat(2 * SMALL_LIMIT) } }) + '\n');
  const refused = await server.next((m) => m.error && m.id === null);
  assert.equal(refused.error.code, -32600);
  assert.match(refused.error.message, /larger than the limit of 65536 bytes and was discarded/);
  assert.ok(!server.messages.some((m) => m.id === 1), 'the oversize request must not be answered as if read');
  await stillServes(server, 2);
  assert.equal(await server.close(), 0);
});

test('stdio: 10,000 levels of nesting, invalid UTF-8 and lone surrogates are parse errors', async () => {
  const server = await initialized();
  const deep = '['.repeat(10000) + ']'.repeat(10000);
  server.write(`{"jsonrpc":"2.0","id":1,"method":"ping","params":{"a":${deep}}}\n`);
  const nested = await server.next((m) => m.error && m.id === null);
  assert.equal(nested.error.code, -32700);
  assert.match(nested.error.message, /nests arrays\/objects deeper than 64 levels/);

  const broken = [
    Buffer.concat([Buffer.from('{"jsonrpc":"2.0","id":2,"method":"ping","params":{"x":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}}\n')]),
    Buffer.concat([Buffer.from('{"jsonrpc":"2.0","id":3,"method":"ping","params":{"x":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}}\n')]),
    Buffer.from('{"jsonrpc":"2.0","id":4,"method":"ping","params":{"x":"\\ud800"}}\n'),
  ];
  for (const line of broken) {
    const next = nextMessage(server);
    server.write(line);
    const error = await next();
    assert.equal(error.error.code, -32700);
    assert.equal(error.id, null);
    assert.match(error.error.message, /UTF-8|surrogate/);
  }
  assert.ok(!server.messages.some((m) => [1, 2, 3, 4].includes(m.id)));
  await stillServes(server, 5);
  assert.equal(await server.close(), 0);
});

test('stdio: a 5 MB string and a 1,000,000-element array get short, precise validation errors', async () => {
  const server = await initialized();
  const huge = '1'.repeat(5 * MB);
  const longId = errorText(await execute(server, 1, { advertiser_id: huge }));
  assert.match(longId, /params\.advertiser_id: is too long \(5242880 bytes\) to be valid here/);

  const longEntity = await server.request(2, 'tools/call', { name: 'tiktok_marketing_execute', arguments: { entity: 'x'.repeat(5 * MB), action: 'list' } });
  assert.match(errorText(longEntity), /arguments\.entity: "x{20,}\.\.\. is not one of the allowed values/);

  const manyFields = errorText(await execute(server, 3, { fields: new Array(1000000).fill('NOT A FIELD') }));
  assert.match(manyFields, /params\.fields: must have at most 100 item\(s\), but has 1000000/);

  const manyKeys = Object.fromEntries(Array.from({ length: 100000 }, (_, i) => [`k${i}`, i]));
  const unknown = errorText(await execute(server, 4, manyKeys));
  assert.match(unknown, /params\.k0: is not a recognised property/);
  assert.match(unknown, /\(only the first 10 issues are listed\)/);
  const longKey = errorText(await execute(server, 5, { ['k'.repeat(5 * MB)]: 1 }));
  assert.match(longKey, /params\.k{64}\.\.\.: is not a recognised property/);

  const longMethod = await server.request(6, 'x'.repeat(5 * MB), {});
  assert.equal(longMethod.error.code, -32601);
  assert.match(longMethod.error.message, /^Method not found: x{100}\.\.\.$/);
  const longTool = await server.request(7, 'tools/call', { name: 'y'.repeat(5 * MB), arguments: {} });
  assert.equal(longTool.error.code, -32602);
  assert.match(longTool.error.message, /^Unknown tool: y{100}\.\.\.\. Available tools: tiktok_marketing_execute/);
  const longLevel = await server.request(8, 'logging/setLevel', { level: 'z'.repeat(5 * MB) });
  assert.equal(longLevel.error.code, -32602);

  for (const response of [longId, longEntity.result.content[0].text, manyFields, unknown, longKey,
    longMethod.error.message, longTool.error.message, longLevel.error.message]) {
    assert.ok(response.length < 4096, `an error of ${response.length} characters: ${response.slice(0, 200)}...`);
  }
  await stillServes(server, 9);
  assert.equal(await server.close(), 0);
});

test('stdio: ids of every JSON type: strings and integers are echoed, the rest are -32600 with id null', async () => {
  const server = await initialized();
  for (const id of VALID_IDS) {
    const next = nextMessage(server);
    server.write(requestWithId(idText(id)) + '\n');
    const answer = await next();
    assert.deepEqual(answer.result, {});
    if (typeof id !== 'bigint') assert.equal(answer.id, id);
  }
  // 2^53 + 1 must come back exactly: look at the raw line, not at the parsed (rounded) number
  assert.match(server.stdout, /"id":9007199254740993,/);
  for (const id of INVALID_IDS) {
    const next = nextMessage(server);
    server.write(requestWithId(idText(id)) + '\n');
    const error = await next();
    assert.equal(error.id, null, `id ${idText(id)}`);
    assert.equal(error.error.code, -32600, `id ${idText(id)}`);
    assert.match(error.error.message, /"id" must be a string or an integer/);
  }
  await stillServes(server, 99);
  assert.equal(await server.close(), 0);
});

test('stdio: a duplicate id while the first call is in flight is refused; the first call still answers', async () => {
  const fake = await startRecordingFakeTikTok(TOKEN);
  try {
    fake.command({ fault: 'delay', ms: 1500 });
    const server = await initialized([], directEnv(fake, TOKEN));
    const call = { name: 'tiktok_marketing_execute', arguments: { entity: 'campaigns', action: 'list', params: { page_size: 1 } } };
    server.send({ jsonrpc: '2.0', id: 7, method: 'tools/call', params: call });
    while ((await fake.count()) === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    server.send({ jsonrpc: '2.0', id: 7, method: 'tools/call', params: call });
    server.send({ jsonrpc: '2.0', id: '7', method: 'tools/call', params: call }); // a string is another id
    const refused = await server.next((m) => m.id === 7 && m.error);
    assert.equal(refused.error.code, -32600);
    assert.match(refused.error.message, /id 7 is already used by a request in progress; use a new id/);
    const first = await server.next((m) => m.id === 7 && m.result);
    assert.equal(first.result.structuredContent.data.length, 1);
    const other = await server.next((m) => m.id === '7' && m.result);
    assert.equal(other.result.structuredContent.data.length, 1);
    assert.equal(server.messages.filter((m) => m.id === 7).length, 2);
    assert.equal(await server.close(), 0);
  } finally {
    await fake.stop();
  }
});

test('stdio: parameters that try to smuggle paths or queries upstream are refused before any request', async () => {
  const fake = await startRecordingFakeTikTok(TOKEN);
  try {
    const server = await initialized([], directEnv(fake, TOKEN));
    let id = 1;
    const smuggled = ['../../oauth2', '123?x=1', '1#frag', '1\r\nHost: evil', '1/../../advertiser/info',
      '%2e%2e%2f', '1&access_token=stolen', ' 1', '1\n'];
    for (const value of smuggled) {
      const text = errorText(await execute(server, id++, { advertiser_id: value }));
      assert.match(text, /^Invalid params for campaigns\.list:\nparams\.advertiser_id: ".*" has the wrong form; expected a numeric id as a string/, value);
    }
    const ids = errorText(await execute(server, id++, { advertiser_ids: ['1?x=1'] }, 'advertisers'));
    assert.match(ids, /params\.advertiser_ids\[0\]: "1\?x=1" has the wrong form/);
    const fields = errorText(await execute(server, id++, { fields: ['campaign_id&x=1'] }));
    assert.match(fields, /params\.fields\[0\]: "campaign_id&x=1" has the wrong form/);
    const page = errorText(await execute(server, id++, { page_size: '1&x=2' }));
    assert.match(page, /params\.page_size: must be an integer from 1 to 1000, but got a string/);
    const date = errorText(await execute(server, id++, { start_date: '2026-01-01?x=1', end_date: '2026-01-02' }, 'ads_reports_daily'));
    assert.match(date, /params\.start_date: "2026-01-01\?x=1" is not a valid date/);
    const entity = errorText(await server.request(id++, 'tools/call', { name: 'tiktok_marketing_execute', arguments: { entity: '../oauth2/advertiser/get', action: 'list' } }));
    assert.match(entity, /arguments\.entity: "\.\.\/oauth2\/advertiser\/get" is not one of the allowed values/);
    assert.equal(await fake.count(), 0, 'nothing invalid may reach the upstream');

    // Free-form values (filtering) do travel, but only as one encoded query value.
    const filtering = { campaign_ids: ['1800000001001000000'], campaign_name: '../../oauth2?x=1#f\r\nHost: evil&y=2' };
    const allowed = await execute(server, id++, { filtering, page_size: 1 });
    assert.notEqual(allowed.result.isError, true, JSON.stringify(allowed).slice(0, 300));
    const log = await fake.log();
    assert.equal(log.length, 1);
    assert.equal(log[0].path, '/campaign/get/');
    assert.deepEqual(Object.keys(log[0].params).sort(), ['advertiser_id', 'filtering', 'page', 'page_size']);
    assert.deepEqual(JSON.parse(log[0].params.filtering), filtering);
    assert.equal(await server.close(), 0);
  } finally {
    await fake.stop();
  }
});

// Streamable HTTP, raw: the same refusals with the transport's statuses.

// The JSON-RPC answer to a POST, whether it came as JSON or on an event stream.
async function answerOf(response) {
  const messages = replyMessages(response.headers.get('content-type'), await response.text());
  return messages.find((m) => 'result' in m || 'error' in m);
}

function postText(url, body, headers) {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', ...headers },
    body,
  });
}

test('http: oversize, deeply nested and invalid UTF-8 bodies get 413 and 400 with JSON-RPC errors', async () => {
  const env = { TIKTOK_MARKETING_MAX_MESSAGE_BYTES: String(SMALL_LIMIT) };
  const { code } = await withServer(binary, ['--transport', 'http', '--demo'], env, async (server) => {
    const headers = await httpSession(server.url);
    const big = await postText(server.url, JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping', params: { pad: 'x'.repeat(2 * SMALL_LIMIT) } }), headers);
    assert.equal(big.status, 413);
    const bigBody = await big.json();
    assert.equal(bigBody.error.code, -32600);
    assert.match(bigBody.error.message, /at most 65536 bytes/);

    const deep = await postText(server.url, `{"jsonrpc":"2.0","id":2,"method":"ping","params":{"a":${'['.repeat(10000)}${']'.repeat(10000)}}}`, headers);
    assert.equal(deep.status, 400);
    const deepBody = await deep.json();
    assert.equal(deepBody.error.code, -32700);
    assert.match(deepBody.error.message, /deeper than 64 levels/);

    const utf8 = await postText(server.url, Buffer.concat([Buffer.from('{"jsonrpc":"2.0","id":3,"method":"ping","params":{"x":"'), Buffer.from([0xff]), Buffer.from('"}}')]), headers);
    assert.equal(utf8.status, 400);
    const utf8Body = await utf8.json();
    assert.equal(utf8Body.error.code, -32700);
    assert.equal(utf8Body.id, null);
    assert.match(utf8Body.error.message, /UTF-8/);

    const ping = await post(server.url, { jsonrpc: '2.0', id: 4, method: 'ping' }, headers);
    assert.deepEqual(await ping.json(), { jsonrpc: '2.0', id: 4, result: {} });
  });
  assert.equal(code, 0);
});

test('http: ids of every JSON type, and a 1,000,000-element array', async () => {
  const { code } = await withServer(binary, ['--transport', 'http', '--demo'], async (server) => {
    const headers = await httpSession(server.url);
    for (const id of VALID_IDS) {
      const response = await postText(server.url, requestWithId(idText(id)), headers);
      assert.equal(response.status, 200);
      const text = await response.text();
      assert.ok(text.includes(`"id":${idText(id)},`), text);
    }
    for (const id of INVALID_IDS) {
      const response = await postText(server.url, requestWithId(idText(id)), headers);
      assert.equal(response.status, 400, `id ${idText(id)}`);
      const body = await response.json();
      assert.equal(body.id, null);
      assert.equal(body.error.code, -32600);
      assert.match(body.error.message, /"id" must be a string or an integer/);
    }
    const call = { name: 'tiktok_marketing_execute', arguments: { entity: 'campaigns', action: 'list', params: { fields: new Array(1000000).fill(null) } } };
    const response = await post(server.url, { jsonrpc: '2.0', id: 5, method: 'tools/call', params: call }, headers);
    const body = await answerOf(response);
    assert.equal(body.result.isError, true);
    const text = body.result.content[0].text;
    assert.match(text, /params\.fields: must have at most 100 item\(s\), but has 1000000/);
    assert.ok(text.length < 4096, `an error of ${text.length} characters`);
  });
  assert.equal(code, 0);
});
