#!/usr/bin/env node
// The package's bin: registers tsx so the TypeScript pipelines run without a build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../cli.ts");
process.exitCode = await main(process.argv.slice(2));
