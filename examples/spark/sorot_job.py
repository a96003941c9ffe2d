"""Sorot as the map step of a Spark job: every partition of a JSON Lines corpus
is piped through `sorot analyze --jsonl - --out -`, and the documents are saved
as Spark's usual folder of part files, one output line per input line, in the
corpus order (part-00000 first).

Started by run.sh; by hand:
    spark-submit --master local[2] sorot_job.py SOROT_BINARY INPUT.jsonl OUT_DIR
"""

import shlex
import sys

from pyspark import SparkContext

# Exit status 1 means some lines became error records (still one output line
# each, so the output stays aligned); 2 or a signal means the stream itself
# failed, and the task must fail (Spark retries it).
PIPE_SCRIPT = '"$0" analyze --jsonl - --out - --threads 1; status=$?; [ "$status" -le 1 ]'


def main(binary: str, corpus: str, out_dir: str) -> None:
    sc = SparkContext(appName="sorot-analyze")
    sc.setLogLevel("WARN")
    articles = sc.textFile(corpus, minPartitions=sc.defaultParallelism)
    command = shlex.join(["sh", "-c", PIPE_SCRIPT, binary])
    documents = articles.pipe(command, checkCode=True)
    documents.saveAsTextFile(out_dir)
    print(f"sorot_job: {articles.getNumPartitions()} partition(s) written to {out_dir}")
    sc.stop()


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: sorot_job.py SOROT_BINARY INPUT.jsonl OUT_DIR")
    main(*sys.argv[1:])
