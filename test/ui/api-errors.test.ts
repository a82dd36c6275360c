/**
 * Issue 20: the api module turns every failure into a sentence the app wrote; what the bridge or
 * the browser said is kept apart (`raw`), for the details a screen shows only on request.
 */
import { invoke, view } from '@forge/bridge';
import * as api from '../../static/src/shared/api';
import { ApiError, toApiError, UNREACHABLE_MESSAGE } from '../../static/src/shared/api-error';
import { RAW, rawFailure } from './support/raw-error';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: { submit: jest.fn(), close: jest.fn() } }));

const failure = async (promise: Promise<unknown>): Promise<ApiError> => {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
};

describe('api errors', () => {
  test('a bridge call that fails is UNREACHABLE, said in the app words, with the raw text kept apart', async () => {
    jest.mocked(invoke).mockRejectedValueOnce(rawFailure());
    const error = await failure(api.getConfig());
    expect(error.code).toBe('UNREACHABLE');
    expect(error.message).toBe(UNREACHABLE_MESSAGE);
    expect(error.message).not.toContain('Unexpected token');
    expect(error.raw).toBe(RAW);
  });

  test('an answer that is not the envelope is BAD_RESPONSE, naming the call only in the details', async () => {
    jest.mocked(invoke).mockResolvedValueOnce('boom');
    const error = await failure(api.getConfig());
    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.message).toBe(
      "The app's back end sent an answer this page cannot read. Reload the page; if it keeps happening, tell your Jira admin.",
    );
    expect(error.raw).toBe('The answer to config/get is not a result envelope: {"answer":"boom"}');
  });

  test("a resolver's error keeps its message, its code and its details: the resolvers write for the user", async () => {
    const details = { fields: [{ field: 'config.approvalLabel', message: 'is reserved' }] };
    jest.mocked(invoke).mockResolvedValueOnce({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'The settings were not saved.', details },
    });
    const error = await failure(api.getConfig());
    expect([error.code, error.message, error.details, error.raw]).toEqual([
      'INVALID_INPUT',
      'The settings were not saved.',
      details,
      undefined,
    ]);
  });

  test("Jira refusing the gadget's save is said in the app's words, Jira's own kept for the details", async () => {
    jest.mocked(view.submit).mockRejectedValueOnce(new Error("this resource's view is not submittable"));
    const error = await failure(api.saveGadgetConfiguration({ projectKey: 'ISMS' }));
    expect(error.message).toBe('Jira did not save the gadget. Try again; if it keeps happening, reload the dashboard.');
    expect(error.raw).toBe("this resource's view is not submittable");
  });

  test('anything else thrown becomes the same sentence, never its own text', () => {
    const error = toApiError(new TypeError("Cannot read properties of undefined (reading 'fields')"));
    expect(error.message).toBe(UNREACHABLE_MESSAGE);
    expect(error.raw).toBe("Cannot read properties of undefined (reading 'fields')");
    const known = new ApiError('FORBIDDEN', 'You cannot browse project ISMS.');
    expect(toApiError(known)).toBe(known);
  });
});
