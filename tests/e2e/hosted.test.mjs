// Hosted mode end to end: the official MCP TypeScript client drives the built server over
// stdio while the server talks to the fake Airbyte API (tests/fakes, built as fake_airbyte) on
// loopback. Covers every connector tool, creating a connector with the server's token, with a
// token argument and through OAuth, execute through Airbyte, and that neither the client
// secret nor any access token ever appears on stdout, on stderr or in a result.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

import {
  AIRBYTE_ACCESS_TOKEN_PREFIX, AIRBYTE_CLIENT_SECRET as CLIENT_SECRET, ARGUMENT_TIKTOK_TOKEN as ARGUMENT_TOKEN, MARKER,
  OAUTH_TIKTOK_TOKEN_PREFIX, TIKTOK_ACCESS_TOKEN as SERVER_TOKEN,
} from './canaries.mjs';
import { serverEnv } from './server_env.mjs';
import { keepStream, keepText } from './server_logs.mjs';

const binary = process.env.TMM_BINARY ?? path.resolve(import.meta.dirname, '../../build/tiktok-marketing-mcp');
const fakeBinary = process.env.TMM_FAKE_AIRBYTE ?? path.join(path.dirname(binary), 'tests', 'fake_airbyte');

const CLIENT_ID = 'e2e-client-id';
const USER = 'e2e-user';
const ADVERTISER = '7100000000000000001'; // the demo account behind the fake

async function startFakeAirbyte() {
  const child = spawn(fakeBinary, [CLIENT_ID, CLIENT_SECRET], { stdio: ['pipe', 'pipe', 'inherit'] });
  const [line] = await once(createInterface({ input: child.stdout }), 'line');
  return { child, url: JSON.parse(line).url };
}

