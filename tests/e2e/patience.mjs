// How long the end-to-end tests wait for the server. A sanitized build runs several times slower
// (scripts/sanitize.sh sets TMM_TEST_TIME_SCALE), so every wait, and every "promptly" a test
// asserts, grows with it. A normal build waits exactly the milliseconds given.

const scale = Number(process.env.TMM_TEST_TIME_SCALE ?? '1');

export function patience(ms) {
  return ms * scale;
}
