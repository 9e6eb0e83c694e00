// A throw-away certificate authority for the fake Google's TLS interception.
// Generated once per checkout with mockttp's generateCACertificate and cached under
// `<project>/.cache/fake-google/ca.{pem,key}` (`.cache/` is gitignored). Snippet processes trust it through
// NODE_EXTRA_CA_CERTS / HTTPLIB2_CA_CERTS / REQUESTS_CA_BUNDLE; nothing outside the test harness ever does.
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateCACertificate } from "mockttp";

/** Absolute path of the project root (this file lives in `<root>/testing/fake-google/`). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const FAKE_GOOGLE_CACHE_DIR = path.join(PROJECT_ROOT, ".cache", "fake-google");

export interface TestCa {
  /** PEM certificate (what clients must trust). */
  cert: string;
  /** PEM private key (only the proxy needs it). */
  key: string;
  certPath: string;
  keyPath: string;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

async function readCa(certPath: string, keyPath: string): Promise<TestCa | undefined> {
  if (!(await exists(certPath)) || !(await exists(keyPath))) return undefined;
  const [cert, key] = await Promise.all([readFile(certPath, "utf8"), readFile(keyPath, "utf8")]);
  if (!cert.includes("BEGIN CERTIFICATE") || !key.includes("PRIVATE KEY")) return undefined;
  return { cert, key, certPath, keyPath };
}

/**
 * Returns the cached test CA, generating it on first use. Safe against concurrent callers (vitest workers):
 * a lock directory serialises generation, and files are written via rename so a reader never sees half a pair.
 */
export async function ensureTestCa(dir: string = FAKE_GOOGLE_CACHE_DIR): Promise<TestCa> {
  const certPath = path.join(dir, "ca.pem");
  const keyPath = path.join(dir, "ca.key");
  const cached = await readCa(certPath, keyPath);
  if (cached) return cached;

  await mkdir(dir, { recursive: true });
  const lock = path.join(dir, "ca.lock");
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      // Someone else is generating. Wait for them, or break a stale lock.
      const ready = await readCa(certPath, keyPath);
      if (ready) return ready;
      try {
        const st = await stat(lock);
        if (Date.now() - st.mtimeMs > 30_000) await rm(lock, { recursive: true, force: true });
      } catch {
        /* lock vanished: retry */
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for CA lock ${lock}`);
      await sleep(50);
    }
  }
  try {
    const again = await readCa(certPath, keyPath);
    if (again) return again;
    const { cert, key } = await generateCACertificate({
      subject: {
        commonName: "Fake Google Test CA (api-explorer tests only)",
        organizationName: "api-explorer testing",
      },
      bits: 2048,
    });
    const suffix = `.${process.pid}.tmp`;
    await writeFile(keyPath + suffix, key, { mode: 0o600 });
    await writeFile(certPath + suffix, cert);
    // key first: readers require both files, and the pem appearing last marks the pair complete
    await rename(keyPath + suffix, keyPath);
    await rename(certPath + suffix, certPath);
    return { cert, key, certPath, keyPath };
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}
