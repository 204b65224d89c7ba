// The fake TikTok API program (tests/fakes/fake_tiktok_main.cpp) with its answers read back:
// how many requests it received and what each one asked for (method, API path, decoded query,
// and a POST's body as parsed JSON).

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

import { fakeTikTokBinary } from './support.mjs';

export async function startRecordingFakeTikTok(token) {
  const child = spawn(fakeTikTokBinary, [token], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const first = await lines.next();
  const command = (c) => child.stdin.write(JSON.stringify(c) + '\n');
  const ask = async (c) => {
    command(c);
    return JSON.parse((await lines.next()).value);
  };
  return {
    url: JSON.parse(first.value).url,
    command,
    count: async () => (await ask({ count: true })).requests,
    log: async () => (await ask({ log: true })).log,
    // Killed rather than asked: a stalled answer would otherwise hold it up until the stall ends.
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

// The environment that points the server at the fake, in direct mode.
export function directEnv(fake, token, extra = {}) {
  return {
    TIKTOK_MARKETING_ACCESS_TOKEN: token,
    TIKTOK_MARKETING_ADVERTISER_ID: '7100000000000000001',
    TIKTOK_MARKETING_API_BASE_URL: fake.url,
    ...extra,
  };
}
