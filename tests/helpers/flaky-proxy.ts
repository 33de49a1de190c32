/**
 * An HTTP proxy between a test device and the stack's gateway that can fail the way networks
 * and servers do: refuse everything (server down), or let one request reach the server and
 * then lose its response (the server committed, the device never heard).
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type ProxyMode = 'pass' | 'down';

export type FlakyProxy = {
  url: string;
  mode: ProxyMode;
  /** The next request whose body contains `marker` reaches the server; its answer is lost. */
  loseNextResponse: (marker: string) => Promise<void>;
  /** Requests forwarded, by a marker found in their body. */
  forwarded: (marker: string) => number;
  close: () => Promise<void>;
};

export async function startFlakyProxy(targetUrl: string): Promise<FlakyProxy> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  const bodies: string[] = [];
  let lose: { marker: string; resolve: () => void } | undefined;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (proxy.mode === 'down') {
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const text = body.toString();
      bodies.push(text);
      const losing = lose && text.includes(lose.marker) ? lose : undefined;
      if (losing) lose = undefined;
      const upstream = request(
        { hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
        (upstreamRes) => {
          if (losing) {
            // Let the server finish (and commit), then cut the device off without an answer.
            upstreamRes.resume();
            upstreamRes.on('end', () => {
              req.socket.destroy();
              losing.resolve();
            });
            return;
          }
          res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
          upstreamRes.pipe(res);
        },
      );
      upstream.on('error', () => req.socket.destroy());
      upstream.end(body);
    });
  };

  const server = createServer(handle);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const proxy: FlakyProxy = {
    url: `http://127.0.0.1:${port}`,
    mode: 'pass',
    loseNextResponse: (marker) => new Promise<void>((resolve) => (lose = { marker, resolve })),
    forwarded: (marker) => bodies.filter((b) => b.includes(marker)).length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return proxy;
}
