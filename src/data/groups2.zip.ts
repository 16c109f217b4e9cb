// Drill-down files of archive 2 of at most 8 (pipelines/dashboard/groupArchive.ts: groups share
// files by the hash of their page name, files share archives by their number). The drill-down
// page names each file as FileAttachment("../data/groups2/b0000.json"); a small warehouse needs
// only archive 0, and Framework runs no loader whose files no page names.
import { groupArchive } from "../../pipelines/dashboard/groupArchive.ts";
import { runLoader } from "../../pipelines/dashboard/runLoader.ts";
import { zipArchive } from "../../pipelines/dashboard/zipArchive.ts";

await runLoader("groups2.zip", async (q) => zipArchive((await groupArchive(q, 2)).files));
