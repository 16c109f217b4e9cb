import { Random } from "./Random.ts";
import { subSeed } from "./subSeed.ts";
import { numberPlan } from "./numberPlan.ts";
import { chineseNames } from "./chineseNames.ts";
import { createMember } from "./createMember.ts";
import { contractEndDate } from "./contractEndDate.ts";
import type { GeneratorContext } from "./generatorContext.ts";
import type { Group, Manager, Role } from "./populationModel.ts";

/** Key roles in the order a group fills them: a decision maker first, then a contact. */
const KEY_ROLES: readonly Role[] = ["decision_maker", "contact", "dept_head", "influencer", "influencer"];
/** Tries for a group name not used yet, before the district is added to tell two apart. */
const NAME_TRIES = 8;

/**
 * The city at the start of the run: branches, managers, groups and their members. Group sizes are
 * long-tailed; class follows size; key persons and VIPs are spread over each group's members.
 */
export function buildPopulation(ctx: GeneratorContext): void {
  const { options, params, population } = ctx;
  const p = params.population;
  const names = chineseNames;
  const branchCount = Math.max(1, Math.min(names.districts.length, Math.ceil(options.groups / p.groupsPerBranch)));
  population.branches = names.districts.slice(0, branchCount);
  const branchWeights = population.branches.map((_, i) => 1 / (i + 1) ** p.branchWeightExponent);
  const usedNames = new Set<string>();

  for (let index = 0; index < options.groups; index++) {
    const rng = new Random(subSeed(options.seed, "group", index));
    const branch = population.branches[rng.weighted(branchWeights)];
    const sector = names.industries[rng.weighted(names.industries.map((s) => s.weight))];
    const size = Math.round(Math.min(p.groupSizeMax, Math.max(p.groupSizeMin, rng.logNormal(p.groupSizeMedian, p.groupSizeSigma))));
    const employees = Math.round(size * rng.range(...p.employeesPerMember));
    let name = "";
    for (let t = 0; t < NAME_TRIES && (name === "" || usedNames.has(name)); t++) name = groupName(rng, sector, branch);
    if (usedNames.has(name)) name = `${name}（${branch}${index}）`;
    usedNames.add(name);
    const group: Group = {
      index,
      id: `G${String(index + 1).padStart(6, "0")}`,
      name,
      groupClass: size >= p.classAMinMembers ? "A" : size >= p.classBMinMembers ? "B" : "C",
      industry: sector.industry,
      orgType: rng.pick(sector.orgTypes),
      employees,
      revenue10k: Math.round(employees * rng.range(...p.revenuePer10kEmployee) * 100) / 100,
      address: address(rng, branch, p),
      phone: numberPlan.of("FIXED", rng),
      branch,
      managerId: "",
      contractEnd: contractEndDate(rng, p.groupContractShare, ctx.calendar, params),
      officeCells: rng.sample(population.cells, rng.int(1, p.officeCellsMax)),
      members: [],
      planted: false,
    };
    const keyCount = Math.min(size - 1, p.keyPersonsMax, Math.max(p.keyPersonsMin, Math.round(size / p.membersPerKeyPerson)));
    const keyPositions = rng.sample(Array.from({ length: size }, (_, i) => i), keyCount);
    for (let position = 0; position < size; position++) {
      const k = keyPositions.indexOf(position);
      const joinDay = -rng.int(p.joinRecentWeeks * 7, Math.round(p.joinYearsBack * 365.25));
      const member = createMember(ctx, group, population.members.length, joinDay, k >= 0 ? KEY_ROLES[k] : "member");
      group.members.push(member);
      population.members.push(member);
    }
    population.groups.push(group);
  }
  population.managers = assignManagers(ctx);
}

function groupName(rng: Random, sector: (typeof chineseNames.industries)[number], branch: string): string {
  return rng.pick(sector.patterns).replace(/\{(\w)\}/g, (_, token: string) => {
    if (token === "d") return branch;
    if (token === "b") return rng.pick(chineseNames.tradeNames);
    if (token === "n") return rng.pick(chineseNames.ordinals);
    return rng.pick(sector.words);
  });
}

/** Street address; a few carry an ASCII comma, quote or line break, as typed into the CRM. */
function address(rng: Random, branch: string, p: GeneratorContext["params"]["population"]): string {
  const n = chineseNames;
  const street = `${n.city}${branch}${rng.pick(n.roads)}${rng.int(1, 399)}号`;
  const u = rng.next();
  if (u < p.addressNewlineShare) return `${street}\n${rng.pick(n.buildings)}东门`;
  if (u < p.addressNewlineShare + p.addressQuoteShare) return `${street}"${rng.pick(n.tradeNames)}"${rng.pick(n.buildings)}`;
  if (u < p.addressNewlineShare + p.addressQuoteShare + p.addressCommaShare) return `${street}, ${rng.pick(n.buildings)}${rng.int(2, 28)}楼`;
  return street;
}

/** Managers per branch (about groupsPerManager groups each); each group gets one of its branch's. */
function assignManagers(ctx: GeneratorContext): Manager[] {
  const { options, params, population } = ctx;
  const rng = new Random(subSeed(options.seed, "managers"));
  const managers: Manager[] = [];
  for (const branch of population.branches) {
    const groups = population.groups.filter((g) => g.branch === branch);
    if (groups.length === 0) continue;
    const own: Manager[] = [];
    for (let i = 0; i < Math.ceil(groups.length / params.population.groupsPerManager); i++) {
      const index = managers.length + 1;
      const manager: Manager = {
        id: `M${String(index).padStart(4, "0")}`,
        name: rng.pick(chineseNames.surnames) + rng.pick(chineseNames.givenChars) + (rng.chance(params.population.twoCharGivenNameShare) ? rng.pick(chineseNames.givenChars) : ""),
        branch,
        phone: numberPlan.manager(index),
        email: `m${String(index).padStart(4, "0")}@example.invalid`,
      };
      own.push(manager);
      managers.push(manager);
    }
    groups.forEach((g, i) => (g.managerId = own[i % own.length].id));
  }
  return managers;
}
