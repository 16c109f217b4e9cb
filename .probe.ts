import { loadConfig } from "./pipelines/config/loadConfig.ts";
const l = loadConfig();
console.log(JSON.stringify(l.config, null, 1).slice(0, 3000), l.hash);
