import { describe, expect, it } from 'vitest';
import { createReachabilityStore, fetchNotingReachability } from './reachability';

const answered = async () => new Response('[]', { status: 200 });
const refused = async () => new Response('{"message":"denied"}', { status: 403 });
const noNetwork = async (): Promise<Response> => {
  throw new TypeError('Failed to fetch');
};
const aborted = async (): Promise<Response> => {
  throw new DOMException('The operation was aborted.', 'AbortError');
};

describe('server reachability', () => {
  it('turns unreachable when a request gets no answer, and reachable again on the next answer', async () => {
    const store = createReachabilityStore();
    await expect(fetchNotingReachability(store, noNetwork)('https://api.test/rest/v1/x')).rejects.toThrow('Failed to fetch');
    expect(store.getState().reachable).toBe(false);
    const response = await fetchNotingReachability(store, answered)('https://api.test/rest/v1/x');
    expect(await response.json()).toEqual([]);
    expect(store.getState().reachable).toBe(true);
  });

  it('counts an error status as an answer: the server is there', async () => {
    const store = createReachabilityStore();
    store.setState({ reachable: false });
    expect((await fetchNotingReachability(store, refused)('https://api.test/rest/v1/x')).status).toBe(403);
    expect(store.getState().reachable).toBe(true);
  });

  it('leaves the state alone when the app itself aborts a request', async () => {
    const store = createReachabilityStore();
    await expect(fetchNotingReachability(store, aborted)('https://api.test/rest/v1/x')).rejects.toThrow('aborted');
    expect(store.getState().reachable).toBe(true);
  });
});
