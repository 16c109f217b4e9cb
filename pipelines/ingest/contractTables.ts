/** The extract contract's tables (extract-contract.md): header columns, where they load, their key. */
export interface ContractTable {
  /** Name in the manifest. */
  table: TableName;
  /** Header columns the contract requires, in any order; extra columns are ignored. */
  columns: readonly string[];
  /** Warehouse table the valid rows go to (pipelines/sql/raw/schema.sql). */
  rawTable: string;
  /** Check model under pipelines/sql/raw. */
  checkSql: string;
  /** Columns (warehouse names) that must be unique within the bundle. */
  key: readonly string[];
  /**
   * The bundle fails when none of the table's rows loads. Snapshots and usage describe the whole
   * week: without them every member would read as gone or silent and warn. Bills and handset
   * models add to earlier deliveries (the latest one per key wins), so a week without any is harmless.
   */
  requiresRows: boolean;
}

export type TableName = "groups" | "managers" | "members" | "cdr" | "billing" | "tac";

export const TABLE_NAMES = ["groups", "managers", "members", "cdr", "billing", "tac"] as const;

export const contractTables: Record<TableName, ContractTable> = {
  groups: {
    table: "groups",
    columns: ["group_id", "group_name", "group_class", "industry", "org_type", "employee_count",
      "annual_revenue", "address", "phone", "branch", "manager_id", "contract_end"],
    rawTable: "raw_groups",
    checkSql: "raw/check_groups.sql",
    key: ["group_id"],
    requiresRows: true,
  },
  managers: {
    table: "managers",
    columns: ["manager_id", "manager_name", "branch", "phone", "email"],
    rawTable: "raw_managers",
    checkSql: "raw/check_managers.sql",
    key: ["manager_id"],
    requiresRows: true,
  },
  members: {
    table: "members",
    columns: ["msisdn", "group_id", "role", "vip_level", "join_date", "status", "status_date",
      "plan_fee", "contract_end"],
    rawTable: "raw_members",
    checkSql: "raw/check_members.sql",
    key: ["msisdn", "group_id"],
    requiresRows: true,
  },
  cdr: {
    table: "cdr",
    columns: ["record_id", "msisdn", "record_type", "other_party", "other_network", "start_time",
      "duration_s", "cell_id", "imei"],
    rawTable: "raw_cdr",
    checkSql: "raw/check_cdr.sql",
    key: ["record_id"],
    requiresRows: true,
  },
  billing: {
    table: "billing",
    columns: ["msisdn", "bill_month", "total_fee", "voice_fee", "data_fee", "sms_fee", "other_fee"],
    rawTable: "raw_billing",
    checkSql: "raw/check_billing.sql",
    key: ["msisdn", "bill_month"],
    requiresRows: false,
  },
  tac: {
    table: "tac",
    columns: ["tac", "brand", "model", "sim_slots", "networks", "launched"],
    rawTable: "raw_tac",
    checkSql: "raw/check_tac.sql",
    key: ["tac"],
    requiresRows: false,
  },
};

/** Tables every bundle must deliver (billing too: "present in every bundle"). */
export const REQUIRED_TABLES: readonly TableName[] = TABLE_NAMES;
