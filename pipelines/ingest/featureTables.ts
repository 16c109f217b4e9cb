/**
 * A feature bundle's tables (README, "Feature bundles"): the warehouse's feature tables
 * (pipelines/sql/features/schema.sql), each delivered as one or more Parquet files. The version
 * changes whenever a column does; a loader refuses a version it does not know.
 */
export const FEATURES_VERSION = 1;

export const FEATURE_TABLES = ["feat_member_contact", "feat_member_handset"] as const;

export type FeatureTable = (typeof FEATURE_TABLES)[number];
