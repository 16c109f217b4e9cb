/**
 * Words a suggested action must never contain (domain.md 保密): anything that tells the customer what
 * the data showed — forwarding, competitors and their networks, other or second lines, numbers,
 * calls seen, monitoring. Checked when the wording table is loaded and by the tests on every file.
 */
export const confidentialTerms =
  /呼转|转移|呼叫转|联通|电信|异网|友商|竞争|竞品|对手|携号转网|转网|号码|第二|副卡|双卡|双机|双模|两部|另一|其他卡|通话记录|话单|通话|主叫|被叫|监测|监控|发现|看到|观察|注意到|forward|competit|unicom|telecom|\bCU\b|\bCT\b|number|observ|monitor|noticed|\bsaw\b|\bseen\b|second (line|phone|sim|number)|dual|other (line|phone|sim)|another (line|phone|sim)|\bcalls?\b|\d{5,}/i;
