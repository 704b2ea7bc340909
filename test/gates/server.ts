// A static file server for a built site on loopback, as a plain host would serve it: `/x/` is
// `x/index.html`, anything else must be a file; a missing file is a 404 (with 404.html if built).
import { readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".webmanifest": "application/manifest+json",
};

export interface StaticServer {
  origin: string;
  close: () => Promise<void>;
}

async function fileFor(root: string, pathname: string): Promise<string | undefined> {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (path.endsWith("/")) path += "index.html";
  const file = normalize(join(root, path));
  if (!file.startsWith(root + sep)) return undefined; // `..` out of the site
  const info = await stat(file).catch(() => undefined);
  return info?.isFile() ? file : undefined;
}

export async function serveSite(root: string): Promise<StaticServer> {
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? "/", "http://localhost");
    const file = await fileFor(root, pathname);
    const notFound = file ? undefined : await fileFor(root, "/404.html");
    const path = file ?? notFound;
    const body = path ? await readFile(path) : Buffer.from("Not found");
    response.writeHead(file ? 200 : 404, {
      "content-type": path ? (TYPES[extname(path)] ?? "application/octet-stream") : "text/plain",
      "content-length": body.length,
    });
    response.end(request.method === "HEAD" ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
