import { Hono } from 'hono';
import { checkRule } from './faults.js';
import type { EmulatorState } from './state.js';

/**
 * Routes for tests: `/__admin/reset` restores the seeded state, `/__admin/requests` lists received
 * calls with credentials masked, `/__admin/faults` lists, adds (POST a rule or a list) and clears
 * (DELETE) injected faults.
 */
export function adminRoutes(state: EmulatorState): Hono {
  const admin = new Hono();
  admin.post('/reset', (c) => {
    state.reset();
    return c.json({ ok: true });
  });
  admin.get('/requests', (c) => c.json(state.requests.list()));
  admin.delete('/requests', (c) => {
    state.requests.clear();
    return c.json({ ok: true });
  });
  admin.get('/faults', (c) => c.json(state.faults.list()));
  admin.delete('/faults', (c) => {
    state.faults.clear();
    return c.json({ ok: true });
  });
  admin.post('/faults', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ error: 'The body must be a JSON fault rule or a list of rules.' }, 400);
    }
    try {
      const rules = (Array.isArray(body) ? body : [body]).map(checkRule);
      state.faults.add(rules);
    } catch (error) {
      return c.json({ error: error instanceof Error ? error.message : String(error) }, 400);
    }
    return c.json(state.faults.list());
  });
  return admin;
}
