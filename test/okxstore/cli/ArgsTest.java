package okxstore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A command's arguments: positionals, options with values, flags, "--", and usage errors (exit 2). */
class ArgsTest {
    private static Args parse(String... args) {
        return Args.parse("query", List.of(args), Set.of("count", "from"), Set.of("all", "json"));
    }

    private static CliException usage(Runnable r) {
        CliException e = assertThrows(CliException.class, r::run);
        assertEquals(2, e.exitCode());
        return e;
    }

    @Test
    void positionalsOptionsAndFlags() {
        Args a = parse("BTC-USDT", "--count", "5", "1m", "--json", "--from=2024-01-01");
        assertEquals(List.of("BTC-USDT", "1m"), a.positional());
        assertEquals(Optional.of("5"), a.option("count"));
        assertEquals(Optional.of("2024-01-01"), a.option("from"));
        assertTrue(a.flag("json"));
        assertFalse(a.flag("all"));
        assertEquals(Optional.empty(), a.option("all"));
        assertEquals(5, a.intOption("count", 10));
        assertEquals(7, parse().intOption("count", 7));
    }

    @Test
    void dashIsPositional_andEverythingAfterDoubleDash() {
        Args a = parse("-", "--", "--json", "-x");
        assertEquals(List.of("-", "--json", "-x"), a.positional());
        assertFalse(a.flag("json"));
    }

    @Test
    void negativeNumbers_arePositional() {
        assertEquals(List.of("-5", "-1.5"), parse("-5", "-1.5").positional());
    }

    @Test
    void unknownOptions_nameTheCommand() {
        assertTrue(usage(() -> parse("--bogus")).getMessage().startsWith("unknown option '--bogus' for query"));
        assertTrue(usage(() -> parse("-x")).getMessage().startsWith("unknown option '-x' for query"));
        assertTrue(usage(() -> parse("--json=yes")).getMessage().startsWith("option --json of query takes no value"));
    }

    @Test
    void missingValues_andBadNumbers() {
        assertEquals("option --count of query needs a value", usage(() -> parse("--count")).getMessage());
        assertEquals("--count needs a whole number, got 'abc'", usage(() -> parse("--count", "abc").intOption("count", 1))
            .getMessage());
        assertEquals("--count needs a whole number, got '-5'", usage(() -> parse("--count", "-5").intOption("count", 1))
            .getMessage());
        assertEquals(Optional.of(""), parse("--count=").option("count"));
    }

    @Test
    void requiredAndMaxPositional() {
        Args a = parse("BTC-USDT");
        assertEquals("BTC-USDT", a.required(0, "an instrument id"));
        assertTrue(usage(() -> a.required(1, "a bar")).getMessage().startsWith("query needs a bar"));
        a.maxPositional(1);
        assertTrue(usage(() -> a.maxPositional(0)).getMessage().startsWith("unexpected argument 'BTC-USDT' for query"));
    }

    @Test
    void laterOption_wins() {
        assertEquals(Optional.of("2"), parse("--count", "1", "--count", "2").option("count"));
    }
}
