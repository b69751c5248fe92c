/**
 * Internal: not part of the public API; may change.
 * <p>
 * The command line: {@code Main}, one class per command, argument parsing, output formats, logging set-up.
 */
package okxstore.cli;
