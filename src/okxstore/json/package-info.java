/**
 * Internal: not part of the public API; may change.
 * <p>
 * Strict RFC 8259 JSON text to plain Java values ({@code Map}, {@code List}, {@code String},
 * {@code Long}, {@code BigDecimal}, {@code Boolean}, {@code null}) and back; knows nothing of OKX.
 */
package okxstore.json;
