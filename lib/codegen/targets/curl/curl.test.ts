import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { shellString } from "../../literals/testing/arbitraries";
import { UnrepresentableInShell } from "../../literals/shell";
import { UnsafeHeaderField } from "@/lib/request/header-field";
import type { HttpRequestSpec } from "@/lib/request/types";
import { MULTIPART_BOUNDARY } from "@/lib/request/build";
import type { JsonValue, MediaSpec } from "@/lib/request/types";
import { youtube } from "@/lib/request/__fixtures__/models";
import { prepareSnippetInput } from "../../prepare";
import { curlTarget } from "./curl";
import { channelsList, runCurlScripts, snippetInput, videosInsert } from "./testing";

const OAUTH = { type: "oauth", scopes: ["https://www.googleapis.com/auth/youtube.readonly"] } as const;

/** youtube.videos.insert through the real prepare/build, so upload tests follow build.ts's contract. */
function upload(body: JsonValue | null, media: MediaSpec) {
  return prepareSnippetInput({
    api: youtube,
    method: videosInsert,
    request: {
      api: "youtube",
      version: "v3",
      method: videosInsert.id,
      params: { part: ["snippet"] },
      body,
      auth: OAUTH,
      media,
    },
  });
}

describe("curlTarget.generate: exact output", () => {
  it("GET with OAuth: the token comes from $ACCESS_TOKEN, everything else single-quoted", () => {
    const input = snippetInput(
      {
        method: "GET",
        url: "https://youtube.googleapis.com/youtube/v3/channels?part=snippet&mine=true",
        headers: { authorization: "Bearer {ACCESS_TOKEN}", accept: "application/json" },
        body: null,
      },
      { auth: OAUTH },
    );
    expect(curlTarget.generate(input)).toBe(
      [
        "# export ACCESS_TOKEN=... from gcloud auth print-access-token or the explorer sign-in",
        "curl --request GET \\",
        "  'https://youtube.googleapis.com/youtube/v3/channels?part=snippet&mine=true' \\",
        '  --header "authorization: Bearer ${ACCESS_TOKEN}" \\',
        "  --header 'accept: application/json'",
        "",
      ].join("\n"),
    );
  });

  it("POST with an API key and a JSON body with quotes and newlines", () => {
    const body = `{\n  "snippet": {"title": "it's $(rm -rf ~) \`x\`"}\n}`;
    const input = snippetInput(
      {
        method: "POST",
        url: "https://youtube.googleapis.com/youtube/v3/playlists?part=snippet",
        headers: { "x-goog-api-key": "{API_KEY}", "content-type": "application/json" },
        body,
      },
      { auth: { type: "apiKey" }, body: { snippet: { title: "it's $(rm -rf ~) `x`" } } },
    );
    expect(curlTarget.generate(input)).toBe(
      [
        "# export GOOGLE_API_KEY=... an API key from the Google Cloud console, APIs and Services, Credentials",
        "curl --request POST \\",
        "  'https://youtube.googleapis.com/youtube/v3/playlists?part=snippet' \\",
        '  --header "x-goog-api-key: ${GOOGLE_API_KEY}" \\',
        "  --header 'content-type: application/json' \\",
        `  --data-raw '{\n  "snippet": {"title": "it'\\''s $(rm -rf ~) \`x\`"}\n}'`,
        "",
      ].join("\n"),
    );
  });

  it("adds Content-Type: application/json for a body when the request has none (curl would say form-urlencoded)", () => {
    const out = curlTarget.generate(
      snippetInput({ method: "PUT", url: "https://x.googleapis.com/v1/a", headers: {}, body: "{}" }),
    );
    expect(out).toContain("--header 'Content-Type: application/json' \\\n  --data-raw '{}'");
  });

  it("HEAD uses --head; an empty header value uses curl's `Name;` form", () => {
    const out = curlTarget.generate(
      snippetInput({
        method: "HEAD",
        url: "https://x.googleapis.com/",
        headers: { "x-empty": "" },
        body: null,
      }),
    );
    expect(out).toBe("curl --head \\\n  'https://x.googleapis.com/' \\\n  --header 'x-empty;'\n");
  });

  it("--download-to: alt=media when no alt is set, --location, --output FILE (methods that support download only)", () => {
    const get = { ...channelsList, supportsMediaDownload: true };
    const http = { method: "GET", url: "https://x.googleapis.com/v1/f?a=1", headers: {}, body: null };
    expect(curlTarget.generate(snippetInput(http, { method: get }), { downloadTo: "it's.jpg" })).toBe(
      [
        "# Saves the media to the file given by --output",
        "curl --request GET \\",
        "  'https://x.googleapis.com/v1/f?a=1&alt=media' \\",
        "  --location \\",
        "  --output 'it'\\''s.jpg'",
        "",
      ].join("\n"),
    );
    const withAlt = curlTarget.generate(
      snippetInput({ ...http, url: "https://x.googleapis.com/v1/f?alt=media" }, { method: get }),
      { downloadTo: "-" },
    );
    expect(withAlt).toContain(
      "'https://x.googleapis.com/v1/f?alt=media' \\\n  --location \\\n  --output './-'\n",
    );
    expect(curlTarget.generate(snippetInput(http), { downloadTo: "x" })).not.toContain("--output");
  });

  it("a URL with [ ] { } gets --globoff (curl would expand them as globs)", () => {
    const out = curlTarget.generate(
      snippetInput({
        method: "GET",
        url: "https://x.googleapis.com/v1/{+name}/[a]",
        headers: {},
        body: null,
      }),
    );
    expect(out).toBe("curl --request GET \\\n  --globoff \\\n  'https://x.googleapis.com/v1/{+name}/[a]'\n");
  });

  it("placeholder text outside the credential headers stays literal", () => {
    const out = curlTarget.generate(
      snippetInput({
        method: "POST",
        url: "https://x.googleapis.com/?q={API_KEY}",
        headers: { "x-other": "Bearer {ACCESS_TOKEN}" },
        body: "{ACCESS_TOKEN}",
      }),
    );
    expect(out).not.toContain("${");
    expect(out).not.toContain("# export");
  });

  it("NUL in a value is refused with the escaper's typed error", () => {
    expect(() =>
      curlTarget.generate(
        snippetInput({ method: "GET", url: "https://x.googleapis.com/?a=\0", headers: {}, body: null }),
      ),
    ).toThrow(UnrepresentableInShell);
  });

  it("media only → uploadType=media with build's headers and --data-binary @FILE", () => {
    const input = upload(null, { fileName: "my video.mp4", mimeType: "video/mp4" });
    expect(curlTarget.generate(input)).toBe(
      [
        "# export ACCESS_TOKEN=... from gcloud auth print-access-token or the explorer sign-in",
        "# Uploads the file as the request body, uploadType=media",
        "curl --request POST \\",
        "  'https://youtube.googleapis.com/upload/youtube/v3/videos?part=snippet&uploadType=media' \\",
        "  --header 'content-type: video/mp4' \\",
        '  --header "authorization: Bearer ${ACCESS_TOKEN}" \\',
        "  --data-binary '@my video.mp4'",
        "",
      ].join("\n"),
    );
  });

  it("body + media → the multipart/related body build.ts describes, written with printf + cat into --data-binary @-", () => {
    const input = upload({ snippet: { title: "T" } }, { fileName: "v.mp4", mimeType: "video/mp4" });
    const b = MULTIPART_BOUNDARY;
    expect(curlTarget.generate(input)).toBe(
      [
        "# export ACCESS_TOKEN=... from gcloud auth print-access-token or the explorer sign-in",
        "# Sends the JSON metadata and the file as one multipart/related body, uploadType=multipart",
        "{",
        `  printf '%s\\r\\n' '--${b}' 'content-type: application/json; charset=UTF-8' '' '{"snippet":{"title":"T"}}' \\`,
        `    '--${b}' 'content-type: video/mp4' ''`,
        "  cat 'v.mp4'",
        `  printf '\\r\\n%s' '--${b}--'`,
        "} | curl --request POST \\",
        "  'https://youtube.googleapis.com/upload/youtube/v3/videos?part=snippet&uploadType=multipart' \\",
        `  --header 'content-type: multipart/related; boundary=${b}' \\`,
        '  --header "authorization: Bearer ${ACCESS_TOKEN}" \\',
        "  --data-binary @-",
        "",
      ].join("\n"),
    );
  });
});

