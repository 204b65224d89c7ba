// tiktok_marketing_change driven by the official TypeScript client over stdio and Streamable
// HTTP, against the fake TikTok API program: the tool is absent until writes are on, a preview
// sends nothing (the fake's request log shows it), a confirmation applies once, a form-capable
// client is asked instead (approve and decline), a lost create is reported as unknown after a
// re-read, and the audit log records each change without a secret.

import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';

import { TIKTOK_ACCESS_TOKEN as TOKEN } from './canaries.mjs';
import { directEnv, startRecordingFakeTikTok } from './fake_tiktok.mjs';
import { binary, connectHttp, withServer } from './http_support.mjs';
import { serverEnv } from './server_env.mjs';
import { keepStream } from './server_logs.mjs';

const SPRING = 'Spring Sale - Traffic'; // an ENABLE campaign of the demo account, daily budget 150

async function connectStdio(env, capabilities = {}) {
  const transport = new StdioClientTransport({ command: binary, args: [], env: serverEnv(env), stderr: 'pipe' });
  keepStream(transport.stderr, 'writes-stdio-stderr');
  const client = new Client({ name: 'writes-e2e', version: '1.0.0' }, { capabilities });
  await client.connect(transport);
  return client;
}

async function campaignId(client, name) {
  const result = await client.callTool({
    name: 'tiktok_marketing_execute',
    arguments: { entity: 'campaigns', action: 'list', params: { filtering: { primary_status: 'STATUS_ALL' } } },
  });
  return result.structuredContent.data.find((c) => c.campaign_name === name);
}

const change = (client, args) => client.callTool({ name: 'tiktok_marketing_change', arguments: args });
const posts = async (fake) => (await fake.log()).filter((r) => r.method === 'POST');

test('the change tool is listed only when writes are on', async () => {
  const fake = await startRecordingFakeTikTok(TOKEN);
  try {
    const off = await connectStdio(directEnv(fake, TOKEN));
    const names = (await off.listTools()).tools.map((t) => t.name);
    assert.ok(!names.includes('tiktok_marketing_change'));
    assert.match(off.getInstructions(), /TIKTOK_MARKETING_ALLOW_WRITES=true/);
    await off.close();
    const on = await connectStdio(directEnv(fake, TOKEN, { TIKTOK_MARKETING_ALLOW_WRITES: 'true' }));
    const tool = (await on.listTools()).tools.find((t) => t.name === 'tiktok_marketing_change');
    assert.deepEqual(
      { ...tool.annotations, title: undefined },
      { title: undefined, readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true });
    assert.ok(tool.outputSchema);
    await on.close();
  } finally {
    await fake.stop();
  }
});

test('over stdio a preview sends nothing, and its token applies the change exactly once', async () => {
  const fake = await startRecordingFakeTikTok(TOKEN);
  const audit = path.join(os.tmpdir(), `tmm-e2e-audit-${process.pid}.jsonl`);
  rmSync(audit, { force: true });
  try {
    const client = await connectStdio(directEnv(fake, TOKEN,
      { TIKTOK_MARKETING_ALLOW_WRITES: 'true', TIKTOK_MARKETING_AUDIT_LOG: audit }));
    const spring = await campaignId(client, SPRING);
    const args = { entity: 'campaigns', action: 'update', params: { campaign_id: spring.campaign_id, budget: 200 } };

    const preview = await change(client, args);
    assert.notEqual(preview.isError, true);
    assert.equal(preview.structuredContent.status, 'preview');
    assert.deepEqual(preview.structuredContent.changes,
      [{ id: spring.campaign_id, field: 'budget', from: 150, to: 200 }]);
    assert.deepEqual(await posts(fake), []);
    assert.equal((await campaignId(client, SPRING)).budget, 150);

    const token = preview.structuredContent.confirm;
    const altered = await change(client, { ...args, params: { ...args.params, budget: 210 }, confirm: token });
    assert.equal(altered.isError, true);
    assert.match(altered.content[0].text, /params\.budget/);

    const applied = await change(client, { ...args, confirm: token });
    assert.notEqual(applied.isError, true);
    assert.equal(applied.structuredContent.status, 'applied');
    assert.deepEqual(applied.structuredContent.results, [{ id: spring.campaign_id, ok: true }]);
    const sent = await posts(fake);
    assert.equal(sent.length, 1);
    assert.equal(sent[0].path, '/campaign/update/');
    assert.deepEqual(JSON.parse(typeof sent[0].body === 'string' ? sent[0].body : JSON.stringify(sent[0].body)),
      { advertiser_id: '7100000000000000001', campaign_id: spring.campaign_id, budget: 200 });
    assert.equal((await campaignId(client, SPRING)).budget, 200);

    const reused = await change(client, { ...args, confirm: token });
    assert.equal(reused.isError, true);
    assert.match(reused.content[0].text, /already used/);
    assert.equal((await posts(fake)).length, 1);
    await client.close();

    const text = readFileSync(audit, 'utf8');
    assert.ok(!text.includes(TOKEN));
    const lines = text.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, 1);
    assert.equal(lines[0].status, 'applied');
    assert.equal(lines[0].client, 'writes-e2e 1.0.0');
    assert.deepEqual(lines[0].changes, [{ id: spring.campaign_id, field: 'budget', from: 150, to: 200 }]);
  } finally {
    rmSync(audit, { force: true });
    await fake.stop();
  }
});

