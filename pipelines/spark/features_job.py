"""
churnwatch's feature stage on Apache Spark: usage records (CDR) -> each week's member features
(contact ties and handsets), written as Parquet for a feature bundle.

Run by `churnwatch features --engine spark` through spark-submit, with a plan (JSON) that Node
wrote: the files to read and the SQL to run. The SQL is the DuckDB stage's own models translated
by pipelines/spark/toSparkSql.ts; this script only reads files, runs those queries in order, and
writes what they return. It decides no business rule of its own.

Per week:
  1. each CDR file is read with every column as text (a malformed record, one Spark cannot split
     into the header's fields, is counted and refused);
  2. the check model (raw/check_cdr.sql) types the records and names the first rule each breaks;
  3. a record_id delivered twice keeps its first occurrence in read order (manifest order, then
     place in the file), as the DuckDB loader does;
  4. the roll-up and the feature models run; their rows are written, sorted, as Parquet;
  5. stats.json says, per file, how many records were read, refused (by reason) and duplicated.
Logs go to stderr; nothing personal (no number, no line) is ever printed.
"""
import json
import sys
import time

from pyspark.sql import SparkSession, Window
from pyspark.sql import functions as F
from pyspark.errors import AnalysisException
from pyspark.sql.types import StringType, StructField, StructType

CORRUPT = "_corrupt_record"


def log(message):
    print(f"churnwatch spark: {message}", file=sys.stderr, flush=True)


def read_file(spark, index, source, columns):
    """One delivered file, every field text; `filename` carries its place in the read order."""
    header = source["header"]
    # positional names: the header may hold extra columns, even repeated ones, that we ignore
    schema = StructType([StructField(f"c{i}", StringType()) for i in range(len(header))] + [StructField(CORRUPT, StringType())])
    frame = spark.read.csv(
        source["path"], schema=schema, header=True, sep=source["delimiter"], quote='"', escape='"',
        encoding=source["encoding"], mode="PERMISSIVE", columnNameOfCorruptRecord=CORRUPT,
        multiLine=False, enforceSchema=True, ignoreLeadingWhiteSpace=False, ignoreTrailingWhiteSpace=False,
    )
    return frame.select(
        *[F.col(f"c{header.index(name)}").alias(name) for name in columns],
        # the record's place in the read order, and whether Spark could split it, ride along in
        # `filename`, which the check model passes through untouched
        F.struct(
            F.lit(index).alias("index"),
            F.col(CORRUPT).isNotNull().alias("malformed"),
            F.input_file_block_start().alias("block"),
            F.monotonically_increasing_id().alias("seq"),
        ).alias("filename"),
    )


def read_table(spark, table, week, columns):
    """
    The week's records from a table (Hive's, a catalog's, or a Parquet dataset), every contract column
    cast to text as an extract would spell it, so the same check types them.
    """
    frame = spark.sql(f"select * from {table}").where(F.col("week") == F.lit(week))
    return frame.select(
        *[F.col(name).cast("string").alias(name) for name in columns],
        F.struct(
            F.lit(0).alias("index"),
            F.lit(False).alias("malformed"),
            F.input_file_block_start().alias("block"),
            F.monotonically_increasing_id().alias("seq"),
        ).alias("filename"),
    )


def staged(spark, frame, path):
    """
    The frame written once as Parquet and read back: the checked records feed the counts, the
    duplicate test and both feature queries. Spark's cache would keep
    them in the driver's memory and, evicted, read and check the CSV again; Parquet on the job's
    own folder is read by column and costs one write.
    """
    frame.write.mode("overwrite").option("compression", "snappy").parquet(path)
    return spark.read.parquet(path)


class Steps:
    """How long each step of a week took, for the log (the bench reads where Spark spends its time)."""

    def __init__(self):
        self.last = time.time()
        self.taken = []

    def done(self, name):
        now = time.time()
        self.taken.append(f"{name} {now - self.last:.1f} s")
        self.last = now


