// The environment the end-to-end tests give a server they start: PATH and what the test sets,
// nothing else from the shell that runs them (no real token can reach a test server), except the
// sanitizer settings of a sanitized build (scripts/sanitize.sh), so that a server's sanitizer
// report lands in the folder that script checks instead of only on the server's stderr.

export function serverEnv(extra = {}) {
  const env = { PATH: process.env.PATH };
  for (const [name, value] of Object.entries(process.env)) {
    if (name.endsWith('SAN_OPTIONS')) env[name] = value;
  }
  return { ...env, ...extra };
}