test('over Streamable HTTP a form-capable client is asked: decline changes nothing, approve applies', async () => {
  const fake = await startRecordingFakeTikTok(TOKEN);
  const env = directEnv(fake, TOKEN, { TIKTOK_MARKETING_ALLOW_WRITES: 'true' });
  try {
    await withServer(binary, ['--transport', 'http'], env, async (server) => {
      const { client } = await connectHttp(server.url, { capabilities: { elicitation: { form: {} } } });
      let answer = { action: 'decline' };
      const asked = [];
      client.setRequestHandler(ElicitRequestSchema, async (request) => {
        asked.push(request.params.message);
        return answer;
      });
      const spring = await campaignId(client, SPRING);
      const args = { entity: 'campaigns', action: 'update_status', params: { ids: [spring.campaign_id], status: 'DISABLE' } };

      const declined = await change(client, args);
      assert.equal(declined.structuredContent.status, 'declined');
      assert.equal(asked.length, 1);
      assert.match(asked[0], new RegExp(`${spring.campaign_id}: operation_status ENABLE -> DISABLE`));
      assert.deepEqual(await posts(fake), []);

      answer = { action: 'accept', content: { decision: 'approve' } };
      const approved = await change(client, args);
      assert.equal(approved.structuredContent.status, 'applied');
      assert.equal((await posts(fake)).length, 1);
      assert.equal((await campaignId(client, SPRING)).operation_status, 'DISABLE');
      await client.close();
    });
  } finally {
    await fake.stop();
  }
});

test('a create whose answer is lost is not retried, and the re-read finds it', async () => {
  const fake = await startRecordingFakeTikTok(TOKEN);
  try {
    const client = await connectStdio(directEnv(fake, TOKEN,
      { TIKTOK_MARKETING_ALLOW_WRITES: 'true', TIKTOK_MARKETING_READ_TIMEOUT_MS: '500' }));
    const args = { entity: 'campaigns', action: 'create',
      params: { campaign_name: 'E2E Launch', objective_type: 'TRAFFIC', budget_mode: 'BUDGET_MODE_DAY', budget: 75 } };
    const preview = await change(client, args);
    assert.equal(preview.structuredContent.status, 'preview');
    fake.command({ fault: 'applied_then_stall', ms: 3000, path: '/campaign/create/' });
    const result = await change(client, { ...args, confirm: preview.structuredContent.confirm });
    assert.equal(result.isError, true);
    assert.equal(result.structuredContent.status, 'unknown');
    const [found] = result.structuredContent.results;
    assert.equal(found.change_in_effect, true);
    assert.match(result.structuredContent.message, /the create went through/);
    assert.equal((await posts(fake)).filter((r) => r.path === '/campaign/create/').length, 1);
    const created = await campaignId(client, 'E2E Launch');
    assert.equal(created.campaign_id, found.id);
    assert.equal(created.operation_status, 'DISABLE');
    await client.close();
  } finally {
    await fake.stop();
  }
});
