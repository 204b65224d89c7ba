// The JSON-RPC messages the raw end-to-end clients send to open a session, and the messages
// in what the server sends back: a Streamable HTTP reply body (JSON or an event stream) or a
// legacy SSE stream.

export const PROTOCOL_VERSION = '2025-11-25';

export function initializeParams(version = PROTOCOL_VERSION) {
  return { protocolVersion: version, capabilities: {}, clientInfo: { name: 'raw-e2e', version: '1.0.0' } };
}

export function initializeMessage(id = 1, version = PROTOCOL_VERSION) {
  return { jsonrpc: '2.0', id, method: 'initialize', params: initializeParams(version) };
}

export function initializedNotification() {
  return { jsonrpc: '2.0', method: 'notifications/initialized' };
}

// The events of an event stream, each { event, data }: an event ends at a blank line, its data
// lines are joined with "\n", and one space after a field's colon is dropped. Events without
// data are left out, and so is any text after the last blank line (an event not yet ended).
export function sseEvents(text) {
  const blocks = text.replaceAll('\r\n', '\n').split('\n\n');
  blocks.pop();
  const events = [];
  for (const block of blocks) {
    let event = '';
    const data = [];
    for (const line of block.split('\n')) {
      const colon = line.indexOf(':');
      if (colon <= 0) continue; // a comment, or not a field
      const value = line.slice(colon + 1).replace(/^ /, '');
      const name = line.slice(0, colon);
      if (name === 'event') event = value;
      if (name === 'data') data.push(value);
    }
    if (data.length > 0) events.push({ event, data: data.join('\n') });
  }
  return events;
}

// The JSON-RPC messages of an event stream (legacy SSE's endpoint event carries a URL instead).
export function sseMessages(text) {
  return sseEvents(text).filter((e) => e.event !== 'endpoint').map((e) => JSON.parse(e.data));
}

// The JSON-RPC messages of a POST's reply body, whether it came as JSON or as an event stream.
export function replyMessages(contentType, text) {
  if ((contentType ?? '').startsWith('text/event-stream')) return sseMessages(text);
  const body = JSON.parse(text);
  return Array.isArray(body) ? body : [body];
}