def run_week(spark, plan, week):
    started = time.time()
    steps = Steps()
    columns = plan["cdrColumns"]
    if week["table"]:
        frames = [read_table(spark, week["table"], week["week"], columns)]
        sources = [{"label": week["table"]}]
    else:
        frames = [read_file(spark, i, source, columns) for i, source in enumerate(week["files"])]
        sources = week["files"]
    records = frames[0]
    for frame in frames[1:]:
        records = records.unionByName(frame)
    records.createOrReplaceTempView("src")

    bounds = {"week_start": week["weekStart"], "week_end": week["weekEnd"]}
    checked = staged(spark, spark.sql(plan["check"]["sql"], args=bounds), f"{week['out']}/_staged/checked")
    checked.createOrReplaceTempView("checked")
    outcomes = spark.sql("""
        select filename.index as index, filename.malformed as malformed, reject, count(*) as n
        from checked group by filename.index, filename.malformed, reject
    """).collect()
    malformed = {}
    for r in outcomes:
        if r["malformed"]:
            malformed[r["index"]] = malformed.get(r["index"], 0) + r["n"]
    refused = [r for r in outcomes if not r["malformed"]]
    steps.done("read and check")

    valid = checked.where("reject is null and not filename.malformed")
    repeated = valid.groupBy("record_id").count().where("count > 1").select("record_id")
    duplicates = {}
    if repeated.limit(1).count() > 0:
        order = Window.partitionBy("record_id").orderBy("filename.index", "filename.block", "filename.seq")
        ranked = valid.join(F.broadcast(repeated.withColumn("repeated", F.lit(True))), "record_id", "left") \
            .withColumn("occurrence", F.when(F.col("repeated"), F.row_number().over(order)).otherwise(F.lit(1)))
        duplicates = {r["index"]: r["n"] for r in ranked.where("occurrence > 1")
                      .groupBy(F.col("filename.index").alias("index")).agg(F.count("*").alias("n")).collect()}
        # both feature queries read the records: the window runs once
        valid = staged(spark, ranked.where("occurrence = 1").drop("repeated", "occurrence"), f"{week['out']}/_staged/kept")
    steps.done("duplicates")
    valid.drop("reject", "filename").withColumn("week", F.lit(week["week"])).createOrReplaceTempView("raw_cdr")

    args = {"week": week["week"]}
    for table in plan["tables"]:
        rows = spark.sql(table["sql"], args=args)
        order = [c for c in rows.columns if c != "week"]
        rows.repartition(plan["filesPerTable"], "msisdn").sortWithinPartitions(*order) \
            .write.mode("overwrite").option("compression", "zstd").parquet(f"{week['out']}/{table['name']}")
        steps.done(table["name"])

    files = []
    for i, source in enumerate(sources):
        reasons = {r["reject"]: r["n"] for r in refused if r["index"] == i and r["reject"] is not None}
        read = sum(r["n"] for r in refused if r["index"] == i)
        files.append({
            "path": source["label"],
            "records": read + malformed.get(i, 0),
            "malformed": malformed.get(i, 0),
            "refused": reasons,
            "duplicates": duplicates.get(i, 0),
        })
    # the rows written are counted by the driver, file by file, when it assembles the bundle
    stats = {"week": week["week"], "files": files, "seconds": round(time.time() - started, 1)}
    with open(f"{week['out']}/stats.json", "w", encoding="utf-8") as out:
        json.dump(stats, out)
    log(f"{week['week']}: {sum(f['records'] for f in files)} records, features in {stats['seconds']} s ({', '.join(steps.taken)})")


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        plan = json.load(f)
    builder = SparkSession.builder.appName("churnwatch-features")
    for key, value in plan["conf"].items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    log(f"Spark {spark.version}, master {spark.sparkContext.master}")
    failed = 0
    for week in plan["weeks"]:
        try:
            run_week(spark, plan, week)
        except Exception as e:  # one failed week never stops the others
            failed += 1
            # only the error's kind: Spark's own text may quote a record (privacy.md)
            log(f"{week['week']}: failed ({type(e).__name__})")
            if isinstance(e, AnalysisException):
                # a query that does not fit the data's shape: its text names columns, never values
                print(str(e), file=sys.stderr, flush=True)
            with open(f"{week['out']}/stats.json", "w", encoding="utf-8") as out:
                json.dump({"week": week["week"], "failed": type(e).__name__}, out)
    spark.stop()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
