// A fake GCE metadata server (plain http on 127.0.0.1, its own port), for the "runs on Google Cloud" path of ADC:
// snippets reach it through GCE_METADATA_HOST / GCE_METADATA_IP. Serves what google-auth
// (google/auth/compute_engine/_metadata.py) and gcp-metadata (node) request:
//   GET /                                                     python's ping (GCE_METADATA_IP)
//   GET /computeMetadata/v1/instance                          gcp-metadata's isAvailable ping
//   GET /computeMetadata/v1/instance/service-accounts/default/?recursive=true   {email, aliases, scopes}
//   GET /computeMetadata/v1/instance/service-accounts/{default|email}/token[?scopes=a,b]   an access token
//   GET /computeMetadata/v1/instance/service-accounts/default/email, …/scopes
//   GET /computeMetadata/v1/project/project-id, numeric-project-id, universe/universe-domain
// Every request needs `Metadata-Flavor: Google` (403 otherwise, as the real server answers); every answer carries
// it (both libraries reject one without). Requests are recorded with kind "metadata"; an unknown path is a problem.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { FakeState } from "./state";
import type { MetadataServerOptions, RecordedRequest } from "./types";

const ROOT = "/computeMetadata/v1";
const DEFAULT_SCOPES = ["https://www.googleapis.com/auth/cloud-platform"];

interface MetadataAnswer {
  status: number;
  json?: unknown;
  text?: string;
}

export interface FakeMetadataServer {
  /** host:port, the value for GCE_METADATA_HOST and GCE_METADATA_IP. */
  host: string;
  email: string;
  projectId: string;
  stop(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export async function startMetadataServer(
  state: FakeState,
  opts: MetadataServerOptions = {},
): Promise<FakeMetadataServer> {
  const email = opts.email ?? "fake-vm@fake-project.iam.gserviceaccount.com";
  const projectId = opts.projectId ?? "fake-project";
  const vmScopes = opts.scopes ?? DEFAULT_SCOPES;

  const token = (rec: RecordedRequest): MetadataAnswer => {
    const asked = (rec.query.find(([k]) => k === "scopes")?.[1] ?? "").split(/[\s,]+/).filter(Boolean);
    const issued = state.issue(
      {
        grantType: "metadata-server",
        clientId: email,
        clientAuth: "metadata-flavor",
        pkce: "none",
        codeVerifierSent: false,
        // Cloud Run / GKE honour ?scopes=; without it the token has the VM's scopes.
        scope: (asked.length ? asked : vmScopes).join(" "),
        principal: email,
      },
      { seq: rec.seq },
    );
    return {
      status: 200,
      json: { access_token: issued.accessToken, expires_in: state.config.lifetime, token_type: "Bearer" },
    };
  };

  const answer = (rec: RecordedRequest): MetadataAnswer => {
    if (rec.headers["metadata-flavor"] !== "Google") {
      state.problem(rec, "metadata", "request without the Metadata-Flavor: Google header");
      return { status: 403, text: "Missing Metadata-Flavor:Google header.\n" };
    }
    rec.auth = "metadata-flavor";
    rec.authorized = true;
    if (rec.method !== "GET") {
      state.problem(rec, "metadata", `unexpected ${rec.method} ${rec.path}`);
      return { status: 405, text: "Method not allowed\n" };
    }
    const p = rec.path.replace(/\/+$/, "");
    const account = /^\/computeMetadata\/v1\/instance\/service-accounts\/([^/]+)(\/.*)?$/.exec(p);
    if (account?.[1] && account[1] !== "default" && decodeURIComponent(account[1]) !== email) {
      return { status: 404, text: `service account ${account[1]} not found\n` };
    }
    const sub = account ? (account[2] ?? "") : undefined;
    if (p === "") return { status: 200, text: "computeMetadata/\n" };
    if (p === `${ROOT}/instance`)
      return { status: 200, text: "attributes/\nhostname\nid\nservice-accounts/\nzone\n" };
    if (sub === "") {
      if (rec.query.some(([k, v]) => k === "recursive" && v === "true"))
        return { status: 200, json: { aliases: ["default"], email, scopes: vmScopes } };
      return { status: 200, text: "aliases\nemail\nidentity\nscopes\ntoken\n" };
    }
    if (sub === "/token") return token(rec);
    if (sub === "/email") return { status: 200, text: email };
    if (sub === "/scopes") return { status: 200, text: vmScopes.join("\n") + "\n" };
    if (p === `${ROOT}/project/project-id`) return { status: 200, text: projectId };
    if (p === `${ROOT}/project/numeric-project-id`) return { status: 200, text: "123456789012" };
    if (p === `${ROOT}/universe/universe-domain`) return { status: 200, text: "googleapis.com" };
    state.problem(rec, "metadata", `the fake metadata server has no ${rec.method} ${rec.path}`);
    return { status: 404, text: "Not Found\n" };
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const url = new URL(req.url ?? "/", "http://metadata.invalid");
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers))
        if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
      const rawQuery = url.search.slice(1);
      const rec: RecordedRequest = {
        seq: state.nextSeq(),
        time: Date.now(),
        host: (headers.host ?? "").toLowerCase(),
        method: (req.method ?? "GET").toUpperCase(),
        path: url.pathname,
        rawQuery,
        query: [...new URLSearchParams(rawQuery)],
        url: `http://${headers.host ?? ""}${req.url ?? "/"}`,
        headers,
        body: body.toString("utf8"),
        kind: "metadata",
        authorized: false,
        auth: "none",
        status: 0,
      };
      state.records.push(rec);
      const a = answer(rec);
      rec.status = a.status;
      const out = a.json !== undefined ? JSON.stringify(a.json) : (a.text ?? "");
      res.writeHead(a.status, {
        "metadata-flavor": "Google",
        "content-type": a.json !== undefined ? "application/json" : "application/text",
      });
      res.end(out);
    })().catch((e: unknown) => {
      state.problem(undefined, "metadata", `metadata server threw: ${(e as Error).stack ?? String(e)}`);
      res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    email,
    projectId,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
