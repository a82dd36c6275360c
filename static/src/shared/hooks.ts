/**
 * Hooks that hold a remote call's loading / error / data state, with retry. Components use these
 * (or the api functions directly for actions such as save) and never see the bridge.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConfigChange, ConfigState, DateField, IssueReport, ProjectReport } from '../../../src/contract/invoke';
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

export const useProjectReport = (): RemoteHandle<ProjectReport> => useRemote(api.getProjectReport);
export const useIssueReport = (): RemoteHandle<IssueReport> => useRemote(api.getIssueReport);
export const useConfig = (): RemoteHandle<ConfigState> => useRemote(api.getConfig);
export const useConfigHistory = (): RemoteHandle<ConfigChange[]> => useRemote(api.getConfigHistory);
/** Jira's date fields, for admins only (the resolver refuses others). */
export const useDateFields = (enabled: boolean): RemoteHandle<DateField[]> => useRemote(api.getDateFields, enabled);

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
