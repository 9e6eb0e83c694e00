import { describe, expect, it } from "vitest";
import { pathTemplateVariables } from "./parameters";

describe("pathTemplateVariables", () => {
  it.each([
    ["youtube/v3/channels", []],
    ["v1/{+name}", ["name"]],
    ["v1/{+parent}/animals/{animalId}:get", ["parent", "animalId"]],
    ["calendars/{calendarId}/events/{eventId}", ["calendarId", "eventId"]],
    ["x/{a,b}/{#c}/{list*}/{short:3}/{a}", ["a", "b", "c", "list", "short"]],
  ])("%s", (path, want) => expect(pathTemplateVariables(path)).toEqual(want));
});
