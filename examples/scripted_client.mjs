// A scripted MCP client: starts the server in demo mode over stdio with the official
// TypeScript SDK, asks which campaigns spent the most last week, and prints the answer.
//
//   cd tests/e2e && npm ci    (installs @modelcontextprotocol/sdk)
//   node ../../examples/scripted_client.mjs [path/to/tiktok-marketing-mcp]

import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.resolve(import.meta.dirname, '../tests/e2e/package.json'));
const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
const { StdioClientTransport } = require('@modelcontextprotocol/sdk/client/stdio.js');

const binary = process.argv[2] ?? path.resolve(import.meta.dirname, '../build/tiktok-marketing-mcp');
const client = new Client({ name: 'scripted-example', version: '1.0.0' });
await client.connect(new StdioClientTransport({ command: binary, args: ['--demo'], stderr: 'ignore' }));

const end = new Date(Date.now() - 86400000);
const start = new Date(end.getTime() - 6 * 86400000);
const day = (d) => d.toISOString().slice(0, 10);

const report = await client.callTool({
  name: 'tiktok_marketing_execute',
  arguments: {
    entity: 'campaigns_reports_daily',
    action: 'list',
    params: { start_date: day(start), end_date: day(end), dimensions: ['campaign_id'], metrics: ['campaign_name', 'spend', 'impressions', 'clicks'] },
  },
});
if (report.isError) {
  console.error(report.content[0].text);
  process.exit(1);
}
const rows = report.structuredContent.data.sort((a, b) => Number(b.spend) - Number(a.spend));
console.log(`Spend by campaign, ${day(start)} to ${day(end)} (demo account):`);
for (const r of rows) console.log(`  ${r.campaign_name.padEnd(32)} ${r.spend.padStart(10)}  ${r.impressions} impressions, ${r.clicks} clicks`);
await client.close();
