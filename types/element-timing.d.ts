/**
 * The Element Timing API's attribute (React passes it through; its JSX types do not list it). The method page marks
 * its "Try it" heading, so the UI benchmark can read when the form was first painted.
 * @see https://wicg.github.io/element-timing/#sec-elements-exposed
 */
import "react";

declare module "react" {
  // The type parameter must match React's declaration to merge with it.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface HTMLAttributes<T> {
    elementtiming?: string;
  }
}
