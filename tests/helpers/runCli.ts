import { vi } from "vitest";
import { main } from "../../pipelines/cli.ts";

/** Runs the CLI in this process, returning its exit status and what it printed on stdout and stderr. */
export async function runCli(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const umask = process.umask();
  const stdout = vi.spyOn(process.stdout, "write").mockImplementation((s) => (out.push(String(s)), true));
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation((s) => (err.push(String(s)), true));
  try {
    return { status: await main(args), stdout: out.join(""), stderr: err.join("") };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    process.umask(umask); // main sets 077 for the files it creates; the test process keeps its own
  }
}
