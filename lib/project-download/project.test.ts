import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";

import { loadAllFixtures, loadFixture } from "../codegen/__fixtures__/load";
import { generateSnippet } from "../codegen/registry";
import { TARGET_IDS, type TargetId } from "../codegen/types";
import { buildProject, projectName, PYTHON_REQUIREMENTS, type ProjectInput } from "./project";
import { NODE_MIN_VERSION, PYTHON_MIN_VERSION } from "./runtimes";
import { zipProject } from "./zip";

function project(fixture: string, target: TargetId): ProjectInput {
  const f = loadFixture(fixture);
  if (f.input === null) throw new Error(`fixture ${fixture} needs ${f.docPath}`);
  return { target, snippet: generateSnippet(target, f.input, f.options), input: f.input, options: f.options };
}

const file = (p: ReturnType<typeof buildProject>, path: string): string => {
  const found = p.files.find((f) => f.path === path);
  if (!found) throw new Error(`no ${path} in ${p.files.map((f) => f.path).join(", ")}`);
  return found.content;
};

describe("projectName", () => {
  it.each([
    ["youtube.channels.list", "python", "youtube-channels-list-python"],
    [
      "zoo.well-known.getOpenid-configuration",
      "typescript",
      "zoo-well-known-getopenid-configuration-typescript",
    ],
    ["zoo.-.lookup", "curl", "zoo-lookup-curl"],
    ["...", "http", "snippet-http"],
  ] as const)("%s (%s) → %s", (id, target, want) => expect(projectName(id, target)).toBe(want));
});

