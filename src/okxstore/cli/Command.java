package okxstore.cli;

import java.util.List;

/** One sub-command of the command line: its name, one-line summary, full help, and what it does. */
interface Command {
    String name();

    /** One line for the tool's --help. */
    String summary();

    /** The command's --help: usage line first, then options. */
    String help();

    /** Runs the command and returns its exit code; throws {@link CliException} for one-line errors. */
    int run(Cli cli, List<String> args) throws Exception;
}
