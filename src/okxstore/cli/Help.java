package okxstore.cli;

/** The tool's --help text. */
final class Help {
    private Help() {
    }

    static String tool() {
        StringBuilder sb = new StringBuilder();
        sb.append("""
            okx-store - a local SQLite copy of OKX candlesticks, kept in sync

            Usage: java -jar okx-store.jar [--config FILE] [--data-dir DIR] [--log-level L] [--debug] COMMAND ...

            Commands:
            """);
        for (Command c : Commands.ALL) {
            sb.append(String.format(java.util.Locale.ROOT, "  %-15s %s%n", c.name(), c.summary()));
        }
        sb.append("""

            Global options:
              --config FILE     config file (else $OKX_STORE_CONFIG, else DATA-DIR/okx-store.properties)
              --data-dir DIR    data directory (else $OKX_STORE_HOME, else data.dir, else ~/.okx-store)
              --log-level L     SEVERE, WARNING, INFO, FINE, FINER
              --debug           stack traces on errors, FINE logs on stderr
              --help, --version

            COMMAND --help tells more. Exit codes: 0 ok, 1 failure, 2 usage or config error.
            """);
        return sb.toString();
    }
}
