// Loaded into every server process (`node --import ./scripts/http-guard.mjs`, as `npm start` and
// `npm run dev` do) before Next.js starts, it sees each request first:
//
// - It stamps the socket's peer address on the request as `x-hourglass-socket-address`,
//   overwriting any such header a client sent. Next.js passes on X-Forwarded-For as the client
//   wrote it, so without this the app could not tell a real address from a made-up one
//   (lib/auth/client-address.ts reads it, and X-Forwarded-For only when TRUST_PROXY says so).
// - It answers a path that cannot be percent-decoded (`/customers/%E0%80`) with 400 itself: Next.js
//   fails to decode it before any of the app's code runs and answers 500.
import http from "node:http";

const SOCKET_ADDRESS_HEADER = "x-hourglass-socket-address";

function decodable(url) {
  try {
    decodeURIComponent((url ?? "/").split("?")[0]);
    return true;
  } catch {
    return false;
  }
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>This address is not valid · Hourglass</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; color: #0f172a">
<h1 style="font-size: 1.25rem">This address is not valid</h1>
<p>Part of it is not properly encoded, so there is no page to show. Check the link, or start again from the overview.</p>
<p><a href="/" style="color: #1d4ed8">Go to the overview</a></p>
</body></html>`;

function answerBadPath(request, response) {
  const api = (request.url ?? "").startsWith("/api/");
  const body = api
    ? JSON.stringify({
        error: {
          code: "invalid_path",
          message: "The path is not valid: part of it is not properly percent-encoded.",
        },
      })
    : PAGE;
  response.writeHead(400, {
    "Content-Type": api ? "application/json" : "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "Content-Length": Buffer.byteLength(body),
  });
  response.end(body);
}

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, request, response, ...rest) {
  if (event === "request") {
    request.headers[SOCKET_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "";
    if (!decodable(request.url)) {
      answerBadPath(request, response);
      return true;
    }
  }
  return emit.call(this, event, request, response, ...rest);
};
