package nl.bijstandsportaal.api.v1;

/** The stable {@code type} values of {@link Problem}. Each has a page at that path explaining it. */
public final class ProblemTypes {
    public static final String BASE = "/problems/";
    public static final String VALIDATION = BASE + "validation";
    public static final String BAD_REQUEST = BASE + "bad-request";
    public static final String UNAUTHORIZED = BASE + "unauthorized";
    public static final String FORBIDDEN = BASE + "forbidden";
    public static final String NOT_FOUND = BASE + "not-found";
    public static final String METHOD_NOT_ALLOWED = BASE + "method-not-allowed";
    public static final String UNSUPPORTED_MEDIA_TYPE = BASE + "unsupported-media-type";
    public static final String NOT_ACCEPTABLE = BASE + "not-acceptable";
    public static final String IDEMPOTENCY_KEY_REUSED = BASE + "idempotency-key-reused";
    /** 428: a POST that creates something came without an Idempotency-Key header. */
    public static final String IDEMPOTENCY_KEY_MISSING = BASE + "idempotency-key-missing";
    public static final String CONFLICT = BASE + "conflict";
    public static final String INVALID_GRANT = BASE + "invalid-grant";
    public static final String INVALID_CLIENT = BASE + "invalid-client";
    public static final String INTERNAL = BASE + "internal";
    /** 429: too many requests in a short time; wait as long as the Retry-After header says. */
    public static final String TOO_MANY_REQUESTS = BASE + "too-many-requests";
    /** 413: the body is larger than the portal accepts (a file: 10 MB). */
    public static final String TOO_LARGE = BASE + "too-large";
    /** The portal cannot reach its data just now (503, with Retry-After): send the same request again later. */
    public static final String UNAVAILABLE = BASE + "unavailable";
    /** A figure the calculation needs (a norm, a limit) is not known yet for that month. */
    public static final String FIGURES_NOT_KNOWN = BASE + "figures-not-known";

    /**
     * 409: a file the citizen sent can not be deleted any more: the consulent has handled it (ADR 0055). Send a new file
     * or a message to the consulent instead.
     */
    public static final String FILE_HANDLED = BASE + "file-handled";

    private ProblemTypes() {
    }
}
