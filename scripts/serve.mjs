// A small static server for the demo and the browser tests (no dependencies).
//
//   node scripts/serve.mjs [--port 8080] [--host 127.0.0.1] [--dist dist]
//
// Serves dist/ (or --dist) at /, and tests/fixtures/ at /fixtures/ (test host
// pages). Like a production host it applies the release's cache policy from
// `<dist>/_headers` (Netlify / Cloudflare Pages format; other files are
// `no-store`), and sends the precompressed `.br` / `.gz` twin of a file when
// the request's Accept-Encoding allows (as nginx's brotli_static and
// gzip_static do), with `Vary: Accept-Encoding`. A fixture page may carry
// extra response headers in a neighbouring `<name>.headers.json` file (used
// for the strict-CSP page). Under /__test/ it simulates misbehaving article
// servers for the failure tests (see `misbehave` below); every such response
// ends within a minute. With --port 0 it picks a free port; the line it
// prints names the address.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CONTENT_TYPES } from "./content-types.mjs";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const port = Number(arg("port", process.env.PORT || 8080));
const host = arg("host", "127.0.0.1");
const dist = resolve(arg("dist", join(root, "dist")));

const types = CONTENT_TYPES;

const mounts = [
  ["/fixtures/", join(root, "tests", "fixtures")],
  ["/", dist],
];

/**
 * The rules of `<dist>/_headers`: `[pattern, {header: value}]`, read on every
 * request (a redeploy replaces the file). A pattern is a path, `*` matching
 * any run of characters; every matching rule applies.
 */
async function headerRules() {
  let text;
  try {
    text = await readFile(join(dist, "_headers"), "utf8");
  } catch {
    return [];
  }
  const rules = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const pattern = new RegExp(`^${line.trim().split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
      rules.push([pattern, {}]);
    } else if (rules.length && line.includes(":")) {
      const i = line.indexOf(":");
      rules[rules.length - 1][1][line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
    }
  }
  return rules;
}

/** The twin to send for `file`: `[suffix, encoding]`, or null for the file itself. */
async function twin(file, acceptEncoding = "") {
  const accepted = new Set();
  for (const part of acceptEncoding.toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name.trim());
  }
  for (const [suffix, encoding] of [[".br", "br"], [".gz", "gzip"]]) {
    if (!accepted.has(encoding) && !accepted.has("*")) continue;
    try {
      await stat(file + suffix);
      return [suffix, encoding];
    } catch {
      // No twin of this kind.
    }
  }
  return null;
}

/** Whether `file` has precompressed twins (its response varies by encoding). */
async function hasTwins(file) {
  try {
    await stat(`${file}.gz`);
    return true;
  } catch {
    return false;
  }
}

async function find(pathname) {
  for (const [prefix, dir] of mounts) {
    if (!pathname.startsWith(prefix)) continue;
    const rel = normalize(decodeURIComponent(pathname.slice(prefix.length)));
    if (rel.startsWith("..")) return null;
    let file = join(dir, rel);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      await stat(file);
      return file;
    } catch {
      return null;
    }
  }
  return null;
}

const seed = () => readFile(join(root, "www", "articles", "four-officers.json"));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Article servers behaving badly, for tests/e2e/failures.spec.mjs. */
async function misbehave(url, req, res) {
  const headers = { "access-control-allow-origin": "*", "cache-control": "no-store", "content-type": "application/json" };
  switch (url.pathname) {
    case "/__test/trickle": {
      // The seed article, in 20 slices over about two seconds.
      const body = await seed();
      res.writeHead(200, headers);
      const step = Math.ceil(body.length / 20);
      for (let i = 0; i < body.length && !res.destroyed; i += step) {
        res.write(body.subarray(i, i + step));
        await sleep(Number(url.searchParams.get("ms") || 100));
      }
      res.end();
      return;
    }
    case "/__test/never": {
      // Headers never come; the socket is closed after a minute at most.
      const timer = setTimeout(() => res.destroy(), 60_000);
      req.on("close", () => clearTimeout(timer));
      return;
    }
    case "/__test/reset":
      req.socket.destroy();
      return;
    case "/__test/huge": {
      // 10 MB of JSON-ish text without a Content-Length, in 64 kB chunks.
      res.writeHead(200, headers);
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      res.write('{"headline":"big","body":[],"pad":"');
      for (let sent = 0; sent < 10 * 1024 * 1024 && !res.destroyed; sent += chunk.length) {
        if (!res.write(chunk)) await new Promise((r) => res.once("drain", r));
      }
      res.end('"}');
      return;
    }
    default:
      res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
  }
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url, `http://${req.headers.host || host}`);
    if (url.pathname.startsWith("/__test/")) {
      await misbehave(url, req, res);
      return;
    }
    if (url.pathname === "/favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    const file = await find(url.pathname);
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
      return;
    }
    const headers = {
      "content-type": types[extname(file)] || "application/octet-stream",
      "cache-control": "no-store",
      "access-control-allow-origin": "*",
    };
    if (file.startsWith(dist)) {
      for (const [pattern, set] of await headerRules()) if (pattern.test(url.pathname)) Object.assign(headers, set);
    }
    try {
      Object.assign(headers, JSON.parse(await readFile(`${file}.headers.json`, "utf8")));
    } catch {
      // No extra headers for this file.
    }
    const encoded = await twin(file, req.headers["accept-encoding"]);
    if (encoded) headers["content-encoding"] = encoded[1];
    if (encoded || (await hasTwins(file))) headers.vary = "Accept-Encoding";
    const body = await readFile(encoded ? file + encoded[0] : file);
    headers["content-length"] = body.length;
    res.writeHead(200, headers).end(req.method === "HEAD" ? undefined : body);
  } catch (e) {
    res.writeHead(500, { "content-type": "text/plain" }).end(String(e));
  }
});

server.listen(port, host, () => {
  console.log(`article-embed demo: http://${host}:${server.address().port}/`);
});
