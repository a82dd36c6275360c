import { act } from '@testing-library/react';

/**
 * Runs `action` (a click, a timer tick) inside an async act(), as `act(async () => action())`
 * would: React renders what the action started and the mocked api's answers land before the
 * test goes on.
 */
export function actAsync(action: () => unknown): Promise<void> {
  return act(() => {
    action();
    return Promise.resolve();
  });
}
