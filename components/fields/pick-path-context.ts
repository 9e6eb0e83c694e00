"use client";

import { createContext } from "react";

import "./fields.css";

/**
 * Set by the workbench around the response viewer: clicking a key in the response adds its path (object keys
 * only; list positions are looked through, as in `files(id)`) to the `fields` parameter. Null: keys are plain.
 */
export const PickPathContext = createContext<((path: readonly string[]) => void) | null>(null);
