/**
 * The fields picker on a production build with the fake Discovery server: ticking response fields
 * writes `fields` in Google's partial-response syntax, which the HTTP preview, every code tab and the share link
 * carry; a PATCH method's update mask is taken from the body; a typed invalid `fields` is flagged where it is wrong
 * and in the request issues.
 */
import type { Locator, Page } from "@playwright/test";

import { resetFake } from "./fake-google";
import { expect, test } from "./fixtures";

const FIELDS = "files(id,name),nextPageToken";

/** The whole current snippet, through the panel's Copy button and the clipboard. */
async function snippetText(page: Page): Promise<string> {
  await page
    .getByTestId("code-panel")
    .getByRole("button", { name: /^Cop(y|ied)$/ })
    .click();
  return page.evaluate(() => navigator.clipboard.readText());
}

/** A field's name in a schema tree (descriptions may mention it in <code> too). */
function key(tree: Locator, name: string): Locator {
  return tree
    .locator("code.sft__key")
    .filter({ hasText: new RegExp(`^${name}$`) })
    .first();
}

async function openFieldsPicker(page: Page) {
  const more = page.locator("details.rf-more");
  if ((await more.getAttribute("open")) === null) await more.locator("summary").first().click();
  const picker = page.locator(".rf-selection", { has: page.locator("#rf-fields") });
  const details = picker.locator("details").first();
  if ((await details.getAttribute("open")) === null)
    await picker.getByText("Pick response fields from the response schema").click();
  const tree = picker.getByRole("group", { name: "Fields for fields" });
  await expect(tree).toBeVisible();
  return { picker, tree };
}

