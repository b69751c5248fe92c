/**
 * Internal: not part of the public API; may change.
 * <p>
 * Configuration: the key catalog ({@link okxstore.config.Keys}), layered raw values
 * ({@link okxstore.config.Config}) and their validated, typed view ({@link okxstore.config.Settings}).
 */
package okxstore.config;
