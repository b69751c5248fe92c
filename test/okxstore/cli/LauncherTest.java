package okxstore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The launcher reads the Java feature version from java.specification.version, old and new styles. */
class LauncherTest {
    @ParameterizedTest
    @CsvSource({"1.8, 8", "1.7, 7", "9, 9", "11, 11", "17, 17", "21, 21", "21.0.1, 21", "25, 25", "'', 0", "abc, 0"})
    void feature(String spec, int expected) {
        assertEquals(expected, Launcher.feature(spec));
    }
}
