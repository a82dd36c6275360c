/**
 * Hooks that hold a remote call's loading / error / data state, with retry. Components use these
 * (or the api functions directly for actions such as save) and never see the bridge.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  ConfigChange,
  ConfigState,
  DateField,
  IssueReport,
  ProjectReport,
  UserField,
} from '../../../src/contract/invoke';
import * as api from './api';
import { toApiError, type ApiError } from './api-error';

export type Remote<T> = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; data: T };

export interface RemoteHandle<T> {
  state: Remote<T>;
  /** Loads again, showing the loading state (after an error, or on the user's request). */
  retry: () => void;
  /** Replaces the data with what an action returned (e.g. the saved config). */
  setData: (data: T) => void;
}

/**
 * Runs `load` on mount (and on retry) unless `enabled` is false. Answers to an older request are
 * dropped, so a slow first call cannot overwrite a retry's result.
 */
export function useRemote<T>(load: () => Promise<T>, enabled = true): RemoteHandle<T> {
  const [state, setState] = useState<Remote<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  const loadRef = useRef(load);
  // Declared before the loading effect, so that effect always calls the newest `load`.
  useEffect(() => {
    loadRef.current = load;
  }, [load]);

  useEffect(() => {
    if (!enabled) return undefined;
    const request = ++latest.current;
    loadRef.current().then(
      (data) => {
        if (request === latest.current) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (request === latest.current) setState({ status: 'error', error: toApiError(error) });
      },
    );
    return () => {
      // A newer request (or unmount) makes this one stale.
      if (request === latest.current) latest.current += 1;
    };
  }, [attempt, enabled]);

  const retry = useCallback(() => {
    // The loading state shows at once; the effect then starts the new request.
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  const setData = useCallback((data: T) => {
    latest.current += 1;
    setState({ status: 'ready', data });
  }, []);
  return { state, retry, setData };
}

/**
 * The project report. `retry` asks again as a view does (only what changed since the user's last
 * read); `reload` is the user's Reload, which reads every issue from Jira.
 */
export function useProjectReport(): RemoteHandle<ProjectReport> & { reload: () => void } {
  const fullRead = useRef(false);
  const load = useCallback(() => {
    const full = fullRead.current;
    fullRead.current = false;
    return api.getProjectReport(full);
  }, []);
  const handle = useRemote(load);
  const { retry } = handle;
  const reload = useCallback(() => {
    fullRead.current = true;
    retry();
  }, [retry]);
  return { ...handle, reload };
}
export const useIssueReport = (): RemoteHandle<IssueReport> => useRemote(api.getIssueReport);
export const useConfig = (): RemoteHandle<ConfigState> => useRemote(api.getConfig);
export const useConfigHistory = (): RemoteHandle<ConfigChange[]> => useRemote(api.getConfigHistory);
/** Jira's date fields, for admins only (the resolver refuses others). */
export const useDateFields = (enabled: boolean): RemoteHandle<DateField[]> => useRemote(api.getDateFields, enabled);
/** Jira's user-picker fields, for admins only, as the date fields. */
export const useUserFields = (enabled: boolean): RemoteHandle<UserField[]> => useRemote(api.getUserFields, enabled);
/** The site's standard issue type names, for admins only, as the date fields. */
export const useIssueTypes = (enabled: boolean): RemoteHandle<string[]> => useRemote(api.getIssueTypes, enabled);

/** `value`, once it has stopped changing for `delayMs`. */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

export const LABEL_SUGGESTION_DELAY_MS = 300;

/**
 * Jira labels starting like what the admin is typing, asked for once typing pauses. Suggestions
 * are a convenience: a failure is reported as `error`, and typing a label by hand still works.
 */
export function useLabelSuggestions(query: string): { labels: string[]; loading: boolean; error?: ApiError } {
  const debounced = useDebounced(query.trim(), LABEL_SUGGESTION_DELAY_MS);
  const [result, setResult] = useState<{ query: string; labels: string[]; error?: ApiError }>({
    query: '',
    labels: [],
  });
  useEffect(() => {
    if (debounced === '') return undefined;
    let current = true;
    api.suggestLabels(debounced).then(
      (labels) => current && setResult({ query: debounced, labels }),
      (error: unknown) => current && setResult({ query: debounced, labels: [], error: toApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [debounced]);
  const trimmed = query.trim();
  if (trimmed === '') return { labels: [], loading: false };
  const fresh = result.query === trimmed;
  return fresh
    ? { labels: result.labels, loading: false, ...(result.error ? { error: result.error } : {}) }
    : { labels: [], loading: true };
}

export const PICKER_SEARCH_DELAY_MS = 300;

export interface SearchHandle<T> {
  items: T[];
  /** True from the first keystroke until Jira's answer for what is typed now has come. */
  loading: boolean;
  error?: ApiError;
  /** Asks again for what is typed. */
  retry: () => void;
}

/**
 * A picker's search: `search` asked for what is typed once typing pauses, while `enabled`. Only the
 * answer for the text typed now is shown, so a slow answer to an older query never replaces it.
 * `search` must be stable (an api function), or every render would ask again.
 */
export function useJiraSearch<T>(
  search: (query: string) => Promise<T[]>,
  query: string,
  enabled: boolean,
): SearchHandle<T> {
  const typed = query.trim();
  const debounced = useDebounced(typed, PICKER_SEARCH_DELAY_MS);
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<{ query: string; attempt: number; items: T[]; error?: ApiError } | null>(null);
  useEffect(() => {
    // Only once typing has paused on this text: the text passed on the way is never asked about.
    if (!enabled || debounced !== typed) return undefined;
    let current = true;
    search(debounced).then(
      (items) => current && setResult({ query: debounced, attempt, items }),
      (error: unknown) => current && setResult({ query: debounced, attempt, items: [], error: toApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [search, typed, debounced, attempt, enabled]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  if (!enabled) return { items: [], loading: false, retry };
  const fresh = result !== null && result.query === typed && result.attempt === attempt;
  if (!fresh) return { items: [], loading: true, retry };
  return { items: result.items, loading: false, retry, ...(result.error ? { error: result.error } : {}) };
}
