"use client";

import { useEffect } from "react";

import { takeEarlyInput } from "@/components/workbench/adopt-early-input";

/**
 * Stops the early-input recorder (app/layout.tsx) once the page has hydrated. A method page's workbench has taken
 * what it recorded by then (in a layout effect, which runs before this passive one); other pages adopt nothing.
 */
export function EarlyInputDone() {
  useEffect(() => {
    takeEarlyInput();
  }, []);
  return null;
}
