import { z } from "zod";
import { SIGNAL_CODES } from "./scoringConfig.ts";

const workingDays = z.number().int().min(0);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date 'YYYY-MM-DD'");

/**
 * The weekly files and the retention call list. README "Exports and the weekly job" explains each
 * value. The mid/high-end plan fee is not here: it is `signals.midHighPlanFeeCny`, so the call list
 * picks exactly the members the signals weighed as mid/high-end.
 */
export const exportConfig = z
  .object({
    /**
     * By which working day of the week after the extract week a line is due (1 = its first working
     * day, the Monday the extract lands unless that is a holiday). `high` groups within two working
     * days whatever their class (domain.md); then A/B groups, visited monthly, before C. A count
     * beyond the week's working days means its last working day: every list is due within its week.
     */
    dueWorkingDays: z
      .object({
        high: workingDays.min(1).default(2),
        A: workingDays.min(1).default(3),
        B: workingDays.min(1).default(3),
        C: workingDays.min(1).default(5),
      })
      .strict()
      .prefault({}),
    /** Class whose due days apply to a group with no or an unknown class (the most lenient by default). */
    dueDefaultClass: z.enum(["A", "B", "C"]).default("C"),
    /**
     * Public holidays skipped like weekends when counting working days ('YYYY-MM-DD'), in addition
     * to the State Council schedules shipped in pipelines/export/chinaWorkCalendar.ts (2025, 2026):
     * add a year's holidays here when it is published.
     */
    holidays: z.array(isoDate).default([]),
    /** Weekend days that are working days (调休 make-up days), counted like weekdays; added to the shipped ones. */
    makeUpWorkdays: z.array(isoDate).default([]),
    /**
     * A person's own warnings that are a care moment (domain.md): they put a key person or a
     * mid/high-end member on the list even when the group as a whole stays `low`.
     */
    careMomentSignals: z.array(z.enum(SIGNAL_CODES)).default(["arrears", "contract_expiry", "dual_phone", "handset_change"]),
    /** Signal-matched actions suggested per person, after the tier-wide ones (the strongest signals first). */
    actionsPerPerson: z.number().int().positive().default(2),
    /** The person's own signals quoted in `reason` before the group's reasons. */
    personSignalsInReason: z.number().int().min(0).default(2),
    /**
     * The wording table of suggested actions (CSV: signal, tier, action_zh, gloss_en). null: the one
     * shipped in pipelines/export/suggested_actions.csv; a path is read relative to the current folder.
     */
    wordingTable: z.string().min(1).nullable().default(null),
  })
  .strict()
  .prefault({});

export type ExportConfig = z.infer<typeof exportConfig>;
