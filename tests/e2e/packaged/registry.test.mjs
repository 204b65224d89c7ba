// server.json, the MCP Registry entry scripts/package.sh writes: valid against the registry's
// schema (vendored in tests/package/registry/ with its source), naming the bundle by its SHA-256
// and the environment variables its manifest maps.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const serverJsonPath = process.env.TMM_SERVER_JSON;
const bundlePath = process.env.TMM_BUNDLE;
assert.ok(serverJsonPath && bundlePath, 'TMM_SERVER_JSON and TMM_BUNDLE are set by tests/package/check.sh');
const schemaPath = path.resolve(import.meta.dirname, '../../package/registry/server.schema.json');

const server = JSON.parse(readFileSync(serverJsonPath, 'utf8'));
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));

function validator() {
  // The registry's schema carries OpenAPI's `example` and `discriminator` keywords beside JSON
  // Schema's; they describe, they do not constrain.
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

test('server.json validates against the registry schema it names', () => {
  assert.equal(server.$schema, schema.$id);
  const validate = validator();
  assert.ok(validate(server), JSON.stringify(validate.errors, null, 2));
});

test('the schema is strict enough to refuse a broken entry', () => {
  const validate = validator();
  const broken = structuredClone(server);
  broken.packages[0].fileSha256 = 'not-a-hash';
  assert.equal(validate(broken), false);
  const unnamed = structuredClone(server);
  delete unnamed.name;
  assert.equal(validate(unnamed), false);
});

test('the package is the bundle, by name and SHA-256, over stdio', () => {
  const [pkg] = server.packages;
  assert.equal(server.packages.length, 1);
  assert.equal(pkg.registryType, 'mcpb');
  assert.equal(path.basename(new URL(pkg.identifier).pathname), path.basename(bundlePath));
  assert.equal(pkg.fileSha256, createHash('sha256').update(readFileSync(bundlePath)).digest('hex'));
  assert.deepEqual(pkg.transport, { type: 'stdio' });
  assert.equal(pkg.version, server.version);
});

test('the environment variables are the ones the bundle maps, the token marked secret', () => {
  const names = server.packages[0].environmentVariables.map((v) => v.name).sort();
  assert.deepEqual(names, ['TIKTOK_MARKETING_ACCESS_TOKEN', 'TIKTOK_MARKETING_ADVERTISER_ID',
    'TIKTOK_MARKETING_ALLOW_WRITES', 'TIKTOK_MARKETING_DEMO']);
  const token = server.packages[0].environmentVariables.find((v) => v.name === 'TIKTOK_MARKETING_ACCESS_TOKEN');
  assert.equal(token.isSecret, true);
});
