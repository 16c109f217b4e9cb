/** Wrong usage of the command line or configuration: exit status 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
}

/** A bundle or week failed (message names the file and why): exit status 1. */
export class BundleError extends Error {
  readonly exitCode = 1;
}