describe("curl commands through a real shell", () => {
  const TOKEN = "ya29.tok'en\"$(touch pwned)`id`${HOME}\\n";
  const KEY = "AIza$(x)'`";

  it.each(["bash", "sh"])("the multipart upload body is byte-exact multipart/related (%s)", (shell) => {
    const file = Buffer.from([0, 1, 2, 255, 13, 10, 0x27, 0x24]);
    const input = upload(
      { snippet: { title: "it's\n$(x)" } },
      { fileName: "-v 'x'.bin", mimeType: "video/*" },
    );
    const [run] = runCurlScripts([curlTarget.generate(input)], {
      shell,
      env: { ACCESS_TOKEN: TOKEN },
      files: { "-v 'x'.bin": file },
    });
    const b = MULTIPART_BOUNDARY;
    expect(run?.argv).toEqual([
      "--request",
      "POST",
      "https://youtube.googleapis.com/upload/youtube/v3/videos?part=snippet&uploadType=multipart",
      "--header",
      `content-type: multipart/related; boundary=${b}`,
      "--header",
      `authorization: Bearer ${TOKEN}`,
      "--data-binary",
      "@-",
    ]);
    const described = input.http.body ?? "";
    const [head, tail] = described.split("<contents of -v 'x'.bin>");
    const want = Buffer.concat([Buffer.from(head ?? ""), file, Buffer.from(tail ?? "")]);
    expect(run?.stdin.toString("hex")).toBe(want.toString("hex"));
    expect(want.toString("latin1")).toContain(
      `--${b}\r\ncontent-type: application/json; charset=UTF-8\r\n\r\n{"snippet":{"title":"it's\\n$(x)"}}\r\n--${b}\r\ncontent-type: video/*\r\n\r\n`,
    );
  });

  it("a media upload reads the file with --data-binary @FILE (a file named - is ./-)", () => {
    const [run] = runCurlScripts([curlTarget.generate(upload(null, { fileName: "-" }))], {
      env: { ACCESS_TOKEN: "t" },
    });
    expect(run?.argv.slice(-4)).toEqual(["--header", "authorization: Bearer t", "--data-binary", "@./-"]);
    expect(run?.argv).toContain("content-type: application/octet-stream");
  });

  const runs = Number(process.env.PROPERTY_RUNS ?? 300);
  const seed = Number(process.env.PROPERTY_SEED ?? Date.now() % 1_000_000);
  // Header names are HTTP tokens (anything else is refused, below); tokens still hold $ ' ` & | ! for the shell.
  const headerName = fc.oneof(
    fc.constantFrom("authorization", "x-goog-api-key", "content-type", "x-goog-api-version"),
    fc.string({ unit: fc.constantFrom(..."!#$%&'*+.^_`|~-aZ09"), minLength: 1 }),
  );
  /** What lib/request/header-field.ts refuses: then the snippet is refused, never a changed request. */
  const refused = (http: HttpRequestSpec): boolean =>
    Object.entries(http.headers).some(
      ([n, v]) => /[\r\n\0]/.test(v) || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(n),
    );
  const request: fc.Arbitrary<HttpRequestSpec> = fc.record({
    method: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"),
    url: fc.oneof(shellString, fc.webUrl({ withQueryParameters: true, withFragments: false })),
    headers: fc
      .array(
        fc.tuple(
          headerName,
          fc.oneof(fc.constantFrom("Bearer {ACCESS_TOKEN}", "{API_KEY}", ""), shellString),
        ),
        { maxLength: 5 },
      )
      .map((entries) => Object.fromEntries(entries)),
    body: fc.option(shellString, { nil: null }),
  });

  /** The argv a correct command passes to curl, from the spec in curl.ts's module comment. */
  function intendedArgv(http: HttpRequestSpec): string[] {
    const argv = http.method === "HEAD" ? ["--head"] : ["--request", http.method];
    if (/[[\]{}]/.test(http.url)) argv.push("--globoff");
    argv.push(http.url);
    for (const [name, value] of Object.entries(http.headers)) {
      const lower = name.toLowerCase();
      if (lower === "authorization" && value === "Bearer {ACCESS_TOKEN}")
        argv.push("--header", `${name}: Bearer ${TOKEN}`);
      else if (lower === "x-goog-api-key" && value === "{API_KEY}") argv.push("--header", `${name}: ${KEY}`);
      else argv.push("--header", value === "" ? `${name};` : `${name}: ${value}`);
    }
    if (http.body !== null) {
      if (!Object.keys(http.headers).some((h) => h.toLowerCase() === "content-type"))
        argv.push("--header", "Content-Type: application/json");
      argv.push("--data-raw", http.body);
    }
    return argv;
  }

  it(`${runs} arbitrary requests: bash and dash pass exactly the intended argv; only the credential variables expand (seed ${seed})`, () => {
    const sampled = fc.sample(request, { numRuns: runs, seed });
    const cases = sampled.filter((http) => !refused(http));
    for (const http of sampled.filter(refused))
      expect(() => curlTarget.generate(snippetInput(http))).toThrow(UnsafeHeaderField);
    expect(cases.length).toBeGreaterThan(runs / 4);
    const scripts = cases.map((http) => curlTarget.generate(snippetInput(http)));
    for (const shell of ["bash", "sh"]) {
      const results = runCurlScripts(scripts, { shell, env: { ACCESS_TOKEN: TOKEN, GOOGLE_API_KEY: KEY } });
      const failures = cases
        .map((http, i) => ({ http, script: scripts[i], got: results[i]?.argv, want: intendedArgv(http) }))
        .filter((f) => JSON.stringify(f.got) !== JSON.stringify(f.want));
      expect({ shell, failures: failures.slice(0, 2) }).toEqual({ shell, failures: [] });
    }
  });

  it("comment lines carry no user value and no shell syntax (zsh runs pasted # lines without interactive_comments)", () => {
    const scripts = [
      ...fc
        .sample(request, { numRuns: 50, seed })
        .filter((http) => !refused(http))
        .map((http) => curlTarget.generate(snippetInput(http))),
      curlTarget.generate(upload({ a: 1 }, { fileName: "$(touch pwned) 'x'.mp4" })),
      curlTarget.generate(upload(null, { fileName: "$(touch pwned) 'x'.mp4" })),
      curlTarget.generate(
        snippetInput({
          method: "GET",
          url: "https://x/",
          headers: { "x-goog-api-key": "{API_KEY}", authorization: "Bearer {ACCESS_TOKEN}" },
          body: null,
        }),
      ),
    ];
    // The comment block leads the script. A later line may also start with `#` when it continues a quoted
    // multi-line value (a body like "…\n#0' …"): that is inside quotes, not a comment, so it is not checked here.
    const leading = (script: string) => {
      const lines = script.split("\n");
      const end = lines.findIndex((l) => !l.startsWith("#"));
      return lines.slice(0, end < 0 ? lines.length : end);
    };
    const comments = scripts.flatMap(leading);
    expect(comments.length).toBeGreaterThan(3);
    for (const line of comments) expect(line).toMatch(/^# [A-Za-z0-9 _=.,:/-]*$/);
  });

  it("a body line starting with # stays part of the quoted value (found by the comment property above)", () => {
    const body = "a\n#0' \\";
    const script = curlTarget.generate(
      snippetInput({ method: "POST", url: "https://x/", headers: {}, body }),
    );
    expect(script.split("\n").some((l) => l.startsWith("#0"))).toBe(true);
    for (const shell of ["bash", "sh"]) {
      const [run] = runCurlScripts([script], { shell, env: { ACCESS_TOKEN: TOKEN, GOOGLE_API_KEY: KEY } });
      expect(run?.argv.at(-1)).toBe(body);
      expect(run?.argv.at(-2)).toBe("--data-raw");
    }
  });

  it("property sanity: the arbitrary really produces hostile values", () => {
    const cases = fc.sample(request, { numRuns: Math.max(runs, 200), seed });
    const all = cases.flatMap((c) => [c.url, c.body ?? "", ...Object.values(c.headers)]).join("");
    for (const s of ["'", "$", "`", "\n", "\\"]) expect(all).toContain(s);
  });

  it("the channels.list example sends the intended argv", () => {
    const input = snippetInput(
      {
        method: "GET",
        url: "https://youtube.googleapis.com/youtube/v3/channels?part=snippet",
        headers: { authorization: "Bearer {ACCESS_TOKEN}" },
        body: null,
      },
      { method: channelsList, auth: OAUTH },
    );
    const [run] = runCurlScripts([curlTarget.generate(input)], { env: { ACCESS_TOKEN: "t" } });
    expect(run?.argv).toEqual([
      "--request",
      "GET",
      "https://youtube.googleapis.com/youtube/v3/channels?part=snippet",
      "--header",
      "authorization: Bearer t",
    ]);
  });
});
