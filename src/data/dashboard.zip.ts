// Every page's data except the drill-downs' (see pipelines/dashboard/dashboardArchive.ts); pages
// read its members as FileAttachment("data/dashboard/<file>").
import { dashboardArchive } from "../../pipelines/dashboard/dashboardArchive.ts";
import { runLoader } from "../../pipelines/dashboard/runLoader.ts";
import { zipArchive } from "../../pipelines/dashboard/zipArchive.ts";

await runLoader("dashboard.zip", async (q) => zipArchive(await dashboardArchive(q)));
