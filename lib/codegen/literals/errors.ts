/** Thrown when a JSON value cannot be written as a literal (a number that is not finite). */
export class UnrepresentableValue extends Error {
  constructor(
    readonly target: string,
    reason: string,
  ) {
    super(`Cannot write this value as a ${target} literal: ${reason}`);
    this.name = "UnrepresentableValue";
  }
}
