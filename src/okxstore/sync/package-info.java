/**
 * Internal: not part of the public API; may change.
 * <p>
 * What to fetch and when: REST sync of series ({@link okxstore.sync.SyncService}), the hybrid live
 * loop ({@link okxstore.sync.LiveEngine}), the data-directory lock and the daemon's status file.
 */
package okxstore.sync;
