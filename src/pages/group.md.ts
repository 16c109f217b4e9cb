// The group drill-down page, generated: its template is pipelines/dashboard/groupPage.md.
import { groupDrillPage } from "../../pipelines/dashboard/groupDrillPage.ts";
import { runLoader } from "../../pipelines/dashboard/runLoader.ts";

await runLoader("group.md", groupDrillPage);
