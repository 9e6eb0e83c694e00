import { chromium } from "@playwright/test";
import { installSignalHandlers, runCleanup, startNext, onCleanup } from "./processes";
import { scriptSources } from "./measure-js";
(async () => {
  installSignalHandlers();
  const next = await startNext(".next-bench", 3300, "/tmp/inv-next.log");
  const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  onCleanup(() => b.close());
  const p = await (await b.newContext()).newPage();
  const urls: string[] = [];
  p.on("response", (r) => { if (r.request().resourceType() === "script") urls.push(`${r.status()} ${r.url().split("/").pop()}`); });
  const doc = await p.goto(next.origin + "/youtube/v3/youtube.channels.list", { waitUntil: "load" });
  const initial = scriptSources(await doc!.text(), doc!.url());
  console.log([...initial].map((u) => u.split("/").pop()).join(" "));
  console.log(urls.join("\n"));
  await runCleanup();
})();
