/** State every part of the stand-in reads: whether the app is ready, whether it is quitting; and Electron's event object. */
/// <reference types="electron" />

export const lifecycle = { ready: false, quitting: false };

/** An Electron event: `preventDefault()` and `defaultPrevented`, plus the event's own fields. */
export function electronEvent<P extends object>(params: P): Electron.Event<P> {
  let prevented = false;
  // defineProperties, not Object.assign: assign would copy the getter's value once instead of the getter.
  return Object.defineProperties(
    { ...params },
    {
      preventDefault: { value: () => void (prevented = true) },
      defaultPrevented: { get: () => prevented },
    },
  ) as Electron.Event<P>;
}
