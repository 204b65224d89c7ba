// Writes the MCP Registry entry (server.json) for a packed bundle to stdout: the bundle as its
// package, with its SHA-256, stdio transport, and the environment variables the bundle's
// manifest maps its settings to.
//   node packaging/server_json.mjs BUNDLE VERSION RELEASE_URL REGISTRY_NAME
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const [bundle, version, releaseUrl, name] = process.argv.slice(2);
if (!name) {
  console.error("usage: node packaging/server_json.mjs BUNDLE VERSION RELEASE_URL REGISTRY_NAME");
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const manifest = JSON.parse(readFileSync(join(here, "mcpb", "manifest.json.in"), "utf8"));

// "${user_config.access_token}" -> the user_config entry it names
function settingOf(value) {
  const match = /^\$\{user_config\.([a-z_]+)\}$/.exec(value);
  return match ? manifest.user_config[match[1]] : undefined;
}

const environmentVariables = Object.entries(manifest.server.mcp_config.env).map(([envName, value]) => {
  const setting = settingOf(value);
  const variable = { name: envName, description: setting.description, isRequired: false };
  if (setting.type === "boolean") variable.format = "boolean";
  if (setting.sensitive) variable.isSecret = true;
  if (setting.default !== undefined && setting.default !== "") variable.default = String(setting.default);
  return variable;
});

const server = {
  $schema: "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json",
  name,
  title: manifest.display_name,
  description: "TikTok ad accounts for AI agents: campaigns, ads, reports; changes only after a confirmation.",
  version,
  packages: [
    {
      registryType: "mcpb",
      identifier: `${releaseUrl}/${basename(bundle)}`,
      version,
      fileSha256: createHash("sha256").update(readFileSync(bundle)).digest("hex"),
      transport: { type: "stdio" },
      environmentVariables,
    },
  ],
};
process.stdout.write(JSON.stringify(server, null, 2) + "\n");
