/** Signal's `strictAssert`: a repository states what it expected, and says why when it didn't get it. */
export function strictAssert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`assertion failed: ${message}`);
}