test.describe("fields picker", () => {
  test.beforeEach(async ({ context, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL! });
  });

  test("drive.files.list: ticks write fields; preview, every code tab and the share link carry it", async ({
    page,
  }) => {
    await page.goto("/drive/v3/drive.files.list");
    await expect(page.locator(".workbench[data-hydrated]")).toBeVisible();
    const { tree } = await openFieldsPicker(page);

    await key(tree, "files").click(); // opens File[]
    await tree.getByRole("checkbox", { name: "files.id", exact: true }).check();
    await tree.getByRole("checkbox", { name: "files.name", exact: true }).check();
    await tree.getByRole("checkbox", { name: "nextPageToken", exact: true }).check();
    await expect(page.locator("#rf-fields")).toHaveValue(FIELDS);
    // `files` is partly selected: neither ticked nor a whole-field selection.
    await expect(tree.getByRole("checkbox", { name: "files", exact: true })).not.toBeChecked();

    const preview = page.getByTestId("request-preview");
    await expect
      .poll(async () => decodeURIComponent((await preview.innerText()).replace(/\+/g, " ")))
      .toContain(`fields=${FIELDS}`);

    const panel = page.getByTestId("code-panel");
    for (const [tab, marker, encoded] of [
      ["TypeScript", `fields: '${FIELDS}'`, false],
      ["Python", `fields="${FIELDS}"`, false],
      ["cURL", `fields=${FIELDS}`, true],
      ["HTTP", `fields=${FIELDS}`, true],
    ] as const) {
      await panel.getByRole("tab", { name: tab }).click();
      await expect
        .poll(async () => (encoded ? decodeURIComponent(await snippetText(page)) : snippetText(page)), {
          message: tab,
        })
        .toContain(marker);
    }

    // The share link (the URL mirrors the state) restores the ticks after a reload.
    await expect.poll(() => page.url()).toContain("r=");
    await page.reload();
    await expect(page.locator("#rf-fields")).toHaveValue(FIELDS);
    const again = await openFieldsPicker(page);
    await expect(again.tree.getByRole("checkbox", { name: "nextPageToken", exact: true })).toBeChecked();
    await key(again.tree, "files").click();
    await expect(again.tree.getByRole("checkbox", { name: "files.id", exact: true })).toBeChecked();
    await expect(again.tree.getByRole("checkbox", { name: "files.name", exact: true })).toBeChecked();
    await expect(again.tree.getByRole("checkbox", { name: "files.kind", exact: true })).not.toBeChecked();

    // Unticking the last sub-field of files drops files altogether (an empty "files()" would mean all of it).
    await again.tree.getByRole("checkbox", { name: "files.id", exact: true }).uncheck();
    await again.tree.getByRole("checkbox", { name: "files.name", exact: true }).uncheck();
    await expect(page.locator("#rf-fields")).toHaveValue("nextPageToken");
  });

  test("a typed invalid fields value is marked at its position and listed in the request issues", async ({
    page,
  }) => {
    await page.goto("/drive/v3/drive.files.list");
    await expect(page.locator(".workbench[data-hydrated]")).toBeVisible();
    await openFieldsPicker(page);
    const input = page.locator("#rf-fields");
    const problems = page.getByTestId("selection-problems-fields");
    const issues = page.getByTestId("request-issues");

    await input.fill("files(id,nmae),nextPageToken");
    await expect(problems).toContainText('Unknown field "nmae" in "files" (position 10).');
    await expect(problems.locator("mark")).toHaveText("nmae");
    await expect(issues).toContainText('"fields": Unknown field "nmae"');
    // The typed value ticks the tree: the known field and nextPageToken.
    const tree = page.getByRole("group", { name: "Fields for fields" });
    await expect(tree.getByRole("checkbox", { name: "nextPageToken", exact: true })).toBeChecked();

    await input.fill("files(id");
    await expect(problems).toContainText('The "(" at position 6 is never closed.');
    await expect(issues).toContainText('"fields": The "(" at position 6 is never closed.');

    await input.fill("files(id,name)");
    await expect(problems).toHaveCount(0);
    await expect(issues).toHaveCount(0);
  });

  test("a PATCH method's update mask: the fields present in my body in one click", async ({ page }) => {
    await page.goto("/secretmanager/v1/secretmanager.projects.secrets.patch");
    await expect(page.locator(".workbench[data-hydrated]")).toBeVisible();
    const editor = page.getByTestId("body-editor").locator(".monaco-editor");
    await expect(editor).toBeVisible();
    await editor.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.insertText(
      '{"labels": {"env": "prod"}, "ttl": "3600s", "rotation": {"rotationPeriod": "86400s"}}',
    );
    await page.keyboard.press("Shift+ControlOrMeta+End");
    await page.keyboard.press("Delete");

    const mask = page.locator("#rf-updateMask");
    await page.getByRole("button", { name: "Use the fields in my body" }).click();
    await expect(mask).toHaveValue("labels,ttl,rotation.rotationPeriod");
    await expect
      .poll(async () => decodeURIComponent(await page.getByTestId("request-preview").innerText()))
      .toContain("updateMask=labels,ttl,rotation.rotationPeriod");

    // A typo in the mask is flagged against the body schema.
    await mask.fill("labels,tll");
    await expect(page.getByTestId("selection-problems-updateMask")).toContainText('Unknown field "tll"');
    // Ticking in the body-schema tree writes the mask.
    await mask.fill("");
    const tree = page.getByRole("group", { name: "Fields for updateMask" });
    await tree.getByRole("checkbox", { name: "labels", exact: true }).check();
    await expect(mask).toHaveValue("labels");
  });

  test("the method page shows the response schema as a lazily opened tree", async ({ page }) => {
    await page.goto("/drive/v3/drive.files.list");
    const reference = page.locator("details.schema-details", { hasText: "Response fields" });
    await reference.locator("summary").first().click();
    const tree = reference.getByRole("group", { name: "Response fields (FileList)" });
    await expect(key(tree, "nextPageToken")).toBeVisible();
    await key(tree, "files").click();
    await expect(tree.getByText("File[]")).toBeVisible();
    await expect(tree.locator(".badge", { hasText: "output only" }).first()).toBeVisible();
  });
});

