// A request sent from the TEST process through the fake's proxy (negative controls, e2e control calls).
import { readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import tls from "node:tls";
import type { FakeGoogle } from "./types";

/**
 * Sends one HTTPS request through the fake's proxy from the test process itself (CONNECT + TLS trusting the test
 * CA), e.g. for negative controls. Resolves with the status, lower-cased headers and body text.
 */
export function requestThroughFake(
  fake: Pick<FakeGoogle, "proxyUrl" | "caPath">,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const target = new URL(url);
  const proxy = new URL(fake.proxyUrl);
  const port = Number(target.port || 443);
  const ca = [...tls.rootCertificates, readFileSync(fake.caPath, "utf8")];
  return new Promise((resolve, reject) => {
    const connect = http.request({
      host: proxy.hostname,
      port: Number(proxy.port),
      method: "CONNECT",
      path: `${target.hostname}:${port}`,
      headers: { host: `${target.hostname}:${port}` },
    });
    connect.on("error", reject);
    connect.on("connect", (res, socket) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        reject(new Error(`CONNECT answered ${res.statusCode}`));
        return;
      }
      const req = https.request(
        {
          host: target.hostname,
          port,
          method: init.method ?? "GET",
          path: target.pathname + target.search,
          headers: init.headers,
          createConnection: () => tls.connect({ socket, servername: target.hostname, ca }),
        },
        (resp) => {
          const chunks: Buffer[] = [];
          resp.on("data", (c: Buffer) => chunks.push(c));
          resp.on("end", () => {
            const headers: Record<string, string> = {};
            for (const [k, v] of Object.entries(resp.headers))
              if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(", ") : v;
            resolve({ status: resp.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString("utf8") });
          });
          resp.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(init.body);
    });
    connect.end();
  });
}
