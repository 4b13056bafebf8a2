// A bridge double derived from the window API's table: every call is recorded and answered (a
// default answer per call, or the test's own), every push can be sent by the test, and, like the
// browser bridge, it can report its connection dropping and coming back. A call added to the
// table is faked here without a change: tests that do not use it never notice it.
import {
  CALL_NAMES,
  PUSH_NAMES,
  pushListenerName,
  type CallHandlers,
  type CallInput,
  type CallName,
  type GandiStatusApi,
  type PushName,
  type PushPayload,
} from '../../common/window-api';
import type { LinkEvent, WindowBridge } from '../../renderer/src/window-bridge';

type Listener<T> = (value: T) => void;

export type FakeAnswers = Partial<{ [K in CallName]: (input: CallInput<K>) => unknown }>;

export function createFakeBridge(answers: FakeAnswers) {
  const calls = Object.fromEntries(CALL_NAMES.map((name) => [name, []])) as unknown as { [K in CallName]: CallInput<K>[] };
  const listeners = Object.fromEntries(PUSH_NAMES.map((name) => [name, new Set<Listener<unknown>>()])) as Record<PushName, Set<Listener<unknown>>>;
  const linkListeners = new Set<Listener<LinkEvent>>();

  const bridge: Record<string, unknown> = {
    onConnection: (listener: Listener<LinkEvent>) => {
      linkListeners.add(listener);
      return () => void linkListeners.delete(listener);
    },
  };
  for (const name of CALL_NAMES) {
    bridge[name] = async (input?: unknown) => {
      (calls[name] as unknown[]).push(input);
      const answer = answers[name] as ((value: unknown) => unknown) | undefined;
      if (answer === undefined) throw new Error(`${name} is not faked in this test`);
      return answer(input);
    };
  }
  for (const push of PUSH_NAMES) {
    bridge[pushListenerName(push)] = (listener: Listener<unknown>) => {
      listeners[push].add(listener);
      return () => void listeners[push].delete(listener);
    };
  }

  const push = <K extends PushName>(kind: K, value: PushPayload<K> | unknown) => {
    for (const listener of listeners[kind]) listener(value);
  };
  const link = (state: LinkEvent['state']) => {
    for (const listener of linkListeners) listener({ state });
  };
  return { api: bridge as GandiStatusApi & Required<Pick<WindowBridge, 'onConnection'>>, calls, listeners, linkListeners, push, link };
}

export type { CallHandlers };
