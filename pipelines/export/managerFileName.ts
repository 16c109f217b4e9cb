import { createHash } from "node:crypto";

const SAFE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * The file stem of a manager's call list (`calls/<stem>.csv`). manager_id comes from the extract,
 * so anything that is not a plain name (a '/', '..', spaces, Chinese, or too long) is replaced by a
 * readable part plus a short hash, which keeps two ids from landing on one file. Groups without a
 * manager go to `_no_manager`, a name no plain id can take.
 */
export function managerFileName(managerId: string | null): string {
  if (managerId === null || managerId === "") return "_no_manager";
  if (SAFE.test(managerId)) return managerId;
  const readable = managerId.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^[._-]+/, "").slice(0, 40);
  const hash = createHash("sha256").update(managerId).digest("hex").slice(0, 8);
  return `${readable || "manager"}~${hash}`;
}
