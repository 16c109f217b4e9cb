import { memberBill } from "./memberBill.ts";
import type { CsvValue } from "./csvLine.ts";
import type { GeneratorContext } from "./generatorContext.ts";

type Row = Record<string, CsvValue>;
export type SnapshotTable = "groups" | "managers" | "members" | "tac" | "billing";

/**
 * The rows of a week's non-CDR tables, keyed by the contract's column names: groups, managers and
 * handset models as they stand, members at week end (leavers keep their last status), and the
 * bill months the week delivers. Each is a generator, so members and bills stream to the file.
 */
export function snapshotTables(ctx: GeneratorContext, weekIndex: number): Record<SnapshotTable, () => Iterable<Row>> {
  const { population, calendar } = ctx;
  const weekLast = weekIndex * 7 + 6;
  return {
    *groups() {
      for (const g of population.groups) {
        yield {
          group_id: g.id, group_name: g.name, group_class: g.groupClass, industry: g.industry, org_type: g.orgType,
          employee_count: g.employees, annual_revenue: g.revenue10k.toFixed(2), address: g.address, phone: g.phone,
          branch: g.branch, manager_id: g.managerId, contract_end: g.contractEnd,
        };
      }
    },
    *managers() {
      for (const m of population.managers) {
        yield { manager_id: m.id, manager_name: m.name, branch: m.branch, phone: m.phone, email: m.email };
      }
    },
    *members() {
      for (const g of population.groups) {
        for (const m of g.members) {
          if (m.joinDay > weekLast) continue;
          const departed = m.departure !== null && m.departure.day <= weekLast;
          yield {
            msisdn: m.msisdn, group_id: g.id, role: m.role, vip_level: m.vip, join_date: calendar.dateOf(m.joinDay),
            status: departed ? m.departure!.status : "active",
            status_date: calendar.dateOf(departed ? m.departure!.day : m.joinDay),
            plan_fee: (m.planChange && weekIndex >= m.planChange.fromWeek ? m.planChange.fee : m.planFee).toFixed(2),
            contract_end: m.contractEnd,
          };
        }
      }
    },
    *tac() {
      for (const t of population.tac) {
        yield { tac: t.tac, brand: t.brand, model: t.model, sim_slots: t.simSlots, networks: t.networks, launched: t.launched };
      }
    },
    *billing() {
      for (const { month, redelivery } of calendar.billMonths(weekIndex)) {
        for (const m of population.members) {
          const bill = memberBill(ctx, m, month, redelivery);
          if (bill) yield { ...bill };
        }
      }
    },
  };
}
