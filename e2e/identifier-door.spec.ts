/**
 * The identifier door on the page (production build, fake Discovery serving testing/hostile-documents): a name one
 * target refuses shows that target's refusal in its code panel while the other targets still show code, and a
 * document whose method key holds a line break is refused as a whole, naming the key.
 */
import { expect, test } from "./fixtures";

test.describe("identifier door", () => {
  test("a resource named _http: the Python tab says why, TypeScript and cURL still show code", async ({
    page,
  }) => {
    await page.goto("/hostile-clobber-resource/v1/hostile-clobber-resource.http.list");
    const panel = page.getByTestId("code-panel");
    await panel.getByRole("tab", { name: "Python" }).click();
    await expect(panel.getByRole("alert")).toHaveText(
      /^No Python code for this request: the resource key "_http" cannot be used in python code: .*overwrite its own attribute _http/,
    );
    for (const tab of ["TypeScript", "cURL"]) {
      await panel.getByRole("tab", { name: tab }).click();
      await expect(panel.getByRole("alert")).toHaveCount(0);
      await expect(panel.locator(".view-lines").first()).toBeVisible();
    }
  });

  test("a method key with a line break: the page says the document is malformed and names the key", async ({
    page,
  }) => {
    await page.goto("/hostile-pyinject-method/v1");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This Discovery document is malformed");
    await expect(
      page.getByText(/Method key "list\\n__import__.*" contains a line break/).first(),
    ).toBeVisible();
  });
});
