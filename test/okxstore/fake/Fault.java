package okxstore.fake;

/** A way the fake exchange can misbehave on one request (see {@link Misbehaviour}). */
public enum Fault {
    /** HTTP 503 with {@code 50001} "Service temporarily unavailable" (API-NOTES §4). */
    UNAVAILABLE,
    /** HTTP 429 with {@code 50013} "Systems are busy" (API-NOTES §4). */
    BUSY,
    /** HTTP 500 with an HTML page instead of JSON, as a proxy in front of the exchange sends. */
    GARBAGE,
    /** No answer at all until {@link Misbehaviour#releaseStalled()} (then a normal answer) or close. */
    STALL,
    /** Status line, headers and half the body, then silence until released (then the rest) or close. */
    STALL_BODY,
    /** Headers announcing the full length, half the body, then the connection is closed. */
    TRUNCATED
}
