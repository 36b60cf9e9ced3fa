/**
 * The `response` namespace: `response.create` (per-response overrides in
 * `response-options.ts`; one response at a time) and `response.cancel`
 * (`response.done` `cancelled`, reason `client_cancelled`; nothing running is
 * `response_cancel_not_active`). Handlers throw `RuntimeError`; the router
 * reports it.
 */
import type { ClientEventOf } from '@parley/protocol';
import type { SessionCore } from '../session/session-core.js';

export function createResponse(core: SessionCore, event: ClientEventOf<'response.create'>): void {
  core.responder.create(event.response);
}

export function cancelResponse(core: SessionCore, event: ClientEventOf<'response.cancel'>): void {
  core.responder.cancel('client_cancelled', event.response_id);
}
