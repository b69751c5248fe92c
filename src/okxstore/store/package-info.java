/**
 * Internal: not part of the public API; may change.
 * <p>
 * The SQLite files: one database per instrument ({@code <data-dir>/<instId>.db}), one table per bar,
 * a batching {@link okxstore.store.CandleWriter} (one platform thread owns every write connection)
 * and a read-only {@link okxstore.store.StoreReader}. JDBC runs on platform threads only.
 */
package okxstore.store;
