import { existsSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";

/**
 * The spark-submit to run: $SPARK_HOME's (an operator's own Spark), else the one pip's pyspark
 * installs, else none (null, with why). Asked of Python, since pyspark's scripts need not be on PATH.
 */
export function findSparkSubmit(): { path: string; version: string } | { path: null; why: string } {
  if (process.env.SPARK_HOME) {
    const path = join(process.env.SPARK_HOME, "bin", "spark-submit");
    if (existsSync(path)) return { path, version: sparkVersion(path) };
    return { path: null, why: `SPARK_HOME is set but ${path} does not exist` };
  }
  const python = process.env.CHURNWATCH_PYTHON ?? "python3";
  const probe = spawnSync(python,
    ["-c", "import os, pyspark; print(os.path.dirname(pyspark.__file__)); print(pyspark.__version__)"], { encoding: "utf8" });
  if (probe.error) return { path: null, why: `${python} is not installed` };
  if (probe.status !== 0) return { path: null, why: "pyspark is not installed (pip install pyspark==4.3.0; Java 17 is needed too)" };
  const [dir, version] = probe.stdout.trim().split("\n");
  const path = join(dir, "bin", "spark-submit");
  if (!existsSync(path)) return { path: null, why: `pyspark ${version} has no bin/spark-submit` };
  if (spawnSync("java", ["-version"]).error) return { path: null, why: "java is not installed (Spark needs Java 17)" };
  return { path, version };
}

function sparkVersion(sparkSubmit: string): string {
  const out = spawnSync(sparkSubmit, ["--version"], { encoding: "utf8" });
  return /version (\d+\.\d+\.\d+)/.exec(`${out.stdout}${out.stderr}`)?.[1] ?? "unknown";
}