describe("buildProject", () => {
  it("TypeScript: snippet.mts, package.json with googleapis ^188 and tsx, README, .gitignore", () => {
    const p = buildProject(project("zoo-animals-list-params", "typescript"));
    expect(p.name).toBe("zoo-zoos-animals-list-typescript");
    expect(p.files.map((f) => f.path)).toEqual(["README.md", "package.json", "snippet.mts", ".gitignore"]);
    const pkg = JSON.parse(file(p, "package.json")) as Record<string, unknown>;
    expect(pkg).toMatchObject({
      name: "zoo-zoos-animals-list-typescript",
      private: true,
      type: "module",
      scripts: { start: "tsx snippet.mts" },
      dependencies: { googleapis: "^188.0.0" },
    });
    expect(pkg.devDependencies).toHaveProperty("tsx");
    expect(file(p, "snippet.mts")).toContain("from 'googleapis'");
    const readme = file(p, "README.md");
    expect(readme).toContain("npx tsx snippet.mts");
    expect(readme).toContain("npm install");
  });

  it("Python: snippet.py and requirements.txt with the proven ranges", () => {
    const p = buildProject(project("zoo-animals-list-params", "python"));
    expect(p.files.map((f) => f.path)).toEqual(["README.md", "requirements.txt", "snippet.py", ".gitignore"]);
    expect(file(p, "requirements.txt")).toBe(
      "google-api-python-client>=2.201,<3\ngoogle-auth-oauthlib>=1.5,<2\n",
    );
    expect(PYTHON_REQUIREMENTS).toHaveLength(2);
    expect(file(p, "README.md")).toContain("pip install -r requirements.txt");
    expect(file(p, "README.md")).toContain("python snippet.py");
  });

  it("OAuth README explains the Desktop-app client and credentials.json step by step", () => {
    const readme = file(buildProject(project("zoo-animals-list-params", "python")), "README.md");
    expect(readme).toContain(
      "Google Cloud console → APIs & Services → Credentials → Create credentials → OAuth client ID →",
    );
    expect(readme).toContain("**Desktop app**");
    expect(readme).toContain("Download JSON");
    expect(readme).toContain("`credentials.json`");
    expect(readme).toContain("Test users");
    expect(readme).toContain("https://www.googleapis.com/auth/");
  });

  it("a headless OAuth project ships the pasted-address snippet and its README says how to sign in", () => {
    for (const target of ["python", "typescript"] as const) {
      const p = buildProject(project("youtube-channels-list-headless", target));
      const readme = file(p, "README.md");
      expect(readme).toContain("No browser on this machine");
      expect(readme).toContain("http://localhost:8080/?code=…&state=…");
      expect(readme).not.toContain("loopback flow");
      expect(readme).not.toContain("opens the browser");
      expect(file(p, target === "python" ? "snippet.py" : "snippet.mts")).toContain("http://localhost:8080/");
    }
  });

  it("token caching is explained only when chosen", () => {
    const cached = file(
      buildProject(project("zoo-animals-patch-nasty-body-token-cache", "python")),
      "README.md",
    );
    expect(cached).toContain("caches your tokens in `token.json`");
    const plain = file(buildProject(project("zoo-animals-list-params", "python")), "README.md");
    expect(plain).not.toContain("caches your tokens");
  });

  it("API key and no-auth READMEs", () => {
    const key = file(buildProject(project("zoo-animals-list-all-pages-apikey", "typescript")), "README.md");
    expect(key).toContain("Create credentials → API key");
    expect(key).toContain("export GOOGLE_API_KEY=...");
    expect(key).not.toContain("credentials.json` in this folder");
    expect(key).toContain("Fetches every page");
    const none = file(buildProject(project("zoo-well-known-none", "python")), "README.md");
    expect(none).toContain("needs no credentials");
  });

  it("media upload and download notes", () => {
    const up = file(buildProject(project("zoo-animals-create-upload", "python")), "README.md");
    expect(up).toMatch(/Uploads `[^`]+`: put that file in this folder/);
    const down = file(buildProject(project("zoo-animals-getphoto-download", "typescript")), "README.md");
    expect(down).toMatch(/Saves the downloaded media to `[^`]+`/);
  });

  it("cURL and HTTP projects: request file, README with the access token", () => {
    const curl = buildProject(project("zoo-animals-list-params", "curl"));
    expect(curl.files.map((f) => f.path)).toEqual(["README.md", "request.sh", ".gitignore"]);
    expect(curl.files.find((f) => f.path === "request.sh")?.mode).toBe(0o755);
    expect(file(curl, "README.md")).toContain("export ACCESS_TOKEN=...");
    const http = buildProject(project("zoo-animals-list-params", "http"));
    expect(http.files.map((f) => f.path)).toEqual(["README.md", "request.http", ".gitignore"]);
  });

  it("never ships credentials: no credentials.json/token.json files, .gitignore lists them", () => {
    for (const f of loadAllFixtures()) {
      if (f.input === null) continue;
      for (const target of TARGET_IDS) {
        const p = buildProject({
          target,
          snippet: generateSnippet(target, f.input, f.options),
          input: f.input,
          options: f.options,
        });
        const paths = p.files.map((x) => x.path);
        expect(paths).not.toContain("credentials.json");
        expect(paths).not.toContain("token.json");
        expect(file(p, ".gitignore")).toMatch(/^credentials\.json$/m);
        for (const x of p.files) {
          expect(x.content, `${f.name}/${target}/${x.path}`).not.toMatch(
            /ya29\.|AIza[0-9A-Za-z_-]{20}|GOCSPX-/,
          );
          expect(x.content, `${f.name}/${target}/${x.path}`).not.toMatch(/"client_secret"\s*:\s*"/);
        }
        // The snippet goes in verbatim.
        expect(file(p, paths[paths.length - 2]!).trimEnd()).toBe(
          generateSnippet(target, f.input, f.options).trimEnd(),
        );
      }
    }
  });
});

describe("downloaded projects tell the truth", () => {
  it("READMEs name the runtimes the pinned packages require (runtimes.test.ts checks the metadata)", () => {
    const py = file(buildProject(project("zoo-animals-list-params", "python")), "README.md");
    expect(py).toContain(`Python ${PYTHON_MIN_VERSION} or later`);
    expect(py).not.toContain("Python 3.9");
    const ts = file(buildProject(project("zoo-animals-list-params", "typescript")), "README.md");
    expect(ts).toContain(`Node.js ${NODE_MIN_VERSION} or later`);
    expect(ts).not.toContain("Node.js 20");
    expect(
      JSON.parse(file(buildProject(project("zoo-animals-list-params", "typescript")), "package.json")),
    ).toMatchObject({
      engines: { node: `>=${NODE_MIN_VERSION}` },
    });
  });

  it(".gitignore keeps the virtualenv (Python) and node_modules (TypeScript) out of git", () => {
    expect(file(buildProject(project("zoo-animals-list-params", "python")), ".gitignore")).toMatch(
      /^\.venv\/$/m,
    );
    expect(file(buildProject(project("zoo-animals-list-params", "typescript")), ".gitignore")).toMatch(
      /^node_modules\/$/m,
    );
  });

  it("an API-key or no-auth Python project does not install google-auth-oauthlib", () => {
    for (const fixture of ["zoo-animals-list-all-pages-apikey", "zoo-well-known-none"]) {
      const p = buildProject(project(fixture, "python"));
      expect(file(p, "requirements.txt"), fixture).toBe("google-api-python-client>=2.201,<3\n");
      expect(file(p, "README.md"), fixture).not.toContain("google-auth-oauthlib");
      // The snippet's own "# Install:" line agrees with requirements.txt.
      expect(file(p, "snippet.py"), fixture).not.toContain("google-auth-oauthlib");
    }
    expect(file(buildProject(project("zoo-animals-list-params", "python")), "requirements.txt")).toContain(
      "google-auth-oauthlib",
    );
  });

  it("a README without token caching never mentions token.json", () => {
    for (const target of TARGET_IDS) {
      const readme = file(buildProject(project("zoo-animals-list-params", target)), "README.md");
      expect(readme, target).not.toContain("token.json");
    }
    const cached = file(
      buildProject(project("zoo-animals-patch-nasty-body-token-cache", "python")),
      "README.md",
    );
    expect(cached).toContain("token.json");
  });

  it("every export line has a PowerShell line next to it", () => {
    const readmes = [
      file(buildProject(project("zoo-animals-list-all-pages-apikey", "typescript")), "README.md"),
      file(buildProject(project("zoo-animals-list-all-pages-apikey", "curl")), "README.md"),
      file(buildProject(project("zoo-animals-list-params", "curl")), "README.md"),
    ];
    for (const readme of readmes) {
      const exports = readme.match(/export ([A-Z_]+)=\.\.\./g) ?? [];
      expect(exports.length, readme).toBeGreaterThan(0);
      for (const e of exports) {
        const name = e.slice("export ".length, e.indexOf("="));
        expect(readme).toContain(`$env:${name}="..."`);
      }
    }
  });

  it("the access-token hint offers gcloud only for methods that accept cloud-platform", () => {
    const gmail = file(buildProject(project("gmail-users-messages-list-all-pages", "curl")), "README.md");
    expect(gmail).not.toMatch(/with `gcloud auth print-access-token`|From `gcloud/);
    expect(gmail).toContain("OAuth 2.0 Playground");
    const sheets = file(buildProject(project("sheets-spreadsheets-values-get", "http")), "README.md");
    expect(sheets).toContain("Not from `gcloud auth print-access-token`");
    const secret = file(buildProject(project("secretmanager-versions-access", "curl")), "README.md");
    expect(secret).toContain("From `gcloud auth print-access-token`");
  });
});

describe("zipProject", () => {
  it("puts every file in one folder and round-trips the contents", () => {
    const p = buildProject(project("zoo-animals-list-params", "typescript"));
    const zip = zipProject(p);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(p.files.map((f) => `${p.name}/${f.path}`).sort());
    for (const f of p.files) expect(strFromU8(files[`${p.name}/${f.path}`]!)).toBe(f.content);
  });

  it("is deterministic", () => {
    const p = buildProject(project("zoo-animals-list-params", "python"));
    expect(zipProject(p)).toEqual(zipProject(p));
  });
});
