import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { pathToFileURL } from "node:url";
import { extname, join, resolve, sep } from "node:path";
import { REPO_ROOT } from "./dashboardWarehouse.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".arrow": "application/vnd.apache.arrow.file",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

export interface ServeOptions {
  /** The built site (default: dist/ of the repository). */
  dist?: string;
  /** Default 127.0.0.1: the site holds business data; it is not for the network at large. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
}

/** The port asked for is taken: says so, and how to pick another. */
export class PortInUseError extends Error {
  constructor(readonly port: number, readonly host: string) {
    super(`port ${port} on ${host} is already in use (another churnwatch start, or another program): pick a free one with --port, e.g. --port ${port === 65_535 ? port - 1 : port + 1}`);
  }
}

/** Resolves when `port` can be listened on at `host` (the server is closed again), else rejects with PortInUseError. */
export function checkPortFree(port: number, host = "127.0.0.1"): Promise<void> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", (e: NodeJS.ErrnoException) => fail(e.code === "EADDRINUSE" ? new PortInUseError(port, host) : e));
    probe.listen(port, host, () => probe.close(() => done()));
  });
}

export interface ServedDashboard {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** The file a URL path names inside dist, or null (outside it, or missing). `/x` serves x.html. */
function fileFor(dist: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split("?")[0]);
  } catch {
    return null;
  }
  const base = resolve(dist, `.${path}`);
  if (base !== dist && !base.startsWith(dist + sep)) return null;
  for (const candidate of [base, join(base, "index.html"), `${base}.html`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/**
 * A tiny static server over the built dashboard (for `npm start` and the browser tests): GET and
 * HEAD only, no directory listings, nothing outside dist. Resolves once it listens.
 */
export function serveDashboard(options: ServeOptions = {}): Promise<ServedDashboard> {
  const dist = resolve(options.dist ?? process.env.CHURNWATCH_DIST ?? join(REPO_ROOT, "dist"));
  if (!existsSync(join(dist, "index.html"))) {
    return Promise.reject(new Error(`${dist} has no index.html: build the dashboard first (npm run build)`));
  }
  const server = createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const file = fileFor(dist, req.url ?? "/");
    if (!file) {
      const notFound = join(dist, "404.html");
      res.writeHead(404, { "content-type": TYPES[".html"] });
      if (existsSync(notFound) && req.method === "GET") createReadStream(notFound).pipe(res);
      else res.end("not found");
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "content-length": statSync(file).size,
      // Hashed asset names change with their content; pages and data are checked each time.
      "cache-control": file.includes(`${sep}_`) ? "public, max-age=31536000, immutable" : "no-cache",
      "x-content-type-options": "nosniff",
    });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((done, fail) => {
    server.once("error", (e: NodeJS.ErrnoException) =>
      fail(e.code === "EADDRINUSE" ? new PortInUseError(options.port ?? 0, options.host ?? "127.0.0.1") : e),
    );
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      const address = server.address();
      if (!address || typeof address === "string") return fail(new Error("server has no TCP address"));
      const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
      done({
        url: `http://${host}:${address.port}/`,
        server,
        close: () => new Promise<void>((closed) => server.close(() => closed())),
      });
    });
  });
}

// `tsx pipelines/dashboard/serveDashboard.ts [port]`: serve dist/ until interrupted.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const served = await serveDashboard({ port: Number(process.argv[2] ?? 3000) });
  process.stderr.write(`churnwatch dashboard: ${served.url} (Ctrl-C to stop)\n`);
}
