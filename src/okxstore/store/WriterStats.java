package okxstore.store;

/**
 * Counters of a {@link CandleWriter} since it started.
 *
 * @param rowsWritten   candle rows inserted or replaced
 * @param rowsUnchanged candle rows the upsert rule kept as they were (older or equal observations)
 * @param rowsSkipped   candles refused before queueing: insane values or a ts off the bar's grid
 * @param rowsRejected  candle rows not written: the file has a newer schema, or retries ran out at close
 * @param batches       commit rounds (each one transaction per file touched)
 * @param commits       transactions committed
 * @param checkpoints   WAL checkpoints run
 * @param errors        failed transactions (each retried) and other writer errors
 * @param queueDepth    operations waiting in the queue now
 * @param openFiles     database files with an open connection now
 */
public record WriterStats(long rowsWritten, long rowsUnchanged, long rowsSkipped, long rowsRejected, long batches,
                          long commits, long checkpoints, long errors, int queueDepth, int openFiles) {
}