async function startServer(airbyteUrl) {
  const transport = new StdioClientTransport({
    command: binary,
    args: [],
    env: serverEnv({
      AIRBYTE_CLIENT_ID: CLIENT_ID,
      AIRBYTE_CLIENT_SECRET: CLIENT_SECRET,
      AIRBYTE_EXTERNAL_USER_ID: USER,
      AIRBYTE_API_BASE_URL: airbyteUrl,
      TIKTOK_MARKETING_ACCESS_TOKEN: SERVER_TOKEN,
      TIKTOK_MARKETING_LOG_LEVEL: 'debug',
      TIKTOK_MARKETING_ALLOW_WRITES: 'true', // asked for, but Airbyte's API only reads
    }),
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr.on('data', (chunk) => { stderr += chunk; });
  keepStream(transport.stderr, 'hosted-stderr');
  const client = new Client({ name: 'hosted-e2e', version: '1.0.0' });
  await client.connect(transport);
  // Record every message the server wrote to stdout, as the client decoded it.
  const received = [];
  const deliver = transport.onmessage;
  transport.onmessage = (message) => {
    received.push(JSON.stringify(message));
    deliver(message);
  };
  return { client, transport, received, stderr: () => stderr };
}

const call = (client, name, args = {}) => client.callTool({ name, arguments: args });
const textOf = (result) => result.content[0].text;
const campaigns = (extra = {}) => ({
  entity: 'campaigns', action: 'list', params: { advertiser_id: ADVERTISER, page_size: 3 }, ...extra,
});

async function followConsent(consentUrl) {
  const res = await fetch(consentUrl, { redirect: 'manual' });
  assert.equal(res.status, 302);
  return new URL(res.headers.get('location')).searchParams.get('secret_id');
}

test('hosted mode: every connector tool, three ways to create, execute through Airbyte, no secret leaks', async () => {
  const fake = await startFakeAirbyte();
  const server = await startServer(fake.url);
  const { client } = server;
  try {
    const { tools } = await client.listTools();
    const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
    assert.deepEqual(byName.tiktok_marketing_connector_delete.annotations.destructiveHint, true);
    assert.deepEqual(byName.tiktok_marketing_connector_create.annotations.readOnlyHint, false);
    assert.deepEqual(byName.tiktok_marketing_connector_create.annotations.idempotentHint, false);
    assert.deepEqual(byName.tiktok_marketing_connector_list.annotations.readOnlyHint, true);
    assert.deepEqual(byName.tiktok_marketing_connector_get.annotations.readOnlyHint, true);
    assert.ok(byName.tiktok_marketing_connector_oauth_initiate);
    assert.ok(byName.tiktok_marketing_execute.inputSchema.properties.connector_id);
    assert.equal(byName.tiktok_marketing_change, undefined);
    assert.match(client.getInstructions(), /Writes need direct mode/);

    const check = await call(client, 'tiktok_marketing_check');
    assert.equal(check.structuredContent.mode, 'hosted');
    assert.equal(check.structuredContent.ok, true);

    const empty = await call(client, 'tiktok_marketing_connector_list');
    assert.deepEqual(empty.structuredContent.connectors, []);

    // 1. The server's own TikTok token: nothing secret passes through the conversation.
    const first = await call(client, 'tiktok_marketing_connector_create', { name: 'Server token' });
    assert.ok(!first.isError, textOf(first));
    const firstId = first.structuredContent.connector_id;
    assert.equal(first.structuredContent.credential_source, 'server TIKTOK_MARKETING_ACCESS_TOKEN');

    const listed = await call(client, 'tiktok_marketing_execute', campaigns());
    assert.ok(!listed.isError, textOf(listed));
    assert.equal(listed.structuredContent.data.length, 3);
    assert.equal(listed.structuredContent.meta.mode, 'hosted');
    assert.equal(listed.structuredContent.meta.connector_id, firstId);

    // 2. OAuth: consent URL, the callback's secret_id, create with it.
    const started = await call(client, 'tiktok_marketing_connector_oauth_initiate', {
      redirect_url: 'https://app.example/oauth/callback',
    });
    assert.ok(!started.isError, textOf(started));
    assert.match(started.structuredContent.next_steps.join(' '), /server_side_oauth_secret_id/);
    const secretId = await followConsent(started.structuredContent.consent_url);
    const second = await call(client, 'tiktok_marketing_connector_create', {
      name: 'Through OAuth', server_side_oauth_secret_id: secretId, replication_config: { start_date: '2025-01-01' },
    });
    assert.ok(!second.isError, textOf(second));
    assert.equal(second.structuredContent.credential_source, 'OAuth secret_id');
    const secondId = second.structuredContent.connector_id;

    // 3. A token given as an argument: used, never echoed.
    const third = await call(client, 'tiktok_marketing_connector_create', {
      name: 'Argument token', credentials: { access_token: ARGUMENT_TOKEN },
    });
    assert.ok(!third.isError, textOf(third));
    const thirdId = third.structuredContent.connector_id;

    const several = await call(client, 'tiktok_marketing_connector_list');
    assert.equal(several.structuredContent.connectors.length, 3);
    const ambiguous = await call(client, 'tiktok_marketing_execute', campaigns());
    assert.equal(ambiguous.isError, true);
    for (const id of [firstId, secondId, thirdId]) assert.match(textOf(ambiguous), new RegExp(id));
    const chosen = await call(client, 'tiktok_marketing_execute', campaigns({ connector_id: secondId }));
    assert.equal(chosen.structuredContent.meta.connector_id, secondId);

    const search = await call(client, 'tiktok_marketing_execute', {
      entity: 'campaigns', action: 'context_store_search', connector_id: firstId,
      params: { query: { filter: { eq: { operation_status: 'ENABLE' } } }, limit: 2 },
    });
    assert.ok(!search.isError, textOf(search));
    assert.equal(search.structuredContent.data.length, 2);
    assert.equal(search.structuredContent.meta.has_more, true);
    assert.equal(typeof search.structuredContent.meta.cursor, 'string');

    const got = await call(client, 'tiktok_marketing_connector_get', { connector_id: thirdId });
    assert.equal(got.structuredContent.connector.name, 'Argument token');

    const invalid = await call(client, 'tiktok_marketing_connector_create', {
      name: 'Bad date', replication_config: { start_date: '2025-02-30' },
    });
    assert.equal(invalid.isError, true);
    assert.match(textOf(invalid), /start_date/);

    const deleted = await call(client, 'tiktok_marketing_connector_delete', { connector_id: thirdId });
    assert.equal(deleted.structuredContent.deleted, thirdId);
    const afterDelete = await call(client, 'tiktok_marketing_connector_list');
    assert.equal(afterDelete.structuredContent.connectors.length, 2);
    const gone = await call(client, 'tiktok_marketing_connector_get', { connector_id: thirdId });
    assert.equal(gone.isError, true);
    assert.match(textOf(gone), /not found/);
  } finally {
    await client.close();
    fake.child.stdin.end();
    await once(fake.child, 'exit');
  }

  const stdout = server.received.join('\n');
  keepText(stdout, 'hosted-stdout');
  const stderr = server.stderr();
  assert.match(stderr, /serving hosted mode/);
  for (const [where, text] of [['stdout', stdout], ['stderr', stderr]]) {
    for (const secret of [CLIENT_SECRET, SERVER_TOKEN, ARGUMENT_TOKEN]) {
      assert.ok(!text.includes(secret), `${where} contains a secret (${secret.slice(0, 3)}...)`);
    }
    assert.ok(!text.includes(AIRBYTE_ACCESS_TOKEN_PREFIX), `${where} contains an Airbyte application token`);
    assert.ok(!text.includes(OAUTH_TIKTOK_TOKEN_PREFIX), `${where} contains the OAuth connector's token`);
    assert.ok(!text.includes(MARKER), `${where} contains a canary secret`);
    assert.ok(!text.includes('[REDACTED]'), `${where}: something tried to print a secret`);
  }
});
