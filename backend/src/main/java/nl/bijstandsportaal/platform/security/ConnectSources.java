package nl.bijstandsportaal.platform.security;

/**
 * Outside addresses one page's scripts may fetch from, on top of {@code connect-src 'self'} (SecurityHeadersFilter).
 * Only for a page that cannot work otherwise, e.g. the settings page asking Firebase for a browser's push token
 * (ADR 0049); every other page keeps the strict policy.
 */
public interface ConnectSources {

    /** The sources to add for this path, separated by spaces; empty for none. */
    String forPath(String path);
}
