/** Test helper: the zoo fixture as a deep-frozen raw document and as an ApiModel. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { deepFreeze } from "../freeze";
import { buildApiModel } from "../model";
import type { RawRestDescription } from "../types";

export const ZOO_PATH = join(__dirname, "zoo.json");
export const zooText = (): string => readFileSync(ZOO_PATH, "utf8");
export const zooDoc = (): RawRestDescription => deepFreeze(JSON.parse(zooText()) as RawRestDescription);
export const zooApi = () => buildApiModel(zooDoc());
