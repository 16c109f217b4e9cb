// Every group's drill-down data in one archive of a few hundred files (groups share a file by the
// hash of their page name: pipelines/dashboard/groupArchive.ts). The drill-down page names each
// file as FileAttachment("../data/groups/b0000.json").
import { groupArchive } from "../../pipelines/dashboard/groupArchive.ts";
import { runLoader } from "../../pipelines/dashboard/runLoader.ts";
import { zipArchive } from "../../pipelines/dashboard/zipArchive.ts";

await runLoader("groups.zip", async (q) => zipArchive((await groupArchive(q)).files));
