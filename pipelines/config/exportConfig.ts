import { z } from "zod";

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
     * Working days, counted after the Monday that follows the scored week (the day the extract lands
     * and the job runs), by which a group's calls are due. A/B groups are visited monthly and matter
     * most, so they come sooner than C.
     */
    dueWorkingDays: z
      .object({ A: workingDays.default(2), B: workingDays.default(2), C: workingDays.default(5) })
      .strict()
      .prefault({}),
    /** Class whose due days apply to a group with no or an unknown class (the most lenient by default). */
    dueDefaultClass: z.enum(["A", "B", "C"]).default("C"),
    /** Public holidays skipped like weekends when counting working days ('YYYY-MM-DD'). */
    holidays: z.array(isoDate).default([]),
    /** Weekend days that are working days (调休 make-up days), counted like weekdays. */
    makeUpWorkdays: z.array(isoDate).default([]),
    /** Signal-matched actions suggested per person, after the tier-wide ones (the strongest signals first). */
    actionsPerPerson: z.number().int().positive().default(2),
    /** The person's own signals quoted in `reason` before the group's reasons. */
    personSignalsInReason: z.number().int().min(0).default(2),
    /** Numbers quoted per signal from its detail (the first ones: the signals list the telling ones first). */
    reasonNumbersPerSignal: z.number().int().min(0).default(4),
    /**
     * The wording table of suggested actions (CSV: signal, tier, action_zh, gloss_en). null: the one
     * shipped in pipelines/export/suggested_actions.csv; a path is read relative to the current folder.
     */
    wordingTable: z.string().min(1).nullable().default(null),
  })
  .prefault({});

export type ExportConfig = z.infer<typeof exportConfig>;
