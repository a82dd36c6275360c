/** Query parameters as Jira reads them: a bad value is a 400 naming it. */
import { jiraError, type SimRequest, type SimResponse } from '../http-types';

/** A whole-number query parameter within bounds, its default when absent, or the 400 naming it. */
export function intParam(
  req: SimRequest,
  name: string,
  fallback: number,
  least: number,
): { ok: true; value: number } | { ok: false; response: SimResponse } {
  const raw = req.query.get(name);
  if (raw === null) return { ok: true, value: fallback };
  if (!/^-?[0-9]+$/.test(raw) || Number(raw) < least)
    return {
      ok: false,
      response: jiraError(400, [
        `The ${name} value '${raw}' is not valid: it must be a whole number of at least ${least}.`,
      ]),
    };
  return { ok: true, value: Number(raw) };
}

/** A true/false query parameter, false when absent, or the 400 naming it. */
export function boolParam(
  req: SimRequest,
  name: string,
): { ok: true; value: boolean } | { ok: false; response: SimResponse } {
  const raw = req.query.get(name);
  if (raw === null || raw === 'false') return { ok: true, value: false };
  if (raw === 'true') return { ok: true, value: true };
  return { ok: false, response: jiraError(400, [`The ${name} value '${raw}' is not valid: use true or false.`]) };
}
