import { createServer } from "node:http";
import { connect } from "node:net";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";

import { refuseUnsupportedMethods } from "./refuse-methods";

/** A raw request line: Node's own client cannot send TRACE without a body framing the server rejects. */
const send = (port: number, method: string) =>
  new Promise<{ status: number; allow: string | undefined }>((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () =>
      socket.write(`${method} / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`),
    );
    let text = "";
    socket.on("data", (d) => (text += d.toString()));
    socket.on("end", () =>
      resolve({
        status: Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1] ?? 0),
        allow: /\r\nallow: ([^\r]*)/i.exec(text)?.[1],
      }),
    );
    socket.on("error", reject);
  });

describe("refuseUnsupportedMethods", () => {
  it("answers TRACE with 405 before the app's handler runs, and passes everything else", async () => {
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(req.method ?? "");
      res.end("app");
    });
    refuseUnsupportedMethods(server);
    refuseUnsupportedMethods(server); // idempotent
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    try {
      expect(await send(port, "TRACE")).toEqual({ status: 405, allow: "GET, HEAD, POST" });
      expect((await send(port, "GET")).status).toBe(200);
      expect(seen).toEqual(["GET"]);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
