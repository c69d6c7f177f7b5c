/**
 * Clients generated from the method list (VS Code's `ProxyChannel` idea): one forwarding function per
 * name in api-methods.ts, each handing its method's name and arguments to a transport — IPC in the
 * preload, HTTP in the browser. Nothing here is written per method, and nothing imports zod at run time
 * (the types come from shared/api.ts and are erased), so the sandboxed preload can bundle it.
 */
import { API_METHOD_NAMES, type ApiMethod } from './api-methods';
import type { ApiArgs, ApiResult, WorkbenchMethods } from './api';

/** Carries one call to the backend and resolves to its result. */
export type ApiTransport = <M extends ApiMethod>(method: M, args: ApiArgs<M>) => Promise<ApiResult<M>>;

/** Every backend method, each forwarding its arguments through `transport`. */
export function createApiProxy(transport: ApiTransport): WorkbenchMethods {
  const proxy: PartialMethods = {};
  for (const method of API_METHOD_NAMES) addForwarder(proxy, method, transport);
  if (!hasEveryMethod(proxy)) throw new Error('the API proxy is missing methods');
  return proxy;
}

/** The proxy while it is being filled (written as a mapped type so that `proxy[method]` keeps `M`). */
type PartialMethods = { [M in ApiMethod]?: Forwarder<M> };
type Forwarder<M extends ApiMethod> = (...args: ApiArgs<M>) => Promise<ApiResult<M>>;

function addForwarder<M extends ApiMethod>(proxy: { [P in M]?: Forwarder<P> }, method: M, transport: ApiTransport): void {
  const forward: Forwarder<M> = (...args) => transport(method, args);
  proxy[method] = forward;
}

function hasEveryMethod(proxy: PartialMethods): proxy is WorkbenchMethods {
  return API_METHOD_NAMES.every((method) => typeof proxy[method] === 'function');
}