test("a cyclic response schema: the cycle is a link to the open node, prototype keys are fields, descriptions never run", async ({
  page,
}) => {
  await page.goto("/hostile-fields-schema/v1/hostile-fields-schema.animals.get");
  await expect(page.locator(".workbench[data-hydrated]")).toBeVisible();
  const reference = page.locator("details.schema-details", { hasText: "Response fields" });
  await reference.locator("summary").first().click();
  const tree = reference.getByRole("group", { name: "Response fields (Animal)" });
  // parent → Animal is the root itself: a link, not another copy.
  await expect(tree.getByRole("link", { name: "↻ Animal (above)" })).toBeVisible();
  await key(tree, "keeper").click();
  await expect(tree.getByRole("link", { name: "↻ Animal (above)" })).toHaveCount(2); // keeper.favourite
  // Descriptions go through the sanitiser (Markdown rendering is its job): the text shows, the script does not run.
  await expect(tree.getByText(/^A (\*cat\*|cat)\.$/)).toBeVisible();
  await expect(tree.locator(".badge", { hasText: "output only" })).toBeVisible();
  expect(
    await page.evaluate(() => (window as { __pwnedByDescription?: boolean }).__pwnedByDescription),
  ).toBeUndefined();

  // The picker ticks __proto__ like any field, and the cycle can be selected through (parent/name).
  await page.locator("details.rf-more summary").first().click();
  const picker = page.locator(".rf-selection", { has: page.locator("#rf-fields") });
  await picker.getByText("Pick response fields from the response schema").click();
  const fields = picker.getByRole("group", { name: "Fields for fields" });
  await fields.getByRole("checkbox", { name: "__proto__", exact: true }).check();
  await expect(page.locator("#rf-fields")).toHaveValue("__proto__");
  await page.locator("#rf-fields").fill("__proto__,parent/parent/name");
  await expect(page.getByTestId("selection-problems-fields")).toHaveCount(0);
  await page.locator("#rf-fields").fill("parent/parent/nmae");
  await expect(page.getByTestId("selection-problems-fields")).toContainText(
    'Unknown field "nmae" in "parent"',
  );
});

test("compute Instance: the response tree opens quickly (prints the time)", async ({ page }) => {
  await page.goto("/compute/v1/compute.instances.get");
  await expect(page.locator(".workbench[data-hydrated]")).toBeVisible();
  const reference = page.locator("details.schema-details", { hasText: "Response fields" });
  const started = await page.evaluate(() => performance.now());
  await reference.locator("summary").first().click();
  const tree = reference.getByRole("group", { name: "Response fields (Instance)" });
  await expect(key(tree, "networkInterfaces")).toBeVisible();
  const opened = await page.evaluate(() => performance.now());
  // One more level (a list of a deep schema) renders within a frame or two.
  await key(tree, "networkInterfaces").click();
  await expect(key(tree, "accessConfigs")).toBeVisible();
  const expanded = await page.evaluate(() => performance.now());
  console.log(
    `[fields] compute Instance response tree: open ${(opened - started).toFixed(0)} ms (fetch + render), ` +
      `expand networkInterfaces ${(expanded - opened).toFixed(0)} ms`,
  );
  expect(opened - started).toBeLessThan(3_000);
});

test("after Execute, clicking a value's key in the response adds its path to fields", async ({ page }) => {
  await resetFake();
  await page.goto("/drive/v3/drive.files.list");
  await expect(page.locator(".workbench[data-hydrated]")).toBeVisible();
  await page.getByRole("radio", { name: "API key" }).check();
  const run = page.locator("section.wb-run");
  await run.getByLabel("API key").fill("AIzaFakeApiKey-for-tests-000000000000");
  await run.getByRole("button", { name: "Execute GET" }).click();
  await expect(page.getByTestId("response-status")).toContainText("200");
  const response = page.getByTestId("json-tree");
  await response.getByRole("button", { name: '"kind":' }).click();
  await expect(page.locator("#rf-fields")).toHaveValue("kind");
  // A nested value: list positions and objects are looked through into a path (fakeRequest/method).
  await response.getByRole("button", { name: '"method":' }).click();
  await expect(page.locator("#rf-fields")).toHaveValue("kind,fakeRequest/method");
});
