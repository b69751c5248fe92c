package okxstore.cli;

import java.util.List;

/** A command of the documented surface whose implementation has not landed yet: it says so and exits 1. */
abstract class PendingCommand implements Command {
    @Override
    public int run(Cli cli, List<String> args) {
        throw CliException.failure("'" + name() + "' is not available yet");
    }
}
