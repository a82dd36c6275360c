/** JSON request bodies: Jira rejects unknown or mistyped properties with a 400 naming the property. */
import { INVALID_PAYLOAD, jiraError, type SimResponse } from '../http-types';
import { isPlainObject } from '../json';

type CheckedBody = { ok: true; body: Record<string, unknown> } | { ok: false; response: SimResponse };

/** Jira rejects a body with unknown or mistyped properties: 400 naming the property. */
export function checkBody(body: unknown, allowed: Record<string, (v: unknown) => boolean>): CheckedBody {
  if (!isPlainObject(body)) return { ok: false, response: jiraError(400, [INVALID_PAYLOAD]) };
  for (const [name, value] of Object.entries(body)) {
    const check = allowed[name];
    if (!check)
      return { ok: false, response: jiraError(400, [INVALID_PAYLOAD], { [name]: `Unrecognized field "${name}".` }) };
    if (!check(value))
      return {
        ok: false,
        response: jiraError(400, [INVALID_PAYLOAD], { [name]: `The value of "${name}" has the wrong type.` }),
      };
  }
  return { ok: true, body };
}
