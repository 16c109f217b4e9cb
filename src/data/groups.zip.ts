// Every drill-down group's page data in one archive: one process for ~300 groups, not one each.
// Pages read a member as FileAttachment("data/groups/<page>.json").
import { groupArchive } from "../../pipelines/dashboard/groupArchive.ts";
import { runLoader } from "../../pipelines/dashboard/runLoader.ts";
import { zipArchive } from "../../pipelines/dashboard/zipArchive.ts";

await runLoader("groups.zip", async (q) => zipArchive(await groupArchive(q)));
