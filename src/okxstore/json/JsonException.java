package okxstore.json;

import java.io.Serial;

/**
 * Thrown when text is not strict JSON, or a value cannot be written as JSON. Unchecked;
 * {@link #offset()} says where in the input the text went wrong.
 */
public final class JsonException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The {@link #offset()} of an error that is not about input text (a writer error). */
    public static final int NO_OFFSET = -1;

    private final String reason;
    private final int offset;

    JsonException(String reason, int offset) {
        super(offset == NO_OFFSET ? reason : reason + " at offset " + offset);
        this.reason = reason;
        this.offset = offset;
    }

    /** The message without its position, e.g. {@code Expected ',' or ']'}. */
    public String reason() {
        return reason;
    }

    /**
     * Where the error was found: a char index for {@link Json#parse(String)}, a byte index for
     * {@link Json#parse(byte[])}, or {@link #NO_OFFSET} for a writer error.
     */
    public int offset() {
        return offset;
    }

    /** The same error at another offset: maps char offsets to byte offsets for byte input. */
    JsonException atOffset(int newOffset) {
        return new JsonException(reason, newOffset);
    }
}
